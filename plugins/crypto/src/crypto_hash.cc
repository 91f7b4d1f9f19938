// Hashes and HMAC: binding.Hash and binding.Hmac objects (one EVP context each), one-shot digests
// and the list of digest names.
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/params.h>

#include <algorithm>
#include <cstring>

#include "crypto_binding.h"

namespace nodus_crypto {
namespace {

struct HashState {
  MdCtxPtr ctx;
  int64_t xof_len = -1;  // -1: the digest's own size
  bool xof = false;
};

struct MacState {
  EVP_MAC_CTX* ctx = nullptr;
  ~MacState() { EVP_MAC_CTX_free(ctx); }
};

template <typename T>
T* Unwrap(napi_env env, napi_value self) {
  void* p = nullptr;
  napi_unwrap(env, self, &p);
  return static_cast<T*>(p);
}

template <typename T>
void Wrap(napi_env env, napi_value self, T* state) {
  napi_wrap(env, self, state, [](napi_env, void* data, void*) { delete static_cast<T*>(data); },
            nullptr, nullptr);
}

// Input to update(): binary data, or a JS string taken as UTF-8 without a Buffer in between
// (short strings go through a stack buffer).
class Input {
 public:
  bool Read(napi_env env, napi_value v) {
    if (GetBytes(env, v, &bytes_)) return true;
    size_t len = 0;
    if (napi_get_value_string_utf8(env, v, small_, sizeof(small_), &len) != napi_ok) return false;
    if (len < sizeof(small_) - 1) {
      bytes_ = {reinterpret_cast<const uint8_t*>(small_), len};
      return true;
    }
    napi_get_value_string_utf8(env, v, nullptr, 0, &len);
    big_.resize(len + 1);
    napi_get_value_string_utf8(env, v, big_.data(), len + 1, &len);
    bytes_ = {reinterpret_cast<const uint8_t*>(big_.data()), len};
    return true;
  }
  const uint8_t* data() const { return bytes_.data; }
  size_t size() const { return bytes_.size; }

