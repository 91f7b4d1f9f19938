#include "bindings/encoding.h"

#include <algorithm>
#include <climits>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <cstdlib>
#include <cstring>
#include <memory>

namespace nodus::encoding {

namespace {

// Scratch storage that lives on the stack for small sizes and on the heap otherwise, and is never
// zero-filled (every byte is written before it is read).
template <typename T, size_t kInline = 1024>
class Scratch {
 public:
  explicit Scratch(size_t n) : ptr_(n <= kInline ? inline_ : new T[n]) {}
  ~Scratch() {
    if (ptr_ != inline_) delete[] ptr_;
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  T* get() { return ptr_; }

 private:
  T inline_[kInline];
  T* ptr_;
};

// A buffer of at least n elements reused across calls (one per element type and thread): large
// inputs would otherwise get freshly faulted-in pages on every call.
template <typename T>
T* ReusableChars(size_t n) {
  static thread_local std::unique_ptr<T[]> buf;
  static thread_local size_t cap = 0;
  if (n > cap) {
    cap = std::max(n, size_t{16 * 1024});
    buf.reset(new T[cap]);
  }
  return buf.get();
}

// Runs f(chars, length) over a flat copy of the string's code units, one byte per unit when the
// string is stored that way and two otherwise. `f` must not re-enter this function.
template <typename F>
auto WithChars(v8::Isolate* isolate, v8::Local<v8::String> s, F&& f) {
  const int len = s->Length();
  if (s->IsOneByte()) {
    uint8_t* buf = ReusableChars<uint8_t>(static_cast<size_t>(len));
    s->WriteOneByte(isolate, buf, 0, len, v8::String::NO_NULL_TERMINATION);
    return f(static_cast<const uint8_t*>(buf), static_cast<size_t>(len));
  }
  uint16_t* buf = ReusableChars<uint16_t>(static_cast<size_t>(len));
  s->Write(isolate, buf, 0, len, v8::String::NO_NULL_TERMINATION);
  return f(static_cast<const uint16_t*>(buf), static_cast<size_t>(len));
}

// Maps a character to its 6-bit value in either base64 alphabet, or -1.
constexpr int8_t kNoValue = -1;
struct Base64Table {
  int8_t lenient[256];   // standard + url alphabets
  int8_t standard[256];  // standard alphabet only (atob)
  constexpr Base64Table() : lenient(), standard() {
    for (int i = 0; i < 256; i++) lenient[i] = standard[i] = kNoValue;
    const char* alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; i++) {
      lenient[static_cast<unsigned char>(alpha[i])] = static_cast<int8_t>(i);
      standard[static_cast<unsigned char>(alpha[i])] = static_cast<int8_t>(i);
    }
    lenient[static_cast<unsigned char>('-')] = 62;
    lenient[static_cast<unsigned char>('_')] = 63;
  }
};
constexpr Base64Table kB64;

constexpr char kStdAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrlAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

inline int HexValue(unsigned c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// A one-byte string whose characters live in malloc'd memory handed over to V8, so large hex and
// base64 results are not copied a second time.
class OwnedOneByte final : public v8::String::ExternalOneByteStringResource {
 public:
  OwnedOneByte(char* data, size_t len) : data_(data), len_(len) {}
  ~OwnedOneByte() override { std::free(data_); }
  const char* data() const override { return data_; }
  size_t length() const override { return len_; }

 private:
  char* data_;
  size_t len_;
};

// Results up to this size are built in a scratch buffer kept between calls and copied into the V8
// heap: fresh malloc'd memory for every call costs more in page faults than the copy. Larger
// ones are handed to V8 as external strings, so they are not held twice.
constexpr size_t kExternalThreshold = 4 * 1024 * 1024;

char* ReusableScratch(size_t n) {
  static thread_local std::unique_ptr<char[]> buf;
  static thread_local size_t cap = 0;
  if (n > cap) {
    cap = std::max(n, size_t{64 * 1024});
    buf.reset(new char[cap]);
  }
  return buf.get();
}

// Builds a one-byte string by letting `fill` write exactly n characters.
template <typename Fill>
v8::MaybeLocal<v8::String> MakeOneByte(v8::Isolate* isolate, size_t n, Fill&& fill) {
  if (n > static_cast<size_t>(v8::String::kMaxLength)) return {};
  if (n < kExternalThreshold) {
    char* buf = ReusableScratch(n);
    fill(buf);
    return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(buf),
                                      v8::NewStringType::kNormal, static_cast<int>(n));
  }
  char* mem = static_cast<char*>(std::malloc(n));
  if (mem == nullptr) return {};
  fill(mem);
  auto* res = new OwnedOneByte(mem, n);
  v8::MaybeLocal<v8::String> s = v8::String::NewExternalOneByte(isolate, res);
  if (s.IsEmpty()) delete res;
  return s;
}

}  // namespace

size_t Base64EncodedLength(size_t n, bool url) {
  if (url) return (n / 3) * 4 + ((n % 3) ? (n % 3) + 1 : 0);
  return ((n + 2) / 3) * 4;
}

// Two output characters per 12 input bits: one 16-bit store instead of two table lookups each.
struct Base64PairTable {
  uint16_t pairs[2][4096];
  Base64PairTable() {
    for (int t = 0; t < 2; t++) {
      const char* a = t ? kUrlAlphabet : kStdAlphabet;
      for (int v = 0; v < 4096; v++) {
        const char two[2] = {a[v >> 6], a[v & 63]};
        std::memcpy(&pairs[t][v], two, 2);
      }
    }
  }
};
const Base64PairTable& PairTable() {
  static const Base64PairTable table;
  return table;
}

#if defined(__x86_64__)
// 12 input bytes -> 16 characters per step with SSSE3. Each 32-bit lane gets one 3-byte group as
// the big-endian value v = b0<<16 | b1<<8 | b2 (one byte shuffle); the four 6-bit indices are cut
// out with shifts and masks straight into output byte order; an index becomes its character by
// adding 'A' plus corrections chosen by comparisons on the index range.
__attribute__((target("ssse3"))) size_t Base64EncodeSsse3(const uint8_t* __restrict src,
                                                         size_t n, char* __restrict dst,
                                                         bool url, size_t* consumed) {
  const __m128i gather = _mm_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
  const __m128i m0 = _mm_set1_epi32(0x3f);
  const __m128i m1 = _mm_set1_epi32(0x3f00);
  const __m128i m2 = _mm_set1_epi32(0x3f0000);
  const __m128i m3 = _mm_set1_epi32(0x3f000000);
  const __m128i base = _mm_set1_epi8('A');
  const __m128i i25 = _mm_set1_epi8(25);
  const __m128i i51 = _mm_set1_epi8(51);
  const __m128i i62 = _mm_set1_epi8(62);
  const __m128i i63 = _mm_set1_epi8(63);
  const __m128i to_lower = _mm_set1_epi8('a' - 26 - 'A');         // 26..51 -> 'a'..'z'
  const __m128i to_digit = _mm_set1_epi8('0' - 52 - ('a' - 26));  // 52..61 -> '0'..'9'
  const __m128i fix62 = _mm_set1_epi8((url ? '-' : '+') - ('0' + 10));
  const __m128i fix63 = _mm_set1_epi8((url ? '_' : '/') - ('0' + 11));
  size_t i = 0, o = 0;
  for (; i + 16 <= n; i += 12, o += 16) {
    const __m128i in = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
    const __m128i v = _mm_shuffle_epi8(in, gather);
    const __m128i idx = _mm_or_si128(
        _mm_or_si128(_mm_and_si128(_mm_srli_epi32(v, 18), m0), _mm_and_si128(_mm_srli_epi32(v, 4), m1)),
        _mm_or_si128(_mm_and_si128(_mm_slli_epi32(v, 10), m2), _mm_and_si128(_mm_slli_epi32(v, 24), m3)));
    __m128i out = _mm_add_epi8(idx, base);
    out = _mm_add_epi8(out, _mm_and_si128(_mm_cmpgt_epi8(idx, i25), to_lower));
    out = _mm_add_epi8(out, _mm_and_si128(_mm_cmpgt_epi8(idx, i51), to_digit));
    out = _mm_add_epi8(out, _mm_and_si128(_mm_cmpeq_epi8(idx, i62), fix62));
    out = _mm_add_epi8(out, _mm_and_si128(_mm_cmpeq_epi8(idx, i63), fix63));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + o), out);
  }
  *consumed = i;
  return o;
}

