// internalBinding('buffer'): the native half of lib/buffer.js. Every encode/decode, search, fill,
// compare and byte swap runs here over whole memory ranges; JS validates arguments first, so the
// functions below trust their argument types (numbers are already integers within range).
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "bindings/binding_registry.h"
#include "bindings/buffer_util.h"
#include "bindings/encoding.h"
#include "runtime/runtime.h"

namespace nodus {

namespace {

namespace enc = encoding;

inline size_t ArgSize(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  if (!args[i]->IsNumber()) return 0;
  const double d = args[i].As<v8::Number>()->Value();
  if (!(d > 0)) return 0;
  return static_cast<size_t>(d);
}

inline int64_t ArgInt64(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  if (!args[i]->IsNumber()) return 0;
  const double d = args[i].As<v8::Number>()->Value();
  if (std::isnan(d)) return 0;
  if (d > 9.0e15) return static_cast<int64_t>(9.0e15);
  if (d < -9.0e15) return static_cast<int64_t>(-9.0e15);
  return static_cast<int64_t>(d);
}

inline enc::Encoding ArgEncoding(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  if (!args[i]->IsInt32()) return enc::kUtf8;
  const int e = args[i].As<v8::Int32>()->Value();
  return enc::IsValidEncoding(e) ? static_cast<enc::Encoding>(e) : enc::kUtf8;
}

inline ByteSpan ArgBytes(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  ByteSpan s;
  GetByteSpan(args[i], &s);
  return s;
}

void ThrowStringTooLong(v8::Isolate* isolate) {
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  char msg[96];
  std::snprintf(msg, sizeof msg, "Cannot create a string longer than 0x%x characters",
                static_cast<unsigned>(v8::String::kMaxLength));
  v8::Local<v8::Value> err = v8::Exception::Error(OneByte(isolate, msg));
  err.As<v8::Object>()->Set(ctx, OneByte(isolate, "code"), OneByte(isolate, "ERR_STRING_TOO_LONG"))
      .Check();
  isolate->ThrowException(err);
}

// Buffer.prototype lives in a context embedder-data slot rather than a Global: it then needs no
// teardown and survives a startup snapshot with the context.
void SetBufferPrototype(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  args.GetIsolate()->GetCurrentContext()->SetEmbedderData(kContextBufferPrototypeSlot, args[0]);
}

// An ArrayBuffer over malloc'd, uninitialised memory: allocUnsafe's pool and allocUnsafeSlow.
void CreateUnsafeArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  const size_t n = ArgSize(args, 0);
  std::shared_ptr<v8::BackingStore> store;
  void* mem = n ? std::malloc(n) : nullptr;
  if (n && mem == nullptr) {
    isolate->ThrowException(v8::Exception::RangeError(OneByte(isolate, "Array buffer allocation failed")));
    return;
  }
  if (mem) {
    store = v8::ArrayBuffer::NewBackingStore(
        mem, n, [](void* data, size_t, void*) { std::free(data); }, nullptr);
  } else {
    store = v8::ArrayBuffer::NewBackingStore(isolate, 0);
  }
  args.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, std::move(store)));
}

void ByteLengthUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsString()) return args.GetReturnValue().Set(0);
  args.GetReturnValue().Set(
      static_cast<double>(args[0].As<v8::String>()->Utf8Length(args.GetIsolate())));
}

// <enc>Write(buf, string, offset, maxLength) -> bytes written.
template <enc::Encoding E>
void WriteEnc(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ByteSpan b = ArgBytes(args, 0);
  if (!args[1]->IsString()) return args.GetReturnValue().Set(0);
  const size_t offset = std::min(ArgSize(args, 2), b.length);
  size_t cap = b.length - offset;
  if (args[3]->IsNumber()) cap = std::min(cap, ArgSize(args, 3));
  const size_t n = enc::Write(isolate, args[1].As<v8::String>(), E, b.data + offset, cap);
  args.GetReturnValue().Set(static_cast<double>(n));
}

