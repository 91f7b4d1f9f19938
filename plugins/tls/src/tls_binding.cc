// The tls plugin's entry point: the descriptor, init, the helpers the binding shares, OpenSSL
// error conversion and the lazily built system root store.
#include "tls_binding.h"

#include <openssl/err.h>
#include <openssl/opensslv.h>
#include <openssl/pem.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>

#include "nodus/plugin.h"

namespace nodus_tls {

namespace {

struct Binding {
  X509_STORE* roots = nullptr;
  int32_t* state = nullptr;
  std::vector<uint8_t> scratch;
  ~Binding() { X509_STORE_free(roots); }
};

Binding* GetBinding(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return static_cast<Binding*>(data);
}

}  // namespace

bool GetBytes(napi_env env, napi_value value, Bytes* out, std::string* storage) {
  bool is = false;
  void* data = nullptr;
  size_t len = 0;
  if (napi_is_buffer(env, value, &is) == napi_ok && is) {
    napi_get_buffer_info(env, value, &data, &len);
  } else if (napi_is_typedarray(env, value, &is) == napi_ok && is) {
    napi_typedarray_type type;
    napi_value ab;
    size_t offset;
    napi_get_typedarray_info(env, value, &type, &len, &data, &ab, &offset);
    if (type != napi_uint8_array && type != napi_int8_array && type != napi_uint8_clamped_array) {
      return false;
    }
  } else if (napi_is_arraybuffer(env, value, &is) == napi_ok && is) {
    napi_get_arraybuffer_info(env, value, &data, &len);
  } else if (storage != nullptr) {
    napi_valuetype t;
    napi_typeof(env, value, &t);
    if (t != napi_string) return false;
    *storage = GetString(env, value);
    data = storage->data();
    len = storage->size();
  } else {
    return false;
  }
  out->data = static_cast<const uint8_t*>(data);
  out->size = len;
  return true;
}

std::string GetString(napi_env env, napi_value value) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, value, nullptr, 0, &len) != napi_ok) return {};
  std::string s(len, '\0');
  napi_get_value_string_utf8(env, value, s.data(), len + 1, &len);
  return s;
}

int64_t GetInt(napi_env env, napi_value value, int64_t fallback) {
  double d;
  if (napi_get_value_double(env, value, &d) != napi_ok) return fallback;
  return static_cast<int64_t>(d);
}

napi_value TakeOpenSSLError(napi_env env, const char* fallback) {
  unsigned long code = 0, last;
  // The first error queued is the root cause; Node reports it.
  while ((last = ERR_get_error()) != 0) {
    if (code == 0) code = last;
  }
  napi_value err, msg;
  if (code == 0) {
    napi_create_string_utf8(env, fallback, NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, nullptr, msg, &err);
    return err;
  }
  char buf[256];
  ERR_error_string_n(code, buf, sizeof(buf));
  napi_create_string_utf8(env, buf, NAPI_AUTO_LENGTH, &msg);
  napi_create_error(env, nullptr, msg, &err);
  if (const char* lib = ERR_lib_error_string(code)) {
    napi_set_named_property(env, err, "library", Str(env, lib));
  }
  if (const char* reason = ERR_reason_error_string(code)) {
    napi_set_named_property(env, err, "reason", Str(env, reason));
    // Node: ERR_SSL_WRONG_VERSION_NUMBER for libssl, ERR_OSSL_<LIB>_... for libcrypto.
    std::string c = ERR_GET_LIB(code) == ERR_LIB_SSL ? "ERR_SSL_" : "ERR_OSSL_";
    for (const char* p = reason; *p; p++) {
      c += (*p == ' ' || *p == '-') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    }
    napi_set_named_property(env, err, "code", Str(env, c.c_str()));
  }
  return err;
}

void ThrowOpenSSL(napi_env env, const char* fallback) {
  napi_throw(env, TakeOpenSSLError(env, fallback));
}

void ThrowPlain(napi_env env, const std::string& message, const char* code) {
  napi_throw_error(env, code, message.c_str());
}

napi_value DefineClass(napi_env env, napi_value target, const char* name, napi_callback ctor,
                       const Method* methods, size_t count) {
  std::vector<napi_property_descriptor> props(count);
  for (size_t i = 0; i < count; i++) {
    props[i] = {methods[i].name, nullptr, methods[i].fn, nullptr, nullptr, nullptr,
                napi_default_method, nullptr};
  }
  napi_value cls;
  napi_define_class(env, name, NAPI_AUTO_LENGTH, ctor, nullptr, count, props.data(), &cls);
  napi_set_named_property(env, target, name, cls);
  return cls;
}