bool HaveSsse3() {
  static const bool have = __builtin_cpu_supports("ssse3");
  return have;
}
#endif

size_t Base64Encode(const uint8_t* __restrict src, size_t n, char* __restrict dst, bool url) {
  const char* a = url ? kUrlAlphabet : kStdAlphabet;
  const uint16_t* pairs = PairTable().pairs[url ? 1 : 0];
  size_t i = 0, o = 0;
#if defined(__x86_64__)
  if (n >= 64 && HaveSsse3()) {
    o = Base64EncodeSsse3(src, n, dst, url, &i);
  }
#endif
  for (; i + 6 <= n; i += 6) {
    const uint32_t v1 = (uint32_t{src[i]} << 16) | (uint32_t{src[i + 1]} << 8) | src[i + 2];
    const uint32_t v2 = (uint32_t{src[i + 3]} << 16) | (uint32_t{src[i + 4]} << 8) | src[i + 5];
    const uint16_t out[4] = {pairs[v1 >> 12], pairs[v1 & 4095], pairs[v2 >> 12], pairs[v2 & 4095]};
    std::memcpy(dst + o, out, 8);
    o += 8;
  }
  for (; i + 3 <= n; i += 3) {
    const uint32_t v = (uint32_t{src[i]} << 16) | (uint32_t{src[i + 1]} << 8) | src[i + 2];
    const uint16_t out[2] = {pairs[v >> 12], pairs[v & 4095]};
    std::memcpy(dst + o, out, 4);
    o += 4;
  }
  const size_t rest = n - i;
  if (rest == 1) {
    const uint32_t v = uint32_t{src[i]} << 16;
    dst[o++] = a[v >> 18];
    dst[o++] = a[(v >> 12) & 63];
    if (!url) { dst[o++] = '='; dst[o++] = '='; }
  } else if (rest == 2) {
    const uint32_t v = (uint32_t{src[i]} << 16) | (uint32_t{src[i + 1]} << 8);
    dst[o++] = a[v >> 18];
    dst[o++] = a[(v >> 12) & 63];
    dst[o++] = a[(v >> 6) & 63];
    if (!url) dst[o++] = '=';
  }
  return o;
}