// write(buf, string, offset, maxLength, encoding) -> bytes written.
void Write(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ByteSpan b = ArgBytes(args, 0);
  if (!args[1]->IsString()) return args.GetReturnValue().Set(0);
  const size_t offset = std::min(ArgSize(args, 2), b.length);
  size_t cap = b.length - offset;
  if (args[3]->IsNumber()) cap = std::min(cap, ArgSize(args, 3));
  const size_t n =
      enc::Write(isolate, args[1].As<v8::String>(), ArgEncoding(args, 4), b.data + offset, cap);
  args.GetReturnValue().Set(static_cast<double>(n));
}

void SliceImpl(const v8::FunctionCallbackInfo<v8::Value>& args, enc::Encoding e) {
  v8::Isolate* isolate = args.GetIsolate();
  ByteSpan b = ArgBytes(args, 0);
  size_t start = std::min(ArgSize(args, 1), b.length);
  size_t end = args[2]->IsNumber() ? std::min(ArgSize(args, 2), b.length) : b.length;
  if (end < start) end = start;
  v8::Local<v8::String> s;
  if (!enc::Decode(isolate, b.data + start, end - start, e).ToLocal(&s)) {
    if (!isolate->IsExecutionTerminating()) ThrowStringTooLong(isolate);
    return;
  }
  args.GetReturnValue().Set(s);
}

// <enc>Slice(buf, start, end) -> string.
template <enc::Encoding E>
void SliceEnc(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SliceImpl(args, E);
}

// toString(buf, start, end, encoding)
void Slice(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SliceImpl(args, ArgEncoding(args, 3));
}

// byteLength(string, encoding): exact for all but base64 (JS computes that one).
void ByteLength(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsString()) return args.GetReturnValue().Set(0);
  args.GetReturnValue().Set(static_cast<double>(
      enc::ByteLength(args.GetIsolate(), args[0].As<v8::String>(), ArgEncoding(args, 1))));
}

inline int CompareBytes(const char* a, size_t alen, const char* b, size_t blen) {
  const size_t n = std::min(alen, blen);
  int r = n ? std::memcmp(a, b, n) : 0;
  if (r == 0) {
    if (alen < blen) return -1;
    if (alen > blen) return 1;
    return 0;
  }
  return r < 0 ? -1 : 1;
}

// compare(a, b) -> -1 | 0 | 1
void Compare(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan a = ArgBytes(args, 0), b = ArgBytes(args, 1);
  args.GetReturnValue().Set(CompareBytes(a.data, a.length, b.data, b.length));
}

// compareOffset(source, target, targetStart, sourceStart, targetEnd, sourceEnd) -> -1 | 0 | 1
void CompareOffset(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan src = ArgBytes(args, 0), tgt = ArgBytes(args, 1);
  size_t ts = std::min(ArgSize(args, 2), tgt.length);
  size_t ss = std::min(ArgSize(args, 3), src.length);
  size_t te = std::max(ts, std::min(ArgSize(args, 4), tgt.length));
  size_t se = std::max(ss, std::min(ArgSize(args, 5), src.length));
  args.GetReturnValue().Set(CompareBytes(src.data + ss, se - ss, tgt.data + ts, te - ts));
}

// Where a search starts, following String#indexOf/lastIndexOf for offsets out of range; -1 when
// no match is possible.
int64_t SearchStart(int64_t length, int64_t offset, int64_t needle, bool forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needle == 0) return 0;
    return -1;
  }
  if (offset + needle <= length) return offset;
  if (needle == 0) return length;
  if (forward) return -1;
  return length - 1;
}

