// Finite-field Diffie-Hellman (createDiffieHellman, getDiffieHellman): binding.DH objects over
// OpenSSL's DH structure. OpenSSL 3 keeps DH_* as deprecated: their EVP replacement cannot set
// a private key alone or compute with a bare public number, which this API needs.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bn.h>
#include <openssl/dh.h>
#include <openssl/err.h>

#include <cstring>

#include "crypto_binding.h"

namespace nodus_crypto {
namespace {

struct DhState {
  DH* dh = nullptr;
  ~DhState() { DH_free(dh); }
};

DhState* UnwrapDh(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv) {
  napi_value self;
  napi_get_cb_info(env, info, argc, argv, &self, nullptr);
  void* p = nullptr;
  napi_unwrap(env, self, &p);
  return static_cast<DhState*>(p);
}

napi_value BnBuffer(napi_env env, const BIGNUM* bn, int pad = 0) {
  if (bn == nullptr) return Undefined(env);
  int n = BN_num_bytes(bn);
  std::vector<uint8_t> out(static_cast<size_t>(pad > n ? pad : n));
  BN_bn2binpad(bn, out.data(), static_cast<int>(out.size()));
  return CopyBuffer(env, out.data(), out.size());
}

BIGNUM* (*GroupPrime(const std::string& name))(BIGNUM*) {
  if (name == "modp1") return BN_get_rfc2409_prime_768;
  if (name == "modp2") return BN_get_rfc2409_prime_1024;
  if (name == "modp5") return BN_get_rfc3526_prime_1536;
  if (name == "modp14") return BN_get_rfc3526_prime_2048;
  if (name == "modp15") return BN_get_rfc3526_prime_3072;
  if (name == "modp16") return BN_get_rfc3526_prime_4096;
  if (name == "modp17") return BN_get_rfc3526_prime_6144;
  if (name == "modp18") return BN_get_rfc3526_prime_8192;
  return nullptr;
}

// new DH(kind, a, b): kind 0 = (prime Buffer, generator Buffer), 1 = group name,
// 2 = (prime length in bits, generator number: a prime is generated).
napi_value DhNew(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  auto st = std::make_unique<DhState>();
  st->dh = DH_new();
  int kind = static_cast<int>(GetInt64(env, argv[0]));
  bool ok = false;
  if (kind == 0) {
    Bytes p, g;
    GetBytes(env, argv[1], &p);
    GetBytes(env, argv[2], &g);
    BIGNUM* bp = BN_bin2bn(p.data, static_cast<int>(p.size), nullptr);
    BIGNUM* bg = BN_bin2bn(g.data, static_cast<int>(g.size), nullptr);
    ok = DH_set0_pqg(st->dh, bp, nullptr, bg) == 1;
    if (!ok) {
      BN_free(bp);
      BN_free(bg);
    }
  } else if (kind == 1) {
    auto get = GroupPrime(GetString(env, argv[1]));
    if (get == nullptr) {
      ThrowPlain(env, "Unknown DH group", "ERR_CRYPTO_UNKNOWN_DH_GROUP");
      return nullptr;
    }
    BIGNUM* g = BN_new();
    BN_set_word(g, 2);
    ok = DH_set0_pqg(st->dh, get(nullptr), nullptr, g) == 1;
  } else {
    int bits = static_cast<int>(GetInt64(env, argv[1]));
    int gen = static_cast<int>(GetInt64(env, argv[2], 2));
    ok = DH_generate_parameters_ex(st->dh, bits, gen, nullptr) == 1;
  }
  if (!ok) {
    ThrowOpenSSL(env, "Failed to set up Diffie-Hellman");
    return nullptr;
  }
  napi_wrap(env, self, st.release(), [](napi_env, void* d, void*) { delete static_cast<DhState*>(d); },
            nullptr, nullptr);
  return self;
}

napi_value DhGenerateKeys(napi_env env, napi_callback_info info) {
  DhState* s = UnwrapDh(env, info, nullptr, nullptr);
  if (DH_generate_key(s->dh) != 1) {
    ThrowOpenSSL(env, "Key generation failed");
    return nullptr;
  }
  return BnBuffer(env, DH_get0_pub_key(s->dh));
}

// computeSecret(otherPublic) -> Buffer padded to the prime's size, or a number code:
// 1 = key too small, 2 = key too large, 3 = invalid.
napi_value DhComputeSecret(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  DhState* s = UnwrapDh(env, info, &argc, &arg);
  Bytes other;
  GetBytes(env, arg, &other);
  BIGNUM* peer = BN_bin2bn(other.data, static_cast<int>(other.size), nullptr);
  int codes = 0;
  DH_check_pub_key(s->dh, peer, &codes);
  if (codes & DH_CHECK_PUBKEY_TOO_SMALL) {
    BN_free(peer);
    return Int(env, 1);
  }
  if (codes & DH_CHECK_PUBKEY_TOO_LARGE) {
    BN_free(peer);
    return Int(env, 2);
  }
  int size = DH_size(s->dh);
  std::vector<uint8_t> out(static_cast<size_t>(size));
  int n = DH_compute_key_padded(out.data(), peer, s->dh);
  BN_free(peer);
  if (n < 0) {
    ERR_clear_error();
    return Int(env, 3);
  }
  return CopyBuffer(env, out.data(), static_cast<size_t>(n));
}

napi_value DhGet(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  DhState* s = UnwrapDh(env, info, &argc, &arg);
  std::string what = GetString(env, arg);
  const BIGNUM *p, *q, *g;
  DH_get0_pqg(s->dh, &p, &q, &g);
  if (what == "prime") return BnBuffer(env, p);
  if (what == "generator") return BnBuffer(env, g);
  if (what == "public") return BnBuffer(env, DH_get0_pub_key(s->dh));
  if (what == "private") return BnBuffer(env, DH_get0_priv_key(s->dh));
  return Undefined(env);
}

// set(kind 'public' | 'private', Buffer)
napi_value DhSet(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  DhState* s = UnwrapDh(env, info, &argc, argv);
  std::string what = GetString(env, argv[0]);
  Bytes v;
  GetBytes(env, argv[1], &v);
  BIGNUM* bn = BN_bin2bn(v.data, static_cast<int>(v.size), nullptr);
  if (what == "public") DH_set0_key(s->dh, bn, nullptr);
  else DH_set0_key(s->dh, nullptr, bn);
  return Undefined(env);
}

napi_value DhVerifyError(napi_env env, napi_callback_info info) {
  DhState* s = UnwrapDh(env, info, nullptr, nullptr);
  int codes = 0;
  if (DH_check(s->dh, &codes) != 1) codes = 0;
  ERR_clear_error();
  // Node leaves out "not a safe prime / q not set" for a prime given without q (DH_check's
  // DH_CHECK_Q_NOT_PRIME and friends do not apply there).
  return Int(env, codes);
}

#define PROP(name, fn) {name, nullptr, fn, nullptr, nullptr, nullptr, napi_default, nullptr}

}  // namespace

void RegisterDh(napi_env env, napi_value binding) {
  const napi_property_descriptor props[] = {
      PROP("generateKeys", DhGenerateKeys), PROP("computeSecret", DhComputeSecret),
      PROP("get", DhGet), PROP("set", DhSet), PROP("verifyError", DhVerifyError),
  };
  napi_value cls;
  napi_define_class(env, "DH", NAPI_AUTO_LENGTH, DhNew, nullptr, sizeof(props) / sizeof(props[0]), props,
                    &cls);
  napi_set_named_property(env, binding, "DH", cls);
}

}  // namespace nodus_crypto
