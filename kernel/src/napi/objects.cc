// Objects and arrays: creation, properties, elements, key listing, prototype, instanceof,
// equality, freeze/seal.
#include <climits>

#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::FailedCall;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

// The key of a *_named_property call, made internalized as V8 keeps property names: no
// throwaway string per call, and the lookup needs no further string-table probe.
namespace {
napi_status NamedKey(napi_env env, const char* utf8name, v8::Local<v8::String>* key) {
  NAPI_RETURN_IF_FALSE(env, utf8name != nullptr, napi_invalid_arg);
  NAPI_RETURN_IF_FALSE(env,
      v8::String::NewFromUtf8(env->isolate, utf8name, v8::NewStringType::kInternalized).ToLocal(key),
      napi_generic_failure);
  return napi_ok;
}
}  // namespace

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_object(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Object::New(env->isolate));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_array(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Array::New(env->isolate));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_array_with_length(napi_env env, size_t length,
                                                                 napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  // V8 takes an int: larger lengths become an empty array, as in Node.
  int len = length > static_cast<size_t>(INT_MAX) ? 0 : static_cast<int>(length);
  *result = ToNapi(v8::Array::New(env->isolate, len));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_array(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsArray();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_array_length(napi_env env, napi_value value,
                                                         uint32_t* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsArray(), napi_array_expected);
  *result = v.As<v8::Array>()->Length();
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_prototype(napi_env env, napi_value object,
                                                      napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  *result = ToNapi(obj->GetPrototype());
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_all_property_names(
    napi_env env, napi_value object, napi_key_collection_mode key_mode,
    napi_key_filter key_filter, napi_key_conversion key_conversion, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::KeyCollectionMode mode;
  switch (key_mode) {
    case napi_key_include_prototypes: mode = v8::KeyCollectionMode::kIncludePrototypes; break;
    case napi_key_own_only: mode = v8::KeyCollectionMode::kOwnOnly; break;
    default: return SetError(env, napi_invalid_arg);
  }
  v8::KeyConversionMode conversion;
  switch (key_conversion) {
    case napi_key_keep_numbers: conversion = v8::KeyConversionMode::kKeepNumbers; break;
    case napi_key_numbers_to_strings: conversion = v8::KeyConversionMode::kConvertToString; break;
    default: return SetError(env, napi_invalid_arg);
  }
  // napi_key_filter bits are the same as v8::PropertyFilter's.
  int filter = v8::PropertyFilter::ALL_PROPERTIES;
  if (key_filter & napi_key_writable) filter |= v8::PropertyFilter::ONLY_WRITABLE;
  if (key_filter & napi_key_enumerable) filter |= v8::PropertyFilter::ONLY_ENUMERABLE;
  if (key_filter & napi_key_configurable) filter |= v8::PropertyFilter::ONLY_CONFIGURABLE;
  if (key_filter & napi_key_skip_strings) filter |= v8::PropertyFilter::SKIP_STRINGS;
  if (key_filter & napi_key_skip_symbols) filter |= v8::PropertyFilter::SKIP_SYMBOLS;
  v8::Local<v8::Array> names;
  if (!obj->GetPropertyNames(context, mode, static_cast<v8::PropertyFilter>(filter),
                             v8::IndexFilter::kIncludeIndices, conversion)
           .ToLocal(&names)) {
    return FailedCall(env, try_catch, napi_generic_failure);
  }
  *result = ToNapi(names);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_property_names(napi_env env, napi_value object,
                                                           napi_value* result) {
  return napi_get_all_property_names(
      env, object, napi_key_include_prototypes,
      static_cast<napi_key_filter>(napi_key_enumerable | napi_key_skip_symbols),
      napi_key_numbers_to_strings, result);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_set_property(napi_env env, napi_value object,
                                                     napi_value key, napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, value);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  if (obj->Set(context, ToV8(key), ToV8(value)).IsNothing())
    return FailedCall(env, try_catch, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_has_property(napi_env env, napi_value object,
                                                     napi_value key, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, key);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Maybe<bool> has = obj->Has(context, ToV8(key));
  if (has.IsNothing()) return FailedCall(env, try_catch, napi_generic_failure);
  *result = has.FromJust();
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_property(napi_env env, napi_value object,
                                                     napi_value key, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Value> value;
  if (!obj->Get(context, ToV8(key)).ToLocal(&value))
    return FailedCall(env, try_catch, napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_delete_property(napi_env env, napi_value object,
                                                        napi_value key, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Maybe<bool> deleted = obj->Delete(context, ToV8(key));
  if (deleted.IsNothing()) return FailedCall(env, try_catch, napi_generic_failure);
  if (result != nullptr) *result = deleted.FromJust();
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_has_own_property(napi_env env, napi_value object,
                                                         napi_value key, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Value> k = ToV8(key);
  NAPI_RETURN_IF_FALSE(env, k->IsName(), napi_name_expected);
  v8::Maybe<bool> has = obj->HasOwnProperty(context, k.As<v8::Name>());
  if (has.IsNothing()) return FailedCall(env, try_catch, napi_generic_failure);
  *result = has.FromJust();
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_set_named_property(napi_env env, napi_value object,
                                                           const char* utf8name,
                                                           napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::String> key;
  napi_status status = NamedKey(env, utf8name, &key);
  if (status != napi_ok) return status;
  if (obj->Set(context, key, ToV8(value)).IsNothing())
    return FailedCall(env, try_catch, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_has_named_property(napi_env env, napi_value object,
                                                           const char* utf8name, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::String> key;
  napi_status status = NamedKey(env, utf8name, &key);
  if (status != napi_ok) return status;
  v8::Maybe<bool> has = obj->Has(context, key);
  if (has.IsNothing()) return FailedCall(env, try_catch, napi_generic_failure);
  *result = has.FromJust();
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_named_property(napi_env env, napi_value object,
                                                           const char* utf8name,
                                                           napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::String> key;
  napi_status status = NamedKey(env, utf8name, &key);
  if (status != napi_ok) return status;
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Value> value;
  if (!obj->Get(context, key).ToLocal(&value))
    return FailedCall(env, try_catch, napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_set_element(napi_env env, napi_value object,
                                                    uint32_t index, napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  if (obj->Set(context, index, ToV8(value)).IsNothing())
    return FailedCall(env, try_catch, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_has_element(napi_env env, napi_value object,
                                                    uint32_t index, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Maybe<bool> has = obj->Has(context, index);
  if (has.IsNothing()) return FailedCall(env, try_catch, napi_generic_failure);
  *result = has.FromJust();
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_element(napi_env env, napi_value object,
                                                    uint32_t index, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Value> value;
  if (!obj->Get(context, index).ToLocal(&value))
    return FailedCall(env, try_catch, napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_delete_element(napi_env env, napi_value object,
                                                       uint32_t index, bool* result) {
  NAPI_PREAMBLE(env);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  v8::Maybe<bool> deleted = obj->Delete(context, index);
  if (deleted.IsNothing()) return FailedCall(env, try_catch, napi_generic_failure);
  if (result != nullptr) *result = deleted.FromJust();
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_strict_equals(napi_env env, napi_value lhs,
                                                      napi_value rhs, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, lhs);
  NAPI_CHECK_ARG(env, rhs);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(lhs)->StrictEquals(ToV8(rhs));
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_instanceof(napi_env env, napi_value object,
                                                   napi_value constructor, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, object);
  NAPI_CHECK_ARG(env, result);
  *result = false;
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, ctor, constructor);
  if (!ctor->IsFunction()) {
    nodus::napi::ThrowCodedError(env, v8::Exception::TypeError, "ERR_NAPI_CONS_FUNCTION",
                                 "Constructor must be a function");
    return SetError(env, napi_function_expected);
  }
  v8::Maybe<bool> is = ToV8(object)->InstanceOf(context, ctor);
  if (is.IsNothing()) return FailedCall(env, try_catch, napi_generic_failure);
  *result = is.FromJust();
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_object_freeze(napi_env env, napi_value object) {
  NAPI_PREAMBLE(env);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  if (obj->SetIntegrityLevel(context, v8::IntegrityLevel::kFrozen).IsNothing())
    return FailedCall(env, try_catch, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_object_seal(napi_env env, napi_value object) {
  NAPI_PREAMBLE(env);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  if (obj->SetIntegrityLevel(context, v8::IntegrityLevel::kSealed).IsNothing())
    return FailedCall(env, try_catch, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

}  // extern "C"
