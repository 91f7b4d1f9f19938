// Native data attached to JS objects: napi_wrap and friends, externals, extra finalizers, and
// type tags. The wrap lives in a private symbol as an External pointing at its Reference.
#include "napi/references.h"

using nodus::napi::ClearError;
using nodus::napi::Reference;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

namespace {

enum class UnwrapAction { kKeep, kRemove };

napi_status Unwrap(napi_env env, napi_value js_object, void** result, UnwrapAction action) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, js_object);
  if (action == UnwrapAction::kKeep) NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Value> value = ToV8(js_object);
  NAPI_RETURN_IF_FALSE(env, value->IsObject(), napi_invalid_arg);  // as Node
  v8::Local<v8::Object> obj = value.As<v8::Object>();
  v8::Local<v8::Private> key = env->wrapper_key.Get(env->isolate);
  v8::Local<v8::Value> wrapped;
  NAPI_RETURN_IF_FALSE(env, obj->GetPrivate(context, key).ToLocal(&wrapped), napi_generic_failure);
  NAPI_RETURN_IF_FALSE(env, wrapped->IsExternal(), napi_invalid_arg);
  auto* ref = static_cast<Reference*>(wrapped.As<v8::External>()->Value());
  if (result != nullptr) *result = ref->data();
  if (action == UnwrapAction::kRemove) {
    obj->DeletePrivate(context, key).FromMaybe(false);
    if (ref->ownership() == Reference::Ownership::kRuntime) {
      delete ref;
    } else {
      ref->ResetFinalizer();
    }
  }
  NAPI_RETURN_STATUS(env);
}

}  // namespace

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_wrap(napi_env env, napi_value js_object,
                                             void* native_object,
                                             node_api_basic_finalize finalize_cb,
                                             void* finalize_hint, napi_ref* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, js_object);
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Value> value = ToV8(js_object);
  NAPI_RETURN_IF_FALSE(env, value->IsObject(), napi_invalid_arg);  // as Node
  v8::Local<v8::Object> obj = value.As<v8::Object>();
  v8::Local<v8::Private> key = env->wrapper_key.Get(env->isolate);
  // An object can be wrapped once.
  NAPI_RETURN_IF_FALSE(env, !obj->HasPrivate(context, key).FromMaybe(true), napi_invalid_arg);
  auto finalize = reinterpret_cast<napi_finalize>(finalize_cb);
  // The returned reference is the addon's to delete (from the finalizer); otherwise ours.
  Reference* ref = Reference::New(
      env, obj, 0,
      result != nullptr ? Reference::Ownership::kUserland : Reference::Ownership::kRuntime,
      finalize, native_object, finalize_hint);
  if (result != nullptr) *result = reinterpret_cast<napi_ref>(ref);
  obj->SetPrivate(context, key, v8::External::New(env->isolate, ref)).FromMaybe(false);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_unwrap(napi_env env, napi_value js_object,
                                               void** result) {
  return Unwrap(env, js_object, result, UnwrapAction::kKeep);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_remove_wrap(napi_env env, napi_value js_object,
                                                    void** result) {
  return Unwrap(env, js_object, result, UnwrapAction::kRemove);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_external(napi_env env, void* data,
                                                        node_api_basic_finalize finalize_cb,
                                                        void* finalize_hint,
                                                        napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::External> external = v8::External::New(env->isolate, data);
  if (finalize_cb != nullptr) {
    Reference::New(env, external, 0, Reference::Ownership::kRuntime,
                   reinterpret_cast<napi_finalize>(finalize_cb), data, finalize_hint);
  }
  *result = ToNapi(external);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_external(napi_env env, napi_value value,
                                                           void** result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsExternal(), napi_invalid_arg);
  *result = v.As<v8::External>()->Value();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_add_finalizer(napi_env env, napi_value js_object,
                                                      void* finalize_data,
                                                      node_api_basic_finalize finalize_cb,
                                                      void* finalize_hint, napi_ref* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, js_object);
  NAPI_CHECK_ARG(env, finalize_cb);
  v8::Local<v8::Value> value = ToV8(js_object);
  NAPI_RETURN_IF_FALSE(env, value->IsObject(), napi_invalid_arg);  // as Node
  Reference* ref = Reference::New(
      env, value, 0,
      result != nullptr ? Reference::Ownership::kUserland : Reference::Ownership::kRuntime,
      reinterpret_cast<napi_finalize>(finalize_cb), finalize_data, finalize_hint);
  if (result != nullptr) *result = reinterpret_cast<napi_ref>(ref);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_type_tag_object(napi_env env, napi_value value,
                                                        const napi_type_tag* type_tag) {
  NAPI_PREAMBLE(env);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, value);
  NAPI_CHECK_ARG(env, type_tag);
  v8::Local<v8::Private> key = env->type_tag_key.Get(env->isolate);
  // A tag is set once: re-tagging would let one addon impersonate another's objects.
  NAPI_RETURN_IF_FALSE(env, !obj->HasPrivate(context, key).FromMaybe(true), napi_invalid_arg);
  v8::Local<v8::BigInt> tag;
  NAPI_RETURN_IF_FALSE(env,
      v8::BigInt::NewFromWords(context, 0, 2, &type_tag->lower).ToLocal(&tag),
      napi_generic_failure);
  obj->SetPrivate(context, key, tag).FromMaybe(false);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_check_object_type_tag(napi_env env, napi_value value,
                                                              const napi_type_tag* type_tag,
                                                              bool* result) {
  NAPI_PREAMBLE(env);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, value);
  NAPI_CHECK_ARG(env, type_tag);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> tag;
  NAPI_RETURN_IF_FALSE(env,
      obj->GetPrivate(context, env->type_tag_key.Get(env->isolate)).ToLocal(&tag),
      napi_generic_failure);
  *result = false;
  if (tag->IsBigInt()) {
    int sign = 0;
    int count = 2;
    uint64_t words[2] = {0, 0};
    tag.As<v8::BigInt>()->ToWordsArray(&sign, &count, words);
    // A tag whose upper word is 0 is stored with one word.
    if (count == 1) words[1] = 0;
    *result = words[0] == type_tag->lower && words[1] == type_tag->upper;
  }
  NAPI_RETURN_STATUS(env);
}

}  // extern "C"
