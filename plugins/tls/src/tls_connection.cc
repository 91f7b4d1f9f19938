// binding.Connection: one SSL between two memory BIOs. JS (_tls_wrap.js) moves the bytes: each
// chunk read from the transport is one receive() call that returns the decrypted bytes and
// reports in the shared state array whether ciphertext is waiting (takeOutput()), the handshake
// finished, an SNI name needs a context, a session or keylog line arrived, or an error happened.
// Each write() call returns the ciphertext to send. No JS is entered from OpenSSL's callbacks.
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <string>
#include <vector>

#include "tls_binding.h"

namespace nodus_tls {

napi_value CertToObject(napi_env env, X509* cert);
napi_value VerifyErrorCode(napi_env env, long err);

namespace {

enum Flags : int32_t {
  kHandshakeDone = 1,
  kOutput = 2,
  kError = 4,
  kSNI = 8,
  kSession = 16,
  kKeylog = 32,
  kClosed = 64,
};

struct Connection {
  SSL* ssl = nullptr;
  BIO* in = nullptr;   // ciphertext from the peer
  BIO* out = nullptr;  // ciphertext for the peer
  bool server = false;
  bool handshake_done = false;
  std::vector<uint8_t> alpn_server;  // the server's protocols, wire format
  bool sni_callback = false;
  bool sni_asked = false;
  bool sni_answered = false;
  std::string sni_name;
  bool keylog = false;
  std::vector<std::string> keylog_lines;
  std::vector<uint8_t> session;  // the latest session offered to a client, DER
  bool has_session = false;
  napi_ref error = nullptr;
  int32_t flags = 0;
  ~Connection() { SSL_free(ssl); }
};

Connection* Of(SSL* ssl) { return static_cast<Connection*>(SSL_get_ex_data(ssl, ConnectionIndex())); }

int AlwaysContinue(int, X509_STORE_CTX*) { return 1; }  // verified after the handshake, as Node

int SelectALPN(SSL* ssl, const unsigned char** out, unsigned char* outlen, const unsigned char* in,
               unsigned int inlen, void*) {
  Connection* c = Of(ssl);
  if (c == nullptr || c->alpn_server.empty()) return SSL_TLSEXT_ERR_NOACK;
  unsigned char* selected = nullptr;
  int r = SSL_select_next_proto(&selected, outlen, c->alpn_server.data(),
                                static_cast<unsigned>(c->alpn_server.size()), in, inlen);
  if (r != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_ALERT_FATAL;  // Node 20: no overlap fails
  *out = selected;
  return SSL_TLSEXT_ERR_OK;
}

// Pauses the handshake once, when the server has an SNICallback, so JS can pick the context.
int ClientHello(SSL* ssl, int* al, void*) {
  Connection* c = Of(ssl);
  if (c == nullptr || !c->sni_callback || c->sni_answered) return SSL_CLIENT_HELLO_SUCCESS;
  const unsigned char* p;
  size_t len;
  c->sni_name.clear();
  // server_name extension: list length(2), type(1) = host_name, name length(2), name.
  if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &p, &len) && len > 5 && p[2] == 0) {
    size_t n = (static_cast<size_t>(p[3]) << 8) | p[4];
    if (n <= len - 5) c->sni_name.assign(reinterpret_cast<const char*>(p + 5), n);
  }
  c->sni_asked = true;
  (void)al;
  return SSL_CLIENT_HELLO_RETRY;
}

// A session as DER.
std::vector<uint8_t> SessionBytes(SSL_SESSION* sess) {
  int len = i2d_SSL_SESSION(sess, nullptr);
  if (len <= 0) return {};
  std::vector<uint8_t> der(len);
  unsigned char* p = der.data();
  i2d_SSL_SESSION(sess, &p);
  return der;
}

int NewSession(SSL* ssl, SSL_SESSION* sess) {
  Connection* c = Of(ssl);
  if (c == nullptr || c->server) return 0;
  c->session = SessionBytes(sess);
  if (c->session.empty()) return 0;
  c->has_session = true;
  c->flags |= kSession;
  return 0;  // we did not keep a reference to `sess`
}

void Keylog(const SSL* ssl, const char* line) {
  Connection* c = Of(const_cast<SSL*>(ssl));
  if (c == nullptr || !c->keylog) return;
  c->keylog_lines.emplace_back(line);
  c->flags |= kKeylog;
}

struct Call {
  Connection* c = nullptr;
  napi_value argv[3];
  size_t argc = 3;
  napi_value self;
};

bool Unwrap(napi_env env, napi_callback_info info, Call* call) {
  napi_get_cb_info(env, info, &call->argc, call->argv, &call->self, nullptr);
  void* p = nullptr;
  napi_unwrap(env, call->self, &p);
  call->c = static_cast<Connection*>(p);
  if (call->c == nullptr || call->c->ssl == nullptr) {
    ThrowPlain(env, "TLS connection is closed", "ERR_TLS_INVALID_STATE");
    return false;
  }
  return true;
}

void Fail(napi_env env, Connection* c) {
  if (c->error != nullptr) napi_delete_reference(env, c->error);
  napi_create_reference(env, TakeOpenSSLError(env, "TLS error"), 1, &c->error);
  c->flags |= kError;
}

void Publish(napi_env env, Connection* c) {
  if (BIO_ctrl_pending(c->out) > 0) c->flags |= kOutput;
  SharedState(env)[0] = c->flags;
  c->flags = 0;
}

// The ciphertext waiting for the peer as a Buffer (undefined when none); the BIO is emptied.
napi_value DrainOutput(napi_env env, Connection* c) {
  char* data;
  long len = BIO_get_mem_data(c->out, &data);
  if (len <= 0) return Undefined(env);
  napi_value out = CopyBuffer(env, data, len);
  BIO_reset(c->out);
  return out;
}

// new Connection(secureContext, isServer)
napi_value New(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  SSL_CTX* ctx = ContextOf(env, argv[0]);
  if (ctx == nullptr) {
    ThrowPlain(env, "Invalid SecureContext", "ERR_INVALID_ARG_TYPE");
    return nullptr;
  }
  auto* c = new Connection;
  c->server = GetBool(env, argv[1]);
  c->ssl = SSL_new(ctx);
  c->in = BIO_new(BIO_s_mem());
  c->out = BIO_new(BIO_s_mem());
  BIO_set_mem_eof_return(c->in, -1);  // empty input means "wait", not EOF
  SSL_set_bio(c->ssl, c->in, c->out);
  SSL_set_ex_data(c->ssl, ConnectionIndex(), c);
  if (c->server) {
    SSL_set_accept_state(c->ssl);
  } else {
    SSL_set_connect_state(c->ssl);
    SSL_set_verify(c->ssl, SSL_VERIFY_PEER, AlwaysContinue);
  }
  napi_wrap(
      env, self, c,
      [](napi_env env, void* data, void*) {
        auto* conn = static_cast<Connection*>(data);
        if (conn->error != nullptr) napi_delete_reference(env, conn->error);
        delete conn;
      },
      nullptr, nullptr);
  return self;
}

// Runs the handshake as far as the input allows, then decrypts what is there.
napi_value Advance(napi_env env, Connection* c) {
  if (!c->handshake_done) {
    ERR_clear_error();
    int r = SSL_do_handshake(c->ssl);
    if (r == 1) {
      c->handshake_done = true;
      c->flags |= kHandshakeDone;
    } else {
      int e = SSL_get_error(c->ssl, r);
      if (e == SSL_ERROR_WANT_CLIENT_HELLO_CB) {
        c->flags |= kSNI;
      } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
        Fail(env, c);
      }
      Publish(env, c);
      return Undefined(env);
    }
  }
  size_t cap = 16384 + BIO_ctrl_pending(c->in);
  uint8_t* buf = Scratch(env, cap);
  size_t len = 0;
  for (;;) {
    if (cap - len < 4096) {
      cap *= 2;
      buf = Scratch(env, cap);  // grows in place, keeping what was read
    }
    size_t n = 0;
    ERR_clear_error();
    if (SSL_read_ex(c->ssl, buf + len, cap - len, &n) == 1) {
      len += n;
      continue;
    }
    int e = SSL_get_error(c->ssl, 0);
    if (e == SSL_ERROR_ZERO_RETURN) {
      c->flags |= kClosed;
    } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
      Fail(env, c);
    }
    break;
  }
  Publish(env, c);
  return len > 0 ? CopyBuffer(env, buf, len) : Undefined(env);
}