// Each character's 6-bit value pre-shifted to its place in a 24-bit quantum, one table per place;
// characters outside both alphabets carry bit 24, so one OR of four lookups tells validity.
struct Base64QuadTables {
  uint32_t t[4][256];
  Base64QuadTables() {
    for (int c = 0; c < 256; c++) {
      const int v = kB64.lenient[c];
      for (int k = 0; k < 4; k++) {
        t[k][c] = v < 0 ? (1u << 24) : static_cast<uint32_t>(v) << (18 - 6 * k);
      }
    }
  }
};
const Base64QuadTables& QuadTables() {
  static const Base64QuadTables tables;
  return tables;
}

#if defined(__x86_64__)
// 16 characters -> 12 bytes per step with SSSE3, for blocks made only of alphabet characters
// (either alphabet). Each character's value comes from range tests (A-Z, a-z, 0-9 and the four
// specials) turned into per-byte additions; a block with anything else is left to the scalar
// loop. Each 32-bit lane's four 6-bit values are merged with shifts and masks and the three bytes
// of every lane gathered with one shuffle.
__attribute__((target("ssse3"))) void Base64DecodeBlocksSsse3(const uint8_t* __restrict src,
                                                             size_t n, size_t& i,
                                                             uint8_t* __restrict dst, size_t cap,
                                                             size_t& o) {
  auto range = [](__m128i c, char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(hi + 1)), c));
  };
  auto is = [](__m128i c, char ch) { return _mm_cmpeq_epi8(c, _mm_set1_epi8(ch)); };
  auto add = [](__m128i mask, int delta) {
    return _mm_and_si128(mask, _mm_set1_epi8(static_cast<char>(delta)));
  };
  const __m128i m6 = _mm_set1_epi32(0x3f);
  const __m128i gather = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  while (i + 16 <= n && o + 12 <= cap) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
    const __m128i upper = range(c, 'A', 'Z');
    const __m128i lower = range(c, 'a', 'z');
    const __m128i digit = range(c, '0', '9');
    const __m128i plus = is(c, '+'), slash = is(c, '/'), minus = is(c, '-'), under = is(c, '_');
    const __m128i valid = _mm_or_si128(_mm_or_si128(_mm_or_si128(upper, lower), digit),
                                       _mm_or_si128(_mm_or_si128(plus, slash), _mm_or_si128(minus, under)));
    if (_mm_movemask_epi8(valid) != 0xffff) return;
    __m128i v = _mm_add_epi8(c, add(upper, -'A'));
    v = _mm_add_epi8(v, add(lower, 26 - 'a'));
    v = _mm_add_epi8(v, add(digit, 52 - '0'));
    v = _mm_add_epi8(v, add(plus, 62 - '+'));
    v = _mm_add_epi8(v, add(slash, 63 - '/'));
    v = _mm_add_epi8(v, add(minus, 62 - '-'));
    v = _mm_add_epi8(v, add(under, 63 - '_'));
    // lane bytes [v0 v1 v2 v3] -> v0<<18 | v1<<12 | v2<<6 | v3
    const __m128i merged = _mm_or_si128(
        _mm_or_si128(_mm_slli_epi32(_mm_and_si128(v, m6), 18),
                     _mm_and_si128(_mm_slli_epi32(v, 4), _mm_set1_epi32(0x3f000))),
        _mm_or_si128(_mm_and_si128(_mm_srli_epi32(v, 10), _mm_set1_epi32(0xfc0)),
                     _mm_srli_epi32(v, 24)));
    // Exactly 12 bytes: the caller's buffer past the decoded data stays as it was.
    const __m128i out = _mm_shuffle_epi8(merged, gather);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + o), out);
    const uint32_t tail = static_cast<uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(out, 8)));
    std::memcpy(dst + o + 8, &tail, 4);
    i += 16;
    o += 12;
  }
}
#endif

