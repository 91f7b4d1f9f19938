// Symmetric ciphers: binding.Cipher objects over one EVP_CIPHER_CTX, including the AEAD modes
// (GCM, CCM, OCB, ChaCha20-Poly1305) with their tags, AAD and CCM's length rules.
#include <openssl/err.h>
#include <openssl/objects.h>

#include <cstring>

#include "crypto_binding.h"

namespace nodus_crypto {
namespace {

struct CipherState {
  CipherCtxPtr ctx;
  bool encrypt = true;
  int mode = 0;
  bool aead = false;
  bool chacha_poly = false;
  int tag_len = 16;
  bool tag_pending = false;   // decryption tag set by JS, not yet handed to OpenSSL
  bool ccm_length_set = false;
  bool auth_failed = false;
  uint8_t tag[16] = {};
};

CipherState* Unwrap(napi_env env, napi_value self) {
  void* p = nullptr;
  napi_unwrap(env, self, &p);
  return static_cast<CipherState*>(p);
}

// cipherInfo(name) -> { name, nid, keyLength, ivLength, blockSize, mode, aead } or undefined.
napi_value CipherInfo(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  napi_get_cb_info(env, info, &argc, &arg, nullptr, nullptr);
  // By name, or by the NID of the cipher's object identifier (getCipherInfo(901)).
  napi_valuetype type;
  napi_typeof(env, arg, &type);
  std::string name;
  if (type == napi_number) {
    int32_t nid = 0;
    napi_get_value_int32(env, arg, &nid);
    const char* sn = OBJ_nid2sn(nid);
    if (sn == nullptr) return Undefined(env);
    name = sn;
  } else {
    name = GetString(env, arg);
  }
  const EVP_CIPHER* c = FindCipher(env, name);
  if (c == nullptr) return Undefined(env);
  napi_value o;
  napi_create_object(env, &o);
  napi_set_named_property(env, o, "name", Str(env, EVP_CIPHER_get0_name(c)));
  // Node reports the short name of the cipher's object identifier ("id-aes256-gcm").
  const char* sn = OBJ_nid2sn(EVP_CIPHER_get_nid(c));
  napi_set_named_property(env, o, "shortName", Str(env, sn ? sn : EVP_CIPHER_get0_name(c)));
  napi_set_named_property(env, o, "nid", Int(env, EVP_CIPHER_get_nid(c)));
  napi_set_named_property(env, o, "keyLength", Int(env, EVP_CIPHER_get_key_length(c)));
  napi_set_named_property(env, o, "ivLength", Int(env, EVP_CIPHER_get_iv_length(c)));
  napi_set_named_property(env, o, "blockSize", Int(env, EVP_CIPHER_get_block_size(c)));
  int mode = EVP_CIPHER_get_mode(c);
  const char* m = "";
  switch (mode) {
    case EVP_CIPH_ECB_MODE: m = "ecb"; break;
    case EVP_CIPH_CBC_MODE: m = "cbc"; break;
    case EVP_CIPH_CFB_MODE: m = "cfb"; break;
    case EVP_CIPH_OFB_MODE: m = "ofb"; break;
    case EVP_CIPH_CTR_MODE: m = "ctr"; break;
    case EVP_CIPH_GCM_MODE: m = "gcm"; break;
    case EVP_CIPH_CCM_MODE: m = "ccm"; break;
    case EVP_CIPH_XTS_MODE: m = "xts"; break;
    case EVP_CIPH_WRAP_MODE: m = "wrap"; break;
    case EVP_CIPH_OCB_MODE: m = "ocb"; break;
    case EVP_CIPH_STREAM_CIPHER: m = "stream"; break;
    default: break;
  }
  napi_set_named_property(env, o, "mode", Str(env, m));
  bool aead = (EVP_CIPHER_get_flags(c) & EVP_CIPH_FLAG_AEAD_CIPHER) != 0;
  napi_set_named_property(env, o, "aead", Bool(env, aead));
  return o;
}

// new Cipher(name, key, iv | null, encrypt, authTagLength)
// Throws errors whose `code` the JS side maps to Node's (key and IV sizes are checked there).
napi_value CipherNew(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  const EVP_CIPHER* cipher = FindCipher(env, GetString(env, argv[0]));
  if (cipher == nullptr) {
    ThrowPlain(env, "Unknown cipher", "ERR_CRYPTO_UNKNOWN_CIPHER");
    return nullptr;
  }
  auto st = std::make_unique<CipherState>();
  st->ctx.reset(EVP_CIPHER_CTX_new());
  st->encrypt = GetBool(env, argv[3]);
  st->mode = EVP_CIPHER_get_mode(cipher);
  st->aead = (EVP_CIPHER_get_flags(cipher) & EVP_CIPH_FLAG_AEAD_CIPHER) != 0;
  st->chacha_poly = EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305;
  int64_t tag_len = GetInt64(env, argv[4], -1);
  if (tag_len > 0) st->tag_len = static_cast<int>(tag_len);
  Bytes key{}, iv{};
  GetBytes(env, argv[1], &key);
  bool has_iv = !IsNullish(env, argv[2]) && GetBytes(env, argv[2], &iv);
  EVP_CIPHER_CTX* ctx = st->ctx.get();
  int enc = st->encrypt ? 1 : 0;
  bool ok = EVP_CipherInit_ex(ctx, cipher, nullptr, nullptr, nullptr, enc) == 1;
  if (!ok) {
    ThrowOpenSSL(env, "Cipher init failed");
    return nullptr;
  }
  if (st->aead && has_iv &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(iv.size), nullptr) != 1) {
    ERR_clear_error();
    ThrowPlain(env, "Invalid initialization vector", "ERR_CRYPTO_INVALID_IV");
    return nullptr;
  }
  if ((st->mode == EVP_CIPH_CCM_MODE || st->mode == EVP_CIPH_OCB_MODE || st->chacha_poly) &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, st->tag_len, nullptr) != 1) {
    ERR_clear_error();
    ThrowPlain(env, "Invalid authentication tag length: " + std::to_string(st->tag_len),
               "ERR_CRYPTO_INVALID_AUTH_TAG");
    return nullptr;
  }
  if (static_cast<int>(key.size) != EVP_CIPHER_CTX_get_key_length(ctx) &&
      EVP_CIPHER_CTX_set_key_length(ctx, static_cast<int>(key.size)) != 1) {
    ERR_clear_error();
    ThrowPlain(env, "Invalid key length", "ERR_CRYPTO_INVALID_KEYLEN");
    return nullptr;
  }
  static const uint8_t kEmpty[1] = {0};
  if (EVP_CipherInit_ex(ctx, nullptr, nullptr, key.size ? key.data : kEmpty,
                        has_iv ? (iv.size ? iv.data : kEmpty) : nullptr, enc) != 1) {
    ThrowOpenSSL(env, "Cipher init failed");
    return nullptr;
  }
  napi_wrap(env, self, st.release(),
            [](napi_env, void* d, void*) { delete static_cast<CipherState*>(d); }, nullptr,
            nullptr);
  return self;
}