// receive([ciphertext]): decrypted bytes or undefined; flags in state[0].
napi_value Receive(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  Bytes b;
  if (call.argc > 0 && GetBytes(env, call.argv[0], &b) && b.size > 0) {
    // receive(arrayBuffer, offset, length): a slice of a read slab, without a Buffer object.
    if (call.argc == 3) {
      size_t offset = static_cast<size_t>(GetInt(env, call.argv[1]));
      size_t length = static_cast<size_t>(GetInt(env, call.argv[2]));
      if (offset > b.size || length > b.size - offset) length = 0;
      b.data += offset;
      b.size = length;
    }
    BIO_write(call.c->in, b.data, static_cast<int>(b.size));
  }
  return Advance(env, call.c);
}

// takeOutput(): the ciphertext waiting for the peer, as a Buffer (undefined when none).
napi_value TakeOutput(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  return DrainOutput(env, call.c);
}

// write(buffer | buffers[] | string[, latin1]): encrypts and returns the ciphertext (several
// small buffers become one record).
napi_value Write(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  Connection* c = call.c;
  bool is_array = false;
  napi_is_array(env, call.argv[0], &is_array);
  ERR_clear_error();
  bool ok = true;
  auto write = [&](const uint8_t* data, size_t size) {
    size_t written;
    if (size > 0 && SSL_write_ex(c->ssl, data, size, &written) != 1) ok = false;
  };
  if (is_array) {
    uint32_t n;
    napi_get_array_length(env, call.argv[0], &n);
    std::vector<Bytes> parts(n);
    size_t total = 0;
    for (uint32_t i = 0; i < n; i++) {
      napi_value v;
      napi_get_element(env, call.argv[0], i, &v);
      GetBytes(env, v, &parts[i]);
      total += parts[i].size;
    }
    if (total <= 16384) {
      std::vector<uint8_t> joined;
      joined.reserve(total);
      for (const Bytes& p : parts) joined.insert(joined.end(), p.data, p.data + p.size);
      write(joined.data(), joined.size());
    } else {
      for (const Bytes& p : parts) {
        if (ok) write(p.data, p.size);
      }
    }
  } else {
    // A string is encoded here, once: latin1 when the second argument says so, else utf8.
    Bytes b;
    std::string storage;
    napi_valuetype t;
    napi_typeof(env, call.argv[0], &t);
    if (t == napi_string && call.argc > 1 && GetBool(env, call.argv[1])) {
      size_t len = 0;
      napi_get_value_string_latin1(env, call.argv[0], nullptr, 0, &len);
      storage.resize(len);
      napi_get_value_string_latin1(env, call.argv[0], storage.data(), len + 1, &len);
      b.data = reinterpret_cast<const uint8_t*>(storage.data());
      b.size = len;
    } else {
      GetBytes(env, call.argv[0], &b, &storage);
    }
    write(b.data, b.size);
  }
  if (!ok) {
    Fail(env, c);
    Publish(env, c);
    return Undefined(env);
  }
  c->flags = 0;
  SharedState(env)[0] = 0;
  return DrainOutput(env, c);
}