int64_t SearchBytes(const char* hay, size_t hay_len, const char* needle, size_t needle_len,
                    int64_t offset, bool forward, size_t step) {
  const int64_t start = SearchStart(static_cast<int64_t>(hay_len), offset,
                                    static_cast<int64_t>(needle_len), forward);
  if (needle_len == 0) return start;
  if (start < 0 || hay_len == 0 || needle_len > hay_len) return -1;
  const size_t last = hay_len - needle_len;  // last position a match can start at
  if (forward) {
    size_t pos = static_cast<size_t>(start);
    if (step == 2) pos &= ~size_t{1};
    if (step == 1) {
      if (pos > last) return -1;
      // memchr (vectorised) to the next candidate first byte; when false candidates are dense
      // (more than one per 32 bytes) memmem's two-way search takes over.
      const size_t from = pos;
      size_t misses = 0;
      while (pos <= last) {
        const void* c = std::memchr(hay + pos, needle[0], last - pos + 1);
        if (c == nullptr) return -1;
        pos = static_cast<size_t>(static_cast<const char*>(c) - hay);
        if (std::memcmp(hay + pos + 1, needle + 1, needle_len - 1) == 0)
          return static_cast<int64_t>(pos);
        pos++;
        if (++misses > 16 && misses * 32 > pos - from) {
          const void* hit = memmem(hay + pos, hay_len - pos, needle, needle_len);
          return hit ? static_cast<const char*>(hit) - hay : -1;
        }
      }
      return -1;
    }
    for (; pos <= last; pos += step)
      if (hay[pos] == needle[0] && std::memcmp(hay + pos, needle, needle_len) == 0)
        return static_cast<int64_t>(pos);
    return -1;
  }
  int64_t pos = std::min<int64_t>(start, static_cast<int64_t>(last));
  if (step == 2) pos &= ~int64_t{1};
  for (; pos >= 0; pos -= static_cast<int64_t>(step))
    if (hay[pos] == needle[0] && std::memcmp(hay + pos, needle, needle_len) == 0) return pos;
  return -1;
}

// indexOfString(buf, string, byteOffset, encoding, forward)
void IndexOfString(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ByteSpan hay = ArgBytes(args, 0);
  v8::Local<v8::String> needle = args[1].As<v8::String>();
  const int64_t offset = ArgInt64(args, 2);
  const enc::Encoding e = ArgEncoding(args, 3);
  const bool forward = args[4]->IsTrue();
  const size_t cap = enc::ByteLength(isolate, needle, e);
  char small[256];
  std::unique_ptr<char[]> big;
  char* buf = small;
  if (cap > sizeof small) {
    big.reset(new char[cap]);
    buf = big.get();
  }
  const size_t n = enc::Write(isolate, needle, e, buf, cap);
  if (e == enc::kUcs2 && (hay.length < 2 || (n < 2 && n != 0))) {
    return args.GetReturnValue().Set(-1);
  }
  args.GetReturnValue().Set(static_cast<double>(
      SearchBytes(hay.data, hay.length, buf, n, offset, forward, e == enc::kUcs2 ? 2 : 1)));
}

// indexOfBuffer(buf, needle, byteOffset, encoding, forward)
void IndexOfBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan hay = ArgBytes(args, 0), needle = ArgBytes(args, 1);
  const int64_t offset = ArgInt64(args, 2);
  const enc::Encoding e = ArgEncoding(args, 3);
  const bool forward = args[4]->IsTrue();
  if (e == enc::kUcs2 && (hay.length < 2 || (needle.length < 2 && needle.length != 0))) {
    return args.GetReturnValue().Set(-1);
  }
  args.GetReturnValue().Set(static_cast<double>(SearchBytes(
      hay.data, hay.length, needle.data, needle.length, offset, forward, e == enc::kUcs2 ? 2 : 1)));
}

// indexOfNumber(buf, byte, byteOffset, forward)
void IndexOfNumber(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan hay = ArgBytes(args, 0);
  const char byte = static_cast<char>(static_cast<uint32_t>(ArgInt64(args, 1)) & 0xff);
  const int64_t offset = ArgInt64(args, 2);
  const bool forward = args[3]->IsTrue();
  const int64_t start = SearchStart(static_cast<int64_t>(hay.length), offset, 1, forward);
  if (start < 0 || hay.length == 0) return args.GetReturnValue().Set(-1);
  if (forward) {
    const void* hit = std::memchr(hay.data + start, byte, hay.length - static_cast<size_t>(start));
    return args.GetReturnValue().Set(
        hit ? static_cast<double>(static_cast<const char*>(hit) - hay.data) : -1.0);
  }
  const void* hit = memrchr(hay.data, byte, static_cast<size_t>(start) + 1);
  args.GetReturnValue().Set(hit ? static_cast<double>(static_cast<const char*>(hit) - hay.data)
                                : -1.0);
}

