// binding.SecureContext: one SSL_CTX (keys, certificates, trust store, protocol range, ciphers,
// curves, session settings). JS (_tls_common.js) validates options and calls these setters.
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>

#include <cstring>
#include <memory>

#include "tls_binding.h"

namespace nodus_tls {

namespace {

struct SecureContext {
  SSL_CTX* ctx = nullptr;
  bool own_store = false;  // `ca` given: trust only those
  // Session ticket keys in Node's layout: name (16), HMAC secret (16), AES-128 key (16).
  unsigned char ticket_keys[48];
  ~SecureContext() { SSL_CTX_free(ctx); }
};

int ContextIndex() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

// Encrypts and decrypts session tickets with the context's keys, so servers sharing ticketKeys
// resume each other's sessions (and getTicketKeys() can hand them out).
int TicketKey(SSL* ssl, unsigned char* name, unsigned char* iv, EVP_CIPHER_CTX* cipher,
              EVP_MAC_CTX* mac, int enc) {
  auto* sc = static_cast<SecureContext*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ContextIndex()));
  if (sc == nullptr) return -1;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, sc->ticket_keys + 16, 16),
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>("sha256"), 0),
      OSSL_PARAM_construct_end(),
  };
  if (enc) {
    memcpy(name, sc->ticket_keys, 16);
    if (RAND_bytes(iv, 16) != 1 ||
        EVP_EncryptInit_ex(cipher, EVP_aes_128_cbc(), nullptr, sc->ticket_keys + 32, iv) != 1 ||
        EVP_MAC_CTX_set_params(mac, params) != 1) {
      return -1;
    }
    return 1;
  }
  if (memcmp(name, sc->ticket_keys, 16) != 0) return 0;  // not ours: a full handshake
  if (EVP_MAC_CTX_set_params(mac, params) != 1 ||
      EVP_DecryptInit_ex(cipher, EVP_aes_128_cbc(), nullptr, sc->ticket_keys + 32, iv) != 1) {
    return -1;
  }
  return 1;
}

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

BioPtr BioFrom(napi_env env, napi_value value) {
  Bytes b;
  std::string storage;
  if (!GetBytes(env, value, &b, &storage)) return BioPtr(nullptr, BIO_free);
  // BIO_new_mem_buf is read-only over the caller's memory; copy so a string's storage can go.
  BIO* bio = BIO_new(BIO_s_mem());
  BIO_write(bio, b.data, static_cast<int>(b.size));
  return BioPtr(bio, BIO_free);
}

int PassphraseCallback(char* buf, int size, int, void* u) {
  const std::string* pass = static_cast<const std::string*>(u);
  if (pass == nullptr) return -1;
  int len = static_cast<int>(pass->size());
  if (len > size) len = size;
  memcpy(buf, pass->data(), len);
  return len;
}

struct Call {
  SecureContext* sc = nullptr;
  napi_value argv[3];
  size_t argc = 3;
  napi_value self;
};

bool Unwrap(napi_env env, napi_callback_info info, Call* c) {
  napi_get_cb_info(env, info, &c->argc, c->argv, &c->self, nullptr);
  void* p = nullptr;
  napi_unwrap(env, c->self, &p);
  c->sc = static_cast<SecureContext*>(p);
  return c->sc != nullptr;
}

