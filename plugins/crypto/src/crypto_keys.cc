// Asymmetric keys over EVP_PKEY: binding.Key objects parsed from PEM/DER or built from JWK
// parameters, exported back, generated (sync or on the thread pool), and used for signatures,
// RSA encryption and key agreement.
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>

#include <cstring>
#include <string_view>

#include "crypto_binding.h"

namespace nodus_crypto {
namespace {

struct KeyState {
  PkeyPtr pkey;
  bool is_private = false;
};

KeyState* UnwrapKey(napi_env env, napi_value v) {
  void* p = nullptr;
  if (v == nullptr || napi_unwrap(env, v, &p) != napi_ok) return nullptr;
  return static_cast<KeyState*>(p);
}

napi_value KeyNew(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  napi_wrap(env, self, new KeyState,
            [](napi_env, void* d, void*) { delete static_cast<KeyState*>(d); }, nullptr, nullptr);
  return self;
}

napi_value WrapKey(napi_env env, EVP_PKEY* pkey, bool is_private) {
  napi_value cls, obj;
  napi_get_reference_value(env, *KeyClassRef(env), &cls);
  napi_new_instance(env, cls, 0, nullptr, &obj);
  KeyState* k = UnwrapKey(env, obj);
  k->pkey.reset(pkey);
  k->is_private = is_private;
  return obj;
}

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

napi_value BioToValue(napi_env env, BIO* bio, bool as_string) {
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio, &mem);
  if (as_string) {
    napi_value s;
    napi_create_string_utf8(env, mem->data, mem->length, &s);
    return s;
  }
  return CopyBuffer(env, mem->data, mem->length);
}

// After the decoders refused a public key (PEM "PUBLIC KEY"/"RSA PUBLIC KEY", DER SPKI) or a
// DER PKCS#8 private key, parses it again the way Node does, so that the error queued is the
// one Node reports (asn1 "wrong tag", "field missing"...) rather than "unsupported". True when
// such an error is queued.
bool ReparseForError(const Bytes& data, const std::string& format, const std::string& type,
                     bool want_private) {
  ERR_clear_error();
  const unsigned char* p = data.data;
  long len = static_cast<long>(data.size);
  if (format == "der") {
    if (!want_private && type == "spki") EVP_PKEY_free(d2i_PUBKEY(nullptr, &p, len));
    else if (want_private && type == "pkcs8")
      PKCS8_PRIV_KEY_INFO_free(d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, len));
    else return false;
    return ERR_peek_error() != 0;
  }
  if (want_private) return false;
  // As Node: the PEM body by its label, then the DER parser that label names.
  BioPtr bio(BIO_new_mem_buf(data.data, static_cast<int>(data.size)));
  char* name = nullptr;
  char* header = nullptr;
  unsigned char* body = nullptr;
  long body_len = 0;
  bool tried = false;
  if (PEM_read_bio(bio.get(), &name, &header, &body, &body_len) == 1) {
    const unsigned char* q = body;
    std::string_view label(name);
    if (label == "PUBLIC KEY") {
      EVP_PKEY_free(d2i_PUBKEY(nullptr, &q, body_len));
      tried = true;
    } else if (label == "RSA PUBLIC KEY") {
      EVP_PKEY_free(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &q, body_len));
      tried = true;
    }
  }
  OPENSSL_free(name);
  OPENSSL_free(header);
  OPENSSL_free(body);
  if (!tried) {
    ERR_clear_error();
    return false;
  }
  return ERR_peek_error() != 0;
}

// parseKey(data, format 'pem'|'der', type 'pkcs1'|'spki'|'pkcs8'|'sec1'|undefined,
//          wantPrivate, passphrase | undefined) -> Key
// A private key given where a public one is wanted yields its public half (the JS side marks it).
napi_value ParseKey(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  Bytes data;
  GetBytes(env, argv[0], &data);
  std::string format = GetString(env, argv[1]);
  std::string type = IsNullish(env, argv[2]) ? "" : GetString(env, argv[2]);
  bool want_private = GetBool(env, argv[3]);
  Bytes pass{};
  bool has_pass = !IsNullish(env, argv[4]) && GetBytes(env, argv[4], &pass);

  EVP_PKEY* pkey = nullptr;
  bool got_private = false;
  const char* input = format == "pem" ? "PEM" : "DER";
  // Private keys first (a private key also answers for its public half), then public ones.
  const int selections[] = {EVP_PKEY_KEYPAIR, EVP_PKEY_PUBLIC_KEY};
  for (int selection : selections) {
    if (want_private && selection != EVP_PKEY_KEYPAIR) break;
    const char* structure = nullptr;
    if (type == "spki") structure = selection == EVP_PKEY_KEYPAIR ? nullptr : "SubjectPublicKeyInfo";
    if (type == "spki" && selection == EVP_PKEY_KEYPAIR) continue;
    OSSL_DECODER_CTX* dctx = OSSL_DECODER_CTX_new_for_pkey(&pkey, input, structure, nullptr,
                                                           selection, nullptr, nullptr);
    if (dctx == nullptr) continue;
    if (has_pass) OSSL_DECODER_CTX_set_passphrase(dctx, pass.data, pass.size);
    const unsigned char* p = data.data;
    size_t len = data.size;
    int ok = OSSL_DECODER_from_data(dctx, &p, &len);
    OSSL_DECODER_CTX_free(dctx);
    if (ok == 1 && pkey != nullptr) {
      got_private = selection == EVP_PKEY_KEYPAIR;
      break;
    }
    pkey = nullptr;
  }
  if (pkey == nullptr && !want_private && format == "pem") {
    // X.509 certificates count as public keys.
    BioPtr bio(BIO_new_mem_buf(data.data, static_cast<int>(data.size)));
    X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (cert != nullptr) {
      pkey = X509_get_pubkey(cert);
      X509_free(cert);
    }
  }
  if (pkey == nullptr && ReparseForError(data, format, type, want_private)) {
    ThrowOpenSSL(env, "Failed to read key");
    return nullptr;
  }
  if (pkey == nullptr) {
    unsigned long e = ERR_peek_last_error();
    if (e == 0 || (has_pass == false && format == "pem" &&
                   std::string(reinterpret_cast<const char*>(data.data), data.size).find("ENCRYPTED") !=
                       std::string::npos)) {
      ERR_clear_error();
      if (!has_pass &&
          std::string(reinterpret_cast<const char*>(data.data), data.size).find("ENCRYPTED") !=
              std::string::npos) {
        // Node 20 reports OpenSSL's answer to a missing passphrase callback.
        OpenSSLError e;
        e.message = "error:07880109:common libcrypto routines::interrupted or cancelled";
        e.library = "common libcrypto routines";
        e.reason = "interrupted or cancelled";
        e.code = "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED";
        napi_throw(env, MakeError(env, e));
        return nullptr;
      }
      ThrowPlain(env, "error:1E08010C:DECODER routines::unsupported", "ERR_OSSL_UNSUPPORTED");
      return nullptr;
    }
    ThrowOpenSSL(env, "Failed to read key");
    return nullptr;
  }
  ERR_clear_error();
  return WrapKey(env, pkey, got_private && want_private);
}

