// The crypto plugin's entry point: the nodus_plugin descriptor, the binding's init and the helpers
// every part of the binding shares.
#include "crypto_binding.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/opensslv.h>

#include <cctype>
#include <cstring>
#include <map>

#include "nodus/plugin.h"

namespace nodus_crypto {

struct Binding {
  // Fetched digests by name: fetching walks the provider tables, a lookup here does not.
  std::map<std::string, const EVP_MD*> digests;
  std::map<std::string, EVP_CIPHER*> ciphers;
  EVP_MAC* hmac = nullptr;
  napi_ref key_class = nullptr;  // binding.Key, to wrap keys made in native code
  ~Binding() {
    for (auto& [name, md] : digests) EVP_MD_free(const_cast<EVP_MD*>(md));
    for (auto& [name, c] : ciphers) EVP_CIPHER_free(c);
    EVP_MAC_free(hmac);
  }
};

Binding* GetBinding(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return static_cast<Binding*>(data);
}

napi_ref* KeyClassRef(napi_env env) { return &GetBinding(env)->key_class; }

EVP_MAC* HmacAlgorithm(napi_env env) {
  Binding* b = GetBinding(env);
  if (b->hmac == nullptr) b->hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return b->hmac;
}

const EVP_CIPHER* FindCipher(napi_env env, const std::string& name) {
  Binding* b = GetBinding(env);
  auto it = b->ciphers.find(name);
  if (it != b->ciphers.end()) return it->second;
  EVP_CIPHER* c = EVP_CIPHER_fetch(nullptr, name.c_str(), nullptr);
  if (c == nullptr) {
    const EVP_CIPHER* legacy = EVP_get_cipherbyname(name.c_str());
    if (legacy != nullptr) c = EVP_CIPHER_fetch(nullptr, EVP_CIPHER_get0_name(legacy), nullptr);
  }
  ERR_clear_error();
  if (c == nullptr) return nullptr;
  b->ciphers.emplace(name, c);
  return c;
}

const EVP_MD* FindDigest(napi_env env, const std::string& name) {
  Binding* b = GetBinding(env);
  auto it = b->digests.find(name);
  if (it != b->digests.end()) return it->second;
  EVP_MD* md = EVP_MD_fetch(nullptr, name.c_str(), nullptr);
  if (md == nullptr) {
    // Legacy aliases ("RSA-SHA256", "ssl3-md5") are known to the name table, not the providers.
    const EVP_MD* legacy = EVP_get_digestbyname(name.c_str());
    if (legacy != nullptr) md = EVP_MD_fetch(nullptr, EVP_MD_get0_name(legacy), nullptr);
  }
  ERR_clear_error();
  if (md == nullptr) return nullptr;
  b->digests.emplace(name, md);
  return md;
}

bool GetBytes(napi_env env, napi_value value, Bytes* out) {
  bool is = false;
  void* data = nullptr;
  size_t size = 0;
  if (napi_is_typedarray(env, value, &is) == napi_ok && is) {
    napi_typedarray_type type;
    size_t length, offset;
    napi_value ab;
    napi_get_typedarray_info(env, value, &type, &length, &data, &ab, &offset);
    size_t elem = 1;
    switch (type) {
      case napi_int16_array: case napi_uint16_array: elem = 2; break;
      case napi_int32_array: case napi_uint32_array: case napi_float32_array: elem = 4; break;
      case napi_float64_array: case napi_bigint64_array: case napi_biguint64_array: elem = 8; break;
      default: break;
    }
    out->data = static_cast<const uint8_t*>(data);
    out->size = length * elem;
    return true;
  }
  if (napi_is_dataview(env, value, &is) == napi_ok && is) {
    napi_value ab;
    size_t offset;
    napi_get_dataview_info(env, value, &size, &data, &ab, &offset);
    out->data = static_cast<const uint8_t*>(data);
    out->size = size;
    return true;
  }
  if (napi_is_arraybuffer(env, value, &is) == napi_ok && is) {
    napi_get_arraybuffer_info(env, value, &data, &size);
    out->data = static_cast<const uint8_t*>(data);
    out->size = size;
    return true;
  }
  return false;
}

bool GetMutableBytes(napi_env env, napi_value value, uint8_t** data, size_t* size) {
  Bytes b;
  if (!GetBytes(env, value, &b)) return false;
  *data = const_cast<uint8_t*>(b.data);
  *size = b.size;
  return true;
}

std::string GetString(napi_env env, napi_value value) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, value, nullptr, 0, &len) != napi_ok) return {};
  std::string s(len, '\0');
  napi_get_value_string_utf8(env, value, s.data(), len + 1, &len);
  return s;
}