void RepeatFill(char* dst, size_t len, const char* pat, size_t plen) {
  if (len == 0) return;
  if (plen == 1) {
    std::memset(dst, static_cast<unsigned char>(pat[0]), len);
    return;
  }
  size_t done = std::min(plen, len);
  std::memcpy(dst, pat, done);
  while (done < len) {
    const size_t n = std::min(done, len - done);
    std::memcpy(dst + done, dst, n);
    done += n;
  }
}

// fill(buf, value, start, end, encoding) -> -1 when the value encodes to no bytes.
void Fill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ByteSpan b = ArgBytes(args, 0);
  const size_t start = std::min(ArgSize(args, 2), b.length);
  const size_t end = std::max(start, std::min(ArgSize(args, 3), b.length));
  char* dst = b.data + start;
  const size_t len = end - start;
  if (args[1]->IsNumber()) {
    const double d = args[1].As<v8::Number>()->Value();
    const uint32_t v = std::isfinite(d) ? static_cast<uint32_t>(static_cast<int64_t>(d)) : 0;
    if (len) std::memset(dst, static_cast<int>(v & 255), len);
    return;
  }
  if (args[1]->IsString()) {
    v8::Local<v8::String> s = args[1].As<v8::String>();
    const enc::Encoding e = ArgEncoding(args, 4);
    const size_t cap = enc::ByteLength(isolate, s, e);
    std::unique_ptr<char[]> tmp(new char[cap ? cap : 1]);
    const size_t n = enc::Write(isolate, s, e, tmp.get(), cap);
    if (n == 0) return args.GetReturnValue().Set(-1);
    RepeatFill(dst, len, tmp.get(), n);
    return;
  }
  ByteSpan v = ArgBytes(args, 1);
  if (v.length == 0) return args.GetReturnValue().Set(-1);
  if (v.data + v.length > dst && v.data < dst + len) {  // pattern overlaps the target
    std::unique_ptr<char[]> tmp(new char[v.length]);
    std::memcpy(tmp.get(), v.data, v.length);
    RepeatFill(dst, len, tmp.get(), v.length);
    return;
  }
  RepeatFill(dst, len, v.data, v.length);
}

// copy(source, target, targetStart, sourceStart, count) -> bytes copied
void Copy(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan src = ArgBytes(args, 0), tgt = ArgBytes(args, 1);
  const size_t ts = std::min(ArgSize(args, 2), tgt.length);
  const size_t ss = std::min(ArgSize(args, 3), src.length);
  const size_t n = std::min({ArgSize(args, 4), tgt.length - ts, src.length - ss});
  if (n) std::memmove(tgt.data + ts, src.data + ss, n);
  args.GetReturnValue().Set(static_cast<double>(n));
}

template <size_t W>
void Swap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan b = ArgBytes(args, 0);
  auto* p = reinterpret_cast<uint8_t*>(b.data);
  for (size_t i = 0; i + W <= b.length; i += W) std::reverse(p + i, p + i + W);
}

void IsUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan b = ArgBytes(args, 0);
  args.GetReturnValue().Set(enc::IsUtf8(reinterpret_cast<uint8_t*>(b.data), b.length));
}

void IsAscii(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan b = ArgBytes(args, 0);
  args.GetReturnValue().Set(enc::IsAscii(reinterpret_cast<uint8_t*>(b.data), b.length));
}