// key.export(format 'pem'|'der', type, exportPublic, cipher | undefined, passphrase | undefined)
napi_value KeyExport(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  KeyState* k = UnwrapKey(env, self);
  std::string format = GetString(env, argv[0]);
  std::string type = GetString(env, argv[1]);
  bool pub = GetBool(env, argv[2]) || !k->is_private;
  std::string cipher = IsNullish(env, argv[3]) ? "" : GetString(env, argv[3]);
  Bytes pass{};
  bool has_pass = !IsNullish(env, argv[4]) && GetBytes(env, argv[4], &pass);
  const char* structure = "type-specific";
  if (type == "spki") structure = "SubjectPublicKeyInfo";
  else if (type == "pkcs8") structure = cipher.empty() ? "PrivateKeyInfo" : "EncryptedPrivateKeyInfo";
  int selection = pub ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR;
  bool pem = format == "pem";
  if (type == "pkcs1" && pem && !pub && !cipher.empty()) {
    // Traditional PEM encryption (Proc-Type header), as Node produces for pkcs1/sec1 + cipher.
    structure = "type-specific";
  }
  OSSL_ENCODER_CTX* ectx = OSSL_ENCODER_CTX_new_for_pkey(k->pkey.get(), selection,
                                                         pem ? "PEM" : "DER", structure, nullptr);
  if (ectx == nullptr || OSSL_ENCODER_CTX_get_num_encoders(ectx) == 0) {
    OSSL_ENCODER_CTX_free(ectx);
    ERR_clear_error();
    ThrowPlain(env, "Unsupported key encoding", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS");
    return nullptr;
  }
  if (!cipher.empty()) {
    OSSL_ENCODER_CTX_set_cipher(ectx, cipher.c_str(), nullptr);
    OSSL_ENCODER_CTX_set_passphrase(ectx, has_pass ? pass.data : reinterpret_cast<const unsigned char*>(""),
                                    has_pass ? pass.size : 0);
  }
  BioPtr bio(BIO_new(BIO_s_mem()));
  int ok = OSSL_ENCODER_to_bio(ectx, bio.get());
  OSSL_ENCODER_CTX_free(ectx);
  if (ok != 1) {
    ThrowOpenSSL(env, "Failed to encode key");
    return nullptr;
  }
  return BioToValue(env, bio.get(), pem);
}

const char* KeyTypeName(EVP_PKEY* pkey) {
  switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA: return "rsa";
    case EVP_PKEY_RSA_PSS: return "rsa-pss";
    case EVP_PKEY_DSA: return "dsa";
    case EVP_PKEY_DH: return "dh";
    case EVP_PKEY_EC: return "ec";
    case EVP_PKEY_ED25519: return "ed25519";
    case EVP_PKEY_ED448: return "ed448";
    case EVP_PKEY_X25519: return "x25519";
    case EVP_PKEY_X448: return "x448";
    default: return "unknown";
  }
}

napi_value BnToBuffer(napi_env env, EVP_PKEY* pkey, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) {
    ERR_clear_error();
    return Undefined(env);
  }
  std::vector<uint8_t> out(static_cast<size_t>(BN_num_bytes(bn)));
  BN_bn2bin(bn, out.data());
  BN_free(bn);
  return CopyBuffer(env, out.data(), out.size());
}

// key.details() -> { type, private, modulusLength, publicExponent (Buffer), namedCurve,
//                    hashAlgorithm, mgf1HashAlgorithm, saltLength, size }
napi_value KeyDetails(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  KeyState* k = UnwrapKey(env, self);
  EVP_PKEY* pkey = k->pkey.get();
  napi_value o;
  napi_create_object(env, &o);
  napi_set_named_property(env, o, "type", Str(env, KeyTypeName(pkey)));
  napi_set_named_property(env, o, "private", Bool(env, k->is_private));
  napi_set_named_property(env, o, "size", Int(env, EVP_PKEY_get_size(pkey)));
  int id = EVP_PKEY_get_base_id(pkey);
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS || id == EVP_PKEY_DSA || id == EVP_PKEY_DH) {
    napi_set_named_property(env, o, "modulusLength", Int(env, EVP_PKEY_get_bits(pkey)));
    napi_set_named_property(env, o, "publicExponent", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_E));
  }
  if (id == EVP_PKEY_EC) {
    char group[64];
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group), &len) == 1) {
      int nid = OBJ_sn2nid(group);
      if (nid == NID_undef) nid = EC_curve_nist2nid(group);
      const char* sn = nid != NID_undef ? OBJ_nid2sn(nid) : group;
      napi_set_named_property(env, o, "namedCurve", Str(env, sn));
    }
  }
  if (id == EVP_PKEY_RSA_PSS) {
    char md[64];
    size_t len;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_RSA_DIGEST, md, sizeof(md), &len) == 1)
      napi_set_named_property(env, o, "hashAlgorithm", Str(env, md));
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_RSA_MGF1_DIGEST, md, sizeof(md), &len) == 1)
      napi_set_named_property(env, o, "mgf1HashAlgorithm", Str(env, md));
    int salt;
    if (EVP_PKEY_get_int_param(pkey, OSSL_PKEY_PARAM_RSA_PSS_SALTLEN, &salt) == 1)
      napi_set_named_property(env, o, "saltLength", Int(env, salt));
  }
  ERR_clear_error();
  return o;
}