int64_t GetInt64(napi_env env, napi_value value, int64_t fallback) {
  int64_t v;
  if (value == nullptr || napi_get_value_int64(env, value, &v) != napi_ok) return fallback;
  return v;
}

bool GetBool(napi_env env, napi_value value) {
  bool b = false;
  if (value != nullptr) napi_get_value_bool(env, value, &b);
  return b;
}

napi_value AdoptBuffer(napi_env env, std::vector<uint8_t>&& bytes) {
  if (bytes.empty()) return CopyBuffer(env, nullptr, 0);
  auto* owned = new std::vector<uint8_t>(std::move(bytes));
  napi_value v;
  napi_status st = napi_create_external_buffer(
      env, owned->size(), owned->data(),
      [](napi_env, void*, void* hint) { delete static_cast<std::vector<uint8_t>*>(hint); }, owned,
      &v);
  if (st != napi_ok) {
    v = CopyBuffer(env, owned->data(), owned->size());
    delete owned;
  }
  return v;
}

OpenSSLError TakeOpenSSLError(const char* fallback) {
  OpenSSLError e;
  unsigned long code = 0, last;
  // The first error queued is the root cause; Node reports it.
  while ((last = ERR_get_error()) != 0) {
    if (code == 0) code = last;
  }
  if (code == 0) {
    e.message = fallback;
    return e;
  }
  char buf[256];
  ERR_error_string_n(code, buf, sizeof(buf));
  e.message = buf;
  if (const char* lib = ERR_lib_error_string(code)) e.library = lib;
  if (const char* reason = ERR_reason_error_string(code)) {
    e.reason = reason;
    e.code = "ERR_OSSL_";
    // Node names the library in the code for the classic libraries (ERR_OSSL_RSA_..., ERR_OSSL_EVP_...),
    // not for the provider layer (ERR_OSSL_BAD_DECRYPT).
    static const struct { int lib; const char* name; } kLibs[] = {
        {ERR_LIB_SYS, "SYS"}, {ERR_LIB_BN, "BN"}, {ERR_LIB_RSA, "RSA"}, {ERR_LIB_DH, "DH"},
        {ERR_LIB_EVP, "EVP"}, {ERR_LIB_BUF, "BUF"}, {ERR_LIB_OBJ, "OBJ"}, {ERR_LIB_PEM, "PEM"},
        {ERR_LIB_DSA, "DSA"}, {ERR_LIB_X509, "X509"}, {ERR_LIB_ASN1, "ASN1"}, {ERR_LIB_CONF, "CONF"},
        {ERR_LIB_CRYPTO, "CRYPTO"}, {ERR_LIB_EC, "EC"}, {ERR_LIB_SSL, "SSL"}, {ERR_LIB_BIO, "BIO"},
        {ERR_LIB_PKCS7, "PKCS7"}, {ERR_LIB_X509V3, "X509V3"}, {ERR_LIB_PKCS12, "PKCS12"},
        {ERR_LIB_RAND, "RAND"}, {ERR_LIB_DSO, "DSO"}, {ERR_LIB_ENGINE, "ENGINE"}, {ERR_LIB_OCSP, "OCSP"},
        {ERR_LIB_UI, "UI"}, {ERR_LIB_COMP, "COMP"}, {ERR_LIB_ECDSA, "ECDSA"}, {ERR_LIB_ECDH, "ECDH"},
        {ERR_LIB_OSSL_STORE, "OSSL_STORE"}, {ERR_LIB_CMS, "CMS"}, {ERR_LIB_TS, "TS"},
        {ERR_LIB_HMAC, "HMAC"}, {ERR_LIB_CT, "CT"}, {ERR_LIB_ASYNC, "ASYNC"}, {ERR_LIB_KDF, "KDF"},
        {ERR_LIB_SM2, "SM2"}, {ERR_LIB_USER, "USER"},
    };
    int lib = ERR_GET_LIB(code);
    for (const auto& l : kLibs) {
      if (l.lib == lib) {
        e.code += l.name;
        e.code += '_';
        break;
      }
    }
    for (const char* p = reason; *p; p++)
      e.code += *p == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
  }
  return e;
}

napi_value MakePlainError(napi_env env, const std::string& message, const char* code) {
  napi_value msg, err;
  napi_create_string_utf8(env, message.c_str(), message.size(), &msg);
  napi_create_error(env, nullptr, msg, &err);
  if (code != nullptr) napi_set_named_property(env, err, "code", Str(env, code));
  return err;
}

void ThrowPlain(napi_env env, const std::string& message, const char* code) {
  napi_throw(env, MakePlainError(env, message, code));
}

napi_value MakeError(napi_env env, const OpenSSLError& e) {
  napi_value err = MakePlainError(env, e.message);
  if (!e.library.empty()) napi_set_named_property(env, err, "library", Str(env, e.library.c_str()));
  if (!e.reason.empty()) napi_set_named_property(env, err, "reason", Str(env, e.reason.c_str()));
  if (!e.code.empty()) napi_set_named_property(env, err, "code", Str(env, e.code.c_str()));
  return err;
}

