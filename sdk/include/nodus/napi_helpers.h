// nodus/napi_helpers.h — small C++17 helpers over Node-API for plugin and addon bindings.
//
// Header-only and built on Node-API alone (no V8, no kernel symbols), so using it adds nothing to
// a binding's ABI: every function is inline and compiles into the plugin that includes it. The
// helpers never throw C++ exceptions; a failed Node-API call yields the documented fallback.
#ifndef NODUS_NAPI_HELPERS_H_
#define NODUS_NAPI_HELPERS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "node_api.h"

namespace nodus::napi {

// ---- making values ---------------------------------------------------------------------------

inline napi_value Undefined(napi_env env) {
  napi_value v = nullptr;
  napi_get_undefined(env, &v);
  return v;
}

inline napi_value Bool(napi_env env, bool value) {
  napi_value v = nullptr;
  napi_get_boolean(env, value, &v);
  return v;
}

// An int32 when it fits (the cheaper representation for V8), otherwise a double-backed int64.
inline napi_value Int(napi_env env, int64_t value) {
  napi_value v = nullptr;
  if (value >= INT32_MIN && value <= INT32_MAX)
    napi_create_int32(env, static_cast<int32_t>(value), &v);
  else
    napi_create_int64(env, value, &v);
  return v;
}

inline napi_value Null(napi_env env) {
  napi_value v = nullptr;
  napi_get_null(env, &v);
  return v;
}

// A new Buffer holding a copy of data[0..size) (size 0 gives an empty Buffer).
inline napi_value CopyBuffer(napi_env env, const void* data, size_t size) {
  napi_value v = nullptr;
  void* copy = nullptr;
  napi_create_buffer_copy(env, size, size ? data : "", &copy, &v);
  return v;
}

// A UTF-8 C string; nullptr gives "".
inline napi_value Str(napi_env env, const char* s) {
  napi_value v = nullptr;
  napi_create_string_utf8(env, s ? s : "", NAPI_AUTO_LENGTH, &v);
  return v;
}

// ---- reading values --------------------------------------------------------------------------

inline bool IsNullish(napi_env env, napi_value value) {
  napi_valuetype type;
  if (value == nullptr || napi_typeof(env, value, &type) != napi_ok) return true;
  return type == napi_undefined || type == napi_null;
}

inline bool IsFunction(napi_env env, napi_value value) {
  napi_valuetype type;
  return value != nullptr && napi_typeof(env, value, &type) == napi_ok && type == napi_function;
}

// JS truthiness (`!!value`); a missing argument is false.
inline bool GetBool(napi_env env, napi_value value) {
  bool result = false;
  napi_value coerced;
  if (value != nullptr && napi_coerce_to_bool(env, value, &coerced) == napi_ok)
    napi_get_value_bool(env, coerced, &result);
  return result;
}

// A number as int32 (ToInt32 wrapping as Node-API does); `fallback` when it is not a number.
inline int32_t GetInt32(napi_env env, napi_value value, int32_t fallback = 0) {
  int32_t out = fallback;
  if (value == nullptr || napi_get_value_int32(env, value, &out) != napi_ok) return fallback;
  return out;
}

inline double GetDouble(napi_env env, napi_value value, double fallback = 0) {
  double out = fallback;
  if (value == nullptr || napi_get_value_double(env, value, &out) != napi_ok) return fallback;
  return out;
}

// A JS string as UTF-8; false (and `out` untouched) when `value` is not a string.
inline bool GetString(napi_env env, napi_value value, std::string* out) {
  size_t len = 0;
  if (value == nullptr || napi_get_value_string_utf8(env, value, nullptr, 0, &len) != napi_ok) return false;
  out->resize(len + 1);
  napi_get_value_string_utf8(env, value, out->data(), len + 1, &len);
  out->resize(len);
  return true;
}

// A JS string into a fixed buffer; false when it is not a string or does not fit whole.
inline bool GetString(napi_env env, napi_value value, char* buf, size_t size) {
  size_t len = 0;
  if (value == nullptr || size == 0 || napi_get_value_string_utf8(env, value, buf, size, &len) != napi_ok)
    return false;
  return len < size - 1;
}

// obj[name], or undefined when `obj` is not an object or the read fails.
inline napi_value Prop(napi_env env, napi_value obj, const char* name) {
  napi_valuetype type;
  if (obj == nullptr || napi_typeof(env, obj, &type) != napi_ok || (type != napi_object && type != napi_function))
    return Undefined(env);
  napi_value v = nullptr;
  if (napi_get_named_property(env, obj, name, &v) != napi_ok) return Undefined(env);
  return v;
}

// ---- building objects ------------------------------------------------------------------------

inline void SetProp(napi_env env, napi_value obj, const char* name, napi_value value) {
  napi_set_named_property(env, obj, name, value);
}

inline void SetMethod(napi_env env, napi_value obj, const char* name, napi_callback fn) {
  napi_value f;
  if (napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, nullptr, &f) == napi_ok)
    napi_set_named_property(env, obj, name, f);
}