// shutdown(): queues close_notify; the caller takes it with takeOutput().
napi_value Shutdown(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  ERR_clear_error();
  if (call.c->handshake_done) SSL_shutdown(call.c->ssl);
  ERR_clear_error();
  Publish(env, call.c);
  return nullptr;
}

napi_value TakeError(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  if (call.c->error == nullptr) return Undefined(env);
  napi_value err;
  napi_get_reference_value(env, call.c->error, &err);
  napi_delete_reference(env, call.c->error);
  call.c->error = nullptr;
  return err;
}

napi_value SetVerify(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  // setVerify(requestCert, rejectUnauthorized): a server that requires a certificate fails the
  // handshake without one; a certificate that does not verify is judged after it, in JS.
  bool request = GetBool(env, call.argv[0]);
  bool reject = call.argc > 1 && GetBool(env, call.argv[1]);
  int mode = SSL_VERIFY_NONE;
  if (request) mode = SSL_VERIFY_PEER | (reject ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0);
  SSL_set_verify(call.c->ssl, mode, AlwaysContinue);
  return nullptr;
}

napi_value SetServername(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  SSL_set_tlsext_host_name(call.c->ssl, GetString(env, call.argv[0]).c_str());
  return nullptr;
}

// The name the client asked for (server), or the one we sent (client); false when none.
napi_value GetServername(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  if (call.c->sni_asked && !call.c->sni_answered) return Str(env, call.c->sni_name.c_str());
  const char* name = SSL_get_servername(call.c->ssl, TLSEXT_NAMETYPE_host_name);
  return name ? Str(env, name) : Bool(env, false);
}

// setALPN(wire): client: offered protocols; server: the ones it accepts, in preference order.
napi_value SetALPN(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  Bytes b;
  if (!GetBytes(env, call.argv[0], &b)) return nullptr;
  if (call.c->server) {
    call.c->alpn_server.assign(b.data, b.data + b.size);
  } else {
    SSL_set_alpn_protos(call.c->ssl, b.data, static_cast<unsigned>(b.size));
  }
  return nullptr;
}