void ThrowOpenSSL(napi_env env, const char* fallback) {
  napi_throw(env, MakeError(env, TakeOpenSSLError(fallback)));
}

namespace {

struct QueuedJob {
  napi_env env;
  Job* job;
  napi_ref callback = nullptr;
  napi_ref keep = nullptr;
  napi_async_work work = nullptr;
};

void ExecuteJob(napi_env, void* data) {
  static_cast<QueuedJob*>(data)->job->Run();
  // The pool thread is libuv's and never exits: release the per-thread state OpenSSL made for
  // it (error queue, DRBG) now, or nothing ever frees it. The job has read its errors already.
  OPENSSL_thread_stop();
}

void CompleteJob(napi_env env, napi_status, void* data) {
  auto* q = static_cast<QueuedJob*>(data);
  std::unique_ptr<Job> job(q->job);
  napi_value cb, global, argv[2];
  napi_get_reference_value(env, q->callback, &cb);
  napi_get_global(env, &global);
  napi_value result = job->failed ? nullptr : job->Result(env);
  if (job->failed || job->error_value != nullptr) {
    argv[0] = job->error_value ? job->error_value : MakeError(env, job->error);
    argv[1] = Undefined(env);
  } else {
    napi_get_null(env, &argv[0]);
    argv[1] = result;
  }
  napi_delete_reference(env, q->callback);
  if (q->keep) napi_delete_reference(env, q->keep);
  napi_delete_async_work(env, q->work);
  delete q;
  napi_value ignored;
  napi_call_function(env, global, cb, 2, argv, &ignored);
}

}  // namespace

napi_value RunJob(napi_env env, Job* job, napi_value callback, napi_value keep) {
  if (!IsFunction(env, callback)) {
    std::unique_ptr<Job> owned(job);
    job->Run();
    if (job->failed) {
      napi_throw(env, MakeError(env, job->error));
      return nullptr;
    }
    napi_value result = job->Result(env);
    if (job->error_value != nullptr) {
      napi_throw(env, job->error_value);
      return nullptr;
    }
    return result;
  }
  auto* q = new QueuedJob{env, job};
  napi_create_reference(env, callback, 1, &q->callback);
  if (keep != nullptr) napi_create_reference(env, keep, 1, &q->keep);
  napi_value name;
  napi_create_string_utf8(env, "CRYPTOJOB", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, nullptr, name, ExecuteJob, CompleteJob, q, &q->work);
  napi_queue_async_work(env, q->work);
  return Undefined(env);
}

void DefineMethods(napi_env env, napi_value target, const Method* methods, size_t count) {
  for (size_t i = 0; i < count; i++) {
    napi_value fn;
    napi_create_function(env, methods[i].name, NAPI_AUTO_LENGTH, methods[i].fn, nullptr, &fn);
    napi_set_named_property(env, target, methods[i].name, fn);
  }
}

namespace {

// timingSafeEqual(a, b): lengths are checked by JS.
napi_value TimingSafeEqual(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Bytes a, b;
  GetBytes(env, argv[0], &a);
  GetBytes(env, argv[1], &b);
  return Bool(env, a.size == b.size && CRYPTO_memcmp(a.data, b.data, a.size) == 0);
}

napi_value Init(napi_env env, napi_value binding) {
  napi_set_instance_data(
      env, new Binding,
      [](napi_env env, void* data, void*) {
        auto* b = static_cast<Binding*>(data);
        if (b->key_class) napi_delete_reference(env, b->key_class);
        delete b;
      },
      nullptr);
  RegisterHash(env, binding);
  RegisterRandom(env, binding);
  RegisterKdf(env, binding);
  RegisterCipher(env, binding);
  RegisterKeys(env, binding);
  RegisterX509(env, binding);
  RegisterDh(env, binding);
  RegisterPrimes(env, binding);
  napi_set_named_property(env, binding, "opensslVersionNumber",
                          Int(env, static_cast<int64_t>(OPENSSL_VERSION_NUMBER)));
  const Method methods[] = {{"timingSafeEqual", TimingSafeEqual}};
  DefineMethods(env, binding, methods, 1);
  return binding;
}

}  // namespace
}  // namespace nodus_crypto

extern "C" {
extern const nodus_js_source nodus_plugin_crypto_js[];
}

namespace {
const char* const kModules[] = {"crypto", nullptr};
const char* const kVersions[] = {"openssl", OPENSSL_VERSION_STR, nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    nullptr,
    nodus_plugin_crypto_js,
    nodus_crypto::Init,
    kVersions,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