// A property descriptor for napi_define_class / napi_define_properties: a method, or (with
// `getter`) an accessor.
inline napi_property_descriptor Method(const char* name, napi_callback fn) {
  return {name, nullptr, fn, nullptr, nullptr, nullptr, napi_default, nullptr};
}
inline napi_property_descriptor Getter(const char* name, napi_callback getter) {
  return {name, nullptr, nullptr, getter, nullptr, nullptr, napi_default, nullptr};
}

// ---- per-environment state -------------------------------------------------------------------

// The object set with napi_set_instance_data (a binding keeps its state there, not in globals).
template <typename T>
T* InstanceData(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return static_cast<T*>(data);
}

// ---- calling into JS from the event loop -----------------------------------------------------

// After a failed call: a pending JS exception goes to 'uncaughtException' (napi_fatal_exception),
// as Node does for callbacks entered from the loop.
inline void ReportPendingException(napi_env env) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) return;
  napi_value error;
  napi_get_and_clear_last_exception(env, &error);
  napi_fatal_exception(env, error);
}

// Calls fn with `recv` as this through napi_make_callback, so the nextTick and microtask queues
// drain when the outermost callback returns. Does nothing when `fn` is not a function. The caller
// holds a handle scope.
inline void MakeCallback(napi_env env, napi_async_context context, napi_value recv, napi_value fn,
                         size_t argc, const napi_value* argv) {
  if (!IsFunction(env, fn)) return;
  if (napi_make_callback(env, context, recv, fn, argc, argv, nullptr) != napi_ok) ReportPendingException(env);
}

// recv[name](...argv), as MakeCallback; a throwing getter is reported like a throwing call.
inline void CallMethod(napi_env env, napi_async_context context, napi_value recv, const char* name,
                       size_t argc, const napi_value* argv) {
  napi_value fn;
  if (napi_get_named_property(env, recv, name, &fn) != napi_ok) return ReportPendingException(env);
  MakeCallback(env, context, recv, fn, argc, argv);
}

// The function a reference holds, called as MakeCallback.
inline void CallRef(napi_env env, napi_async_context context, napi_value recv, napi_ref fn_ref,
                    size_t argc, const napi_value* argv) {
  napi_value fn = nullptr;
  if (fn_ref == nullptr || napi_get_reference_value(env, fn_ref, &fn) != napi_ok) return;
  MakeCallback(env, context, recv, fn, argc, argv);
}

// The value a reference holds, with the reference deleted: how a completion takes back the JS
// request object it kept alive while the operation was in flight.
inline napi_value TakeRef(napi_env env, napi_ref* ref) {
  napi_value v = nullptr;
  if (*ref == nullptr) return Undefined(env);
  napi_get_reference_value(env, *ref, &v);
  napi_delete_reference(env, *ref);
  *ref = nullptr;
  return v;
}

// A scope for a libuv callback that creates JS values (RAII over napi_open/close_handle_scope).
class HandleScope {
 public:
  explicit HandleScope(napi_env env) : env_(env) { napi_open_handle_scope(env_, &scope_); }
  ~HandleScope() { napi_close_handle_scope(env_, scope_); }
  HandleScope(const HandleScope&) = delete;
  HandleScope& operator=(const HandleScope&) = delete;

 private:
  napi_env env_;
  napi_handle_scope scope_ = nullptr;
};

// ---- errors ----------------------------------------------------------------------------------

// Throws a TypeError with Node's ERR_INVALID_THIS code: a method called on the wrong receiver.
inline void ThrowInvalidThis(napi_env env) { napi_throw_type_error(env, "ERR_INVALID_THIS", "Illegal invocation"); }

// `this` of a method call unwrapped to T (set with napi_wrap), with up to *argc arguments read
// into argv (argc may be null). Throws ERR_INVALID_THIS and returns nullptr when `this` wraps
// nothing.
template <typename T>
T* UnwrapThis(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv, napi_value* self = nullptr) {
  napi_value jsthis;
  size_t zero = 0;
  if (napi_get_cb_info(env, info, argc ? argc : &zero, argv, &jsthis, nullptr) != napi_ok) return nullptr;
  void* data = nullptr;
  if (napi_unwrap(env, jsthis, &data) != napi_ok || data == nullptr) {
    ThrowInvalidThis(env);
    return nullptr;
  }
  if (self) *self = jsthis;
  return static_cast<T*>(data);
}

}  // namespace nodus::napi

#endif  // NODUS_NAPI_HELPERS_H_