// key.jwk() -> the key's parameters as base64url-ready Buffers, by JWK member name.
napi_value KeyJwk(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  KeyState* k = UnwrapKey(env, self);
  EVP_PKEY* pkey = k->pkey.get();
  napi_value o;
  napi_create_object(env, &o);
  int id = EVP_PKEY_get_base_id(pkey);
  auto set = [&](const char* name, napi_value v) { napi_set_named_property(env, o, name, v); };
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    set("n", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_N));
    set("e", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_E));
    if (k->is_private) {
      set("d", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_D));
      set("p", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_FACTOR1));
      set("q", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_FACTOR2));
      set("dp", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1));
      set("dq", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2));
      set("qi", BnToBuffer(env, pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1));
    }
  } else if (id == EVP_PKEY_EC) {
    int bits = EVP_PKEY_get_bits(pkey);
    size_t width = static_cast<size_t>((bits + 7) / 8);
    auto padded = [&](const char* name) {
      BIGNUM* bn = nullptr;
      if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) return Undefined(env);
      std::vector<uint8_t> out(width);
      BN_bn2binpad(bn, out.data(), static_cast<int>(width));
      BN_free(bn);
      return CopyBuffer(env, out.data(), out.size());
    };
    set("x", padded(OSSL_PKEY_PARAM_EC_PUB_X));
    set("y", padded(OSSL_PKEY_PARAM_EC_PUB_Y));
    if (k->is_private) set("d", padded(OSSL_PKEY_PARAM_PRIV_KEY));
  } else if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448 || id == EVP_PKEY_X25519 ||
             id == EVP_PKEY_X448) {
    uint8_t buf[64];
    size_t len = sizeof(buf);
    if (EVP_PKEY_get_raw_public_key(pkey, buf, &len) == 1) set("x", CopyBuffer(env, buf, len));
    len = sizeof(buf);
    if (k->is_private && EVP_PKEY_get_raw_private_key(pkey, buf, &len) == 1) set("d", CopyBuffer(env, buf, len));
  }
  ERR_clear_error();
  return o;
}

// key.publicOnly() -> a new Key holding only the public half.
napi_value KeyPublicOnly(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  KeyState* k = UnwrapKey(env, self);
  EVP_PKEY_up_ref(k->pkey.get());
  return WrapKey(env, k->pkey.get(), false);
}

napi_value KeyEquals(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  KeyState* a = UnwrapKey(env, argv[0]);
  KeyState* b = UnwrapKey(env, argv[1]);
  bool eq = a && b && a->is_private == b->is_private && EVP_PKEY_eq(a->pkey.get(), b->pkey.get()) == 1;
  ERR_clear_error();
  return Bool(env, eq);
}

// fromJwk(kty, crvOrNull, { n, e, d, p, q, dp, dq, qi, x, y } as Buffers, isPrivate) -> Key
napi_value FromJwk(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  std::string kty = GetString(env, argv[0]);
  std::string crv = IsNullish(env, argv[1]) ? "" : GetString(env, argv[1]);
  bool priv = GetBool(env, argv[3]);
  auto get = [&](const char* name, std::vector<uint8_t>* out) {
    napi_value v;
    bool has = false;
    napi_has_named_property(env, argv[2], name, &has);
    if (!has) return false;
    napi_get_named_property(env, argv[2], name, &v);
    Bytes b;
    if (!GetBytes(env, v, &b)) return false;
    out->assign(b.data, b.data + b.size);
    return true;
  };
  EVP_PKEY* pkey = nullptr;
  int selection = priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
  if (kty == "OKP") {
    std::vector<uint8_t> x, d;
    int id = crv == "Ed25519" ? EVP_PKEY_ED25519 : crv == "Ed448" ? EVP_PKEY_ED448
           : crv == "X25519" ? EVP_PKEY_X25519 : crv == "X448" ? EVP_PKEY_X448 : 0;
    if (id != 0 && priv && get("d", &d)) {
      pkey = EVP_PKEY_new_raw_private_key(id, nullptr, d.data(), d.size());
    } else if (id != 0 && get("x", &x)) {
      pkey = EVP_PKEY_new_raw_public_key(id, nullptr, x.data(), x.size());
    }
  } else {
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    std::vector<BIGNUM*> bns;
    auto push_bn = [&](const char* jwk, const char* param) {
      std::vector<uint8_t> v;
      if (!get(jwk, &v)) return false;
      BIGNUM* bn = BN_bin2bn(v.data(), static_cast<int>(v.size()), nullptr);
      bns.push_back(bn);
      return OSSL_PARAM_BLD_push_BN(bld, param, bn) == 1;
    };
    const char* alg = nullptr;
    bool ok = true;
    std::vector<uint8_t> point;
    if (kty == "RSA") {
      alg = "RSA";
      ok = push_bn("n", OSSL_PKEY_PARAM_RSA_N) && push_bn("e", OSSL_PKEY_PARAM_RSA_E);
      if (ok && priv) {
        ok = push_bn("d", OSSL_PKEY_PARAM_RSA_D);
        push_bn("p", OSSL_PKEY_PARAM_RSA_FACTOR1);
        push_bn("q", OSSL_PKEY_PARAM_RSA_FACTOR2);
        push_bn("dp", OSSL_PKEY_PARAM_RSA_EXPONENT1);
        push_bn("dq", OSSL_PKEY_PARAM_RSA_EXPONENT2);
        push_bn("qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
      }
    } else if (kty == "EC") {
      alg = "EC";
      const char* group = crv == "P-256" ? "prime256v1" : crv == "P-384" ? "secp384r1"
                        : crv == "P-521" ? "secp521r1" : crv == "secp256k1" ? "secp256k1" : nullptr;
      std::vector<uint8_t> x, y;
      ok = group != nullptr && get("x", &x) && get("y", &y) && x.size() == y.size();
      if (ok) {
        OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
        point.push_back(0x04);
        point.insert(point.end(), x.begin(), x.end());
        point.insert(point.end(), y.begin(), y.end());
        OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
        if (priv) ok = push_bn("d", OSSL_PKEY_PARAM_PRIV_KEY);
      }
    } else {
      ok = false;
    }
    if (ok) {
      OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
      EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, alg, nullptr);
      if (ctx == nullptr || EVP_PKEY_fromdata_init(ctx) != 1 ||
          EVP_PKEY_fromdata(ctx, &pkey, selection, params) != 1)
        pkey = nullptr;
      EVP_PKEY_CTX_free(ctx);
      OSSL_PARAM_free(params);
    }
    for (BIGNUM* bn : bns) BN_free(bn);
    OSSL_PARAM_BLD_free(bld);
  }
  if (pkey == nullptr) {
    ERR_clear_error();
    ThrowPlain(env, "Invalid JWK data", "ERR_CRYPTO_INVALID_JWK");
    return nullptr;
  }
  return WrapKey(env, pkey, priv);
}

