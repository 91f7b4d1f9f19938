// The engines: zlib's deflate/inflate in Node's seven modes, and brotli's encoder and decoder,
// each driven until its input is consumed and its pending output written.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "zlib_binding.h"

namespace nodus_zlib {

Output::~Output() { std::free(data); }

bool Output::Reserve(size_t want) {
  if (capacity - size >= want) return true;
  size_t cap = std::max(capacity * 2, size + want);
  if (limit != SIZE_MAX) cap = std::min(cap, limit + 1);
  if (cap <= size) return false;
  auto* grown = static_cast<uint8_t*>(std::realloc(data, cap));
  if (grown == nullptr) return false;
  data = grown;
  capacity = cap;
  return true;
}

napi_value Output::ToBuffer(napi_env env) {
  napi_value buf;
  if (size == 0) {
    void* unused;
    napi_create_buffer(env, 0, &unused, &buf);
    return buf;
  }
  // Give back a large unused tail; the Buffer lives as long as the user keeps it.
  if (capacity - size > size / 8) {
    if (auto* shrunk = static_cast<uint8_t*>(std::realloc(data, size))) {
      data = shrunk;
      capacity = size;
    }
  }
  int64_t adjusted;
  napi_adjust_external_memory(env, static_cast<int64_t>(size), &adjusted);
  napi_status st = napi_create_external_buffer(
      env, size, data,
      [](napi_env e, void* d, void* hint) {
        int64_t now;
        napi_adjust_external_memory(e, -static_cast<int64_t>(reinterpret_cast<uintptr_t>(hint)), &now);
        std::free(d);
      },
      reinterpret_cast<void*>(static_cast<uintptr_t>(size)), &buf);
  if (st != napi_ok) {
    void* copy;
    napi_create_buffer_copy(env, size, data, &copy, &buf);
    return buf;
  }
  data = nullptr;
  size = capacity = 0;
  return buf;
}

namespace {

const char* ZlibCodeName(int code) {
  switch (code) {
    case Z_OK: return "Z_OK";
    case Z_STREAM_END: return "Z_STREAM_END";
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_ERRNO: return "Z_ERRNO";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR";
    default: return "Z_UNKNOWN_ERROR";
  }
}

bool Fail(EngineError* err, const char* message, int errnum, const char* code = nullptr) {
  err->message = message;
  err->errnum = errnum;
  err->code = code ? code : ZlibCodeName(errnum);
  return false;
}

bool TooLarge(EngineError* err) {
  err->too_large = true;
  err->message = "Cannot create a Buffer larger than the maximum output length";
  err->code = "ERR_BUFFER_TOO_LARGE";
  return false;
}

constexpr size_t kMinGrow = 16 * 1024;

class ZlibEngine : public Engine {
 public:
  ZlibEngine(Mode mode, int level, int window_bits, int mem_level, int strategy,
             std::vector<uint8_t> dictionary)
      : mode_(mode), level_(level), window_bits_(window_bits), mem_level_(mem_level),
        strategy_(strategy), dictionary_(std::move(dictionary)) {
    deflating_ = mode == kDeflate || mode == kGzip || mode == kDeflateRaw;
  }

  ~ZlibEngine() override {
    if (!initialized_) return;
    if (deflating_) deflateEnd(&s_);
    else inflateEnd(&s_);
  }

  bool Init(EngineError* err) {
    int wb = window_bits_;
    if (mode_ == kGzip || mode_ == kGunzip) wb += 16;
    if (mode_ == kUnzip) wb += 32;
    if (mode_ == kDeflateRaw || mode_ == kInflateRaw) wb = -wb;
    int r = deflating_ ? deflateInit2(&s_, level_, Z_DEFLATED, wb, mem_level_, strategy_)
                       : inflateInit2(&s_, wb);
    if (r != Z_OK) return Fail(err, "Init error", r);
    initialized_ = true;
    return SetDictionary(err);
  }

  bool SetDictionary(EngineError* err) {
    if (dictionary_.empty()) return true;
    int r = Z_OK;
    if (deflating_) {
      r = deflateSetDictionary(&s_, dictionary_.data(), static_cast<uInt>(dictionary_.size()));
    } else if (mode_ == kInflateRaw) {
      // A raw stream carries no request for its dictionary: it is set up front.
      r = inflateSetDictionary(&s_, dictionary_.data(), static_cast<uInt>(dictionary_.size()));
    }
    if (r != Z_OK) return Fail(err, "Failed to set dictionary", r);
    return true;
  }