bool PassTag(CipherState* s) {
  if (!s->tag_pending) return true;
  s->tag_pending = false;
  return EVP_CIPHER_CTX_ctrl(s->ctx.get(), EVP_CTRL_AEAD_SET_TAG, s->tag_len, s->tag) == 1;
}

// A Buffer with `used` of its `size` bytes written: the same Buffer when full, else a copy.
napi_value Trimmed(napi_env env, napi_value buf, uint8_t* data, size_t used, size_t size) {
  if (used == size) return buf;
  return CopyBuffer(env, data, used);
}

// update(data[, into]) -> a Buffer with the output, or (with `into`, a Buffer JS took from its
// pool, at least data + block size long) the number of bytes written into it.
napi_value CipherUpdate(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  CipherState* s = Unwrap(env, self);
  Bytes in;
  GetBytes(env, argv[0], &in);
  EVP_CIPHER_CTX* ctx = s->ctx.get();
  if (s->mode == EVP_CIPH_CCM_MODE) {
    // CCM must know the message length before the data; a decryption checks the tag here.
    if (!s->ccm_length_set) {
      int outl;
      if (!PassTag(s) ||
          EVP_CipherUpdate(ctx, nullptr, &outl, nullptr, static_cast<int>(in.size)) != 1) {
        ThrowOpenSSL(env, "Invalid message length");
        return nullptr;
      }
      s->ccm_length_set = true;
    }
  } else if (!s->encrypt && s->mode == EVP_CIPH_GCM_MODE) {
    PassTag(s);
  }
  size_t cap = in.size + static_cast<size_t>(EVP_CIPHER_CTX_get_block_size(ctx));
  napi_value buf = nullptr;
  uint8_t* out = nullptr;
  size_t into_size = 0;
  bool into = argc > 1 && GetMutableBytes(env, argv[1], &out, &into_size) && into_size >= cap;
  if (!into) {
    void* data;
    napi_create_buffer(env, cap, &data, &buf);
    out = static_cast<uint8_t*>(data);
  }
  // EVP_CipherUpdate takes int lengths: feed large inputs in pieces.
  size_t done = 0, written = 0;
  do {
    size_t n = std::min<size_t>(in.size - done, 1u << 30);
    int outl = 0;
    if (EVP_CipherUpdate(ctx, out + written, &outl, in.data + done, static_cast<int>(n)) != 1) {
      if (s->mode == EVP_CIPH_CCM_MODE && !s->encrypt) {
        // Node reports a CCM authentication failure from final(); update returns no data.
        ERR_clear_error();
        s->auth_failed = true;
        return into ? Int(env, 0) : CopyBuffer(env, nullptr, 0);
      }
      ThrowOpenSSL(env, "Trying to add data in unsupported state");
      return nullptr;
    }
    done += n;
    written += static_cast<size_t>(outl);
  } while (done < in.size);
  if (into) return Int(env, static_cast<int64_t>(written));
  return Trimmed(env, buf, out, written, cap);
}