class KeyGenJob : public Job {
 public:
  std::string type;
  int bits = 2048;
  uint64_t exponent = 65537;
  std::string curve, hash, mgf1_hash;
  int salt_len = -1;
  EVP_PKEY* result = nullptr;
  ~KeyGenJob() override { EVP_PKEY_free(result); }

  void Run() override {
    static const struct { const char* node; const char* ossl; } kNames[] = {
        {"rsa", "RSA"}, {"rsa-pss", "RSA-PSS"}, {"ec", "EC"}, {"ed25519", "ED25519"},
        {"ed448", "ED448"}, {"x25519", "X25519"}, {"x448", "X448"}};
    const char* name = nullptr;
    for (auto& n : kNames)
      if (type == n.node) name = n.ossl;
    PkeyCtxPtr ctx(name ? EVP_PKEY_CTX_new_from_name(nullptr, name, nullptr) : nullptr);
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) return Fail();
    if (type == "rsa" || type == "rsa-pss") {
      BIGNUM* e = BN_new();
      BN_set_word(e, exponent);
      bool ok = EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits) == 1 &&
                EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx.get(), e) == 1;
      BN_free(e);
      if (!ok) return Fail();
      if (type == "rsa-pss") {
        if (!hash.empty() && EVP_PKEY_CTX_set_rsa_pss_keygen_md_name(ctx.get(), hash.c_str(), nullptr) != 1)
          return Fail();
        if (!mgf1_hash.empty() &&
            EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md_name(ctx.get(), mgf1_hash.c_str()) != 1)
          return Fail();
        if (salt_len >= 0 && EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(ctx.get(), salt_len) != 1)
          return Fail();
      }
    } else if (type == "ec") {
      int nid = OBJ_sn2nid(curve.c_str());
      if (nid == NID_undef) nid = EC_curve_nist2nid(curve.c_str());
      if (nid == NID_undef || EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx.get(), nid) != 1 ||
          EVP_PKEY_CTX_set_ec_param_enc(ctx.get(), OPENSSL_EC_NAMED_CURVE) != 1) {
        failed = true;
        ERR_clear_error();
        error.message = "Invalid EC curve name";
        error.code = "ERR_CRYPTO_INVALID_CURVE";
        return;
      }
    }
    if (EVP_PKEY_generate(ctx.get(), &result) != 1) return Fail();
  }

  void Fail() {
    failed = true;
    error = TakeOpenSSLError("Key generation failed");
  }

  napi_value Result(napi_env env) override {
    EVP_PKEY_up_ref(result);
    napi_value pair;
    napi_create_array_with_length(env, 2, &pair);
    napi_set_element(env, pair, 0, WrapKey(env, result, false));
    napi_set_element(env, pair, 1, WrapKey(env, result, true));
    result = nullptr;
    return pair;
  }
};

// generateKeyPair(type, { modulusLength, publicExponent, namedCurve, hashAlgorithm,
//                  mgf1HashAlgorithm, saltLength }[, callback]) -> [publicKey, privateKey]
napi_value GenerateKeyPair(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  auto job = std::make_unique<KeyGenJob>();
  job->type = GetString(env, argv[0]);
  auto prop = [&](const char* name) -> napi_value {
    napi_value v;
    bool has = false;
    napi_has_named_property(env, argv[1], name, &has);
    if (!has) return nullptr;
    napi_get_named_property(env, argv[1], name, &v);
    return IsNullish(env, v) ? nullptr : v;
  };
  if (napi_value v = prop("modulusLength")) job->bits = static_cast<int>(GetInt64(env, v));
  if (napi_value v = prop("publicExponent")) job->exponent = static_cast<uint64_t>(GetDouble(env, v));
  if (napi_value v = prop("namedCurve")) job->curve = GetString(env, v);
  if (napi_value v = prop("hashAlgorithm")) job->hash = GetString(env, v);
  if (napi_value v = prop("mgf1HashAlgorithm")) job->mgf1_hash = GetString(env, v);
  if (napi_value v = prop("saltLength")) job->salt_len = static_cast<int>(GetInt64(env, v));
  napi_value cb = argc > 2 ? argv[2] : nullptr;
  if (!IsFunction(env, cb) && job->type == "ec") {
    // A bad curve is reported like Node's (TypeError from the JS side) even in sync form.
  }
  return RunJob(env, job.release(), cb);
}

// Signature helpers: RSA padding and salt length, and ECDSA's two signature encodings.
bool ApplyRsaOptions(EVP_PKEY_CTX* pctx, EVP_PKEY* pkey, int padding, int salt_len) {
  int id = EVP_PKEY_get_base_id(pkey);
  if (id != EVP_PKEY_RSA && id != EVP_PKEY_RSA_PSS) return true;
  if (padding >= 0 && EVP_PKEY_CTX_set_rsa_padding(pctx, padding) != 1) return false;
  if (salt_len != INT32_MIN && (padding == RSA_PKCS1_PSS_PADDING || id == EVP_PKEY_RSA_PSS) &&
      EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, salt_len) != 1)
    return false;
  return true;
}

