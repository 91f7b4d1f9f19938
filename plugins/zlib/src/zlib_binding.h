// The zlib binding's engines: one compression or decompression state (zlib's z_stream or a
// brotli encoder/decoder) behind a common interface, so the JS-facing handle, the sync path and
// the thread-pool path are written once. Speaks Node-API, zlib and brotli only (no v8.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "node_api.h"

namespace nodus_zlib {

// Node's zlib modes (zlib.constants.DEFLATE...).
enum Mode : int {
  kNone = 0, kDeflate, kInflate, kGzip, kGunzip, kDeflateRaw, kInflateRaw, kUnzip,
  kBrotliDecode, kBrotliEncode,
};

// A failure as Node reports it: message, errno and code ('Z_DATA_ERROR', 'ERR__ERROR_...').
struct EngineError {
  std::string message;
  int errnum = 0;
  std::string code;
  bool too_large = false;  // the output passed maxOutputLength (ERR_BUFFER_TOO_LARGE)
};

// Growing output bytes, handed to JS without a copy.
struct Output {
  uint8_t* data = nullptr;
  size_t size = 0;
  size_t capacity = 0;
  size_t limit = SIZE_MAX;  // maxOutputLength
  ~Output();
  // Makes room for at least `want` more bytes; false when that would pass `limit`.
  bool Reserve(size_t want);
  // Transfers the bytes to a new Buffer (empty Output: a zero-length Buffer).
  napi_value ToBuffer(napi_env env);
};

class Engine {
 public:
  virtual ~Engine() = default;
  // Runs the input through with `flush`, appending to `out`. Returns false with `err` set on a
  // failure. Works off the JS thread: touches no JS.
  virtual bool Process(const uint8_t* in, size_t len, int flush, Output* out, EngineError* err) = 0;
  virtual bool Reset(EngineError* err) = 0;
  virtual bool Params(int level, int strategy, EngineError* err) = 0;
  // An estimate of the output size for `len` input bytes with a final flush (first allocation).
  virtual size_t Estimate(size_t len) = 0;
};

// zlib modes: level, windowBits, memLevel, strategy, dictionary as Node's options.
std::unique_ptr<Engine> MakeZlibEngine(Mode mode, int level, int window_bits, int mem_level,
                                       int strategy, std::vector<uint8_t> dictionary,
                                       EngineError* err);
// Brotli: params as (key, value) pairs of BROTLI_PARAM_* / BROTLI_DECODER_PARAM_*.
std::unique_ptr<Engine> MakeBrotliEngine(Mode mode, const std::vector<std::pair<int, uint32_t>>& params,
                                         EngineError* err);


}  // namespace nodus_zlib