// Decodes whole runs of four valid characters from src[i..n) while three more bytes fit; stops
// (leaving i on it) at the first quantum holding anything else.
template <typename Char>
inline void DecodeQuads(const Char* __restrict src, size_t n, size_t& i, uint8_t* __restrict dst,
                        size_t cap, size_t& o) {
#if defined(__x86_64__)
  if constexpr (sizeof(Char) == 1) {
    if (n - i >= 64 && HaveSsse3()) Base64DecodeBlocksSsse3(src, n, i, dst, cap, o);
  }
#endif
  const auto& t = QuadTables().t;
  while (i + 4 <= n && o + 3 <= cap) {
    const unsigned c0 = src[i], c1 = src[i + 1], c2 = src[i + 2], c3 = src[i + 3];
    if constexpr (sizeof(Char) > 1) {
      if ((c0 | c1 | c2 | c3) > 0xff) return;
    }
    const uint32_t v = t[0][c0] | t[1][c1] | t[2][c2] | t[3][c3];
    if (v >> 24) return;
    // Three bytes, never a fourth: what follows in the caller's buffer is not ours to touch.
    const uint32_t be = __builtin_bswap32(v << 8);
    std::memcpy(dst + o, &be, 3);
    o += 3;
    i += 4;
  }
}

template <typename Char>
size_t Base64DecodeLenient(const Char* src, size_t n, uint8_t* dst, size_t cap) {
  size_t o = 0;
  uint32_t acc = 0;
  int bits = 0;
  size_t i = 0;
  DecodeQuads(src, n, i, dst, cap, o);
  for (; i < n && o < cap; i++) {
    // Node looks characters up by their low byte, so U+xx3D ends the input like '=' does.
    const unsigned c = static_cast<uint8_t>(src[i]);
    if (c == '=') break;
    const int v = kB64.lenient[c];
    if (v < 0) continue;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      dst[o++] = static_cast<uint8_t>(acc >> bits);
      acc &= (1u << bits) - 1;
    }
    // Back on a quantum boundary (e.g. after a line break): resume the fast path.
    if (bits == 0) {
      size_t j = i + 1;
      DecodeQuads(src, n, j, dst, cap, o);
      i = j - 1;
    }
  }
  return o;
}
template size_t Base64DecodeLenient<uint8_t>(const uint8_t*, size_t, uint8_t*, size_t);
template size_t Base64DecodeLenient<uint16_t>(const uint16_t*, size_t, uint8_t*, size_t);