// final([into]) -> Buffer, or the number of bytes written into `into` (at least 64 bytes).
napi_value CipherFinal(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value into = nullptr, self;
  napi_get_cb_info(env, info, &argc, &into, &self, nullptr);
  CipherState* s = Unwrap(env, self);
  EVP_CIPHER_CTX* ctx = s->ctx.get();
  uint8_t out[64];
  int outl = 0;
  bool ok;
  if (s->mode == EVP_CIPH_CCM_MODE) {
    // CCM finished in update(); final only reports the tag check.
    ok = !s->auth_failed;
  } else {
    if (!s->encrypt && s->aead) PassTag(s);
    ok = EVP_CipherFinal_ex(ctx, out, &outl) == 1;
  }
  if (!ok) {
    if (s->aead && !s->encrypt) {
      ERR_clear_error();
      ThrowPlain(env, "Unsupported state or unable to authenticate data");
    } else {
      ThrowOpenSSL(env, "Unsupported state");
    }
    return nullptr;
  }
  if (s->aead && s->encrypt) {
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, s->tag_len, s->tag);
  }
  uint8_t* dest;
  size_t dest_size;
  if (argc > 0 && GetMutableBytes(env, into, &dest, &dest_size) && dest_size >= static_cast<size_t>(outl)) {
    std::memcpy(dest, out, static_cast<size_t>(outl));
    return Int(env, outl);
  }
  return CopyBuffer(env, out, static_cast<size_t>(outl));
}

napi_value CipherGetAuthTag(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  CipherState* s = Unwrap(env, self);
  return CopyBuffer(env, s->tag, static_cast<size_t>(s->tag_len));
}

// setAuthTag(tag) -> false when the length is not valid for the mode.
napi_value CipherSetAuthTag(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  CipherState* s = Unwrap(env, self);
  Bytes tag;
  GetBytes(env, arg, &tag);
  if (tag.size == 0 || tag.size > 16) return Bool(env, false);
  s->tag_len = static_cast<int>(tag.size);
  std::memcpy(s->tag, tag.data, tag.size);
  s->tag_pending = true;
  return Bool(env, true);
}

// setAAD(aad, plaintextLength | -1)
napi_value CipherSetAAD(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  CipherState* s = Unwrap(env, self);
  Bytes aad;
  GetBytes(env, argv[0], &aad);
  EVP_CIPHER_CTX* ctx = s->ctx.get();
  int outl;
  if (s->mode == EVP_CIPH_CCM_MODE) {
    int64_t len = GetInt64(env, argv[1], -1);
    if (len < 0) return Bool(env, false);
    if (!PassTag(s) || EVP_CipherUpdate(ctx, nullptr, &outl, nullptr, static_cast<int>(len)) != 1) {
      ERR_clear_error();
      return Bool(env, false);
    }
    s->ccm_length_set = true;
  }
  bool ok = EVP_CipherUpdate(ctx, nullptr, &outl, aad.data, static_cast<int>(aad.size)) == 1;
  ERR_clear_error();
  return Bool(env, ok);
}

napi_value CipherSetAutoPadding(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  CipherState* s = Unwrap(env, self);
  return Bool(env, EVP_CIPHER_CTX_set_padding(s->ctx.get(), GetBool(env, arg) ? 1 : 0) == 1);
}

#define PROP(name, fn) {name, nullptr, fn, nullptr, nullptr, nullptr, napi_default, nullptr}

}  // namespace

void RegisterCipher(napi_env env, napi_value binding) {
  const napi_property_descriptor props[] = {
      PROP("update", CipherUpdate),         PROP("final", CipherFinal),
      PROP("getAuthTag", CipherGetAuthTag), PROP("setAuthTag", CipherSetAuthTag),
      PROP("setAAD", CipherSetAAD),         PROP("setAutoPadding", CipherSetAutoPadding),
  };
  napi_value cls;
  napi_define_class(env, "Cipher", NAPI_AUTO_LENGTH, CipherNew, nullptr,
                    sizeof(props) / sizeof(props[0]), props, &cls);
  napi_set_named_property(env, binding, "Cipher", cls);
  const Method methods[] = {{"cipherInfo", CipherInfo}};
  DefineMethods(env, binding, methods, 1);
}

}  // namespace nodus_crypto
