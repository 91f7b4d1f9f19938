// Certificates as Node's tls shows them: getPeerCertificate()'s legacy object and the
// verification error codes (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT...).
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

#include "tls_binding.h"

namespace nodus_tls {

namespace {

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string BioText(BIO* bio) {
  char* data;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, len > 0 ? len : 0);
}

// { C: 'US', O: 'x', CN: 'y' }; a repeated field becomes an array, as in Node.
napi_value NameToObject(napi_env env, X509_NAME* name) {
  napi_value obj;
  napi_create_object(env, &obj);
  for (int i = 0; i < X509_NAME_entry_count(name); i++) {
    X509_NAME_ENTRY* e = X509_NAME_get_entry(name, i);
    int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(e));
    char oid[80];
    const char* key = nid != NID_undef ? OBJ_nid2sn(nid) : nullptr;
    if (key == nullptr) {
      OBJ_obj2txt(oid, sizeof(oid), X509_NAME_ENTRY_get_object(e), 1);
      key = oid;
    }
    unsigned char* utf8 = nullptr;
    int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
    if (len < 0) continue;
    napi_value value;
    napi_create_string_utf8(env, reinterpret_cast<char*>(utf8), len, &value);
    OPENSSL_free(utf8);
    bool has = false;
    napi_has_named_property(env, obj, key, &has);
    if (!has) {
      napi_set_named_property(env, obj, key, value);
      continue;
    }
    napi_value existing;
    napi_get_named_property(env, obj, key, &existing);
    bool is_array = false;
    napi_is_array(env, existing, &is_array);
    if (!is_array) {
      napi_value arr;
      napi_create_array(env, &arr);
      napi_set_element(env, arr, 0, existing);
      existing = arr;
      napi_set_named_property(env, obj, key, arr);
    }
    uint32_t n;
    napi_get_array_length(env, existing, &n);
    napi_set_element(env, existing, n, value);
  }
  return obj;
}

// "DNS:a.example, IP Address:127.0.0.1" as Node prints subjectaltname.
std::string AltNames(X509* cert) {
  auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return {};
  std::string out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
    GENERAL_NAME* gen = sk_GENERAL_NAME_value(names, i);
    std::string item;
    if (gen->type == GEN_DNS) {
      item = "DNS:" + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(gen->d.dNSName)),
                                  ASN1_STRING_length(gen->d.dNSName));
    } else if (gen->type == GEN_EMAIL) {
      item = "email:" + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(gen->d.rfc822Name)),
                                    ASN1_STRING_length(gen->d.rfc822Name));
    } else if (gen->type == GEN_URI) {
      item = "URI:" + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(gen->d.uniformResourceIdentifier)),
                                  ASN1_STRING_length(gen->d.uniformResourceIdentifier));
    } else if (gen->type == GEN_IPADD) {
      const unsigned char* ip = ASN1_STRING_get0_data(gen->d.iPAddress);
      int len = ASN1_STRING_length(gen->d.iPAddress);
      char buf[64] = {0};
      if (len == 4) {
        snprintf(buf, sizeof(buf), "%d.%d.%d.%d", ip[0], ip[1], ip[2], ip[3]);
      } else if (len == 16) {
        // Node prints each group in hex without compression.
        int pos = 0;
        for (int g = 0; g < 8; g++) {
          pos += snprintf(buf + pos, sizeof(buf) - pos, g ? ":%X" : "%X", (ip[2 * g] << 8) | ip[2 * g + 1]);
        }
      }
      item = std::string("IP Address:") + buf;
    } else {
      continue;
    }
    if (!out.empty()) out += ", ";
    out += item;
  }
  GENERAL_NAMES_free(names);
  return out;
}

std::string Fingerprint(X509* cert, const EVP_MD* md) {
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  X509_digest(cert, md, buf, &len);
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned i = 0; i < len; i++) {
    if (i) out += ':';
    out += kHex[buf[i] >> 4];
    out += kHex[buf[i] & 15];
  }
  return out;
}

std::string Time(const ASN1_TIME* t) {
  BioPtr bio(BIO_new(BIO_s_mem()), BIO_free);
  ASN1_TIME_print(bio.get(), t);
  return BioText(bio.get());
}

void SetStr(napi_env env, napi_value obj, const char* key, const std::string& value) {
  napi_value v;
  napi_create_string_utf8(env, value.data(), value.size(), &v);
  napi_set_named_property(env, obj, key, v);
}

}  // namespace