napi_value GetALPN(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  const unsigned char* p;
  unsigned len = 0;
  SSL_get0_alpn_selected(call.c->ssl, &p, &len);
  if (len == 0) return Bool(env, false);
  napi_value s;
  napi_create_string_latin1(env, reinterpret_cast<const char*>(p), len, &s);
  return s;
}

napi_value EnableSNICallback(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  call.c->sni_callback = true;
  return nullptr;
}

// setContext(secureContext | undefined): the SNI answer; the handshake goes on with receive().
napi_value SetContext(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  call.c->sni_answered = true;
  if (call.argc > 0 && !IsNullish(env, call.argv[0])) {
    SSL_CTX* ctx = ContextOf(env, call.argv[0]);
    if (ctx != nullptr) {
      SSL_set_SSL_CTX(call.c->ssl, ctx);
      // SSL_set_SSL_CTX keeps the verify settings of the first context; take the new store.
      SSL_set1_verify_cert_store(call.c->ssl, SSL_CTX_get_cert_store(ctx));
    }
  }
  return nullptr;
}

napi_value EnableKeylog(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  call.c->keylog = true;
  return nullptr;
}

napi_value TakeKeylog(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  napi_value arr;
  napi_create_array(env, &arr);
  uint32_t i = 0;
  for (const std::string& line : call.c->keylog_lines) {
    std::string with_nl = line + "\n";
    napi_set_element(env, arr, i++, CopyBuffer(env, with_nl.data(), with_nl.size()));
  }
  call.c->keylog_lines.clear();
  return arr;
}

// takeSession(): the session the server just offered (DER), undefined when none is new.
napi_value TakeSession(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  if (!call.c->has_session) return Undefined(env);
  call.c->has_session = false;
  return CopyBuffer(env, call.c->session.data(), call.c->session.size());
}

napi_value GetSession(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  SSL_SESSION* sess = SSL_get_session(call.c->ssl);
  std::vector<uint8_t> der = sess ? SessionBytes(sess) : std::vector<uint8_t>();
  if (der.empty()) return Undefined(env);
  return CopyBuffer(env, der.data(), der.size());
}

napi_value SetSession(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  Bytes b;
  if (!GetBytes(env, call.argv[0], &b)) return nullptr;
  const unsigned char* p = b.data;
  SSL_SESSION* sess = d2i_SSL_SESSION(nullptr, &p, static_cast<long>(b.size));
  if (sess == nullptr) {
    ThrowOpenSSL(env, "Bad session");
    return nullptr;
  }
  SSL_set_session(call.c->ssl, sess);
  SSL_SESSION_free(sess);
  return nullptr;
}

napi_value IsSessionReused(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  return Bool(env, SSL_session_reused(call.c->ssl) == 1);
}

napi_value GetTLSTicket(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  SSL_SESSION* sess = SSL_get_session(call.c->ssl);
  const unsigned char* tick = nullptr;
  size_t len = 0;
  if (sess != nullptr) SSL_SESSION_get0_ticket(sess, &tick, &len);
  if (tick == nullptr) return Undefined(env);
  return CopyBuffer(env, tick, len);
}

napi_value GetProtocol(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  return Str(env, SSL_get_version(call.c->ssl));
}

napi_value GetCipher(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  const SSL_CIPHER* cipher = SSL_get_current_cipher(call.c->ssl);
  if (cipher == nullptr) return Undefined(env);
  napi_value obj;
  napi_create_object(env, &obj);
  napi_set_named_property(env, obj, "name", Str(env, SSL_CIPHER_get_name(cipher)));
  napi_set_named_property(env, obj, "standardName", Str(env, SSL_CIPHER_standard_name(cipher)));
  napi_set_named_property(env, obj, "version", Str(env, SSL_CIPHER_get_version(cipher)));
  return obj;
}