// btoa(string) -> base64 string, or -1 when a character is above U+00FF.
void Btoa(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::String> s = args[0].As<v8::String>();
  const int len = s->Length();
  std::unique_ptr<uint16_t[]> units(new uint16_t[len ? len : 1]);
  s->Write(isolate, units.get(), 0, len, v8::String::NO_NULL_TERMINATION);
  std::unique_ptr<uint8_t[]> bytes(new uint8_t[len ? len : 1]);
  for (int i = 0; i < len; i++) {
    if (units[i] > 0xff) return args.GetReturnValue().Set(-1);
    bytes[i] = static_cast<uint8_t>(units[i]);
  }
  v8::Local<v8::String> out;
  if (enc::Decode(isolate, reinterpret_cast<char*>(bytes.get()), len, enc::kBase64).ToLocal(&out))
    args.GetReturnValue().Set(out);
}

// atob(string) -> latin1 string, or -1 (invalid character) / -2 (not correctly encoded).
void Atob(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::String> s = args[0].As<v8::String>();
  const int len = s->Length();
  std::unique_ptr<uint16_t[]> units(new uint16_t[len ? len : 1]);
  s->Write(isolate, units.get(), 0, len, v8::String::NO_NULL_TERMINATION);
  std::unique_ptr<uint8_t[]> out(new uint8_t[len ? len : 1]);
  size_t n = 0;
  const int err = enc::ForgivingBase64Decode(units.get(), static_cast<size_t>(len), out.get(), &n);
  if (err != 0) return args.GetReturnValue().Set(err);
  v8::Local<v8::String> r;
  if (enc::Decode(isolate, reinterpret_cast<char*>(out.get()), n, enc::kLatin1).ToLocal(&r))
    args.GetReturnValue().Set(r);
}

// encodeUtf8String(string) -> Uint8Array (TextEncoder.prototype.encode)
void EncodeUtf8String(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::String> s = args[0].As<v8::String>();
  const size_t n = static_cast<size_t>(s->Utf8Length(isolate));
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, n);
  if (n) {
    int nchars = 0;
    s->WriteUtf8(isolate, static_cast<char*>(store->Data()), static_cast<int>(n), &nchars,
                 v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  }
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
  args.GetReturnValue().Set(v8::Uint8Array::New(ab, 0, n));
}