napi_value CertToObject(napi_env env, X509* cert) {
  napi_value obj;
  napi_create_object(env, &obj);
  napi_set_named_property(env, obj, "subject", NameToObject(env, X509_get_subject_name(cert)));
  napi_set_named_property(env, obj, "issuer", NameToObject(env, X509_get_issuer_name(cert)));
  std::string alt = AltNames(cert);
  if (!alt.empty()) SetStr(env, obj, "subjectaltname", alt);
  napi_set_named_property(env, obj, "ca", Bool(env, X509_check_ca(cert) == 1));
  EVP_PKEY* key = X509_get0_pubkey(cert);
  if (key != nullptr) {
    napi_set_named_property(env, obj, "bits", Int(env, EVP_PKEY_get_bits(key)));
    BIGNUM* n = nullptr;
    BIGNUM* e = nullptr;
    if (EVP_PKEY_get_bn_param(key, "n", &n) && EVP_PKEY_get_bn_param(key, "e", &e)) {
      char* hex = BN_bn2hex(n);
      SetStr(env, obj, "modulus", hex);
      OPENSSL_free(hex);
      char buf[32];
      snprintf(buf, sizeof(buf), "0x%lx", static_cast<unsigned long>(BN_get_word(e)));
      SetStr(env, obj, "exponent", buf);
    }
    BN_free(n);
    BN_free(e);
    unsigned char* der = nullptr;
    int len = i2d_PUBKEY(key, &der);
    if (len > 0) napi_set_named_property(env, obj, "pubkey", CopyBuffer(env, der, len));
    OPENSSL_free(der);
    ERR_clear_error();
  }
  SetStr(env, obj, "valid_from", Time(X509_get0_notBefore(cert)));
  SetStr(env, obj, "valid_to", Time(X509_get0_notAfter(cert)));
  SetStr(env, obj, "fingerprint", Fingerprint(cert, EVP_sha1()));
  SetStr(env, obj, "fingerprint256", Fingerprint(cert, EVP_sha256()));
  SetStr(env, obj, "fingerprint512", Fingerprint(cert, EVP_sha512()));
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  char* hex = BN_bn2hex(serial);
  SetStr(env, obj, "serialNumber", hex);
  OPENSSL_free(hex);
  BN_free(serial);
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  napi_set_named_property(env, obj, "raw", CopyBuffer(env, der, len > 0 ? len : 0));
  OPENSSL_free(der);
  return obj;
}

// [code, message]: the X509_V_ERR_ name without its prefix, as Node reports it.
napi_value VerifyErrorCode(napi_env env, long err) {
  static const struct {
    long err;
    const char* code;
  } kCodes[] = {
      {X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, "UNABLE_TO_GET_ISSUER_CERT"},
      {X509_V_ERR_UNABLE_TO_GET_CRL, "UNABLE_TO_GET_CRL"},
      {X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE, "UNABLE_TO_DECRYPT_CERT_SIGNATURE"},
      {X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE, "UNABLE_TO_DECRYPT_CRL_SIGNATURE"},
      {X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY, "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY"},
      {X509_V_ERR_CERT_SIGNATURE_FAILURE, "CERT_SIGNATURE_FAILURE"},
      {X509_V_ERR_CRL_SIGNATURE_FAILURE, "CRL_SIGNATURE_FAILURE"},
      {X509_V_ERR_CERT_NOT_YET_VALID, "CERT_NOT_YET_VALID"},
      {X509_V_ERR_CERT_HAS_EXPIRED, "CERT_HAS_EXPIRED"},
      {X509_V_ERR_CRL_NOT_YET_VALID, "CRL_NOT_YET_VALID"},
      {X509_V_ERR_CRL_HAS_EXPIRED, "CRL_HAS_EXPIRED"},
      {X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD, "ERROR_IN_CERT_NOT_BEFORE_FIELD"},
      {X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD, "ERROR_IN_CERT_NOT_AFTER_FIELD"},
      {X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD, "ERROR_IN_CRL_LAST_UPDATE_FIELD"},
      {X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD, "ERROR_IN_CRL_NEXT_UPDATE_FIELD"},
      {X509_V_ERR_OUT_OF_MEM, "OUT_OF_MEM"},
      {X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, "DEPTH_ZERO_SELF_SIGNED_CERT"},
      {X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, "SELF_SIGNED_CERT_IN_CHAIN"},
      {X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"},
      {X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
      {X509_V_ERR_CERT_CHAIN_TOO_LONG, "CERT_CHAIN_TOO_LONG"},
      {X509_V_ERR_CERT_REVOKED, "CERT_REVOKED"},
      {X509_V_ERR_INVALID_CA, "INVALID_CA"},
      {X509_V_ERR_PATH_LENGTH_EXCEEDED, "PATH_LENGTH_EXCEEDED"},
      {X509_V_ERR_INVALID_PURPOSE, "INVALID_PURPOSE"},
      {X509_V_ERR_CERT_UNTRUSTED, "CERT_UNTRUSTED"},
      {X509_V_ERR_CERT_REJECTED, "CERT_REJECTED"},
      {X509_V_ERR_HOSTNAME_MISMATCH, "HOSTNAME_MISMATCH"},
  };
  const char* code = "UNSPECIFIED";
  for (const auto& c : kCodes) {
    if (c.err == err) {
      code = c.code;
      break;
    }
  }
  napi_value arr;
  napi_create_array(env, &arr);
  napi_set_element(env, arr, 0, Str(env, code));
  napi_set_element(env, arr, 1, Str(env, X509_verify_cert_error_string(err)));
  return arr;
}

}  // namespace nodus_tls
