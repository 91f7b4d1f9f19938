// process.dlopen: loads a Node-API addon and runs its init. Both registration styles work: the
// exported napi_register_module_v1 (+ node_api_module_get_api_version_v1), and a static
// constructor calling napi_module_register while dlopen runs. Libraries are never unloaded (their
// code may still be queued to run), and a file loaded twice yields the same exports.
#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>

#include <string>

#include "napi/napi_env.h"
#include "runtime/elf_check.h"

namespace {

// Handoff slots filled by static constructors while dlopen runs on this thread.
thread_local napi_module* pending_napi_module = nullptr;
thread_local int pending_raw_v8_module_version = 0;

v8::Local<v8::String> Str(v8::Isolate* isolate, const std::string& s) {
  return v8::String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size()))
      .ToLocalChecked();
}

void ThrowError(v8::Isolate* isolate, const char* code, const std::string& message,
                v8::Local<v8::Value> (*make)(v8::Local<v8::String>) = v8::Exception::Error) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> error = make(Str(isolate, message));
  error.As<v8::Object>()->Set(context, Str(isolate, "code"), Str(isolate, code)).FromMaybe(false);
  isolate->ThrowException(error);
}

// Per-context maps kept on a private of the global object (no process-wide state): realpath ->
// exports, and realpath -> the napi_module a constructor registered (constructors run only on
// the first dlopen of a file).
v8::Local<v8::Map> CacheMap(v8::Local<v8::Context> context, const char* name) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Private> key = v8::Private::ForApi(isolate, Str(isolate, name));
  v8::Local<v8::Object> global = context->Global();
  v8::Local<v8::Value> map;
  if (global->GetPrivate(context, key).ToLocal(&map) && map->IsMap()) return map.As<v8::Map>();
  v8::Local<v8::Map> fresh = v8::Map::New(isolate);
  global->SetPrivate(context, key, fresh).FromMaybe(false);
  return fresh;
}

std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr) return path;
  return buf;
}

// Addons built against Node's raw V8 ABI export node_register_module_v<NODE_MODULE_VERSION>.
int RawV8ModuleVersion(void* handle) {
  static const int kKnown[] = {64, 67, 72, 79, 83, 88, 93, 102, 108, 111, 115, 120, 127, 131, 137};
  for (int v : kKnown) {
    std::string name = "node_register_module_v" + std::to_string(v);
    if (dlsym(handle, name.c_str()) != nullptr) return v;
  }
  return 0;
}

}  // namespace

extern "C" {

NAPI_EXTERN void NAPI_CDECL napi_module_register(napi_module* mod) {
  pending_napi_module = mod;
}

// Raw V8 addons register through this from a static constructor. Defining it here keeps such an
// addon from reaching libnode's copy, and lets dlopen name the problem.
NAPI_EXTERN void node_module_register(void* mod) {
  int version = mod != nullptr ? *static_cast<int*>(mod) : 0;
  pending_raw_v8_module_version = version != 0 ? version : -1;
}

}  // extern "C"

