// libFuzzer harness: the kernel's Buffer codecs (kernel/src/bindings/encoding.cc), on a real V8
// isolate, against the plain reference codecs in encoding_reference.h. Every input is used twice:
// as bytes (toString in every encoding, then written back: round trips where the encoding is
// lossless) and as a string (one-byte or two-byte, written in every encoding, whole and into a
// buffer too small for it), plus the validators and atob's decoder.
//
// Input: byte 0 = options (bit 0: the string is two-byte; bits 1-7: how small the short buffer
// is), then the data.
#include <libplatform/libplatform.h>
#include <v8.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "bindings/encoding.h"
#include "encoding_reference.h"

namespace enc = nodus::encoding;
namespace ref = encoding_reference;

namespace {

struct Engine {
  std::unique_ptr<v8::Platform> platform;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator;
  v8::Isolate* isolate;
  Engine() {
    platform = v8::platform::NewDefaultPlatform(1);
    v8::V8::InitializePlatform(platform.get());
    v8::V8::Initialize();
    allocator.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator.get();
    isolate = v8::Isolate::New(params);
  }
};

Engine& GetEngine() {
  static Engine* e = new Engine;  // never torn down: libFuzzer exits the process
  return *e;
}

const char* Name(enc::Encoding e) {
  static const char* names[] = {"", "utf8", "ucs2", "latin1", "ascii", "base64", "base64url", "hex"};
  return names[e];
}

[[noreturn]] void Fail(const char* what, enc::Encoding e) {
  std::fprintf(stderr, "encoding %s: %s\n", Name(e), what);
  __builtin_trap();
}

ref::Units UnitsOf(v8::Isolate* isolate, v8::Local<v8::String> s) {
  ref::Units u(static_cast<size_t>(s->Length()));
  if (!u.empty()) s->Write(isolate, u.data(), 0, s->Length(), v8::String::NO_NULL_TERMINATION);
  return u;
}

std::string WriteAll(v8::Isolate* isolate, v8::Local<v8::String> s, enc::Encoding e, size_t cap) {
  // Unaligned on purpose: ucs2 must cope with odd addresses.
  std::string out(cap + 1, '\xAA');
  size_t n = enc::Write(isolate, s, e, out.data() + 1, cap);
  if (n > cap) Fail("wrote past its capacity", e);
  for (size_t i = 1 + n; i < out.size(); i++)
    if (out[i] != '\xAA') Fail("touched bytes past what it reported", e);
  return out.substr(1, n);
}

// The reference bytes for writing `units` in `e`, cut to `cap` as Write cuts them.
std::string Expected(const ref::Units& units, enc::Encoding e, size_t cap) {
  switch (e) {
    case enc::kUtf8: return ref::Utf8EncodePrefix(units, cap);
    case enc::kUcs2: return ref::Utf16LeEncode(units).substr(0, cap / 2 * 2);
    case enc::kLatin1:
    case enc::kAscii: return ref::Latin1Encode(units).substr(0, cap);
    case enc::kHex: return ref::HexDecode(units).substr(0, cap);
    case enc::kBase64:
    case enc::kBase64Url: return ref::Base64DecodeLenient(units).substr(0, cap);
  }
  return {};
}

ref::Units ExpectedDecode(const std::string& bytes, enc::Encoding e) {
  switch (e) {
    case enc::kUtf8: return ref::Utf8Decode(bytes);
    case enc::kUcs2: return ref::Utf16LeDecode(bytes);
    case enc::kLatin1: return ref::Latin1Decode(bytes);
    case enc::kAscii: return ref::AsciiDecode(bytes);
    case enc::kHex: return ref::Widen(ref::HexEncode(bytes));
    case enc::kBase64: return ref::Widen(ref::Base64Encode(bytes, false));
    case enc::kBase64Url: return ref::Widen(ref::Base64Encode(bytes, true));
  }
  return {};
}

void CheckString(v8::Isolate* isolate, v8::Local<v8::String> s, size_t short_cap) {
  ref::Units units = UnitsOf(isolate, s);
  for (int i = enc::kUtf8; i <= enc::kHex; i++) {
    auto e = static_cast<enc::Encoding>(i);
    size_t bound = enc::ByteLength(isolate, s, e);
    std::string full = WriteAll(isolate, s, e, bound);
    std::string want = Expected(units, e, bound);
    if (full != want) Fail("write differs from the reference", e);
    // ByteLength is exact for these, an upper bound for the others.
    if ((e == enc::kUtf8 || e == enc::kUcs2 || e == enc::kLatin1 || e == enc::kAscii) &&
        full.size() != bound)
      Fail("byteLength is not exact", e);
    if (e == enc::kBase64 || e == enc::kBase64Url) {
      if (ref::Base64DecodeLenient(units).size() > bound) Fail("byteLength too small", e);
    }
    if (short_cap < bound) {
      std::string cut = WriteAll(isolate, s, e, short_cap);
      if (cut != Expected(units, e, short_cap)) Fail("short write differs from the reference", e);
    }
  }
  std::string decoded(units.size(), '\0');
  size_t n = 0;
  int rc = s->IsOneByte() ? ref::WithOneByte(units, [&](const uint8_t* p, size_t len) {
    return enc::ForgivingBase64Decode(p, len, reinterpret_cast<uint8_t*>(decoded.data()), &n);
  }) : enc::ForgivingBase64Decode(units.data(), units.size(),
                                   reinterpret_cast<uint8_t*>(decoded.data()), &n);
  std::string want;
  int want_rc = ref::Atob(units, &want);
  if (rc != want_rc || (rc == 0 && decoded.substr(0, n) != want))
    Fail("atob differs from the reference", enc::kBase64);
}

void CheckBytes(v8::Isolate* isolate, const std::string& bytes) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  if (enc::IsUtf8(p, bytes.size()) != ref::IsUtf8(bytes)) Fail("isUtf8 differs", enc::kUtf8);
  if (enc::IsAscii(p, bytes.size()) != ref::IsAscii(bytes)) Fail("isAscii differs", enc::kAscii);
  for (int i = enc::kUtf8; i <= enc::kHex; i++) {
    auto e = static_cast<enc::Encoding>(i);
    v8::Local<v8::String> s;
    if (!enc::Decode(isolate, bytes.data(), bytes.size(), e).ToLocal(&s)) Fail("decode failed", e);
    if (UnitsOf(isolate, s) != ExpectedDecode(bytes, e)) Fail("toString differs from the reference", e);
    // Lossless encodings give the bytes back.
    bool lossless = e == enc::kLatin1 || e == enc::kHex || e == enc::kBase64 ||
                    e == enc::kBase64Url || (e == enc::kUcs2 && bytes.size() % 2 == 0) ||
                    (e == enc::kUtf8 && ref::IsUtf8(bytes)) || (e == enc::kAscii && ref::IsAscii(bytes));
    if (lossless && WriteAll(isolate, s, e, enc::ByteLength(isolate, s, e)) != bytes)
      Fail("round trip lost bytes", e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  Engine& engine = GetEngine();
  v8::Isolate* isolate = engine.isolate;
  v8::Isolate::Scope isolate_scope(isolate);
  v8::HandleScope scope(isolate);
  const bool two_byte = data[0] & 1;
  const size_t short_cap = data[0] >> 1;
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  CheckBytes(isolate, bytes);

  v8::Local<v8::String> s;
  if (two_byte) {
    ref::Units units = ref::Utf16LeDecode(bytes);
    s = v8::String::NewFromTwoByte(isolate, units.data(), v8::NewStringType::kNormal,
                                   static_cast<int>(units.size())).ToLocalChecked();
  } else {
    s = v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(bytes.data()),
                                   v8::NewStringType::kNormal, static_cast<int>(bytes.size()))
            .ToLocalChecked();
  }
  CheckString(isolate, s, short_cap);
  return 0;
}
