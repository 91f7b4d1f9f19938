// Shared pieces of the crypto binding: argument helpers, OpenSSL error conversion, RAII handles
// and the job type that runs KDFs, key generation and random fills either synchronously or on
// libuv's thread pool. Speaks Node-API and OpenSSL only (no v8.h).
#pragma once

#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "node_api.h"
#include "nodus/napi_helpers.h"

namespace nodus_crypto {

// The generic value makers are the SDK's.
using nodus::napi::Bool;
using nodus::napi::CopyBuffer;
using nodus::napi::GetDouble;
using nodus::napi::Int;
using nodus::napi::IsFunction;
using nodus::napi::IsNullish;
using nodus::napi::Str;
using nodus::napi::Undefined;

// Bytes of a Buffer, TypedArray, DataView or ArrayBuffer, borrowed for the duration of a call.
struct Bytes {
  const uint8_t* data = nullptr;
  size_t size = 0;
};
bool GetBytes(napi_env env, napi_value value, Bytes* out);
// Same, writable (random fills into a caller's buffer).
bool GetMutableBytes(napi_env env, napi_value value, uint8_t** data, size_t* size);
std::string GetString(napi_env env, napi_value value);
int64_t GetInt64(napi_env env, napi_value value, int64_t fallback = 0);
// Only `true` is true (argument flags checked in JS; the SDK's GetBool is JS truthiness).
bool GetBool(napi_env env, napi_value value);

// A new Buffer adopting `bytes` (no copy; freed when the Buffer is collected).
napi_value AdoptBuffer(napi_env env, std::vector<uint8_t>&& bytes);

// An OpenSSL error as Node shows it: message "error:XXXXXXXX:lib::reason", and the properties
// library, reason and code (ERR_OSSL_REASON). Drains OpenSSL's error queue of this thread.
struct OpenSSLError {
  std::string message;
  std::string library;
  std::string reason;
  std::string code;
};
OpenSSLError TakeOpenSSLError(const char* fallback);
napi_value MakeError(napi_env env, const OpenSSLError& e);
void ThrowOpenSSL(napi_env env, const char* fallback);
// A plain Error with an optional `code` (codes the JS side would use are thrown by the JS side;
// these are the few reported from native code).
napi_value MakePlainError(napi_env env, const std::string& message, const char* code = nullptr);
void ThrowPlain(napi_env env, const std::string& message, const char* code = nullptr);

// A unit of work that runs with or without the loop: Run() touches no JS (it may run on a pool
// thread), Result() turns its output into a JS value on the JS thread.
class Job {
 public:
  virtual ~Job() = default;
  virtual void Run() = 0;
  virtual napi_value Result(napi_env env) = 0;
  // Set by Run() on failure; the JS callback gets it as its first argument.
  bool failed = false;
  OpenSSLError error;
  napi_value error_value = nullptr;  // optional prebuilt error (Result may set it instead)
};
// Runs `job` now and returns its result (or throws) when `callback` is nullish; otherwise queues
// it on the thread pool, calls callback(err, result) when done and returns undefined. Takes
// ownership of `job`. `keep` (may be null) stays referenced while the job is in flight.
napi_value RunJob(napi_env env, Job* job, napi_value callback, napi_value keep = nullptr);

struct Method {
  const char* name;
  napi_callback fn;
};
void DefineMethods(napi_env env, napi_value target, const Method* methods, size_t count);

// Per-environment state, kept as instance data: caches of fetched algorithms.
struct Binding;
Binding* GetBinding(napi_env env);
// Where the binding keeps its reference to the binding.Key constructor.
napi_ref* KeyClassRef(napi_env env);
// The HMAC algorithm, fetched once.
EVP_MAC* HmacAlgorithm(napi_env env);
// A cipher by Node's name ("aes-256-gcm", "id-aes256-GCM"), fetched once; nullptr if unknown.
const EVP_CIPHER* FindCipher(napi_env env, const std::string& name);
// A digest by Node's name ("sha256", "RSA-SHA256", "sha3-512"...), nullptr if unknown.
const EVP_MD* FindDigest(napi_env env, const std::string& name);

struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

void RegisterHash(napi_env env, napi_value binding);
void RegisterRandom(napi_env env, napi_value binding);
void RegisterKdf(napi_env env, napi_value binding);
void RegisterCipher(napi_env env, napi_value binding);
void RegisterKeys(napi_env env, napi_value binding);
void RegisterX509(napi_env env, napi_value binding);
void RegisterDh(napi_env env, napi_value binding);
void RegisterPrimes(napi_env env, napi_value binding);

}  // namespace nodus_crypto
