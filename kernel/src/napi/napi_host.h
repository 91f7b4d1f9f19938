// What the rest of the kernel sees of Node-API: creating an environment for one addon or plugin,
// converting handles, running a module's init, and process.dlopen. Everything else about Node-API
// is the exported C functions themselves.
#pragma once

#include <v8.h>

#include <string>

#include "node_api.h"

namespace nodus {
class Runtime;
}

namespace nodus::napi {

// Module API version of an addon that does not say (no node_api_module_get_api_version_v1).
constexpr int32_t kDefaultModuleApiVersion = 8;

// Creates the Node-API environment of one addon or plugin. `module_api_version` is what the module
// declared: it selects behaviour as in Node (>= 10: references to any value, napi_cannot_run_js;
// NAPI_VERSION_EXPERIMENTAL: finalizers run inside GC). `filename` is the module's path (an
// absolute path or already a file: URL); node_api_get_module_file_name reports it as a URL. The
// runtime owns the environment: it is torn down (finalizers run) by a runtime cleanup hook.
napi_env CreateEnv(Runtime& rt, v8::Local<v8::Context> ctx, int32_t module_api_version,
                   const std::string& filename);

// A napi_value is a V8 handle slot: conversions are free.
inline napi_value ToNapi(v8::Local<v8::Value> local) {
  return reinterpret_cast<napi_value>(*local);
}
inline v8::Local<v8::Value> ToV8(napi_value value) {
  v8::Local<v8::Value> local;
  static_assert(sizeof(local) == sizeof(value));
  __builtin_memcpy(static_cast<void*>(&local), &value, sizeof(value));
  return local;
}

// Calls init(env, exports) inside the scopes Node-API needs. Returns what module.exports should be
// (exports itself when init returns NULL or undefined), or empty with the JS exception pending.
v8::MaybeLocal<v8::Value> CallModuleInit(napi_env env, napi_addon_register_func init,
                                         v8::Local<v8::Object> exports);

// process.dlopen(module, filename[, flags]).
void DLOpen(const v8::FunctionCallbackInfo<v8::Value>& args);

}  // namespace nodus::napi
