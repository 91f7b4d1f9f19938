// HTTPParser: llhttp driven from JS. See http_parser.h for the shape of the calls into JS.
#include "http_parser.h"

#include <cstring>

namespace nodus_http {

namespace {

napi_value Undefined(napi_env env) {
  napi_value v;
  napi_get_undefined(env, &v);
  return v;
}

napi_value Int(napi_env env, int32_t value) {
  napi_value v;
  napi_create_int32(env, value, &v);
  return v;
}

napi_value Latin1(napi_env env, const std::string& s) {
  napi_value v;
  napi_create_string_latin1(env, s.data(), s.size(), &v);
  return v;
}

Parser* Unwrap(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv,
               napi_value* self) {
  napi_value this_arg;
  if (napi_get_cb_info(env, info, argc, argv, &this_arg, nullptr) != napi_ok) return nullptr;
  void* data = nullptr;
  if (napi_unwrap(env, this_arg, &data) != napi_ok || data == nullptr) {
    napi_throw_type_error(env, "ERR_INVALID_THIS", "Value of \"this\" must be an HTTPParser");
    return nullptr;
  }
  if (self) *self = this_arg;
  return static_cast<Parser*>(data);
}

void TrimTrailingWhitespace(std::string* s) {
  size_t n = s->size();
  while (n > 0 && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t')) n--;
  s->resize(n);
}

}  // namespace

Binding* GetBinding(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return static_cast<Binding*>(data);
}

Parser::Parser(napi_env env, napi_value self) : env_(env) {
  napi_create_reference(env, self, 0, &self_);
  Reset(HTTP_REQUEST);
}

Parser::~Parser() {
  if (self_) napi_delete_reference(env_, self_);
}

const llhttp_settings_t* Parser::Settings() {
  static const llhttp_settings_t settings = [] {
    llhttp_settings_t s;
    llhttp_settings_init(&s);
    s.on_message_begin = OnMessageBegin;
    s.on_url = OnUrl;
    s.on_status = OnStatus;
    s.on_header_field = OnHeaderField;
    s.on_header_field_complete = OnHeaderFieldComplete;
    s.on_header_value = OnHeaderValue;
    s.on_header_value_complete = OnHeaderValueComplete;
    s.on_headers_complete = OnHeadersComplete;
    s.on_body = OnBody;
    s.on_message_complete = OnMessageComplete;
    return s;
  }();
  return &settings;
}

void Parser::Reset(llhttp_type_t type) {
  type_ = type;
  llhttp_init(&parser_, type, Settings());
  parser_.data = this;
  parser_.lenient_flags = static_cast<uint8_t>(lenient_flags_);
  url_.clear();
  status_message_.clear();
  num_fields_ = 0;
  field_open_ = false;
  headers_done_ = false;
  skip_complete_ = false;
  header_overflow_ = false;
  error_code_ = nullptr;
  value_end_ = nullptr;
  got_exception_ = false;
  header_bytes_ = 0;
}

bool Parser::TrackHeader(size_t len) {
  header_bytes_ += len;
  // Reaching the limit is already too much, as Node counts it.
  if (header_bytes_ >= max_header_size_) {
    header_overflow_ = true;
    error_code_ = "HPE_HEADER_OVERFLOW";
    llhttp_set_error_reason(&parser_, "Header overflow");
    return false;
  }
  return true;
}

bool Parser::Call(napi_ref fn_ref, size_t argc, napi_value* argv, napi_value* result) {
  napi_value fn, ignored;
  if (fn_ref == nullptr || napi_get_reference_value(env_, fn_ref, &fn) != napi_ok || fn == nullptr)
    return true;
  if (napi_call_function(env_, current_self_, fn, argc, argv, result ? result : &ignored) !=
      napi_ok) {
    got_exception_ = true;
    return false;
  }
  return true;
}

int Parser::OnMessageBegin(llhttp_t* p) {
  auto* self = static_cast<Parser*>(p->data);
  self->url_.clear();
  self->status_message_.clear();
  self->num_fields_ = 0;
  self->field_open_ = false;
  self->headers_done_ = false;
  self->skip_complete_ = false;
  self->header_bytes_ = 0;
  return 0;
}

int Parser::OnUrl(llhttp_t* p, const char* at, size_t len) {
  auto* self = static_cast<Parser*>(p->data);
  if (!self->TrackHeader(len)) return HPE_USER;
  self->url_.append(at, len);
  return 0;
}

int Parser::OnStatus(llhttp_t* p, const char* at, size_t len) {
  auto* self = static_cast<Parser*>(p->data);
  if (!self->TrackHeader(len)) return HPE_USER;
  self->status_message_.append(at, len);
  return 0;
}

int Parser::OnHeaderField(llhttp_t* p, const char* at, size_t len) {
  auto* self = static_cast<Parser*>(p->data);
  if (!self->TrackHeader(len)) return HPE_USER;
  self->value_end_ = nullptr;
  if (!self->field_open_) {
    if (self->fields_.size() <= self->num_fields_) self->fields_.emplace_back();
    auto& f = self->fields_[self->num_fields_++];
    f.first.clear();
    f.second.clear();
    self->field_open_ = true;
  }
  self->fields_[self->num_fields_ - 1].first.append(at, len);
  return 0;
}

int Parser::OnHeaderFieldComplete(llhttp_t* p) {
  static_cast<Parser*>(p->data)->field_open_ = false;
  return 0;
}

int Parser::OnHeaderValue(llhttp_t* p, const char* at, size_t len) {
  auto* self = static_cast<Parser*>(p->data);
  if (!self->TrackHeader(len)) return HPE_USER;
  if (self->num_fields_ == 0) return 0;
  // llhttp 8 joins an obs-fold continuation line to the value as a second span; RFC 7230 3.2.4
  // says to reject it (Node 20 does), unless the parser is lenient. A second span is a plain
  // continuation only when it carries on right where the last one stopped: in the same read, or
  // at the start of the next read when the last one reached the end of its own.
  if (self->value_end_ != nullptr && !(self->lenient_flags_ & LENIENT_HEADERS)) {
    const bool continues = self->value_at_end_ ? at == self->exec_start_ : at == self->value_end_;
    if (!continues) {
      self->error_code_ = "HPE_INVALID_HEADER_TOKEN";
      llhttp_set_error_reason(p, "Invalid header value char");
      return HPE_USER;
    }
  }
  self->value_end_ = at + len;
  self->value_at_end_ = self->value_end_ == self->exec_end_;
  self->fields_[self->num_fields_ - 1].second.append(at, len);
  return 0;
}

int Parser::OnHeaderValueComplete(llhttp_t* p) {
  auto* self = static_cast<Parser*>(p->data);
  self->field_open_ = false;
  self->value_end_ = nullptr;
  if (self->num_fields_ > 0) TrimTrailingWhitespace(&self->fields_[self->num_fields_ - 1].second);
  return 0;
}

// Header pairs passed as separate arguments; a head with more (only possible with a raised
// maxHeaderSize) passes them as one array, so no call can exhaust the stack with arguments.
constexpr size_t kMaxSpreadPairs = 128;

void Parser::PushHeaders(size_t count) {
  if (count > kMaxSpreadPairs) {
    napi_value arr;
    napi_create_array_with_length(env_, count * 2, &arr);
    for (size_t i = 0; i < count; i++) {
      napi_set_element(env_, arr, static_cast<uint32_t>(2 * i), Latin1(env_, fields_[i].first));
      napi_set_element(env_, arr, static_cast<uint32_t>(2 * i + 1), Latin1(env_, fields_[i].second));
    }
    argv_.push_back(arr);
    return;
  }
  for (size_t i = 0; i < count; i++) {
    argv_.push_back(Latin1(env_, fields_[i].first));
    argv_.push_back(Latin1(env_, fields_[i].second));
  }
}

// Arguments before the headers in onHeadersComplete: method, url, statusCode, statusMessage,
// (major << 8) | minor, flags.
constexpr size_t kHeadArgs = 6;

// Flags handed to JS with the head, one bit each.
enum HeadFlags : int32_t {
  kUpgrade = 1,
  kKeepAlive = 2,
  kComplete = 4,  // no body follows: JS ends the message itself and gets no onMessageComplete
};

int Parser::OnHeadersComplete(llhttp_t* p) {
  auto* self = static_cast<Parser*>(p->data);
  napi_env env = self->env_;
  self->headers_done_ = true;
  int32_t flags = 0;
  if (p->upgrade) flags |= kUpgrade;
  if (llhttp_should_keep_alive(p)) flags |= kKeepAlive;
  // A request without Content-Length or Transfer-Encoding has no body: llhttp will complete it
  // right after this callback, so JS is told now and the second call is saved.
  const bool has_length = (p->flags & (F_CHUNKED | F_CONTENT_LENGTH | F_TRANSFER_ENCODING)) != 0;
  if (self->type_ == HTTP_REQUEST && !p->upgrade &&
      (!has_length || ((p->flags & F_CONTENT_LENGTH) && !(p->flags & (F_CHUNKED | F_TRANSFER_ENCODING)) &&
                       p->content_length == 0))) {
    flags |= kComplete;
    self->skip_complete_ = true;
  }
  // Fixed arguments, then the headers as name, value, name, value... (JS takes them as a rest
  // parameter: building the array there is cheaper than element stores through Node-API).
  std::vector<napi_value>& argv = self->argv_;
  argv.resize(kHeadArgs);
  if (self->type_ == HTTP_REQUEST) {
    argv[0] = Int(env, p->method);
    argv[1] = Latin1(env, self->url_);
    argv[2] = Undefined(env);
    argv[3] = Undefined(env);
  } else {
    argv[0] = Undefined(env);
    argv[1] = Undefined(env);
    argv[2] = Int(env, p->status_code);
    argv[3] = Latin1(env, self->status_message_);
  }
  argv[4] = Int(env, (p->http_major << 8) | p->http_minor);
  argv[5] = Int(env, flags);
  self->PushHeaders(self->num_fields_);
  self->num_fields_ = 0;
  self->field_open_ = false;
  napi_value result;
  if (!self->Call(GetBinding(env)->on_headers_complete, argv.size(), argv.data(), &result))
    return -1;
  // JS may answer 1 (no body: a response to HEAD) or 2 (no body, and stop: an upgrade).
  napi_valuetype type;
  int32_t ret = 0;
  if (napi_typeof(env, result, &type) == napi_ok && type == napi_number)
    napi_get_value_int32(env, result, &ret);
  if (ret != 0) self->skip_complete_ = false;
  return ret;
}

int Parser::OnBody(llhttp_t* p, const char* at, size_t len) {
  auto* self = static_cast<Parser*>(p->data);
  napi_env env = self->env_;
  // The span lies inside the Buffer being executed: JS gets (buffer, offset, length) and takes a
  // view of it, so body bytes are never copied.
  napi_value argv[3];
  argv[0] = self->current_buffer_;
  napi_create_uint32(env, static_cast<uint32_t>(at - self->current_data_), &argv[1]);
  napi_create_uint32(env, static_cast<uint32_t>(len), &argv[2]);
  if (!self->Call(GetBinding(env)->on_body, 3, argv)) return -1;
  return 0;
}

int Parser::OnMessageComplete(llhttp_t* p) {
  auto* self = static_cast<Parser*>(p->data);
  napi_env env = self->env_;
  size_t trailers = self->headers_done_ ? self->num_fields_ : 0;
  if (self->skip_complete_ && trailers == 0) {
    self->skip_complete_ = false;
    return 0;
  }
  self->skip_complete_ = false;
  std::vector<napi_value>& argv = self->argv_;
  argv.clear();
  self->PushHeaders(trailers);
  self->num_fields_ = 0;
  if (!self->Call(GetBinding(env)->on_message_complete, argv.size(), argv.data())) return -1;
  return 0;
}

napi_value Parser::MakeError(llhttp_errno_t err, const char* data, size_t len, size_t parsed) {
  const char* code = error_code_ != nullptr ? error_code_ : llhttp_errno_name(err);
  const char* reason = llhttp_get_error_reason(&parser_);
  if (reason == nullptr) reason = "Parse Error";
  std::string message = "Parse Error: ";
  message += reason;
  napi_value code_v, msg_v, error, v;
  napi_create_string_utf8(env_, code, NAPI_AUTO_LENGTH, &code_v);
  napi_create_string_utf8(env_, message.c_str(), message.size(), &msg_v);
  napi_create_error(env_, code_v, msg_v, &error);
  napi_set_named_property(env_, error, "code", code_v);
  napi_create_string_utf8(env_, reason, NAPI_AUTO_LENGTH, &v);
  napi_set_named_property(env_, error, "reason", v);
  napi_create_uint32(env_, static_cast<uint32_t>(parsed), &v);
  napi_set_named_property(env_, error, "bytesParsed", v);
  // The bytes llhttp stopped in, for 'clientError' listeners (Node's err.rawPacket).
  void* copy = nullptr;
  if (data != nullptr && napi_create_buffer_copy(env_, len, data, &copy, &v) == napi_ok)
    napi_set_named_property(env_, error, "rawPacket", v);
  return error;
}

napi_value Parser::Run(napi_value buffer, const char* base, size_t offset, size_t len) {
  const char* data = base + offset;
  exec_start_ = data;
  exec_end_ = data + len;
  current_buffer_ = buffer;
  current_data_ = base;
  llhttp_errno_t err = llhttp_execute(&parser_, data, len);
  current_buffer_ = nullptr;
  current_data_ = nullptr;
  if (got_exception_) {
    // The JS exception is pending; it propagates from Execute. The parser is unusable until
    // initialize() runs again, as after any error.
    got_exception_ = false;
    return nullptr;
  }
  if (err == HPE_OK) {
    napi_value v;
    napi_create_uint32(env_, static_cast<uint32_t>(len), &v);
    return v;
  }
  size_t parsed = len;
  if (const char* pos = llhttp_get_error_pos(&parser_); pos != nullptr && data != nullptr &&
                                                        pos >= data && pos <= data + len)
    parsed = static_cast<size_t>(pos - data);
  if (err == HPE_PAUSED_UPGRADE || err == HPE_PAUSED) {
    // Upgrade: everything after the head belongs to the new protocol; JS takes it from `parsed`.
    if (err == HPE_PAUSED_UPGRADE) llhttp_resume_after_upgrade(&parser_);
    napi_value v;
    napi_create_uint32(env_, static_cast<uint32_t>(parsed), &v);
    return v;
  }
  return MakeError(err, data, len, parsed);
}

napi_value Parser::New(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  auto* parser = new Parser(env, self);
  if (napi_wrap(env, self, parser, Finalize, nullptr, nullptr) != napi_ok) {
    delete parser;
    return nullptr;
  }
  return self;
}

void Parser::Finalize(napi_env, void* data, void*) { delete static_cast<Parser*>(data); }

// initialize(type, maxHeaderSize, lenientFlags): readies the parser for a new connection.
napi_value Parser::Initialize(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  Parser* self = Unwrap(env, info, &argc, argv, nullptr);
  if (self == nullptr) return nullptr;
  int32_t type = HTTP_REQUEST;
  uint32_t max = 16 * 1024, lenient = 0;
  if (argc > 0) napi_get_value_int32(env, argv[0], &type);
  if (argc > 1) napi_get_value_uint32(env, argv[1], &max);
  if (argc > 2) napi_get_value_uint32(env, argv[2], &lenient);
  self->max_header_size_ = max;
  self->lenient_flags_ = lenient;
  self->Reset(type == HTTP_RESPONSE ? HTTP_RESPONSE : HTTP_REQUEST);
  return nullptr;
}

// execute(buffer[, offset, length]) -> bytes parsed (a number) or a parse Error (returned, not
// thrown). Exceptions thrown by the JS callbacks propagate.
napi_value Parser::Execute(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], self_v;
  Parser* self = Unwrap(env, info, &argc, argv, &self_v);
  if (self == nullptr) return nullptr;
  void* data = nullptr;
  size_t len = 0;
  if (argc < 1 || napi_get_buffer_info(env, argv[0], &data, &len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "The \"buffer\" argument must be a Buffer");
    return nullptr;
  }
  uint32_t offset = 0, count = static_cast<uint32_t>(len);
  if (argc > 1) napi_get_value_uint32(env, argv[1], &offset);
  if (argc > 2) napi_get_value_uint32(env, argv[2], &count);
  if (offset > len) offset = static_cast<uint32_t>(len);
  if (count > len - offset) count = static_cast<uint32_t>(len - offset);
  self->current_self_ = self_v;
  napi_value result = self->Run(argv[0], static_cast<const char*>(data), offset, count);
  self->current_self_ = nullptr;
  return result;
}

// finish(): the connection ended; completes a message whose end is the end of the stream.
napi_value Parser::Finish(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  napi_value self_v;
  Parser* self = Unwrap(env, info, &argc, nullptr, &self_v);
  if (self == nullptr) return nullptr;
  self->current_self_ = self_v;
  llhttp_errno_t err = llhttp_finish(&self->parser_);
  self->current_self_ = nullptr;
  if (self->got_exception_) {
    self->got_exception_ = false;
    return nullptr;
  }
  if (err == HPE_OK) return Undefined(env);
  return self->MakeError(err, nullptr, 0, 0);
}

napi_value Parser::Pause(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  Parser* self = Unwrap(env, info, &argc, nullptr, nullptr);
  if (self) llhttp_pause(&self->parser_);
  return nullptr;
}

napi_value Parser::Resume(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  Parser* self = Unwrap(env, info, &argc, nullptr, nullptr);
  if (self && llhttp_get_errno(&self->parser_) == HPE_PAUSED) llhttp_resume(&self->parser_);
  return nullptr;
}

// close(): drops per-message state; the object may be pooled and initialized again.
napi_value Parser::Close(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  Parser* self = Unwrap(env, info, &argc, nullptr, nullptr);
  if (self) self->Reset(self->type_);
  return nullptr;
}

void Parser::Register(napi_env env, napi_value binding) {
  const napi_property_descriptor methods[] = {
      {"initialize", nullptr, Initialize, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"execute", nullptr, Execute, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"finish", nullptr, Finish, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"pause", nullptr, Pause, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"resume", nullptr, Resume, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"close", nullptr, Close, nullptr, nullptr, nullptr, napi_default_method, nullptr},
  };
  napi_value ctor;
  napi_define_class(env, "HTTPParser", NAPI_AUTO_LENGTH, New, nullptr,
                    sizeof(methods) / sizeof(methods[0]), methods, &ctor);
  napi_set_named_property(env, binding, "HTTPParser", ctor);
  napi_set_named_property(env, ctor, "REQUEST", Int(env, HTTP_REQUEST));
  napi_set_named_property(env, ctor, "RESPONSE", Int(env, HTTP_RESPONSE));
  napi_set_named_property(env, ctor, "kUpgrade", Int(env, kUpgrade));
  napi_set_named_property(env, ctor, "kKeepAlive", Int(env, kKeepAlive));
  napi_set_named_property(env, ctor, "kComplete", Int(env, kComplete));
  napi_set_named_property(env, ctor, "kLenientAll",
                          Int(env, LENIENT_HEADERS | LENIENT_CHUNKED_LENGTH | LENIENT_KEEP_ALIVE));
  Binding* b = GetBinding(env);
  napi_create_reference(env, ctor, 1, &b->parser_ctor);
}

}  // namespace nodus_http
