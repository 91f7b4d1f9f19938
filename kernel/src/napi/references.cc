// napi_ref: counted references that turn weak at zero, and the finalizers they carry.
#include "napi/references.h"

namespace nodus::napi {

Reference::Reference(napi_env env, v8::Local<v8::Value> value, uint32_t count,
                     Ownership ownership, napi_finalize cb, void* data, void* hint)
    : env_(env),
      value_(env->isolate, value),
      count_(count),
      can_be_weak_(value->IsObject()),
      ownership_(ownership),
      finalize_cb_(cb),
      data_(data),
      hint_(hint) {
  Link(cb != nullptr ? &env->finalizing_refs : &env->plain_refs);
  if (count_ == 0) SetWeak();
}

Reference* Reference::New(napi_env env, v8::Local<v8::Value> value, uint32_t initial_count,
                          Ownership ownership, napi_finalize finalize_cb, void* data,
                          void* hint) {
  return new Reference(env, value, initial_count, ownership, finalize_cb, data, hint);
}

Reference::~Reference() {
  Unlink();
  env_->pending_refs.erase(this);
  value_.Reset();
}

void Reference::Link(Reference** list) {
  list_ = list;
  prev_ = nullptr;
  next_ = *list;
  if (next_ != nullptr) next_->prev_ = this;
  *list = this;
}

void Reference::Unlink() {
  if (list_ == nullptr) return;
  if (prev_ != nullptr) prev_->next_ = next_; else *list_ = next_;
  if (next_ != nullptr) next_->prev_ = prev_;
  list_ = nullptr;
  prev_ = next_ = nullptr;
}

void Reference::SetWeak() {
  if (value_.IsEmpty()) return;
  if (can_be_weak_) {
    value_.SetWeak(this, WeakCallback, v8::WeakCallbackType::kParameter);
  } else if (!value_.Get(env_->isolate)->IsSymbol()) {
    // Primitives cannot be held weakly: at zero they are released (Node-API 10 semantics).
    // Symbols stay reachable (a weak symbol that is never collected behaves the same).
    value_.Reset();
  }
}

uint32_t Reference::Ref() {
  if (value_.IsEmpty()) return 0;
  if (++count_ == 1 && can_be_weak_) value_.ClearWeak();
  return count_;
}

uint32_t Reference::Unref() {
  if (value_.IsEmpty() || count_ == 0) return 0;
  if (--count_ == 0) SetWeak();
  return count_;
}

v8::Local<v8::Value> Reference::Get() const {
  if (value_.IsEmpty()) return {};
  return value_.Get(env_->isolate);
}

void Reference::ResetFinalizer() {
  finalize_cb_ = nullptr;
  data_ = nullptr;
  hint_ = nullptr;
  if (list_ == &env_->finalizing_refs) {
    Unlink();
    Link(&env_->plain_refs);
  }
}

void Reference::WeakCallback(const v8::WeakCallbackInfo<Reference>& info) {
  Reference* ref = info.GetParameter();
  ref->value_.Reset();
  napi_env env = ref->env_;
  if (ref->finalize_cb_ == nullptr) {
    if (ref->ownership_ == Ownership::kRuntime) delete ref;
    return;
  }
  if (env->PureFinalizers()) {
    // Experimental addons opted into finalizers that run inside GC and touch no JS.
    env->in_gc_finalizer = true;
    ref->Finalize();
    env->in_gc_finalizer = false;
    return;
  }
  env->EnqueueRef(ref);
}

void Reference::Finalize() {
  napi_finalize cb = finalize_cb_;
  void* data = data_;
  void* hint = hint_;
  napi_env env = env_;
  finalize_cb_ = nullptr;
  value_.Reset();
  env->pending_refs.erase(this);
  // Update bookkeeping before the callback: it may delete this reference (userland ownership).
  if (ownership_ == Ownership::kRuntime) {
    delete this;
  } else {
    Unlink();
    Link(&env->plain_refs);
  }
  if (cb == nullptr) return;
  if (env->in_gc_finalizer) {
    cb(env, data, hint);
  } else {
    env->CallFinalizer(cb, data, hint);
  }
}

}  // namespace nodus::napi

using nodus::napi::Reference;
using nodus::napi::SetError;
using nodus::napi::ClearError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_reference(napi_env env, napi_value value,
                                                         uint32_t initial_refcount,
                                                         napi_ref* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  if (env->module_api_version < 10) {
    NAPI_RETURN_IF_FALSE(env, v->IsObject() || v->IsSymbol(), napi_invalid_arg);
  }
  *result = reinterpret_cast<napi_ref>(
      Reference::New(env, v, initial_refcount, Reference::Ownership::kUserland));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_delete_reference(napi_env env, napi_ref ref) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, ref);
  delete reinterpret_cast<Reference*>(ref);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_reference_ref(napi_env env, napi_ref ref,
                                                      uint32_t* result) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, ref);
  // A collected value reports a count of 0, as in Node.
  uint32_t count = reinterpret_cast<Reference*>(ref)->Ref();
  if (result != nullptr) *result = count;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_reference_unref(napi_env env, napi_ref ref,
                                                        uint32_t* result) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, ref);
  auto* reference = reinterpret_cast<Reference*>(ref);
  NAPI_RETURN_IF_FALSE(env, reference->count() != 0, napi_generic_failure);
  uint32_t count = reference->Unref();
  if (result != nullptr) *result = count;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_reference_value(napi_env env, napi_ref ref,
                                                            napi_value* result) {
  NAPI_CHECK_ENV_BASIC(env);
  if (env->in_gc_finalizer) nodus::napi::NotInGc();
  NAPI_CHECK_ARG(env, ref);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> value = reinterpret_cast<Reference*>(ref)->Get();
  *result = value.IsEmpty() ? nullptr : ToNapi(value);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_post_finalizer(node_api_basic_env env,
                                                           napi_finalize finalize_cb,
                                                           void* finalize_data,
                                                           void* finalize_hint) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, finalize_cb);
  env->EnqueueFinalizer({finalize_cb, finalize_data, finalize_hint});
  return ClearError(env);
}

}  // extern "C"