size_t EcOrderBytes(EVP_PKEY* pkey) {
  return static_cast<size_t>((EVP_PKEY_get_bits(pkey) + 7) / 8);
}

bool DerToP1363(EVP_PKEY* pkey, std::vector<uint8_t>* sig) {
  const unsigned char* p = sig->data();
  ECDSA_SIG* s = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig->size()));
  if (s == nullptr) return false;
  size_t n = EcOrderBytes(pkey);
  std::vector<uint8_t> out(2 * n);
  const BIGNUM *r, *ss;
  ECDSA_SIG_get0(s, &r, &ss);
  BN_bn2binpad(r, out.data(), static_cast<int>(n));
  BN_bn2binpad(ss, out.data() + n, static_cast<int>(n));
  ECDSA_SIG_free(s);
  *sig = std::move(out);
  return true;
}

bool P1363ToDer(EVP_PKEY* pkey, const Bytes& in, std::vector<uint8_t>* out) {
  size_t n = EcOrderBytes(pkey);
  if (in.size != 2 * n) return false;
  ECDSA_SIG* s = ECDSA_SIG_new();
  ECDSA_SIG_set0(s, BN_bin2bn(in.data, static_cast<int>(n), nullptr),
                 BN_bin2bn(in.data + n, static_cast<int>(n), nullptr));
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(s, &der);
  ECDSA_SIG_free(s);
  if (len <= 0) return false;
  out->assign(der, der + len);
  OPENSSL_free(der);
  return true;
}

// sign(key, digest | null, data, padding, saltLength, dsaEncodingP1363) -> Buffer
napi_value Sign(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  KeyState* k = UnwrapKey(env, argv[0]);
  std::string md = IsNullish(env, argv[1]) ? "" : GetString(env, argv[1]);
  Bytes data;
  GetBytes(env, argv[2], &data);
  int padding = static_cast<int>(GetInt64(env, argv[3], -1));
  int salt = static_cast<int>(GetInt64(env, argv[4], INT32_MIN));
  bool p1363 = GetBool(env, argv[5]);
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  const EVP_MD* digest = md.empty() ? nullptr : FindDigest(env, md);
  if (!md.empty() && digest == nullptr) {
    ThrowPlain(env, "Invalid digest: " + md, "ERR_CRYPTO_INVALID_DIGEST");
    return nullptr;
  }
  size_t len = 0;
  std::vector<uint8_t> sig;
  if (EVP_DigestSignInit(ctx.get(), &pctx, digest, nullptr, k->pkey.get()) != 1 ||
      !ApplyRsaOptions(pctx, k->pkey.get(), padding, salt) ||
      EVP_DigestSign(ctx.get(), nullptr, &len, data.data, data.size) != 1) {
    ThrowOpenSSL(env, "Signing failed");
    return nullptr;
  }
  sig.resize(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, data.data, data.size) != 1) {
    ThrowOpenSSL(env, "Signing failed");
    return nullptr;
  }
  sig.resize(len);
  if (p1363 && EVP_PKEY_get_base_id(k->pkey.get()) == EVP_PKEY_EC) DerToP1363(k->pkey.get(), &sig);
  return CopyBuffer(env, sig.data(), sig.size());
}

// verify(key, digest | null, data, signature, padding, saltLength, dsaEncodingP1363) -> bool
napi_value Verify(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  KeyState* k = UnwrapKey(env, argv[0]);
  std::string md = IsNullish(env, argv[1]) ? "" : GetString(env, argv[1]);
  Bytes data, sig;
  GetBytes(env, argv[2], &data);
  GetBytes(env, argv[3], &sig);
  int padding = static_cast<int>(GetInt64(env, argv[4], -1));
  int salt = static_cast<int>(GetInt64(env, argv[5], INT32_MIN));
  bool p1363 = GetBool(env, argv[6]);
  const EVP_MD* digest = md.empty() ? nullptr : FindDigest(env, md);
  if (!md.empty() && digest == nullptr) {
    ThrowPlain(env, "Invalid digest: " + md, "ERR_CRYPTO_INVALID_DIGEST");
    return nullptr;
  }
  std::vector<uint8_t> der;
  if (p1363 && EVP_PKEY_get_base_id(k->pkey.get()) == EVP_PKEY_EC) {
    if (!P1363ToDer(k->pkey.get(), sig, &der)) return Bool(env, false);
    sig.data = der.data();
    sig.size = der.size();
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (EVP_DigestVerifyInit(ctx.get(), &pctx, digest, nullptr, k->pkey.get()) != 1 ||
      !ApplyRsaOptions(pctx, k->pkey.get(), padding, salt)) {
    ThrowOpenSSL(env, "Verification failed");
    return nullptr;
  }
  int r = EVP_DigestVerify(ctx.get(), sig.data, sig.size, data.data, data.size);
  ERR_clear_error();
  return Bool(env, r == 1);
}

// cipherAsym(key, data, mode 0 publicEncrypt | 1 privateDecrypt | 2 privateEncrypt | 3 publicDecrypt,
//            padding, oaepHash | null, oaepLabel | null) -> Buffer
napi_value CipherAsym(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  KeyState* k = UnwrapKey(env, argv[0]);
  Bytes data;
  GetBytes(env, argv[1], &data);
  int mode = static_cast<int>(GetInt64(env, argv[2]));
  int padding = static_cast<int>(GetInt64(env, argv[3], RSA_PKCS1_OAEP_PADDING));
  std::string oaep_hash = IsNullish(env, argv[4]) ? "" : GetString(env, argv[4]);
  Bytes label{};
  bool has_label = !IsNullish(env, argv[5]) && GetBytes(env, argv[5], &label);
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new(k->pkey.get(), nullptr));
  int ok = 0;
  switch (mode) {
    case 0: ok = EVP_PKEY_encrypt_init(ctx.get()); break;
    case 1: ok = EVP_PKEY_decrypt_init(ctx.get()); break;
    case 2: ok = EVP_PKEY_sign_init(ctx.get()); break;
    default: ok = EVP_PKEY_verify_recover_init(ctx.get()); break;
  }
  if (ok != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), padding) != 1) {
    ThrowOpenSSL(env, "RSA operation failed");
    return nullptr;
  }
  if (padding == RSA_PKCS1_OAEP_PADDING) {
    if (!oaep_hash.empty() && EVP_PKEY_CTX_set_rsa_oaep_md_name(ctx.get(), oaep_hash.c_str(), nullptr) != 1) {
      ERR_clear_error();
      ThrowPlain(env, "Invalid digest used", "ERR_OSSL_EVP_INVALID_DIGEST");
      return nullptr;
    }
    if (has_label && label.size > 0) {
      void* copy = OPENSSL_memdup(label.data, label.size);
      EVP_PKEY_CTX_set0_rsa_oaep_label(ctx.get(), copy, static_cast<int>(label.size));
    }
  }
  size_t len = 0;
  auto run = [&](uint8_t* out) {
    switch (mode) {
      case 0: return EVP_PKEY_encrypt(ctx.get(), out, &len, data.data, data.size);
      case 1: return EVP_PKEY_decrypt(ctx.get(), out, &len, data.data, data.size);
      case 2: return EVP_PKEY_sign(ctx.get(), out, &len, data.data, data.size);
      default: return EVP_PKEY_verify_recover(ctx.get(), out, &len, data.data, data.size);
    }
  };
  if (run(nullptr) != 1) {
    ThrowOpenSSL(env, "RSA operation failed");
    return nullptr;
  }
  std::vector<uint8_t> out(len);
  if (run(out.data()) != 1) {
    ThrowOpenSSL(env, "RSA operation failed");
    return nullptr;
  }
  out.resize(len);
  return CopyBuffer(env, out.data(), out.size());
}