napi_value New(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  auto* sc = new SecureContext;
  sc->ctx = SSL_CTX_new(TLS_method());
  // Secure defaults: TLS 1.2 at least, no compression, no renegotiation from clients.
  SSL_CTX_set_min_proto_version(sc->ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(sc->ctx, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE |
                                   SSL_OP_NO_RENEGOTIATION);
  // Idle connections give their record buffers back (as Node does): memory over a malloc/free
  // per record, for servers holding many mostly idle connections.
  SSL_CTX_set_mode(sc->ctx, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  // Client side: 'session' callbacks. Server side: resumption by tickets only; like Node, no
  // internal session-id cache (Node leaves that to 'newSession'/'resumeSession' listeners).
  SSL_CTX_set_session_cache_mode(sc->ctx, SSL_SESS_CACHE_BOTH | SSL_SESS_CACHE_NO_INTERNAL);
  static const unsigned char kIdContext[] = "nodus";
  SSL_CTX_set_session_id_context(sc->ctx, kIdContext, sizeof(kIdContext) - 1);
  InstallContextCallbacks(sc->ctx);
  RAND_bytes(sc->ticket_keys, sizeof(sc->ticket_keys));
  SSL_CTX_set_ex_data(sc->ctx, ContextIndex(), sc);
  SSL_CTX_set_tlsext_ticket_key_evp_cb(sc->ctx, TicketKey);
  napi_wrap(env, self, sc, [](napi_env, void* data, void*) { delete static_cast<SecureContext*>(data); },
            nullptr, nullptr);
  return self;
}

// setKey(pemOrDer, passphrase?)
napi_value SetKey(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  std::string pass;
  bool has_pass = !IsNullish(env, c.argv[1]);
  if (has_pass) {
    Bytes b;
    GetBytes(env, c.argv[1], &b, &pass);
    if (pass.empty()) pass.assign(reinterpret_cast<const char*>(b.data), b.size);
  }
  BioPtr bio = BioFrom(env, c.argv[0]);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, PassphraseCallback,
                                          has_pass ? &pass : nullptr);
  if (key == nullptr) {
    BIO_reset(bio.get());
    ERR_clear_error();
    BioPtr der = BioFrom(env, c.argv[0]);
    key = d2i_PrivateKey_bio(der.get(), nullptr);
  }
  if (key == nullptr) {
    ThrowOpenSSL(env, "error:1E08010C:DECODER routines::unsupported");
    return nullptr;
  }
  int ok = SSL_CTX_use_PrivateKey(c.sc->ctx, key);
  EVP_PKEY_free(key);
  if (!ok) ThrowOpenSSL(env, "Failed to use the private key");
  return nullptr;
}

// setCert(pemChain): the first certificate is ours, the rest its chain.
napi_value SetCert(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  BioPtr bio = BioFrom(env, c.argv[0]);
  X509* leaf = PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr);
  if (leaf == nullptr) {
    ERR_clear_error();
    BioPtr der = BioFrom(env, c.argv[0]);
    leaf = d2i_X509_bio(der.get(), nullptr);
    if (leaf == nullptr) {
      ThrowOpenSSL(env, "error:0480006C:PEM routines::no start line");
      return nullptr;
    }
  }
  int ok = SSL_CTX_use_certificate(c.sc->ctx, leaf);
  X509_free(leaf);
  if (!ok) {
    ThrowOpenSSL(env, "Failed to use the certificate");
    return nullptr;
  }
  SSL_CTX_clear_chain_certs(c.sc->ctx);
  while (X509* extra = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    SSL_CTX_add0_chain_cert(c.sc->ctx, extra);
  }
  ERR_clear_error();
  return nullptr;
}

// addCACert(pem): the first call replaces the root store with a store of our own.
napi_value AddCACert(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  if (!c.sc->own_store) {
    SSL_CTX_set_cert_store(c.sc->ctx, X509_STORE_new());
    c.sc->own_store = true;
  }
  X509_STORE* store = SSL_CTX_get_cert_store(c.sc->ctx);
  BioPtr bio = BioFrom(env, c.argv[0]);
  int added = 0;
  while (X509* cert = PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, cert);
    // A server asking for client certificates names the CAs it accepts.
    SSL_CTX_add_client_CA(c.sc->ctx, cert);
    X509_free(cert);
    added++;
  }
  ERR_clear_error();
  if (added == 0) {
    BioPtr der = BioFrom(env, c.argv[0]);
    if (X509* cert = d2i_X509_bio(der.get(), nullptr)) {
      X509_STORE_add_cert(store, cert);
      SSL_CTX_add_client_CA(c.sc->ctx, cert);
      X509_free(cert);
    }
    ERR_clear_error();
  }
  return nullptr;
}

napi_value AddRootCerts(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  if (c.sc->own_store) return nullptr;
  X509_STORE* roots = RootStore(env);
  SSL_CTX_set1_cert_store(c.sc->ctx, roots);
  return nullptr;
}

// loadPKCS12(pfx, passphrase?)
napi_value LoadPKCS12(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  std::string pass = IsNullish(env, c.argv[1]) ? "" : GetString(env, c.argv[1]);
  Bytes b;
  if (!GetBytes(env, c.argv[0], &b)) return nullptr;
  BioPtr bio(BIO_new_mem_buf(b.data, static_cast<int>(b.size)), BIO_free);
  PKCS12* p12 = d2i_PKCS12_bio(bio.get(), nullptr);
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* extra = nullptr;
  bool ok = p12 != nullptr && PKCS12_parse(p12, pass.c_str(), &key, &cert, &extra) == 1;
  PKCS12_free(p12);
  if (!ok) {
    ThrowOpenSSL(env, "Unable to load PFX certificate");
    return nullptr;
  }
  SSL_CTX_use_certificate(c.sc->ctx, cert);
  SSL_CTX_use_PrivateKey(c.sc->ctx, key);
  for (int i = 0; extra != nullptr && i < sk_X509_num(extra); i++) {
    X509* x = sk_X509_value(extra, i);
    X509_up_ref(x);
    SSL_CTX_add0_chain_cert(c.sc->ctx, x);
  }
  sk_X509_pop_free(extra, X509_free);
  X509_free(cert);
  EVP_PKEY_free(key);
  if (!SSL_CTX_check_private_key(c.sc->ctx)) ThrowOpenSSL(env, "Unable to load PFX certificate");
  return nullptr;
}

// setCiphers(list12, suites13): either may be undefined.
napi_value SetCiphers(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  if (!IsNullish(env, c.argv[0]) &&
      !SSL_CTX_set_cipher_list(c.sc->ctx, GetString(env, c.argv[0]).c_str())) {
    ThrowOpenSSL(env, "Failed to set ciphers");
    return nullptr;
  }
  if (!IsNullish(env, c.argv[1]) &&
      !SSL_CTX_set_ciphersuites(c.sc->ctx, GetString(env, c.argv[1]).c_str())) {
    ThrowOpenSSL(env, "Failed to set ciphers");
  }
  return nullptr;
}