template <typename Char>
size_t HexDecode(const Char* __restrict src, size_t n, uint8_t* __restrict dst, size_t cap) {
  static const struct HexValues {
    int16_t v[256];
    HexValues() {
      for (int c = 0; c < 256; c++) v[c] = static_cast<int16_t>(HexValue(static_cast<unsigned>(c)));
    }
  } table;
  const size_t pairs = std::min(n / 2, cap);
  size_t o = 0;
  for (; o < pairs; o++) {
    const unsigned a = src[2 * o], b = src[2 * o + 1];
    if constexpr (sizeof(Char) > 1) {
      if ((a | b) > 0xff) break;
    }
    const int hi = table.v[a], lo = table.v[b];
    if ((hi | lo) < 0) break;
    dst[o] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return o;
}
template size_t HexDecode<uint8_t>(const uint8_t*, size_t, uint8_t*, size_t);
template size_t HexDecode<uint16_t>(const uint16_t*, size_t, uint8_t*, size_t);

void HexEncode(const uint8_t* __restrict src, size_t n, char* __restrict dst) {
  static const struct HexTable {
    uint16_t pairs[256];
    HexTable() {
      static constexpr char kDigits[] = "0123456789abcdef";
      for (int v = 0; v < 256; v++) {
        const char two[2] = {kDigits[v >> 4], kDigits[v & 15]};
        std::memcpy(&pairs[v], two, 2);
      }
    }
  } table;
  for (size_t i = 0; i < n; i++) std::memcpy(dst + 2 * i, &table.pairs[src[i]], 2);
}

bool IsAscii(const uint8_t* p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < n; i++)
    if (p[i] & 0x80) return false;
  return true;
}

bool IsUtf8(const uint8_t* p, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (!(w & 0x8080808080808080ull)) { i += 8; continue; }
    }
    const uint8_t c = p[i];
    if (c < 0x80) { i++; continue; }
    size_t need;
    uint8_t lo = 0x80, hi = 0xbf;  // allowed range of the second byte
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c == 0xe0) { need = 2; lo = 0xa0; }
    else if (c >= 0xe1 && c <= 0xec) need = 2;
    else if (c == 0xed) { need = 2; hi = 0x9f; }  // no surrogates
    else if (c >= 0xee && c <= 0xef) need = 2;
    else if (c == 0xf0) { need = 3; lo = 0x90; }
    else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c == 0xf4) { need = 3; hi = 0x8f; }
    else return false;
    if (i + need >= n) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k <= need; k++)
      if ((p[i + k] & 0xc0) != 0x80) return false;
    i += need + 1;
  }
  return true;
}

template <typename Char>
int ForgivingBase64Decode(const Char* src, size_t n, uint8_t* dst, size_t* out_len) {
  // Pass 1: validate as atob does — whitespace is skipped, '=' may only end the input (at most
  // two of them, and only when the length is a multiple of four).
  size_t count = 0, equals = 0;
  for (size_t i = 0; i < n; i++) {
    const unsigned c = src[i];
    if (c == 0x09 || c == 0x0a || c == 0x0c || c == 0x0d || c == 0x20) continue;
    if (c == '=') {
      equals++;
      count++;
      if (equals > 2) return kAtobInvalidCharacter;
      continue;
    }
    if (c > 0xff || kB64.standard[c] < 0 || equals > 0) return kAtobInvalidCharacter;
    count++;
  }
  size_t rem = count % 4;
  if (rem == 0) {
    rem = (count - equals) % 4;
  } else if (equals > 0) {
    return kAtobInvalidCharacter;
  }
  if (rem == 1) return kAtobNotEncoded;
  // Pass 2: decode.
  uint32_t acc = 0;
  int bits = 0;
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    const unsigned c = src[i];
    if (c > 0xff) continue;
    const int v = kB64.standard[c];
    if (v < 0) continue;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      dst[o++] = static_cast<uint8_t>(acc >> bits);
      acc &= (1u << bits) - 1;
    }
  }
  *out_len = o;
  return 0;
}
template int ForgivingBase64Decode<uint8_t>(const uint8_t*, size_t, uint8_t*, size_t*);
template int ForgivingBase64Decode<uint16_t>(const uint16_t*, size_t, uint8_t*, size_t*);

size_t ByteLength(v8::Isolate* isolate, v8::Local<v8::String> str, Encoding enc) {
  const size_t len = static_cast<size_t>(str->Length());
  switch (enc) {
    case kUtf8:
      return static_cast<size_t>(str->Utf8Length(isolate));
    case kUcs2:
      return len * 2;
    case kLatin1:
    case kAscii:
      return len;
    case kHex:
      return len / 2;
    case kBase64:
    case kBase64Url:
      return (len * 3) / 4 + 3;
  }
  return len;
}

