// Byte <-> string conversions for Buffer, string_decoder, TextEncoder/TextDecoder and atob/btoa.
// Every codec works on whole runs of memory; nothing here touches V8 except the functions that
// take an Isolate.
#pragma once

#include <v8.h>

#include <cstddef>
#include <cstdint>

namespace nodus::encoding {

// The numbering is shared with kernel/lib/buffer.js (kEncodings there).
enum Encoding : int {
  kUtf8 = 1,
  kUcs2 = 2,
  kLatin1 = 3,
  kAscii = 4,
  kBase64 = 5,
  kBase64Url = 6,
  kHex = 7,
};

inline bool IsValidEncoding(int e) { return e >= kUtf8 && e <= kHex; }

// Upper bound on the bytes `str` occupies in `enc` (exact for utf8, ucs2, latin1, ascii, hex).
size_t ByteLength(v8::Isolate* isolate, v8::Local<v8::String> str, Encoding enc);

// Encodes `str` into dst[0..cap). Never writes a partial character. Returns bytes written.
size_t Write(v8::Isolate* isolate, v8::Local<v8::String> str, Encoding enc, char* dst,
             size_t cap);

// Decodes bytes into a string; empty when the result would exceed v8::String::kMaxLength.
v8::MaybeLocal<v8::String> Decode(v8::Isolate* isolate, const char* data, size_t len,
                                  Encoding enc);

// Raw codecs usable without V8.
size_t Base64EncodedLength(size_t n, bool url);
size_t Base64Encode(const uint8_t* src, size_t n, char* dst, bool url);
// Node's lenient decoder: both alphabets, skips characters outside them, stops at '='.
template <typename Char>
size_t Base64DecodeLenient(const Char* src, size_t n, uint8_t* dst, size_t cap);
template <typename Char>
size_t HexDecode(const Char* src, size_t n, uint8_t* dst, size_t cap);
void HexEncode(const uint8_t* src, size_t n, char* dst);

bool IsUtf8(const uint8_t* p, size_t n);
bool IsAscii(const uint8_t* p, size_t n);

// WHATWG forgiving-base64 decode (atob): 0, or one of the two failures atob reports.
constexpr int kAtobInvalidCharacter = -1;
constexpr int kAtobNotEncoded = -2;
template <typename Char>
int ForgivingBase64Decode(const Char* src, size_t n, uint8_t* dst, size_t* out_len);

}  // namespace nodus::encoding