// deriveShared(privateKey, publicKey) -> Buffer (ECDH, X25519/X448, DH)
napi_value DeriveShared(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  KeyState* priv = UnwrapKey(env, argv[0]);
  KeyState* pub = UnwrapKey(env, argv[1]);
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new(priv->pkey.get(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
      EVP_PKEY_derive_set_peer(ctx.get(), pub->pkey.get()) != 1 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &len) != 1) {
    ThrowOpenSSL(env, "Failed to derive a shared secret");
    return nullptr;
  }
  std::vector<uint8_t> out(len);
  if (EVP_PKEY_derive(ctx.get(), out.data(), &len) != 1) {
    ThrowOpenSSL(env, "Failed to derive a shared secret");
    return nullptr;
  }
  out.resize(len);
  return CopyBuffer(env, out.data(), out.size());
}

// ecKeyFromRaw(curve, privateBytes | null, publicPoint | null) -> Key; for crypto.ECDH.
// With only the private scalar, the public point is computed.
napi_value EcKeyFromRaw(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  std::string curve = GetString(env, argv[0]);
  int nid = OBJ_sn2nid(curve.c_str());
  if (nid == NID_undef) nid = EC_curve_nist2nid(curve.c_str());
  if (nid == NID_undef) {
    ThrowPlain(env, "Invalid EC curve name", "ERR_CRYPTO_INVALID_CURVE");
    return nullptr;
  }
  Bytes priv{}, pub{};
  bool has_priv = !IsNullish(env, argv[1]) && GetBytes(env, argv[1], &priv);
  bool has_pub = !IsNullish(env, argv[2]) && GetBytes(env, argv[2], &pub);
  std::vector<uint8_t> point;
  BIGNUM* d = nullptr;
  if (has_priv) {
    d = BN_bin2bn(priv.data, static_cast<int>(priv.size), nullptr);
    // A scalar outside [1, order) is no private key on this curve.
    EC_GROUP* curve_group = EC_GROUP_new_by_curve_name(nid);
    bool in_range = !BN_is_zero(d) && BN_cmp(d, EC_GROUP_get0_order(curve_group)) < 0;
    EC_GROUP_free(curve_group);
    if (!in_range) {
      BN_free(d);
      ThrowPlain(env, "Private key is not valid for specified curve.", "ERR_CRYPTO_INVALID_KEYTYPE");
      return nullptr;
    }
    if (!has_pub) {
      EC_GROUP* group = EC_GROUP_new_by_curve_name(nid);
      EC_POINT* p = EC_POINT_new(group);
      bool ok = EC_POINT_mul(group, p, d, nullptr, nullptr, nullptr) == 1;
      size_t n = ok ? EC_POINT_point2oct(group, p, POINT_CONVERSION_UNCOMPRESSED, nullptr, 0, nullptr) : 0;
      point.resize(n);
      if (n) EC_POINT_point2oct(group, p, POINT_CONVERSION_UNCOMPRESSED, point.data(), n, nullptr);
      EC_POINT_free(p);
      EC_GROUP_free(group);
    }
  }
  if (has_pub) point.assign(pub.data, pub.data + pub.size);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(nid), 0);
  if (!point.empty()) OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  if (d) OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, d);
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
  EVP_PKEY* pkey = nullptr;
  int selection = d ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
  if (ctx == nullptr || EVP_PKEY_fromdata_init(ctx) != 1 ||
      EVP_PKEY_fromdata(ctx, &pkey, selection, params) != 1)
    pkey = nullptr;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  BN_free(d);
  if (pkey == nullptr || (!has_priv && point.empty())) {
    EVP_PKEY_free(pkey);
    ERR_clear_error();
    ThrowPlain(env, "Failed to create key using the given point", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY");
    return nullptr;
  }
  if (!has_priv) {
    // Reject points that are not on the curve.
    PkeyCtxPtr check(EVP_PKEY_CTX_new(pkey, nullptr));
    if (EVP_PKEY_public_check(check.get()) != 1) {
      EVP_PKEY_free(pkey);
      ERR_clear_error();
      ThrowPlain(env, "Public key is not valid for specified curve", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY");
      return nullptr;
    }
  }
  return WrapKey(env, pkey, has_priv);
}

// key.ecPoint(compressed) -> the public point of an EC key; key.ecPrivate() -> the scalar.
napi_value KeyEcPoint(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  KeyState* k = UnwrapKey(env, self);
  int form = static_cast<int>(GetInt64(env, arg, POINT_CONVERSION_UNCOMPRESSED));
  const char* fmt = form == POINT_CONVERSION_COMPRESSED ? "compressed"
                  : form == POINT_CONVERSION_HYBRID ? "hybrid" : "uncompressed";
  EVP_PKEY_set_utf8_string_param(k->pkey.get(), OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, fmt);
  uint8_t buf[256];
  size_t len = 0;
  if (EVP_PKEY_get_octet_string_param(k->pkey.get(), OSSL_PKEY_PARAM_PUB_KEY, buf, sizeof(buf), &len) != 1) {
    ThrowOpenSSL(env, "Failed to get the public key");
    return nullptr;
  }
  return CopyBuffer(env, buf, len);
}

napi_value KeyEcPrivate(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  KeyState* k = UnwrapKey(env, self);
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(k->pkey.get(), OSSL_PKEY_PARAM_PRIV_KEY, &bn) != 1) {
    ThrowOpenSSL(env, "Failed to get the private key");
    return nullptr;
  }
  std::vector<uint8_t> out(static_cast<size_t>(BN_num_bytes(bn)));
  BN_bn2bin(bn, out.data());
  BN_free(bn);
  return CopyBuffer(env, out.data(), out.size());
}

