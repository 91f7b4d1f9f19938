// Reference codecs for fuzz_encoding.cc: written for clarity, one character at a time, straight
// from the WHATWG Encoding and Infra specs and Node's documented Buffer rules. Slow on purpose.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace encoding_reference {

using Units = std::vector<uint16_t>;  // UTF-16 code units, as a JS string holds them

inline Units Widen(const std::string& ascii) { return Units(ascii.begin(), ascii.end()); }

// WHATWG UTF-8 decode: each maximal invalid subpart becomes one U+FFFD. `valid` tells whether
// no replacement was needed.
inline Units Utf8Decode(const std::string& in, bool* valid = nullptr) {
  Units out;
  bool ok = true;
  uint32_t cp = 0;
  int needed = 0, seen = 0;
  uint8_t lower = 0x80, upper = 0xBF;
  auto emit = [&](uint32_t c) {
    if (c >= 0x10000) {
      c -= 0x10000;
      out.push_back(static_cast<uint16_t>(0xD800 + (c >> 10)));
      out.push_back(static_cast<uint16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      out.push_back(static_cast<uint16_t>(c));
    }
  };
  for (size_t i = 0; i < in.size(); i++) {
    const uint8_t b = static_cast<uint8_t>(in[i]);
    if (needed == 0) {
      if (b <= 0x7F) { emit(b); continue; }
      if (b >= 0xC2 && b <= 0xDF) { needed = 1; cp = b & 0x1F; }
      else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2; cp = b & 0xF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3; cp = b & 0x7;
      } else { emit(0xFFFD); ok = false; }
      continue;
    }
    if (b < lower || b > upper) {
      // The byte starts over: the sequence so far is one replacement.
      cp = 0; needed = 0; seen = 0; lower = 0x80; upper = 0xBF;
      emit(0xFFFD);
      ok = false;
      i--;
      continue;
    }
    lower = 0x80; upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    if (++seen == needed) {
      emit(cp);
      cp = 0; needed = 0; seen = 0;
    }
  }
  if (needed != 0) { emit(0xFFFD); ok = false; }
  if (valid != nullptr) *valid = ok;
  return out;
}

inline bool IsUtf8(const std::string& in) {
  bool valid = false;
  Utf8Decode(in, &valid);
  return valid;
}

inline bool IsAscii(const std::string& in) {
  for (char c : in)
    if (static_cast<uint8_t>(c) >= 0x80) return false;
  return true;
}

// UTF-8 of a JS string (a lone surrogate becomes U+FFFD), whole characters only, at most `cap`
// bytes.
inline std::string Utf8EncodePrefix(const Units& u, size_t cap) {
  std::string out;
  for (size_t i = 0; i < u.size(); i++) {
    uint32_t c = u[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size() && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
      i++;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    std::string ch;
    if (c < 0x80) {
      ch += static_cast<char>(c);
    } else if (c < 0x800) {
      ch += static_cast<char>(0xC0 | (c >> 6));
      ch += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      ch += static_cast<char>(0xE0 | (c >> 12));
      ch += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      ch += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      ch += static_cast<char>(0xF0 | (c >> 18));
      ch += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      ch += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      ch += static_cast<char>(0x80 | (c & 0x3F));
    }
    if (out.size() + ch.size() > cap) break;
    out += ch;
  }
  return out;
}

inline Units Utf16LeDecode(const std::string& in) {
  Units out;
  for (size_t i = 0; i + 1 < in.size(); i += 2)
    out.push_back(static_cast<uint16_t>(static_cast<uint8_t>(in[i]) | (static_cast<uint8_t>(in[i + 1]) << 8)));
  return out;
}

inline std::string Utf16LeEncode(const Units& u) {
  std::string out;
  for (uint16_t c : u) {
    out += static_cast<char>(c & 0xFF);
    out += static_cast<char>(c >> 8);
  }
  return out;
}

inline Units Latin1Decode(const std::string& in) {
  Units out;
  for (char c : in) out.push_back(static_cast<uint8_t>(c));
  return out;
}

inline Units AsciiDecode(const std::string& in) {
  Units out;
  for (char c : in) out.push_back(static_cast<uint8_t>(c) & 0x7F);
  return out;
}

// Node writes the low byte of each code unit for latin1 (and ascii).
inline std::string Latin1Encode(const Units& u) {
  std::string out;
  for (uint16_t c : u) out += static_cast<char>(c & 0xFF);
  return out;
}

inline std::string HexEncode(const std::string& in) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (char c : in) {
    out += digits[static_cast<uint8_t>(c) >> 4];
    out += digits[static_cast<uint8_t>(c) & 15];
  }
  return out;
}

inline int HexDigit(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Node's hex write: pairs of digits until the first pair that is not one.
inline std::string HexDecode(const Units& u) {
  std::string out;
  for (size_t i = 0; i + 1 < u.size(); i += 2) {
    int hi = HexDigit(u[i]), lo = HexDigit(u[i + 1]);
    if (hi < 0 || lo < 0) break;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

inline std::string Base64Encode(const std::string& in, bool url) {
  const char* alpha = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                          : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t group = 0;
    size_t n = in.size() - i < 3 ? in.size() - i : 3;
    for (size_t k = 0; k < 3; k++)
      group = (group << 8) | (k < n ? static_cast<uint8_t>(in[i + k]) : 0);
    for (size_t k = 0; k < 4; k++) {
      if (k <= n) out += alpha[(group >> (18 - 6 * k)) & 63];
      else if (!url) out += '=';
    }
  }
  return out;
}

// Value of a character in either alphabet, or -1.
inline int Base64Value(unsigned c, bool url_too) {
  if (c >= 'A' && c <= 'Z') return static_cast<int>(c - 'A');
  if (c >= 'a' && c <= 'z') return static_cast<int>(c - 'a' + 26);
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0' + 52);
  if (c == '+' || (url_too && c == '-')) return 62;
  if (c == '/' || (url_too && c == '_')) return 63;
  return -1;
}

// Node's Buffer base64 write: either alphabet, characters looked up by their low byte, anything
// else skipped, '=' ends the data.
inline std::string Base64DecodeLenient(const Units& u) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (uint16_t unit : u) {
    unsigned c = unit & 0xFF;
    if (c == '=') break;
    int v = Base64Value(c, true);
    if (v < 0) continue;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

// WHATWG forgiving-base64 decode (atob). 0 on success, else -1 (a character that has no place
// there) or -2 (the length cannot be base64).
inline int Atob(const Units& u, std::string* out) {
  Units s;
  bool has_equals = false;
  for (uint16_t c : u) {
    if (c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20) continue;
    if (c != '=' && Base64Value(c, false) < 0) return -1;
    has_equals |= c == '=';
    s.push_back(c);
  }
  const int failure = has_equals ? -1 : -2;
  if (s.size() % 4 == 0) {
    for (int k = 0; k < 2 && !s.empty() && s.back() == '='; k++) s.pop_back();
  }
  if (s.size() % 4 == 1) return failure;
  for (uint16_t c : s)
    if (c == '=') return failure;
  uint32_t acc = 0;
  int bits = 0;
  out->clear();
  for (uint16_t c : s) {
    acc = (acc << 6) | static_cast<uint32_t>(Base64Value(c, false));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return 0;
}

// Runs f over the units as bytes (they must all fit in one).
template <typename F>
int WithOneByte(const Units& u, F&& f) {
  std::vector<uint8_t> bytes(u.begin(), u.end());
  return f(bytes.data(), bytes.size());
}

}  // namespace encoding_reference
