// Shared pieces of the tls binding: argument helpers, OpenSSL error conversion, the per-environment
// state (the system root store, loaded on first use) and the two classes' registration.
// Speaks Node-API and OpenSSL only (no v8.h).
#pragma once

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstdint>
#include <string>

#include "node_api.h"
#include "nodus/napi_helpers.h"

namespace nodus_tls {

// The generic value makers are the SDK's.
using nodus::napi::Bool;
using nodus::napi::CopyBuffer;
using nodus::napi::GetBool;
using nodus::napi::Int;
using nodus::napi::IsNullish;
using nodus::napi::Null;
using nodus::napi::Str;
using nodus::napi::Undefined;

struct Bytes {
  const uint8_t* data = nullptr;
  size_t size = 0;
};
// Bytes of a Buffer / TypedArray / ArrayBuffer, or of a string (utf8, kept in `storage`).
bool GetBytes(napi_env env, napi_value value, Bytes* out, std::string* storage = nullptr);
std::string GetString(napi_env env, napi_value value);
int64_t GetInt(napi_env env, napi_value value, int64_t fallback = 0);

// An OpenSSL error as Node shows it: message "error:0A000086:SSL routines::certificate verify
// failed", library, reason and code (ERR_SSL_* for the SSL library, ERR_OSSL_* otherwise).
// Drains this thread's error queue; nullptr message means the queue was empty.
napi_value TakeOpenSSLError(napi_env env, const char* fallback);
void ThrowOpenSSL(napi_env env, const char* fallback);
void ThrowPlain(napi_env env, const std::string& message, const char* code = nullptr);

struct Method {
  const char* name;
  napi_callback fn;
};
napi_value DefineClass(napi_env env, napi_value target, const char* name, napi_callback ctor,
                       const Method* methods, size_t count);

// The system trust store (SSL_CERT_FILE / SSL_CERT_DIR or OpenSSL's defaults) plus
// NODE_EXTRA_CA_CERTS, built on first use and shared by every context that does not name its
// own `ca`. Never loaded at startup.
X509_STORE* RootStore(napi_env env);

// Index of the Connection pointer in SSL ex data, and of the SecureContext in SSL_CTX ex data.
int ConnectionIndex();

// The SSL_CTX of a binding.SecureContext object (nullptr for anything else).
SSL_CTX* ContextOf(napi_env env, napi_value object);
// A per-environment Int32Array's memory where Connection calls report what happened (flags).
int32_t* SharedState(napi_env env);
// A per-environment scratch area for decrypted bytes, at least `size` long.
uint8_t* Scratch(napi_env env, size_t size);

void RegisterContext(napi_env env, napi_value binding);
void RegisterConnection(napi_env env, napi_value binding);
// Installs on a new SSL_CTX the callbacks that reach the Connection (ALPN selection, client hello
// for SNICallback, new sessions, keylog).
void InstallContextCallbacks(SSL_CTX* ctx);

}  // namespace nodus_tls