// encodeInto(string, dest, result: Uint32Array[2]) — TextEncoder.prototype.encodeInto: fills
// result with [code units read, bytes written].
void EncodeInto(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::String> s = args[0].As<v8::String>();
  ByteSpan dst = ArgBytes(args, 1);
  ByteSpan res = ArgBytes(args, 2);
  int nchars = 0;
  int written = 0;
  if (dst.length) {
    written = s->WriteUtf8(isolate, dst.data, static_cast<int>(std::min<size_t>(dst.length, INT_MAX)),
                           &nchars,
                           v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  }
  // WriteUtf8 counts characters; the web API reports UTF-16 code units read. Recount when the
  // string may hold surrogate pairs.
  uint32_t read = static_cast<uint32_t>(nchars);
  if (!s->IsOneByte() && nchars > 0) {
    const int len = s->Length();
    std::unique_ptr<uint16_t[]> units(new uint16_t[len]);
    s->Write(isolate, units.get(), 0, len, v8::String::NO_NULL_TERMINATION);
    size_t bytes = 0;
    int i = 0;
    while (i < len) {
      const uint16_t u = units[i];
      size_t w;
      int adv = 1;
      if (u < 0x80) w = 1;
      else if (u < 0x800) w = 2;
      else if (u >= 0xd800 && u <= 0xdbff && i + 1 < len && units[i + 1] >= 0xdc00 &&
               units[i + 1] <= 0xdfff) {
        w = 4;
        adv = 2;
      } else {
        w = 3;
      }
      if (bytes + w > static_cast<size_t>(written)) break;
      bytes += w;
      i += adv;
    }
    read = static_cast<uint32_t>(i);
  }
  if (res.length >= 8) {
    uint32_t out[2] = {read, static_cast<uint32_t>(written)};
    std::memcpy(res.data, out, sizeof out);
  }
}

// decodeUtf8(view, ignoreBOM, fatal) -> string; undefined when fatal and the bytes are invalid.
void DecodeUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ByteSpan b = ArgBytes(args, 0);
  const bool ignore_bom = args[1]->IsTrue();
  const bool fatal = args[2]->IsTrue();
  const char* p = b.data;
  size_t n = b.length;
  if (fatal && !enc::IsUtf8(reinterpret_cast<const uint8_t*>(p), n)) return;
  if (!ignore_bom && n >= 3 && static_cast<uint8_t>(p[0]) == 0xef &&
      static_cast<uint8_t>(p[1]) == 0xbb && static_cast<uint8_t>(p[2]) == 0xbf) {
    p += 3;
    n -= 3;
  }
  v8::Local<v8::String> s;
  if (!enc::Decode(isolate, p, n, enc::kUtf8).ToLocal(&s)) {
    ThrowStringTooLong(isolate);
    return;
  }
  args.GetReturnValue().Set(s);
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = ctx->GetIsolate();
  SetMethod(ctx, target, "setBufferPrototype", SetBufferPrototype);
  SetMethod(ctx, target, "createUnsafeArrayBuffer", CreateUnsafeArrayBuffer);
  SetMethod(ctx, target, "byteLengthUtf8", ByteLengthUtf8);
  SetMethod(ctx, target, "byteLength", ByteLength);
  SetMethod(ctx, target, "write", Write);
  SetMethod(ctx, target, "slice", Slice);
  SetMethod(ctx, target, "utf8Write", WriteEnc<enc::kUtf8>);
  SetMethod(ctx, target, "ucs2Write", WriteEnc<enc::kUcs2>);
  SetMethod(ctx, target, "latin1Write", WriteEnc<enc::kLatin1>);
  SetMethod(ctx, target, "asciiWrite", WriteEnc<enc::kAscii>);
  SetMethod(ctx, target, "base64Write", WriteEnc<enc::kBase64>);
  SetMethod(ctx, target, "base64urlWrite", WriteEnc<enc::kBase64Url>);
  SetMethod(ctx, target, "hexWrite", WriteEnc<enc::kHex>);
  SetMethod(ctx, target, "utf8Slice", SliceEnc<enc::kUtf8>);
  SetMethod(ctx, target, "ucs2Slice", SliceEnc<enc::kUcs2>);
  SetMethod(ctx, target, "latin1Slice", SliceEnc<enc::kLatin1>);
  SetMethod(ctx, target, "asciiSlice", SliceEnc<enc::kAscii>);
  SetMethod(ctx, target, "base64Slice", SliceEnc<enc::kBase64>);
  SetMethod(ctx, target, "base64urlSlice", SliceEnc<enc::kBase64Url>);
  SetMethod(ctx, target, "hexSlice", SliceEnc<enc::kHex>);
  SetMethod(ctx, target, "compare", Compare);
  SetMethod(ctx, target, "compareOffset", CompareOffset);
  SetMethod(ctx, target, "indexOfString", IndexOfString);
  SetMethod(ctx, target, "indexOfBuffer", IndexOfBuffer);
  SetMethod(ctx, target, "indexOfNumber", IndexOfNumber);
  SetMethod(ctx, target, "fill", Fill);
  SetMethod(ctx, target, "copy", Copy);
  SetMethod(ctx, target, "swap16", Swap<2>);
  SetMethod(ctx, target, "swap32", Swap<4>);
  SetMethod(ctx, target, "swap64", Swap<8>);
  SetMethod(ctx, target, "isUtf8", IsUtf8);
  SetMethod(ctx, target, "isAscii", IsAscii);
  SetMethod(ctx, target, "atob", Atob);
  SetMethod(ctx, target, "btoa", Btoa);
  SetMethod(ctx, target, "encodeUtf8String", EncodeUtf8String);
  SetMethod(ctx, target, "encodeInto", EncodeInto);
  SetMethod(ctx, target, "decodeUtf8", DecodeUtf8);
  target->Set(ctx, OneByte(isolate, "kMaxLength"),
              v8::Number::New(isolate, static_cast<double>(v8::TypedArray::kMaxLength))).Check();
  target->Set(ctx, OneByte(isolate, "kStringMaxLength"),
              v8::Integer::New(isolate, v8::String::kMaxLength)).Check();
}

}  // namespace