size_t Write(v8::Isolate* isolate, v8::Local<v8::String> str, Encoding enc, char* dst,
             size_t cap) {
  const int clen = std::min<size_t>(cap, INT_MAX);
  switch (enc) {
    case kUtf8: {
      if (cap == 0) return 0;
      int nchars = 0;
      return static_cast<size_t>(str->WriteUtf8(
          isolate, dst, clen, &nchars,
          v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
    }
    case kUcs2: {
      const int n = std::min(str->Length(), clen / 2);
      if (n == 0) return 0;
      if (reinterpret_cast<uintptr_t>(dst) % alignof(uint16_t) == 0) {
        str->Write(isolate, reinterpret_cast<uint16_t*>(dst), 0, n,
                   v8::String::NO_NULL_TERMINATION);
      } else {
        Scratch<uint16_t> tmp(n);
        str->Write(isolate, tmp.get(), 0, n, v8::String::NO_NULL_TERMINATION);
        std::memcpy(dst, tmp.get(), static_cast<size_t>(n) * 2);
      }
      return static_cast<size_t>(n) * 2;
    }
    case kLatin1:
    case kAscii: {
      const int n = std::min(str->Length(), clen);
      if (n == 0) return 0;
      str->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(dst), 0, n,
                        v8::String::NO_NULL_TERMINATION);
      return static_cast<size_t>(n);
    }
    case kHex:
      return WithChars(isolate, str, [&](const auto* chars, size_t n) {
        return HexDecode(chars, n, reinterpret_cast<uint8_t*>(dst), cap);
      });
    case kBase64:
    case kBase64Url:
      return WithChars(isolate, str, [&](const auto* chars, size_t n) {
        return Base64DecodeLenient(chars, n, reinterpret_cast<uint8_t*>(dst), cap);
      });
  }
  return 0;
}

v8::MaybeLocal<v8::String> Decode(v8::Isolate* isolate, const char* data, size_t len,
                                  Encoding enc) {
  if (len == 0) return v8::String::Empty(isolate);
  const auto* bytes = reinterpret_cast<const uint8_t*>(data);
  switch (enc) {
    case kUtf8:
      if (len > INT_MAX) return {};
      return v8::String::NewFromUtf8(isolate, data, v8::NewStringType::kNormal,
                                     static_cast<int>(len));
    case kUcs2: {
      const size_t n = len / 2;
      if (n > static_cast<size_t>(v8::String::kMaxLength)) return {};
      if (n == 0) return v8::String::Empty(isolate);
      if (reinterpret_cast<uintptr_t>(data) % alignof(uint16_t) == 0) {
        return v8::String::NewFromTwoByte(isolate, reinterpret_cast<const uint16_t*>(data),
                                          v8::NewStringType::kNormal, static_cast<int>(n));
      }
      Scratch<uint16_t> tmp(n);
      std::memcpy(tmp.get(), data, n * 2);
      return v8::String::NewFromTwoByte(isolate, tmp.get(), v8::NewStringType::kNormal,
                                        static_cast<int>(n));
    }
    case kLatin1:
      if (len > static_cast<size_t>(v8::String::kMaxLength)) return {};
      return v8::String::NewFromOneByte(isolate, bytes, v8::NewStringType::kNormal,
                                        static_cast<int>(len));
    case kAscii:
      if (IsAscii(bytes, len)) return Decode(isolate, data, len, kLatin1);
      return MakeOneByte(isolate, len, [&](char* out) {
        for (size_t i = 0; i < len; i++) out[i] = static_cast<char>(bytes[i] & 0x7f);
      });
    case kHex:
      if (len > static_cast<size_t>(v8::String::kMaxLength) / 2) return {};
      return MakeOneByte(isolate, len * 2, [&](char* out) { HexEncode(bytes, len, out); });
    case kBase64:
    case kBase64Url: {
      const bool url = enc == kBase64Url;
      return MakeOneByte(isolate, Base64EncodedLength(len, url),
                         [&](char* out) { Base64Encode(bytes, len, out, url); });
    }
  }
  return {};
}

}  // namespace nodus::encoding