  bool Process(const uint8_t* in, size_t len, int flush, Output* out, EngineError* err) override {
    s_.next_in = const_cast<Bytef*>(in);
    s_.avail_in = static_cast<uInt>(len);
    if (!out->Reserve(std::max(kMinGrow, Estimate(len)))) return TooLarge(err);
    for (;;) {
      if (ended_ && !deflating_) break;  // trailing data after the end is ignored, as Node does
      if (out->capacity - out->size < 1024 && !out->Reserve(std::max(kMinGrow, out->size)))
        return TooLarge(err);
      size_t room = std::min<size_t>(out->capacity - out->size, UINT_MAX);
      s_.next_out = out->data + out->size;
      s_.avail_out = static_cast<uInt>(room);
      int r = deflating_ ? deflate(&s_, flush) : inflate(&s_, flush);
      out->size += room - s_.avail_out;
      if (!deflating_ && r == Z_NEED_DICT) {
        if (dictionary_.empty()) return Fail(err, "Missing dictionary", Z_NEED_DICT);
        r = inflateSetDictionary(&s_, dictionary_.data(), static_cast<uInt>(dictionary_.size()));
        if (r != Z_OK) return Fail(err, "Bad dictionary", Z_NEED_DICT);
        continue;
      }
      if (r == Z_STREAM_END) {
        if (deflating_) {
          if (s_.avail_out == 0) continue;
          break;
        }
        // Concatenated gzip members decode as one stream; a zero byte ends it (padding).
        if ((mode_ == kGunzip || mode_ == kUnzip) && s_.avail_in > 0 && s_.next_in[0] != 0) {
          inflateReset(&s_);
          continue;
        }
        ended_ = true;
        break;
      }
      if (r == Z_BUF_ERROR) {
        if (s_.avail_out == 0) continue;
        if (!deflating_ && flush == Z_FINISH && !ended_)
          return Fail(err, "unexpected end of file", Z_BUF_ERROR);
        break;
      }
      if (r != Z_OK) {
        return Fail(err, s_.msg ? s_.msg : "Zlib error", r);
      }
      if (s_.avail_out == 0) continue;
      if (s_.avail_in == 0) {
        if (!deflating_ && flush == Z_FINISH && !ended_)
          return Fail(err, "unexpected end of file", Z_BUF_ERROR);
        break;
      }
    }
    return true;
  }

  bool Reset(EngineError* err) override {
    ended_ = false;
    int r = deflating_ ? deflateReset(&s_) : inflateReset(&s_);
    if (r != Z_OK) return Fail(err, "Failed to reset stream", r);
    return SetDictionary(err);
  }

  bool Params(int level, int strategy, EngineError* err) override {
    if (!deflating_) return true;
    int r = deflateParams(&s_, level, strategy);
    if (r != Z_OK && r != Z_BUF_ERROR) return Fail(err, "Failed to set parameters", r);
    level_ = level;
    strategy_ = strategy;
    return true;
  }

  size_t Estimate(size_t len) override {
    if (deflating_) return deflateBound(&s_, static_cast<uLong>(len)) + 64;
    return len * 4;
  }

 private:
  Mode mode_;
  int level_, window_bits_, mem_level_, strategy_;
  std::vector<uint8_t> dictionary_;
  bool deflating_ = false;
  bool initialized_ = false;
  bool ended_ = false;
  z_stream s_{};
};

class BrotliEncoder : public Engine {
 public:
  BrotliEncoder() : st_(BrotliEncoderCreateInstance(nullptr, nullptr, nullptr)) {}
  ~BrotliEncoder() override {
    if (st_) BrotliEncoderDestroyInstance(st_);
  }
  bool SetParam(int key, uint32_t value) {
    return BrotliEncoderSetParameter(st_, static_cast<BrotliEncoderParameter>(key), value) == BROTLI_TRUE;
  }
  std::vector<std::pair<int, uint32_t>> params;

  bool Process(const uint8_t* in, size_t len, int op, Output* out, EngineError* err) override {
    size_t avail_in = len;
    const uint8_t* next_in = in;
    if (!out->Reserve(std::max(kMinGrow, Estimate(len)))) return TooLarge(err);
    for (;;) {
      if (out->capacity - out->size < 1024 && !out->Reserve(std::max(kMinGrow, out->size)))
        return TooLarge(err);
      size_t avail_out = out->capacity - out->size;
      size_t before = avail_out;
      uint8_t* next_out = out->data + out->size;
      if (!BrotliEncoderCompressStream(st_, static_cast<BrotliEncoderOperation>(op), &avail_in,
                                       &next_in, &avail_out, &next_out, nullptr))
        return Fail(err, "Compression failed", -1, "ERR_BROTLI_COMPRESSION_FAILED");
      out->size += before - avail_out;
      if (op == BROTLI_OPERATION_FINISH) {
        if (BrotliEncoderIsFinished(st_)) break;
        continue;
      }
      if (avail_in == 0 && !BrotliEncoderHasMoreOutput(st_)) break;
    }
    return true;
  }

  bool Reset(EngineError* err) override {
    BrotliEncoderDestroyInstance(st_);
    st_ = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
    for (auto& [k, v] : params)
      if (!SetParam(k, v)) return Fail(err, "Initialization failed", -1, "ERR_ZLIB_INITIALIZATION_FAILED");
    return true;
  }