namespace nodus::napi {

void DLOpen(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  Runtime* rt = Runtime::From(context);

  if (args.Length() < 2) {
    ThrowError(isolate, "ERR_MISSING_ARGS", "process.dlopen needs at least 2 arguments",
               v8::Exception::TypeError);
    return;
  }
  int32_t flags = RTLD_LAZY;
  if (args.Length() > 2 && !args[2]->IsUndefined() && !args[2]->Int32Value(context).To(&flags)) {
    ThrowError(isolate, "ERR_INVALID_ARG_TYPE", "flag argument must be an integer.",
               v8::Exception::TypeError);
    return;
  }
  v8::Local<v8::Object> module;
  if (!args[0]->ToObject(context).ToLocal(&module)) return;
  v8::String::Utf8Value filename_utf8(isolate, args[1]);
  if (*filename_utf8 == nullptr) return;
  std::string filename(*filename_utf8, filename_utf8.length());
  v8::Local<v8::String> exports_key = Str(isolate, "exports");

  std::string real = RealPath(filename);
  v8::Local<v8::String> cache_key = Str(isolate, real);
  v8::Local<v8::Map> exports_cache = CacheMap(context, "nodus:napi:dlopen_exports");
  v8::Local<v8::Value> cached;
  if (exports_cache->Get(context, cache_key).ToLocal(&cached) && !cached->IsUndefined()) {
    module->Set(context, exports_key, cached).FromMaybe(false);
    return;
  }

  if (std::string problem = ElfLoadProblem(filename); !problem.empty()) {
    ThrowError(isolate, "ERR_DLOPEN_FAILED", filename + ": " + problem);
    return;
  }
  pending_napi_module = nullptr;
  pending_raw_v8_module_version = 0;
  dlerror();
  void* handle = dlopen(filename.c_str(), flags);
  napi_module* registered = pending_napi_module;
  int raw_version = pending_raw_v8_module_version;
  pending_napi_module = nullptr;
  pending_raw_v8_module_version = 0;
  if (handle == nullptr) {
    const char* message = dlerror();
    ThrowError(isolate, "ERR_DLOPEN_FAILED", message != nullptr ? message : "dlopen failed");
    return;
  }

  v8::Local<v8::Map> module_cache = CacheMap(context, "nodus:napi:dlopen_modules");
  if (registered != nullptr) {
    module_cache->Set(context, cache_key, v8::External::New(isolate, registered)).IsEmpty();
  } else {
    v8::Local<v8::Value> earlier;
    if (module_cache->Get(context, cache_key).ToLocal(&earlier) && earlier->IsExternal())
      registered = static_cast<napi_module*>(earlier.As<v8::External>()->Value());
  }

  napi_addon_register_func init = nullptr;
  int32_t api_version = kDefaultModuleApiVersion;
  if (auto sym = dlsym(handle, "napi_register_module_v1")) {
    init = reinterpret_cast<napi_addon_register_func>(sym);
    if (auto get_version = reinterpret_cast<node_api_addon_get_api_version_func>(
            dlsym(handle, "node_api_module_get_api_version_v1"))) {
      api_version = get_version();
    }
  } else if (registered != nullptr) {
    init = registered->nm_register_func;
  }

  if (init == nullptr) {
    if (raw_version == 0) raw_version = RawV8ModuleVersion(handle);
    if (raw_version != 0) {
      std::string abi = raw_version > 0 ? " (NODE_MODULE_VERSION " + std::to_string(raw_version) + ")" : "";
      ThrowError(isolate, "ERR_DLOPEN_FAILED",
                 "The module '" + filename + "' is not a Node-API addon: it was built for Node's "
                 "V8 ABI" + abi + ". nodus loads Node-API addons only; rebuild it with Node-API.");
    } else {
      ThrowError(isolate, "ERR_DLOPEN_FAILED",
                 "Module did not self-register: '" + filename +
                     "' (not a Node-API addon: no napi_register_module_v1).");
    }
    return;
  }
  if (api_version > 10 && api_version != NAPI_VERSION_EXPERIMENTAL) {
    ThrowError(isolate, "ERR_DLOPEN_FAILED",
               "The module '" + filename + "' needs Node-API version " +
                   std::to_string(api_version) + ", newer than this runtime's (10).");
    return;
  }
  if (api_version <= 0) api_version = kDefaultModuleApiVersion;

  v8::Local<v8::Value> exports_value;
  if (!module->Get(context, exports_key).ToLocal(&exports_value)) return;
  v8::Local<v8::Object> exports;
  if (!exports_value->ToObject(context).ToLocal(&exports)) return;

  napi_env env = CreateEnv(*rt, context, api_version, filename[0] == '/' ? filename : real);
  v8::Local<v8::Value> result;
  if (!CallModuleInit(env, init, exports).ToLocal(&result)) return;  // exception pending
  if (!result->StrictEquals(exports_value)) {
    if (module->Set(context, exports_key, result).IsNothing()) return;
  }
  exports_cache->Set(context, cache_key, result).IsEmpty();
}

}  // namespace nodus::napi