int32_t* SharedState(napi_env env) { return GetBinding(env)->state; }

uint8_t* Scratch(napi_env env, size_t size) {
  std::vector<uint8_t>& s = GetBinding(env)->scratch;
  if (s.size() < size) s.resize(size);
  return s.data();
}

int ConnectionIndex() {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

namespace {

// Adds every certificate of a PEM file to `store`; a missing or unreadable file adds nothing.
void AddPemFile(X509_STORE* store, const char* path, bool warn) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_file(path, "r"), BIO_free);
  if (!bio) {
    if (warn) {
      fprintf(stderr, "Warning: Ignoring extra certs from `%s`, load failed: %s\n", path,
              "No such file or directory");
    }
    ERR_clear_error();
    return;
  }
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, cert);  // duplicates are ignored
    X509_free(cert);
  }
  ERR_clear_error();
}

}  // namespace

X509_STORE* RootStore(napi_env env) {
  Binding* b = GetBinding(env);
  if (b->roots != nullptr) return b->roots;
  b->roots = X509_STORE_new();
  const char* file = getenv(X509_get_default_cert_file_env());
  AddPemFile(b->roots, file ? file : X509_get_default_cert_file(), false);
  const char* dir = getenv(X509_get_default_cert_dir_env());
  X509_STORE_load_path(b->roots, dir ? dir : X509_get_default_cert_dir());
  ERR_clear_error();
  if (const char* extra = getenv("NODE_EXTRA_CA_CERTS"); extra && *extra) {
    AddPemFile(b->roots, extra, true);
  }
  return b->roots;
}

namespace {

// rootCertificates(): the PEM text of every certificate in the root store (the file part; a
// hashed directory is only searched on demand and has no list).
napi_value RootCertificates(napi_env env, napi_callback_info) {
  X509_STORE* store = RootStore(env);
  STACK_OF(X509_OBJECT)* objs = X509_STORE_get0_objects(store);
  napi_value arr;
  napi_create_array(env, &arr);
  uint32_t n = 0;
  for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
    X509* cert = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i));
    if (cert == nullptr) continue;
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_X509(bio.get(), cert);
    char* data;
    long len = BIO_get_mem_data(bio.get(), &data);
    napi_value s;
    napi_create_string_utf8(env, data, len, &s);
    napi_set_element(env, arr, n++, s);
  }
  return arr;
}

// getCiphers(): the lower-case names of the ciphers this OpenSSL offers for TLS, as Node lists them.
napi_value GetCiphers(napi_env env, napi_callback_info) {
  napi_value arr;
  napi_create_array(env, &arr);
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL* ssl = SSL_new(ctx);
  STACK_OF(SSL_CIPHER)* ciphers = SSL_get_ciphers(ssl);
  uint32_t n = 0;
  for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); i++) {
    std::string name = SSL_CIPHER_get_name(sk_SSL_CIPHER_value(ciphers, i));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    napi_set_element(env, arr, n++, Str(env, name.c_str()));
  }
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  return arr;
}

napi_value Init(napi_env env, napi_value binding) {
  napi_set_instance_data(
      env, new Binding, [](napi_env, void* data, void*) { delete static_cast<Binding*>(data); },
      nullptr);
  napi_value ab, state;
  void* data;
  napi_create_arraybuffer(env, 4 * sizeof(int32_t), &data, &ab);
  napi_create_typedarray(env, napi_int32_array, 4, ab, 0, &state);
  napi_set_named_property(env, binding, "state", state);
  GetBinding(env)->state = static_cast<int32_t*>(data);
  RegisterContext(env, binding);
  RegisterConnection(env, binding);
  napi_value fn;
  napi_create_function(env, "rootCertificates", NAPI_AUTO_LENGTH, RootCertificates, nullptr, &fn);
  napi_set_named_property(env, binding, "rootCertificates", fn);
  napi_create_function(env, "getCiphers", NAPI_AUTO_LENGTH, GetCiphers, nullptr, &fn);
  napi_set_named_property(env, binding, "getCiphers", fn);
  return binding;
}

}  // namespace
}  // namespace nodus_tls

extern "C" {
extern const nodus_js_source nodus_plugin_tls_js[];
}

namespace {
const char* const kModules[] = {"tls", "_tls_common", "_tls_wrap", nullptr};
const char* const kDepends[] = {"net", nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    kDepends,
    nodus_plugin_tls_js,
    nodus_tls::Init,
    nullptr,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