#define PROP(name, fn) {name, nullptr, fn, nullptr, nullptr, nullptr, napi_default, nullptr}

}  // namespace

void RegisterKeys(napi_env env, napi_value binding) {
  const napi_property_descriptor props[] = {
      PROP("export", KeyExport),   PROP("details", KeyDetails),   PROP("jwk", KeyJwk),
      PROP("publicOnly", KeyPublicOnly), PROP("ecPoint", KeyEcPoint), PROP("ecPrivate", KeyEcPrivate),
  };
  napi_value cls;
  napi_define_class(env, "Key", NAPI_AUTO_LENGTH, KeyNew, nullptr, sizeof(props) / sizeof(props[0]),
                    props, &cls);
  napi_create_reference(env, cls, 1, KeyClassRef(env));
  napi_set_named_property(env, binding, "Key", cls);
  const Method methods[] = {
      {"parseKey", ParseKey}, {"fromJwk", FromJwk}, {"keyEquals", KeyEquals},
      {"generateKeyPair", GenerateKeyPair}, {"sign", Sign}, {"verify", Verify},
      {"cipherAsym", CipherAsym}, {"deriveShared", DeriveShared}, {"ecKeyFromRaw", EcKeyFromRaw},
  };
  DefineMethods(env, binding, methods, sizeof(methods) / sizeof(methods[0]));
}

}  // namespace nodus_crypto

// X.509 certificates: binding.X509 objects (PEM or DER) whose methods answer for
// X509Certificate's getters.

namespace nodus_crypto {
namespace {

struct CertState {
  X509* cert = nullptr;
  ~CertState() { X509_free(cert); }
};

CertState* UnwrapCert(napi_env env, napi_value self) {
  void* p = nullptr;
  napi_unwrap(env, self, &p);
  return static_cast<CertState*>(p);
}

X509* ThisCert(napi_env env, napi_callback_info info, size_t* argc = nullptr, napi_value* argv = nullptr) {
  napi_value self;
  napi_get_cb_info(env, info, argc, argv, &self, nullptr);
  CertState* c = UnwrapCert(env, self);
  return c ? c->cert : nullptr;
}

napi_value BioString(napi_env env, BIO* bio) {
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio, &mem);
  napi_value s;
  napi_create_string_utf8(env, mem->data, mem->length, &s);
  return s;
}

napi_value NameString(napi_env env, X509_NAME* name) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  const unsigned long flags = ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_UTF8_CONVERT |
                              XN_FLAG_SEP_MULTILINE | XN_FLAG_FN_SN;
  if (X509_NAME_print_ex(bio.get(), name, 0, flags) <= 0) return Undefined(env);
  return BioString(env, bio.get());
}

napi_value CertSubject(napi_env env, napi_callback_info info) {
  return NameString(env, X509_get_subject_name(ThisCert(env, info)));
}

napi_value CertIssuer(napi_env env, napi_callback_info info) {
  return NameString(env, X509_get_issuer_name(ThisCert(env, info)));
}

napi_value ExtensionString(napi_env env, X509* cert, int nid) {
  int idx = X509_get_ext_by_NID(cert, nid, -1);
  if (idx < 0) return Undefined(env);
  X509_EXTENSION* ext = X509_get_ext(cert, idx);
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (X509V3_EXT_print(bio.get(), ext, 0, 0) != 1) {
    ERR_clear_error();
    return Undefined(env);
  }
  return BioString(env, bio.get());
}

napi_value CertSubjectAltName(napi_env env, napi_callback_info info) {
  return ExtensionString(env, ThisCert(env, info), NID_subject_alt_name);
}

napi_value CertInfoAccess(napi_env env, napi_callback_info info) {
  return ExtensionString(env, ThisCert(env, info), NID_info_access);
}

napi_value TimeString(napi_env env, const ASN1_TIME* t) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  ASN1_TIME_print(bio.get(), t);
  return BioString(env, bio.get());
}

napi_value CertValidFrom(napi_env env, napi_callback_info info) {
  return TimeString(env, X509_get0_notBefore(ThisCert(env, info)));
}

napi_value CertValidTo(napi_env env, napi_callback_info info) {
  return TimeString(env, X509_get0_notAfter(ThisCert(env, info)));
}

// Seconds since the epoch of notBefore/notAfter, for validFromDate/validToDate.
napi_value CertValidity(napi_env env, napi_callback_info info) {
  X509* cert = ThisCert(env, info);
  napi_value arr;
  napi_create_array_with_length(env, 2, &arr);
  const ASN1_TIME* times[] = {X509_get0_notBefore(cert), X509_get0_notAfter(cert)};
  for (uint32_t i = 0; i < 2; i++) {
    struct tm tm {};
    ASN1_TIME_to_tm(times[i], &tm);
    napi_value v;
    napi_create_double(env, static_cast<double>(timegm(&tm)), &v);
    napi_set_element(env, arr, i, v);
  }
  return arr;
}

