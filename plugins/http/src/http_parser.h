// The http binding's parser: one llhttp instance per connection, exposed to the plugin's JS as
// the HTTPParser class. Speaks Node-API and llhttp only (no v8.h).
//
// The calls into JS are few by design: one per message head (method, url, version, flags and the
// headers as trailing name/value arguments, in one call), one per body span (a view of the
// Buffer being parsed, never a copy) and one at the end of a message — skipped when the head
// already says the message has no body, so a bodiless request costs exactly one call.
#pragma once

#include <llhttp.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "node_api.h"

namespace nodus_http {

// State shared by every parser of one environment (instance data: no global mutable state).
struct Binding {
  napi_ref parser_ctor = nullptr;
  // JS callbacks, called with `this` = the parser object.
  napi_ref on_headers_complete = nullptr;
  napi_ref on_body = nullptr;
  napi_ref on_message_complete = nullptr;
};

Binding* GetBinding(napi_env env);

class Parser {
 public:
  Parser(napi_env env, napi_value self);
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  static void Register(napi_env env, napi_value binding);

 private:
  // JS methods.
  static napi_value New(napi_env env, napi_callback_info info);
  static napi_value Initialize(napi_env env, napi_callback_info info);
  static napi_value Execute(napi_env env, napi_callback_info info);
  static napi_value Finish(napi_env env, napi_callback_info info);
  static napi_value Pause(napi_env env, napi_callback_info info);
  static napi_value Resume(napi_env env, napi_callback_info info);
  static napi_value Close(napi_env env, napi_callback_info info);
  static void Finalize(napi_env env, void* data, void* hint);

  // llhttp callbacks (parser->data is the Parser).
  static int OnMessageBegin(llhttp_t* p);
  static int OnUrl(llhttp_t* p, const char* at, size_t len);
  static int OnStatus(llhttp_t* p, const char* at, size_t len);
  static int OnHeaderField(llhttp_t* p, const char* at, size_t len);
  static int OnHeaderFieldComplete(llhttp_t* p);
  static int OnHeaderValue(llhttp_t* p, const char* at, size_t len);
  static int OnHeaderValueComplete(llhttp_t* p);
  static int OnHeadersComplete(llhttp_t* p);
  static int OnBody(llhttp_t* p, const char* at, size_t len);
  static int OnMessageComplete(llhttp_t* p);
  static const llhttp_settings_t* Settings();

  // Counts head bytes against maxHeaderSize; false (and the overflow error) past the limit.
  bool TrackHeader(size_t len);
  void Reset(llhttp_type_t type);
  // Runs llhttp over len bytes at base+offset and turns the outcome into a JS value. Offsets
  // handed to onBody are relative to base, the start of the Buffer.
  napi_value Run(napi_value buffer, const char* base, size_t offset, size_t len);
  napi_value MakeError(llhttp_errno_t err, const char* data, size_t len, size_t parsed);
  // Appends `count` header name/value strings to argv_ (or one array of them, for many).
  void PushHeaders(size_t count);
  // Calls a JS callback with `this` = the parser object; false if it threw.
  bool Call(napi_ref fn, size_t argc, napi_value* argv, napi_value* result = nullptr);

  napi_env env_;
  napi_ref self_ = nullptr;  // weak: the JS object owns the Parser
  llhttp_t parser_{};
  llhttp_type_t type_ = HTTP_REQUEST;
  uint32_t max_header_size_ = 16 * 1024;
  uint32_t lenient_flags_ = 0;

  // The message being parsed. Strings are reused across messages to keep their capacity.
  std::string url_;
  std::string status_message_;
  std::vector<std::pair<std::string, std::string>> fields_;
  size_t num_fields_ = 0;
  bool field_open_ = false;  // the last span was part of a header name still being read
  bool headers_done_ = false;  // fields now are trailers
  bool skip_complete_ = false;  // JS already learned the message ended with its head
  bool header_overflow_ = false;
  const char* error_code_ = nullptr;  // our own HPE_* code when a callback refused the input
  bool got_exception_ = false;
  size_t header_bytes_ = 0;
  std::vector<napi_value> argv_;  // arguments of the call into JS, reused

  // Valid only during Execute: the parser object and the Buffer being parsed.
  napi_value current_self_ = nullptr;
  napi_value current_buffer_ = nullptr;
  const char* current_data_ = nullptr;
  const char* exec_start_ = nullptr;
  const char* exec_end_ = nullptr;
  const char* value_end_ = nullptr;  // end of the last header value span, to spot obs-fold
  bool value_at_end_ = false;  // ... and whether it reached the end of its read
};

}  // namespace nodus_http