v8::Local<v8::Object> GetBufferPrototype(v8::Isolate* isolate) {
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  if (ctx.IsEmpty()) return {};
  if (ctx->GetNumberOfEmbedderDataFields() > kContextBufferPrototypeSlot) {
    v8::Local<v8::Value> v = ctx->GetEmbedderData(kContextBufferPrototypeSlot);
    if (v->IsObject()) return scope.Escape(v.As<v8::Object>());
  }
  // lib/buffer.js has not run in this context yet: the global Buffer loads it.
  v8::TryCatch tc(isolate);
  v8::Local<v8::Value> buffer;
  v8::Local<v8::Value> proto;
  if (ctx->Global()->Get(ctx, OneByte(isolate, "Buffer")).ToLocal(&buffer) && buffer->IsFunction() &&
      buffer.As<v8::Object>()->Get(ctx, OneByte(isolate, "prototype")).ToLocal(&proto) &&
      proto->IsObject()) {
    return scope.Escape(proto.As<v8::Object>());
  }
  return {};
}

v8::MaybeLocal<v8::Uint8Array> NewBuffer(v8::Isolate* isolate,
                                         std::shared_ptr<v8::BackingStore> store, size_t offset,
                                         size_t length) {
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
  v8::Local<v8::Uint8Array> ui = v8::Uint8Array::New(ab, offset, length);
  v8::Local<v8::Object> proto = GetBufferPrototype(isolate);
  if (!proto.IsEmpty() && ui->SetPrototype(ctx, proto).IsNothing()) return {};
  return scope.Escape(ui);
}

v8::MaybeLocal<v8::Uint8Array> NewBufferUninitialized(v8::Isolate* isolate, size_t length) {
  void* mem = length ? std::malloc(length) : nullptr;
  if (length && mem == nullptr) return {};
  std::shared_ptr<v8::BackingStore> store =
      mem ? v8::ArrayBuffer::NewBackingStore(
                mem, length, [](void* data, size_t, void*) { std::free(data); }, nullptr)
          : v8::ArrayBuffer::NewBackingStore(isolate, 0);
  return NewBuffer(isolate, std::move(store), 0, length);
}

v8::MaybeLocal<v8::Uint8Array> NewBufferCopy(v8::Isolate* isolate, const char* data,
                                             size_t length) {
  v8::Local<v8::Uint8Array> buf;
  if (!NewBufferUninitialized(isolate, length).ToLocal(&buf)) return {};
  if (length) {
    ByteSpan s;
    GetByteSpan(buf, &s);
    std::memcpy(s.data, data, length);
  }
  return buf;
}

bool GetByteSpan(v8::Local<v8::Value> value, ByteSpan* out) {
  if (value->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    const size_t len = view->ByteLength();
    if (len == 0) {
      *out = ByteSpan{};
      return true;
    }
    v8::Local<v8::ArrayBuffer> ab = view->Buffer();
    out->data = static_cast<char*>(ab->Data()) + view->ByteOffset();
    out->length = len;
    return true;
  }
  if (value->IsArrayBuffer()) {
    v8::Local<v8::ArrayBuffer> ab = value.As<v8::ArrayBuffer>();
    out->data = static_cast<char*>(ab->Data());
    out->length = ab->ByteLength();
    return true;
  }
  if (value->IsSharedArrayBuffer()) {
    v8::Local<v8::SharedArrayBuffer> ab = value.As<v8::SharedArrayBuffer>();
    out->data = static_cast<char*>(ab->Data());
    out->length = ab->ByteLength();
    return true;
  }
  *out = ByteSpan{};
  return false;
}

}  // namespace nodus

NODUS_BINDING(buffer, nodus::Init);