napi_value CertFingerprint(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  X509* cert = ThisCert(env, info, &argc, &arg);
  const EVP_MD* md = FindDigest(env, GetString(env, arg));
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (md == nullptr || X509_digest(cert, md, buf, &len) != 1) return Undefined(env);
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned int i = 0; i < len; i++) {
    if (i) out += ':';
    out += kHex[buf[i] >> 4];
    out += kHex[buf[i] & 15];
  }
  return Str(env, out.c_str());
}

napi_value CertSerial(napi_env env, napi_callback_info info) {
  X509* cert = ThisCert(env, info);
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  char* hex = BN_bn2hex(bn);
  napi_value s = Str(env, hex);
  OPENSSL_free(hex);
  BN_free(bn);
  return s;
}

napi_value CertRaw(napi_env env, napi_callback_info info) {
  X509* cert = ThisCert(env, info);
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  napi_value buf = CopyBuffer(env, der, static_cast<size_t>(len > 0 ? len : 0));
  OPENSSL_free(der);
  return buf;
}

napi_value CertPem(napi_env env, napi_callback_info info) {
  X509* cert = ThisCert(env, info);
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert);
  return BioString(env, bio.get());
}

napi_value CertPublicKey(napi_env env, napi_callback_info info) {
  X509* cert = ThisCert(env, info);
  EVP_PKEY* pkey = X509_get_pubkey(cert);
  if (pkey == nullptr) {
    ThrowOpenSSL(env, "Failed to get the public key");
    return nullptr;
  }
  return WrapKey(env, pkey, false);
}

napi_value CertIsCA(napi_env env, napi_callback_info info) {
  return Bool(env, X509_check_ca(ThisCert(env, info)) == 1);
}

// check(kind 0 host | 1 email | 2 ip, value, flags) -> the matched name or undefined
napi_value CertCheck(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  X509* cert = ThisCert(env, info, &argc, argv);
  int kind = static_cast<int>(GetInt64(env, argv[0]));
  std::string value = GetString(env, argv[1]);
  unsigned int flags = static_cast<unsigned int>(GetInt64(env, argv[2], 0));
  int r = 0;
  char* peername = nullptr;
  if (kind == 0) r = X509_check_host(cert, value.data(), value.size(), flags, &peername);
  else if (kind == 1) r = X509_check_email(cert, value.data(), value.size(), flags);
  else r = X509_check_ip_asc(cert, value.c_str(), flags);
  ERR_clear_error();
  if (r != 1) return Undefined(env);
  napi_value out = Str(env, peername ? peername : value.c_str());
  OPENSSL_free(peername);
  return out;
}

// checkIssued(otherCert) / verify(publicKey)
napi_value CertCheckIssued(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  X509* cert = ThisCert(env, info, &argc, &arg);
  CertState* issuer = UnwrapCert(env, arg);
  bool ok = issuer && X509_check_issued(issuer->cert, cert) == X509_V_OK;
  ERR_clear_error();
  return Bool(env, ok);
}

napi_value CertVerify(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  X509* cert = ThisCert(env, info, &argc, &arg);
  KeyState* k = UnwrapKey(env, arg);
  bool ok = k && X509_verify(cert, k->pkey.get()) == 1;
  ERR_clear_error();
  return Bool(env, ok);
}

napi_value CertKeyUsage(napi_env env, napi_callback_info info) {
  X509* cert = ThisCert(env, info);
  EXTENDED_KEY_USAGE* eku = static_cast<EXTENDED_KEY_USAGE*>(
      X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
  if (eku == nullptr) return Undefined(env);
  napi_value arr;
  napi_create_array(env, &arr);
  int n = sk_ASN1_OBJECT_num(eku);
  for (int i = 0; i < n; i++) {
    char buf[128];
    OBJ_obj2txt(buf, sizeof(buf), sk_ASN1_OBJECT_value(eku, i), 1);
    napi_set_element(env, arr, static_cast<uint32_t>(i), Str(env, buf));
  }
  sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
  return arr;
}

napi_value CertNew(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  Bytes data;
  GetBytes(env, arg, &data);
  BioPtr bio(BIO_new_mem_buf(data.data, static_cast<int>(data.size)));
  X509* cert = PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr);
  if (cert == nullptr) {
    ERR_clear_error();
    const unsigned char* p = data.data;
    cert = d2i_X509(nullptr, &p, static_cast<long>(data.size));
  }
  if (cert == nullptr) {
    ThrowOpenSSL(env, "Failed to parse the certificate");
    return nullptr;
  }
  auto* st = new CertState;
  st->cert = cert;
  napi_wrap(env, self, st, [](napi_env, void* d, void*) { delete static_cast<CertState*>(d); }, nullptr,
            nullptr);
  return self;
}

}  // namespace

void RegisterX509(napi_env env, napi_value binding) {
  const napi_property_descriptor props[] = {
      PROP("subject", CertSubject), PROP("issuer", CertIssuer),
      PROP("subjectAltName", CertSubjectAltName), PROP("infoAccess", CertInfoAccess),
      PROP("validFrom", CertValidFrom), PROP("validTo", CertValidTo), PROP("validity", CertValidity),
      PROP("fingerprint", CertFingerprint), PROP("serialNumber", CertSerial), PROP("raw", CertRaw),
      PROP("pem", CertPem), PROP("publicKey", CertPublicKey), PROP("isCA", CertIsCA),
      PROP("check", CertCheck), PROP("checkIssued", CertCheckIssued), PROP("verify", CertVerify),
      PROP("keyUsage", CertKeyUsage),
  };
  napi_value cls;
  napi_define_class(env, "X509", NAPI_AUTO_LENGTH, CertNew, nullptr, sizeof(props) / sizeof(props[0]),
                    props, &cls);
  napi_set_named_property(env, binding, "X509", cls);
}

}  // namespace nodus_crypto
