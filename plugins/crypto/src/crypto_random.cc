// Random bytes from OpenSSL's CSPRNG: filling a caller's buffer now or on the thread pool.
#include <openssl/err.h>
#include <openssl/rand.h>

#include "crypto_binding.h"

namespace nodus_crypto {
namespace {

class RandomFillJob : public Job {
 public:
  RandomFillJob(uint8_t* data, size_t size) : data_(data), size_(size) {}
  void Run() override {
    // RAND_bytes takes an int: fill large requests in pieces.
    size_t done = 0;
    while (done < size_) {
      size_t n = std::min<size_t>(size_ - done, 1u << 30);
      if (RAND_bytes(data_ + done, static_cast<int>(n)) != 1) {
        failed = true;
        error = TakeOpenSSLError("Random bytes generation failed");
        return;
      }
      done += n;
    }
  }
  napi_value Result(napi_env env) override { return Undefined(env); }

 private:
  uint8_t* data_;
  size_t size_;
};

// randomFill(view, offset, size[, callback]): fills bytes [offset, offset + size) of the view.
napi_value RandomFill(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  uint8_t* data;
  size_t size;
  if (!GetMutableBytes(env, argv[0], &data, &size)) {
    ThrowPlain(env, "randomFill: not a buffer");
    return nullptr;
  }
  int64_t offset = GetInt64(env, argv[1], 0);
  int64_t count = GetInt64(env, argv[2], static_cast<int64_t>(size) - offset);
  if (offset < 0 || count < 0 || static_cast<size_t>(offset + count) > size) {
    ThrowPlain(env, "randomFill: out of range");
    return nullptr;
  }
  return RunJob(env, new RandomFillJob(data + offset, static_cast<size_t>(count)),
                argc > 3 ? argv[3] : nullptr, argv[0]);
}

}  // namespace

void RegisterRandom(napi_env env, napi_value binding) {
  const Method methods[] = {{"randomFill", RandomFill}};
  DefineMethods(env, binding, methods, 1);
}

}  // namespace nodus_crypto
