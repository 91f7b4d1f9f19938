// BigInt: from and to 64-bit integers (with the lossless flag) and arbitrary word arrays.
#include <algorithm>
#include <climits>

#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_bigint_int64(napi_env env, int64_t value,
                                                            napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::BigInt::New(env->isolate, value));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_bigint_uint64(napi_env env, uint64_t value,
                                                             napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::BigInt::NewFromUnsigned(env->isolate, value));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_bigint_words(napi_env env, int sign_bit,
                                                            size_t word_count,
                                                            const uint64_t* words,
                                                            napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, words);
  NAPI_CHECK_ARG(env, result);
  NAPI_RETURN_IF_FALSE(env, word_count <= INT_MAX, napi_invalid_arg);
  v8::Local<v8::BigInt> big;
  if (!v8::BigInt::NewFromWords(env->context(), sign_bit, static_cast<int>(word_count), words)
           .ToLocal(&big)) {
    return nodus::napi::FailedCall(env, try_catch, napi_generic_failure);
  }
  *result = ToNapi(big);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_bigint_int64(napi_env env, napi_value value,
                                                               int64_t* result, bool* lossless) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, lossless);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  *result = v.As<v8::BigInt>()->Int64Value(lossless);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_bigint_uint64(napi_env env, napi_value value,
                                                                uint64_t* result,
                                                                bool* lossless) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, lossless);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  *result = v.As<v8::BigInt>()->Uint64Value(lossless);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_bigint_words(napi_env env, napi_value value,
                                                               int* sign_bit, size_t* word_count,
                                                               uint64_t* words) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, word_count);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  v8::Local<v8::BigInt> big = v.As<v8::BigInt>();
  int count = static_cast<int>(std::min<size_t>(*word_count, INT_MAX));
  if (sign_bit == nullptr && words == nullptr) {
    count = big->WordCount();
  } else {
    NAPI_CHECK_ARG(env, sign_bit);
    NAPI_CHECK_ARG(env, words);
    big->ToWordsArray(sign_bit, &count, words);
  }
  *word_count = static_cast<size_t>(count);
  return ClearError(env);
}

}  // extern "C"