 private:
  Bytes bytes_;
  char small_[1024];
  std::string big_;
};

// Hands a digest to JS: written into `into` (a Buffer JS took from its pool) when given, which
// returns the length; else as a new Buffer.
napi_value DeliverDigest(napi_env env, napi_value into, const uint8_t* data, size_t len) {
  uint8_t* out;
  size_t cap;
  if (into != nullptr && GetMutableBytes(env, into, &out, &cap) && cap >= len) {
    if (len > 0) std::memcpy(out, data, len);  // data may be null for an empty digest
    return Int(env, static_cast<int64_t>(len));
  }
  return CopyBuffer(env, data, len);
}

size_t OutputSize(const HashState* h) {
  if (h->xof_len >= 0) return static_cast<size_t>(h->xof_len);
  return static_cast<size_t>(EVP_MD_CTX_get_size(h->ctx.get()));
}

// new Hash(name | otherHash, xofLen)
napi_value HashNew(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  auto state = std::make_unique<HashState>();
  state->ctx.reset(EVP_MD_CTX_new());
  napi_valuetype type;
  napi_typeof(env, argv[0], &type);
  if (type == napi_string) {
    const EVP_MD* md = FindDigest(env, GetString(env, argv[0]));
    if (md == nullptr || EVP_DigestInit_ex(state->ctx.get(), md, nullptr) != 1) {
      ERR_clear_error();
      ThrowPlain(env, "Digest method not supported");
      return nullptr;
    }
    state->xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
  } else {
    HashState* other = Unwrap<HashState>(env, argv[0]);
    if (other == nullptr || EVP_MD_CTX_copy_ex(state->ctx.get(), other->ctx.get()) != 1) {
      ThrowOpenSSL(env, "Hash copy failed");
      return nullptr;
    }
    state->xof = other->xof;
  }
  int64_t xof_len = GetInt64(env, argv[1], -1);
  if (xof_len >= 0) {
    size_t own = static_cast<size_t>(EVP_MD_CTX_get_size(state->ctx.get()));
    if (!state->xof && static_cast<size_t>(xof_len) != own) {
      // Node passes the length to OpenSSL, which refuses it with this error.
      ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
      ThrowOpenSSL(env, "Invalid XOF digest length");
      return nullptr;
    }
    state->xof_len = xof_len;
  }
  Wrap(env, self, state.release());
  return self;
}

napi_value HashUpdate(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  HashState* h = Unwrap<HashState>(env, self);
  Input in;
  if (h == nullptr || !in.Read(env, arg)) return Bool(env, false);
  return Bool(env, EVP_DigestUpdate(h->ctx.get(), in.data(), in.size()) == 1);
}

bool FinishDigest(HashState* h, std::vector<uint8_t>* out) {
  size_t size = OutputSize(h);
  out->resize(size);
  if (size == 0) return true;
  if (h->xof) return EVP_DigestFinalXOF(h->ctx.get(), out->data(), size) == 1;
  unsigned int len = 0;
  int ok = EVP_DigestFinal_ex(h->ctx.get(), out->data(), &len);
  out->resize(len);
  return ok == 1;
}

// digest([into]) -> Buffer, or the length written into `into`
napi_value HashDigest(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value into = nullptr, self;
  napi_get_cb_info(env, info, &argc, &into, &self, nullptr);
  HashState* h = Unwrap<HashState>(env, self);
  std::vector<uint8_t> out;
  if (!FinishDigest(h, &out)) {
    ThrowOpenSSL(env, "Digest failed");
    return nullptr;
  }
  return DeliverDigest(env, argc > 0 ? into : nullptr, out.data(), out.size());
}

// digestSize(name) -> bytes, or -1 for an unknown digest; also says whether it is an XOF.
napi_value DigestInfo(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  napi_get_cb_info(env, info, &argc, &arg, nullptr, nullptr);
  const EVP_MD* md = FindDigest(env, GetString(env, arg));
  if (md == nullptr) return Int(env, -1);
  int size = EVP_MD_get_size(md);
  if (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) size |= 1 << 20;
  return Int(env, size);
}

// oneShotDigest(name, data, outputLength | -1[, into]) -> Buffer (or the length written into
// `into`), or undefined for an unknown digest.
napi_value OneShotDigest(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  const EVP_MD* md = FindDigest(env, GetString(env, argv[0]));
  Input in;
  if (md == nullptr || !in.Read(env, argv[1])) return Undefined(env);
  HashState h;
  h.ctx.reset(EVP_MD_CTX_new());
  h.xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
  h.xof_len = GetInt64(env, argv[2], -1);
  std::vector<uint8_t> out;
  if (EVP_DigestInit_ex(h.ctx.get(), md, nullptr) != 1 ||
      EVP_DigestUpdate(h.ctx.get(), in.data(), in.size()) != 1 || !FinishDigest(&h, &out)) {
    ThrowOpenSSL(env, "Digest failed");
    return nullptr;
  }
  return DeliverDigest(env, argc > 3 ? argv[3] : nullptr, out.data(), out.size());
}

// new Hmac(digestName, key)
napi_value HmacNew(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  std::string name = GetString(env, argv[0]);
  const EVP_MD* md = FindDigest(env, name);
  Bytes key;
  if (md == nullptr || !GetBytes(env, argv[1], &key)) {
    ThrowPlain(env, "Invalid digest: " + name, "ERR_CRYPTO_INVALID_DIGEST");
    return nullptr;
  }
  auto state = std::make_unique<MacState>();
  state->ctx = EVP_MAC_CTX_new(HmacAlgorithm(env));
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                       const_cast<char*>(EVP_MD_get0_name(md)), 0),
      OSSL_PARAM_construct_end()};
  static const uint8_t kEmpty[1] = {0};
  if (state->ctx == nullptr ||
      EVP_MAC_init(state->ctx, key.size ? key.data : kEmpty, key.size, params) != 1) {
    ThrowOpenSSL(env, "HMAC init failed");
    return nullptr;
  }
  Wrap(env, self, state.release());
  return self;
}

napi_value HmacUpdate(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  MacState* m = Unwrap<MacState>(env, self);
  Input in;
  if (m == nullptr || !in.Read(env, arg)) return Bool(env, false);
  return Bool(env, EVP_MAC_update(m->ctx, in.data(), in.size()) == 1);
}

