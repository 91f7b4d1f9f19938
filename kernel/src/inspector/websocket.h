// The WebSocket protocol (RFC 6455) as much as a DevTools connection needs: the upgrade handshake
// and text/close/ping frames. Transport-free: it works on byte buffers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nodus::inspector {

// The Sec-WebSocket-Accept value for a client's Sec-WebSocket-Key.
std::string WebSocketAccept(std::string_view key);

// A server frame (unmasked, FIN set) carrying `payload`; opcode 1 = text, 8 = close, 10 = pong.
std::string EncodeFrame(std::string_view payload, uint8_t opcode = 1);

struct Frame {
  uint8_t opcode = 0;
  bool fin = true;  // the last frame of a message (text messages may come in fragments)
  std::string payload;
};

enum class DecodeStatus { kNeedMore, kFrame, kError };

// Takes one complete client frame from the front of `buffer` (which it consumes). Client frames
// must be masked; fragmented messages are joined by the caller through `opcode == 0` frames.
DecodeStatus DecodeFrame(std::string& buffer, Frame* out);

}  // namespace nodus::inspector
