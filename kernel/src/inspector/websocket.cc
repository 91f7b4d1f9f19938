#include "inspector/websocket.h"

#include <openssl/sha.h>

namespace nodus::inspector {
namespace {

std::string Base64(const unsigned char* data, size_t len) {
  static const char kTable[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < len; i += 3) {
    uint32_t n = static_cast<uint32_t>(data[i]) << 16;
    if (i + 1 < len) n |= static_cast<uint32_t>(data[i + 1]) << 8;
    if (i + 2 < len) n |= data[i + 2];
    out += kTable[(n >> 18) & 63];
    out += kTable[(n >> 12) & 63];
    out += i + 1 < len ? kTable[(n >> 6) & 63] : '=';
    out += i + 2 < len ? kTable[n & 63] : '=';
  }
  return out;
}

}  // namespace

std::string WebSocketAccept(std::string_view key) {
  std::string text(key);
  text += "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  return Base64(digest, sizeof(digest));
}

std::string EncodeFrame(std::string_view payload, uint8_t opcode) {
  std::string out;
  out += static_cast<char>(0x80 | opcode);
  size_t len = payload.size();
  if (len < 126) {
    out += static_cast<char>(len);
  } else if (len < 65536) {
    out += static_cast<char>(126);
    out += static_cast<char>((len >> 8) & 0xff);
    out += static_cast<char>(len & 0xff);
  } else {
    out += static_cast<char>(127);
    for (int i = 7; i >= 0; i--) out += static_cast<char>((static_cast<uint64_t>(len) >> (8 * i)) & 0xff);
  }
  out.append(payload);
  return out;
}

DecodeStatus DecodeFrame(std::string& buffer, Frame* out) {
  if (buffer.size() < 2) return DecodeStatus::kNeedMore;
  auto byte = [&](size_t i) { return static_cast<uint8_t>(buffer[i]); };
  uint8_t opcode = byte(0) & 0x0f;
  bool masked = byte(1) & 0x80;
  uint64_t len = byte(1) & 0x7f;
  size_t pos = 2;
  if (!masked) return DecodeStatus::kError;  // RFC 6455: clients always mask
  if (len == 126) {
    if (buffer.size() < 4) return DecodeStatus::kNeedMore;
    len = (static_cast<uint64_t>(byte(2)) << 8) | byte(3);
    pos = 4;
  } else if (len == 127) {
    if (buffer.size() < 10) return DecodeStatus::kNeedMore;
    len = 0;
    for (int i = 0; i < 8; i++) len = (len << 8) | byte(2 + i);
    pos = 10;
    if (len > (64u << 20)) return DecodeStatus::kError;  // DevTools messages are far smaller
  }
  if (buffer.size() < pos + 4 + len) return DecodeStatus::kNeedMore;
  const uint8_t* mask = reinterpret_cast<const uint8_t*>(buffer.data() + pos);
  pos += 4;
  out->opcode = opcode;
  out->fin = byte(0) & 0x80;
  out->payload.resize(len);
  for (uint64_t i = 0; i < len; i++) out->payload[i] = static_cast<char>(byte(pos + i) ^ mask[i % 4]);
  buffer.erase(0, pos + len);
  return DecodeStatus::kFrame;
}

}  // namespace nodus::inspector