  bool Params(int, int, EngineError*) override { return true; }
  size_t Estimate(size_t len) override { return BrotliEncoderMaxCompressedSize(len) + 64; }

 private:
  BrotliEncoderState* st_;
};

// Node names decoder errors by their full constant (code 'ERR__ERROR_FORMAT_PADDING_1'); some
// brotli builds return only the last part of it ("PADDING_1"), so the group is put back.
std::string BrotliErrorName(BrotliDecoderErrorCode code) {
  std::string s = BrotliDecoderErrorString(code);
  if (s.rfind("_ERROR_", 0) == 0) return s;
  int c = static_cast<int>(code);
  if (c <= -1 && c >= -16) return "_ERROR_FORMAT_" + s;
  if (c <= -21 && c >= -30) return "_ERROR_ALLOC_" + s;
  return "_ERROR_" + s;
}

class BrotliDecoder : public Engine {
 public:
  BrotliDecoder() : st_(BrotliDecoderCreateInstance(nullptr, nullptr, nullptr)) {}
  ~BrotliDecoder() override {
    if (st_) BrotliDecoderDestroyInstance(st_);
  }
  bool SetParam(int key, uint32_t value) {
    return BrotliDecoderSetParameter(st_, static_cast<BrotliDecoderParameter>(key), value) == BROTLI_TRUE;
  }
  std::vector<std::pair<int, uint32_t>> params;

  bool Process(const uint8_t* in, size_t len, int op, Output* out, EngineError* err) override {
    size_t avail_in = len;
    const uint8_t* next_in = in;
    if (!out->Reserve(std::max(kMinGrow, Estimate(len)))) return TooLarge(err);
    while (!ended_) {
      if (out->capacity - out->size < 1024 && !out->Reserve(std::max(kMinGrow, out->size)))
        return TooLarge(err);
      size_t avail_out = out->capacity - out->size;
      size_t before = avail_out;
      uint8_t* next_out = out->data + out->size;
      BrotliDecoderResult r =
          BrotliDecoderDecompressStream(st_, &avail_in, &next_in, &avail_out, &next_out, nullptr);
      out->size += before - avail_out;
      if (r == BROTLI_DECODER_RESULT_ERROR) {
        BrotliDecoderErrorCode code = BrotliDecoderGetErrorCode(st_);
        std::string name = std::string("ERR_") + BrotliErrorName(code);
        return Fail(err, "Decompression failed", static_cast<int>(code), name.c_str());
      }
      // Brotli can answer "needs more input" while decoded bytes still wait in its ring buffer
      // (an unfinished, flushed stream): drain them before asking for input.
      if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT || BrotliDecoderHasMoreOutput(st_)) continue;
      if (r == BROTLI_DECODER_RESULT_SUCCESS) {
        ended_ = true;
        break;
      }
      // Needs more input.
      if (op == BROTLI_OPERATION_FINISH) return Fail(err, "unexpected end of file", Z_BUF_ERROR);
      break;
    }
    return true;
  }

  bool Reset(EngineError* err) override {
    BrotliDecoderDestroyInstance(st_);
    st_ = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    ended_ = false;
    for (auto& [k, v] : params)
      if (!SetParam(k, v)) return Fail(err, "Initialization failed", -1, "ERR_ZLIB_INITIALIZATION_FAILED");
    return true;
  }

  bool Params(int, int, EngineError*) override { return true; }
  size_t Estimate(size_t len) override { return len * 4; }

 private:
  BrotliDecoderState* st_;
  bool ended_ = false;
};

}  // namespace

std::unique_ptr<Engine> MakeZlibEngine(Mode mode, int level, int window_bits, int mem_level,
                                       int strategy, std::vector<uint8_t> dictionary,
                                       EngineError* err) {
  auto e = std::make_unique<ZlibEngine>(mode, level, window_bits, mem_level, strategy,
                                        std::move(dictionary));
  if (!e->Init(err)) return nullptr;
  return e;
}

std::unique_ptr<Engine> MakeBrotliEngine(Mode mode,
                                         const std::vector<std::pair<int, uint32_t>>& params,
                                         EngineError* err) {
  if (mode == kBrotliEncode) {
    auto e = std::make_unique<BrotliEncoder>();
    e->params = params;
    for (auto& [k, v] : params)
      if (!e->SetParam(k, v)) {
        Fail(err, "Initialization failed", -1, "ERR_ZLIB_INITIALIZATION_FAILED");
        return nullptr;
      }
    return e;
  }
  auto d = std::make_unique<BrotliDecoder>();
  d->params = params;
  for (auto& [k, v] : params)
    if (!d->SetParam(k, v)) {
      Fail(err, "Initialization failed", -1, "ERR_ZLIB_INITIALIZATION_FAILED");
      return nullptr;
    }
  return d;
}

}  // namespace nodus_zlib
