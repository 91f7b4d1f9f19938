// The http plugin's entry point: the nodus_plugin descriptor and the binding's init (the parser
// class, the callbacks JS hands over once, and llhttp's method table).
#include <llhttp.h>

#include "http_parser.h"
#include "nodus/plugin.h"

namespace nodus_http {

namespace {

void SetRef(napi_env env, napi_ref* slot, napi_value value) {
  if (*slot) napi_delete_reference(env, *slot);
  *slot = nullptr;
  napi_valuetype type;
  if (value && napi_typeof(env, value, &type) == napi_ok && type == napi_function)
    napi_create_reference(env, value, 1, slot);
}

// setCallbacks(onHeadersComplete, onBody, onMessageComplete): called once by _http_common.
napi_value SetCallbacks(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3] = {nullptr, nullptr, nullptr};
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Binding* b = GetBinding(env);
  SetRef(env, &b->on_headers_complete, argv[0]);
  SetRef(env, &b->on_body, argv[1]);
  SetRef(env, &b->on_message_complete, argv[2]);
  return nullptr;
}

// llhttp's method names indexed by the method code it reports (holes where RTSP-only codes sit).
napi_value MethodTable(napi_env env) {
  napi_value arr;
  napi_create_array(env, &arr);
#define NODUS_HTTP_METHOD(num, name, string)                            \
  {                                                                     \
    napi_value s;                                                       \
    napi_create_string_latin1(env, #string, NAPI_AUTO_LENGTH, &s);      \
    napi_set_element(env, arr, num, s);                                 \
  }
  HTTP_METHOD_MAP(NODUS_HTTP_METHOD)
#undef NODUS_HTTP_METHOD
  return arr;
}

void FinalizeBinding(napi_env env, void* data, void*) {
  auto* b = static_cast<Binding*>(data);
  for (napi_ref r : {b->parser_ctor, b->on_headers_complete, b->on_body, b->on_message_complete})
    if (r) napi_delete_reference(env, r);
  delete b;
}

napi_value Init(napi_env env, napi_value binding) {
  auto* b = new Binding;
  napi_set_instance_data(env, b, FinalizeBinding, nullptr);
  Parser::Register(env, binding);
  napi_value fn;
  napi_create_function(env, "setCallbacks", NAPI_AUTO_LENGTH, SetCallbacks, nullptr, &fn);
  napi_set_named_property(env, binding, "setCallbacks", fn);
  napi_set_named_property(env, binding, "methods", MethodTable(env));
  return binding;
}

}  // namespace

}  // namespace nodus_http

extern "C" {
extern const nodus_js_source nodus_plugin_http_js[];
}

namespace {
#define NODUS_STR2(x) #x
#define NODUS_STR(x) NODUS_STR2(x)
const char* const kModules[] = {"http",          "_http_agent",    "_http_client",
                                "_http_common",  "_http_incoming", "_http_outgoing",
                                "_http_server",  nullptr};
const char* const kDepends[] = {"net", nullptr};
const char* const kVersions[] = {
    "llhttp",
    NODUS_STR(LLHTTP_VERSION_MAJOR) "." NODUS_STR(LLHTTP_VERSION_MINOR) "." NODUS_STR(LLHTTP_VERSION_PATCH),
    nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    kDepends,
    nodus_plugin_http_js,
    nodus_http::Init,
    kVersions,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
