// napi_ref and the finalizers tied to a JS value's lifetime (wrap, externals, add_finalizer,
// external ArrayBuffers). One class serves them all: a counted handle that turns weak at zero and
// may carry a finalizer. The environment tracks every Reference so teardown can finalize them.
#pragma once

#include <v8.h>

#include "napi/napi_env.h"

namespace nodus::napi {

class Reference {
 public:
  // Who deletes the Reference: the addon (napi_delete_reference) or the runtime (after finalize).
  enum class Ownership { kRuntime, kUserland };

  static Reference* New(napi_env env, v8::Local<v8::Value> value, uint32_t initial_count,
                        Ownership ownership, napi_finalize finalize_cb = nullptr,
                        void* data = nullptr, void* hint = nullptr);
  ~Reference();

  uint32_t Ref();    // 0 when the value is gone
  uint32_t Unref();  // 0 when it was already 0 or the value is gone
  uint32_t count() const { return count_; }
  v8::Local<v8::Value> Get() const;  // empty when collected
  void* data() const { return data_; }

  // Forgets the finalizer (napi_remove_wrap): the native data is the caller's again.
  void ResetFinalizer();
  // Runs the finalizer now (GC-deferred or teardown). May delete this.
  void Finalize();
  Ownership ownership() const { return ownership_; }

 private:
  Reference(napi_env env, v8::Local<v8::Value> value, uint32_t count, Ownership ownership,
            napi_finalize cb, void* data, void* hint);
  void SetWeak();
  static void WeakCallback(const v8::WeakCallbackInfo<Reference>& info);
  void Link(Reference** list);
  void Unlink();

  napi_env env_;
  v8::Global<v8::Value> value_;
  uint32_t count_;
  bool can_be_weak_;
  Ownership ownership_;
  napi_finalize finalize_cb_;
  void* data_;
  void* hint_;
  Reference** list_ = nullptr;
  Reference* prev_ = nullptr;
  Reference* next_ = nullptr;
  friend struct ::napi_env__;
};

}  // namespace nodus::napi