napi_value SetProtoRange(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  SSL_CTX_set_min_proto_version(c.sc->ctx, static_cast<int>(GetInt(env, c.argv[0])));
  SSL_CTX_set_max_proto_version(c.sc->ctx, static_cast<int>(GetInt(env, c.argv[1])));
  return nullptr;
}

napi_value SetEcdhCurve(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  std::string curve = GetString(env, c.argv[0]);
  if (curve == "auto") return nullptr;
  if (!SSL_CTX_set1_groups_list(c.sc->ctx, curve.c_str())) {
    ThrowOpenSSL(env, "Failed to set ECDH curve");
  }
  return nullptr;
}

napi_value SetDHParam(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  BioPtr bio = BioFrom(env, c.argv[0]);
  EVP_PKEY* dh = PEM_read_bio_Parameters(bio.get(), nullptr);
  if (dh == nullptr || !SSL_CTX_set0_tmp_dh_pkey(c.sc->ctx, dh)) {
    EVP_PKEY_free(dh);
    ThrowOpenSSL(env, "Failed to set DH parameters");
  }
  return nullptr;
}

napi_value SetSessionTimeout(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  SSL_CTX_set_timeout(c.sc->ctx, static_cast<long>(GetInt(env, c.argv[0])));
  return nullptr;
}

napi_value SetSessionIdContext(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  std::string id = GetString(env, c.argv[0]);
  if (id.size() > SSL_MAX_SID_CTX_LENGTH) id.resize(SSL_MAX_SID_CTX_LENGTH);
  SSL_CTX_set_session_id_context(c.sc->ctx, reinterpret_cast<const unsigned char*>(id.data()),
                                 static_cast<unsigned>(id.size()));
  return nullptr;
}

napi_value SetTickets(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  if (GetBool(env, c.argv[0])) {
    SSL_CTX_clear_options(c.sc->ctx, SSL_OP_NO_TICKET);
  } else {
    SSL_CTX_set_options(c.sc->ctx, SSL_OP_NO_TICKET);
  }
  return nullptr;
}

// setOptions(bits): SSL_OP_* flags (secureOptions), added to the defaults.
napi_value SetOptions(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  SSL_CTX_set_options(c.sc->ctx, static_cast<uint64_t>(GetInt(env, c.argv[0])));
  return nullptr;
}

// getTicketKeys() / setTicketKeys(48 bytes): JS checks the length.
napi_value GetTicketKeys(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  return CopyBuffer(env, c.sc->ticket_keys, sizeof(c.sc->ticket_keys));
}

napi_value SetTicketKeys(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  Bytes b;
  if (GetBytes(env, c.argv[0], &b) && b.size == sizeof(c.sc->ticket_keys)) {
    memcpy(c.sc->ticket_keys, b.data, b.size);
  }
  return nullptr;
}

// Whether a key and a certificate that match were given (servers need both).
napi_value HasCertificate(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  bool ok = SSL_CTX_get0_certificate(c.sc->ctx) != nullptr && SSL_CTX_check_private_key(c.sc->ctx);
  ERR_clear_error();
  return Bool(env, ok);
}

// The certificate as DER (for getCertificate()).
napi_value GetCertificate(napi_env env, napi_callback_info info) {
  Call c;
  if (!Unwrap(env, info, &c)) return nullptr;
  X509* cert = SSL_CTX_get0_certificate(c.sc->ctx);
  if (cert == nullptr) return Null(env);
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  napi_value out = CopyBuffer(env, der, len);
  OPENSSL_free(der);
  return out;
}

}  // namespace

SSL_CTX* ContextOf(napi_env env, napi_value object) {
  void* p = nullptr;
  if (napi_unwrap(env, object, &p) != napi_ok || p == nullptr) return nullptr;
  return static_cast<SecureContext*>(p)->ctx;
}

void RegisterContext(napi_env env, napi_value binding) {
  static const Method methods[] = {
      {"setKey", SetKey},
      {"setCert", SetCert},
      {"addCACert", AddCACert},
      {"addRootCerts", AddRootCerts},
      {"loadPKCS12", LoadPKCS12},
      {"setCiphers", SetCiphers},
      {"setProtoRange", SetProtoRange},
      {"setEcdhCurve", SetEcdhCurve},
      {"setDHParam", SetDHParam},
      {"setSessionTimeout", SetSessionTimeout},
      {"setSessionIdContext", SetSessionIdContext},
      {"setTickets", SetTickets},
      {"setOptions", SetOptions},
      {"getTicketKeys", GetTicketKeys},
      {"setTicketKeys", SetTicketKeys},
      {"hasCertificate", HasCertificate},
      {"getCertificate", GetCertificate},
  };
  DefineClass(env, binding, "SecureContext", New, methods, sizeof(methods) / sizeof(methods[0]));
}

}  // namespace nodus_tls
