// The dns plugin's entry point: the nodus_plugin descriptor, the binding's init and the c-ares
// error names the other files share (the generic helpers are nodus/napi_helpers.h's).
#include "dns_binding.h"

#include "nodus/plugin.h"

namespace nodus_dns {

const char* AresErrorCode(int status) {
  switch (status) {
    case ARES_ENODATA: return "ENODATA";
    case ARES_EFORMERR: return "EFORMERR";
    case ARES_ESERVFAIL: return "ESERVFAIL";
    case ARES_ENOTFOUND: return "ENOTFOUND";
    case ARES_ENOTIMP: return "ENOTIMP";
    case ARES_EREFUSED: return "EREFUSED";
    case ARES_EBADQUERY: return "EBADQUERY";
    case ARES_EBADNAME: return "EBADNAME";
    case ARES_EBADFAMILY: return "EBADFAMILY";
    case ARES_EBADRESP: return "EBADRESP";
    case ARES_ECONNREFUSED: return "ECONNREFUSED";
    case ARES_ETIMEOUT: return "ETIMEOUT";
    case ARES_EOF: return "EOF";
    case ARES_EFILE: return "EFILE";
    case ARES_ENOMEM: return "ENOMEM";
    case ARES_EDESTRUCTION: return "EDESTRUCTION";
    case ARES_EBADSTR: return "EBADSTR";
    case ARES_EBADFLAGS: return "EBADFLAGS";
    case ARES_ENONAME: return "ENONAME";
    case ARES_EBADHINTS: return "EBADHINTS";
    case ARES_ENOTINITIALIZED: return "ENOTINITIALIZED";
    case ARES_ELOADIPHLPAPI: return "ELOADIPHLPAPI";
    case ARES_EADDRGETNETWORKPARAMS: return "EADDRGETNETWORKPARAMS";
    case ARES_ECANCELLED: return "ECANCELLED";
    default: return "UNKNOWN_ARES_ERROR";
  }
}

namespace {

void FinalizeBinding(napi_env env, void* data, void*) {
  auto* b = static_cast<Binding*>(data);
  if (b->async_context) napi_async_destroy(env, b->async_context);
  delete b;
}

napi_value Init(napi_env env, napi_value binding) {
  // Reference-counted by c-ares; never undone, the process may still have channels at exit.
  ares_library_init(ARES_LIB_INIT_ALL);
  auto* b = new Binding;
  b->env = env;
  napi_get_uv_event_loop(env, &b->loop);
  napi_set_instance_data(env, b, FinalizeBinding, nullptr);
  napi_async_init(env, nullptr, Str(env, "DNSWRAP"), &b->async_context);
  RegisterGetaddrinfo(env, binding);
  RegisterChannel(env, binding);
  return binding;
}

}  // namespace
}  // namespace nodus_dns

extern "C" {
extern const nodus_js_source nodus_plugin_dns_js[];
}

namespace {
const char* const kModules[] = {"dns", "dns/promises", nullptr};
const char* const kVersions[] = {"ares", ARES_VERSION_STR, nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    nullptr,
    nodus_plugin_dns_js,
    nodus_dns::Init,
    kVersions,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