napi_value HmacDigest(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value into = nullptr, self;
  napi_get_cb_info(env, info, &argc, &into, &self, nullptr);
  MacState* m = Unwrap<MacState>(env, self);
  uint8_t out[EVP_MAX_MD_SIZE];
  size_t len = 0;
  if (EVP_MAC_final(m->ctx, out, &len, sizeof(out)) != 1) {
    ThrowOpenSSL(env, "HMAC failed");
    return nullptr;
  }
  return DeliverDigest(env, argc > 0 ? into : nullptr, out, len);
}

// Called for each name in the legacy table; aliases come with md == nullptr and `to` naming
// their target. A name is listed when the providers can fetch what it stands for.
void CollectDigest(const EVP_MD* md, const char* from, const char* to, void* arg) {
  if (from == nullptr) return;
  auto* names = static_cast<std::vector<std::string>*>(arg);
  EVP_MD* fetched = EVP_MD_fetch(nullptr, from, nullptr);
  if (fetched == nullptr) {
    const char* target = md != nullptr ? EVP_MD_get0_name(md) : to;
    if (target != nullptr) fetched = EVP_MD_fetch(nullptr, target, nullptr);
  }
  if (fetched != nullptr) {
    names->push_back(from);
    EVP_MD_free(fetched);
  }
}

void CollectCipher(const EVP_CIPHER* c, const char* from, const char* to, void* arg) {
  if (from == nullptr) return;
  auto* names = static_cast<std::vector<std::string>*>(arg);
  EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, from, nullptr);
  if (fetched == nullptr) {
    const char* target = c != nullptr ? EVP_CIPHER_get0_name(c) : to;
    if (target != nullptr) fetched = EVP_CIPHER_fetch(nullptr, target, nullptr);
  }
  if (fetched != nullptr) {
    names->push_back(from);
    EVP_CIPHER_free(fetched);
  }
}

napi_value NameList(napi_env env, std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  napi_value arr;
  napi_create_array_with_length(env, names.size(), &arr);
  for (size_t i = 0; i < names.size(); i++) napi_set_element(env, arr, i, Str(env, names[i].c_str()));
  ERR_clear_error();
  return arr;
}

napi_value GetHashes(napi_env env, napi_callback_info) {
  std::vector<std::string> names;
  EVP_MD_do_all_sorted(CollectDigest, &names);
  return NameList(env, names);
}

napi_value GetCiphers(napi_env env, napi_callback_info) {
  std::vector<std::string> names;
  EVP_CIPHER_do_all_sorted(CollectCipher, &names);
  // Node lists names in lower case, without duplicates that differ only in case.
  for (auto& n : names)
    std::transform(n.begin(), n.end(), n.begin(), [](char c) { return std::tolower(c); });
  return NameList(env, names);
}

napi_value DefineClass(napi_env env, const char* name, napi_callback ctor,
                       const napi_property_descriptor* props, size_t count) {
  napi_value cls;
  napi_define_class(env, name, NAPI_AUTO_LENGTH, ctor, nullptr, count, props, &cls);
  return cls;
}

}  // namespace

void RegisterHash(napi_env env, napi_value binding) {
  const napi_property_descriptor hash_props[] = {
      {"update", nullptr, HashUpdate, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"digest", nullptr, HashDigest, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_set_named_property(env, binding, "Hash", DefineClass(env, "Hash", HashNew, hash_props, 2));
  const napi_property_descriptor hmac_props[] = {
      {"update", nullptr, HmacUpdate, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"digest", nullptr, HmacDigest, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_set_named_property(env, binding, "Hmac", DefineClass(env, "Hmac", HmacNew, hmac_props, 2));
  const Method methods[] = {
      {"digestInfo", DigestInfo},
      {"oneShotDigest", OneShotDigest},
      {"getHashes", GetHashes},
      {"getCiphers", GetCiphers},
  };
  DefineMethods(env, binding, methods, sizeof(methods) / sizeof(methods[0]));
}

}  // namespace nodus_crypto
