// Shared pieces of the dns binding: per-environment state and helpers to build values and enter
// JS. Node-API, libuv and c-ares only (no v8.h).
#pragma once

#include <ares.h>
#include <uv.h>

#include <cstdint>

#include "node_api.h"
#include "nodus/napi_helpers.h"

namespace nodus_dns {

struct Binding {
  napi_env env = nullptr;
  uv_loop_t* loop = nullptr;
  napi_async_context async_context = nullptr;
};

inline Binding* GetBinding(napi_env env) { return nodus::napi::InstanceData<Binding>(env); }

// The SDK's generic Node-API helpers (Int, Str, GetString, Prop...), as this plugin's own.
using namespace nodus::napi;

// Calls obj.oncomplete(...argv) through napi_make_callback (ticks and microtasks drain after it,
// exceptions reach 'uncaughtException'). The caller holds a handle scope.
inline void CallOncomplete(napi_env env, napi_value obj, size_t argc, napi_value* argv) {
  nodus::napi::CallMethod(env, GetBinding(env)->async_context, obj, "oncomplete", argc, argv);
}

// The name of a c-ares status as Node reports it ('ENOTFOUND', 'ETIMEOUT', ...).
const char* AresErrorCode(int status);

// Builds the JS result of one query type from a raw DNS answer; returns an ares status.
// `ttls` (may be null) receives an array of TTLs for A/AAAA answers.
int ParseReply(napi_env env, int type, const unsigned char* buf, int len, napi_value* result,
               napi_value* ttls);

// Registration, one per source file.
void RegisterGetaddrinfo(napi_env env, napi_value binding);
void RegisterChannel(napi_env env, napi_value binding);

}  // namespace nodus_dns
