// Key derivation: PBKDF2, scrypt and HKDF, each a Job (synchronous without a callback, on the
// thread pool with one). Inputs are copied: the caller may change its buffers meanwhile.
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "crypto_binding.h"

namespace nodus_crypto {
namespace {

std::vector<uint8_t> CopyOf(napi_env env, napi_value v) {
  Bytes b;
  GetBytes(env, v, &b);
  return std::vector<uint8_t>(b.data, b.data + b.size);
}

class DeriveJob : public Job {
 public:
  napi_value Result(napi_env env) override { return AdoptBuffer(env, std::move(out)); }
  void Fail(const char* fallback) {
    failed = true;
    error = TakeOpenSSLError(fallback);
  }
  std::vector<uint8_t> out;
};

class Pbkdf2Job : public DeriveJob {
 public:
  std::vector<uint8_t> pass, salt;
  int iterations = 1;
  const EVP_MD* md = nullptr;
  void Run() override {
    if (PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(pass.data()), static_cast<int>(pass.size()),
                          salt.data(), static_cast<int>(salt.size()), iterations, md,
                          static_cast<int>(out.size()), out.data()) != 1)
      Fail("PBKDF2 failed");
  }
};

// pbkdf2(password, salt, iterations, keylen, digest[, callback]); digest validated by JS.
napi_value Pbkdf2(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  auto job = std::make_unique<Pbkdf2Job>();
  job->pass = CopyOf(env, argv[0]);
  job->salt = CopyOf(env, argv[1]);
  job->iterations = static_cast<int>(GetInt64(env, argv[2], 1));
  job->out.resize(static_cast<size_t>(GetInt64(env, argv[3], 0)));
  job->md = FindDigest(env, GetString(env, argv[4]));
  if (job->md == nullptr) {
    ThrowPlain(env, "Invalid digest", "ERR_CRYPTO_INVALID_DIGEST");
    return nullptr;
  }
  return RunJob(env, job.release(), argc > 5 ? argv[5] : nullptr);
}

class ScryptJob : public DeriveJob {
 public:
  std::vector<uint8_t> pass, salt;
  uint64_t n = 0, r = 0, p = 0, maxmem = 0;
  void Run() override {
    if (EVP_PBE_scrypt(reinterpret_cast<const char*>(pass.data()), pass.size(), salt.data(),
                       salt.size(), n, r, p, maxmem, out.data(), out.size()) != 1)
      Fail("scrypt failed");
  }
};

// scrypt(password, salt, keylen, N, r, p, maxmem[, callback])
napi_value Scrypt(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  auto job = std::make_unique<ScryptJob>();
  job->pass = CopyOf(env, argv[0]);
  job->salt = CopyOf(env, argv[1]);
  job->out.resize(static_cast<size_t>(GetInt64(env, argv[2], 0)));
  job->n = static_cast<uint64_t>(GetDouble(env, argv[3]));
  job->r = static_cast<uint64_t>(GetDouble(env, argv[4]));
  job->p = static_cast<uint64_t>(GetDouble(env, argv[5]));
  job->maxmem = static_cast<uint64_t>(GetDouble(env, argv[6]));
  return RunJob(env, job.release(), argc > 7 ? argv[7] : nullptr);
}

// scryptCheck(N, r, p, maxmem) -> true when OpenSSL accepts the parameters, else OpenSSL's
// error string ("" when it queued none), which Node appends to its message.
napi_value ScryptCheck(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  ERR_clear_error();
  int ok = EVP_PBE_scrypt(nullptr, 0, nullptr, 0, static_cast<uint64_t>(GetDouble(env, argv[0])),
                          static_cast<uint64_t>(GetDouble(env, argv[1])),
                          static_cast<uint64_t>(GetDouble(env, argv[2])),
                          static_cast<uint64_t>(GetDouble(env, argv[3])), nullptr, 0);
  if (ok == 1) return Bool(env, true);
  char buf[256] = "";
  if (unsigned long code = ERR_peek_error()) ERR_error_string_n(code, buf, sizeof(buf));
  ERR_clear_error();
  return Str(env, buf);
}

class HkdfJob : public DeriveJob {
 public:
  std::vector<uint8_t> key, salt, info;
  std::string digest;
  void Run() override {
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    static uint8_t empty[1];
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, key.empty() ? empty : key.data(),
                                          key.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.empty() ? empty : salt.data(),
                                          salt.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.empty() ? empty : info.data(),
                                          info.size()),
        OSSL_PARAM_construct_end()};
    // An empty info must not be passed at all (OpenSSL treats it as a parameter error).
    if (info.empty()) params[3] = OSSL_PARAM_construct_end();
    if (ctx == nullptr || EVP_KDF_derive(ctx, out.data(), out.size(), params) != 1)
      Fail("HKDF failed");
    EVP_KDF_CTX_free(ctx);
  }
};

// hkdf(digest, key, salt, info, keylen[, callback]); lengths validated by JS.
napi_value Hkdf(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  auto job = std::make_unique<HkdfJob>();
  const EVP_MD* md = FindDigest(env, GetString(env, argv[0]));
  if (md == nullptr) {
    ThrowPlain(env, "Invalid digest", "ERR_CRYPTO_INVALID_DIGEST");
    return nullptr;
  }
  job->digest = EVP_MD_get0_name(md);
  job->key = CopyOf(env, argv[1]);
  job->salt = CopyOf(env, argv[2]);
  job->info = CopyOf(env, argv[3]);
  job->out.resize(static_cast<size_t>(GetInt64(env, argv[4], 0)));
  return RunJob(env, job.release(), argc > 5 ? argv[5] : nullptr);
}

}  // namespace

void RegisterKdf(napi_env env, napi_value binding) {
  const Method methods[] = {
      {"pbkdf2", Pbkdf2}, {"scrypt", Scrypt}, {"scryptCheck", ScryptCheck}, {"hkdf", Hkdf}};
  DefineMethods(env, binding, methods, sizeof(methods) / sizeof(methods[0]));
}

}  // namespace nodus_crypto
