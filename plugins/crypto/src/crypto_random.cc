// Random bytes from OpenSSL's CSPRNG (filling a caller's buffer now or on the thread pool) and
// random primes.
#include <openssl/bn.h>
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

// Primes: generatePrime and checkPrime, as Jobs (synchronous or on the thread pool).

namespace nodus_crypto {
namespace {

struct BnFree {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

BnPtr BnFrom(napi_env env, napi_value v) {
  Bytes b{};
  if (v == nullptr || IsNullish(env, v) || !GetBytes(env, v, &b)) return nullptr;
  return BnPtr(BN_bin2bn(b.data, static_cast<int>(b.size), nullptr));
}

class PrimeJob : public Job {
 public:
  int bits = 0;
  bool safe = false;
  BnPtr add, rem, result;
  void Run() override {
    result.reset(BN_new());
    if (BN_generate_prime_ex(result.get(), bits, safe ? 1 : 0, add.get(), rem.get(), nullptr) != 1) {
      failed = true;
      error = TakeOpenSSLError("Prime generation failed");
    }
  }
  napi_value Result(napi_env env) override {
    std::vector<uint8_t> out(static_cast<size_t>(BN_num_bytes(result.get())));
    BN_bn2bin(result.get(), out.data());
    return AdoptBuffer(env, std::move(out));
  }
};

// generatePrime(bits, safe, add | null, rem | null[, callback]) -> big-endian Buffer
napi_value GeneratePrime(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  auto job = std::make_unique<PrimeJob>();
  job->bits = static_cast<int>(GetInt64(env, argv[0]));
  job->safe = GetBool(env, argv[1]);
  job->add = BnFrom(env, argv[2]);
  job->rem = BnFrom(env, argv[3]);
  return RunJob(env, job.release(), argc > 4 ? argv[4] : nullptr);
}

class CheckPrimeJob : public Job {
 public:
  BnPtr candidate;
  int checks = 0;
  int answer = 0;
  void Run() override {
    BN_CTX* ctx = BN_CTX_new();
    answer = BN_check_prime(candidate.get(), ctx, nullptr);
    BN_CTX_free(ctx);
    if (answer < 0) {
      failed = true;
      error = TakeOpenSSLError("Prime check failed");
    }
  }
  napi_value Result(napi_env env) override { return Bool(env, answer == 1); }
};

// checkPrime(candidate Buffer, checks[, callback]) -> bool
napi_value CheckPrime(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  auto job = std::make_unique<CheckPrimeJob>();
  job->candidate = BnFrom(env, argv[0]);
  job->checks = static_cast<int>(GetInt64(env, argv[1], 0));
  return RunJob(env, job.release(), argc > 2 ? argv[2] : nullptr);
}

}  // namespace

void RegisterPrimes(napi_env env, napi_value binding) {
  const Method methods[] = {{"generatePrime", GeneratePrime}, {"checkPrime", CheckPrime}};
  DefineMethods(env, binding, methods, 2);
}

}  // namespace nodus_crypto