// getPeerCertificate(detailed): the peer's certificate as Node's legacy object; with `detailed`,
// each has `issuerCertificate` (the chain as sent; the last one points to itself when self-signed).
napi_value GetPeerCertificate(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  X509* peer = SSL_get0_peer_certificate(call.c->ssl);
  if (peer == nullptr) return Undefined(env);
  napi_value first = CertToObject(env, peer);
  if (call.argc == 0 || !GetBool(env, call.argv[0])) return first;
  STACK_OF(X509)* chain = SSL_get_peer_cert_chain(call.c->ssl);
  napi_value prev = first;
  X509* prev_cert = peer;
  // On a client the chain starts with the peer's own certificate; on a server it does not.
  for (int i = 0; chain != nullptr && i < sk_X509_num(chain); i++) {
    X509* x = sk_X509_value(chain, i);
    if (X509_cmp(x, peer) == 0) continue;
    napi_value obj = CertToObject(env, x);
    napi_set_named_property(env, prev, "issuerCertificate", obj);
    prev = obj;
    prev_cert = x;
  }
  if (X509_check_issued(prev_cert, prev_cert) == X509_V_OK) {
    napi_set_named_property(env, prev, "issuerCertificate", prev);
  }
  return first;
}

napi_value GetCertificate(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  X509* cert = SSL_get_certificate(call.c->ssl);
  return cert ? CertToObject(env, cert) : Undefined(env);
}

// verifyError(): null when the peer's chain verified, else Node's { code, message } pair as an
// array. A peer that sent no certificate is UNABLE_TO_GET_ISSUER_CERT, as in Node.
napi_value VerifyError(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  long err = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
  if (SSL_get0_peer_certificate(call.c->ssl) != nullptr) err = SSL_get_verify_result(call.c->ssl);
  if (err == X509_V_OK) return Null(env);
  return VerifyErrorCode(env, err);
}

napi_value ExportKeyingMaterial(napi_env env, napi_callback_info info) {
  Call call;
  if (!Unwrap(env, info, &call)) return nullptr;
  size_t len = static_cast<size_t>(GetInt(env, call.argv[0]));
  std::string label = GetString(env, call.argv[1]);
  Bytes ctx;
  bool has_ctx = call.argc > 2 && GetBytes(env, call.argv[2], &ctx);
  std::vector<uint8_t> out(len);
  if (SSL_export_keying_material(call.c->ssl, out.data(), len, label.data(), label.size(),
                                 has_ctx ? ctx.data : nullptr, has_ctx ? ctx.size : 0,
                                 has_ctx ? 1 : 0) != 1) {
    ThrowOpenSSL(env, "Key export failed");
    return nullptr;
  }
  return CopyBuffer(env, out.data(), out.size());
}

// destroy(): frees the SSL now rather than at collection.
napi_value Destroy(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  napi_value self;
  napi_get_cb_info(env, info, &argc, nullptr, &self, nullptr);
  void* p = nullptr;
  napi_unwrap(env, self, &p);
  auto* c = static_cast<Connection*>(p);
  if (c != nullptr && c->ssl != nullptr) {
    SSL_free(c->ssl);
    c->ssl = nullptr;
    if (c->error != nullptr) napi_delete_reference(env, c->error);
    c->error = nullptr;
  }
  return nullptr;
}

}  // namespace

void InstallContextCallbacks(SSL_CTX* ctx) {
  SSL_CTX_set_alpn_select_cb(ctx, SelectALPN, nullptr);
  SSL_CTX_set_client_hello_cb(ctx, ClientHello, nullptr);
  SSL_CTX_sess_set_new_cb(ctx, NewSession);
  SSL_CTX_set_keylog_callback(ctx, Keylog);
}

void RegisterConnection(napi_env env, napi_value binding) {
  static const Method methods[] = {
      {"receive", Receive},
      {"takeOutput", TakeOutput},
      {"write", Write},
      {"shutdown", Shutdown},
      {"takeError", TakeError},
      {"setVerify", SetVerify},
      {"setServername", SetServername},
      {"getServername", GetServername},
      {"setALPN", SetALPN},
      {"getALPN", GetALPN},
      {"enableSNICallback", EnableSNICallback},
      {"setContext", SetContext},
      {"enableKeylog", EnableKeylog},
      {"takeKeylog", TakeKeylog},
      {"takeSession", TakeSession},
      {"getSession", GetSession},
      {"setSession", SetSession},
      {"isSessionReused", IsSessionReused},
      {"getTLSTicket", GetTLSTicket},
      {"getProtocol", GetProtocol},
      {"getCipher", GetCipher},
      {"getPeerCertificate", GetPeerCertificate},
      {"getCertificate", GetCertificate},
      {"verifyError", VerifyError},
      {"exportKeyingMaterial", ExportKeyingMaterial},
      {"destroy", Destroy},
  };
  DefineClass(env, binding, "Connection", New, methods, sizeof(methods) / sizeof(methods[0]));
}

}  // namespace nodus_tls
