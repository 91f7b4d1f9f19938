// The Node-API stand-in of fake_napi.h: only what plugin bindings under fuzz call.
#include "fake_napi.h"

#include <cmath>
#include <cstring>

struct napi_env__ {
  fake_napi::napi_env_state state;
};

struct napi_ref__ {
  fake_napi::Value* value;
};

struct napi_callback_info__ {
  fake_napi::Value* self;
  const std::vector<fake_napi::Value*>* args;
  void* data;
};

namespace fake_napi {

napi_env Env() {
  static napi_env__ env;
  return &env;
}

napi_env_state& State() { return Env()->state; }

Value* New(Kind kind) {
  Value& v = State().arena.emplace_back();
  v.kind = kind;
  return &v;
}

Value* Number(double n) {
  Value* v = New(Kind::kNumber);
  v->number = n;
  return v;
}

Value* Function(int id) {
  Value* v = New(Kind::kFunction);
  v->function_id = id;
  return v;
}

Value* Buffer(const char* data, size_t length) {
  Value* v = New(Kind::kBuffer);
  v->data = data;
  v->length = length;
  return v;
}

Value* Object() { return New(Kind::kObject); }

Value* Invoke(napi_callback cb, Value* self, const std::vector<Value*>& args) {
  napi_callback_info__ info{self, &args, nullptr};
  return FromNapi(cb(Env(), &info));
}

void Keep() { State().kept = State().arena.size(); }

void Reset() {
  auto& arena = State().arena;
  for (size_t i = State().kept; i < arena.size(); i++) {
    if (arena[i].wrap_finalize != nullptr) arena[i].wrap_finalize(Env(), arena[i].wrapped, nullptr);
    arena[i].wrap_finalize = nullptr;
  }
  arena.resize(State().kept);
  State().exception_pending = false;
}

}  // namespace fake_napi

using fake_napi::FromNapi;
using fake_napi::Kind;
using fake_napi::ToNapi;
using fake_napi::Value;

namespace {

napi_status Put(Value* v, napi_value* result) {
  if (result == nullptr) return napi_invalid_arg;
  *result = ToNapi(v);
  return napi_ok;
}

Value* String(const char* s, size_t length) {
  Value* v = fake_napi::New(Kind::kString);
  v->bytes.assign(s, length == NAPI_AUTO_LENGTH ? std::strlen(s) : length);
  return v;
}

}  // namespace

extern "C" {

napi_status napi_get_undefined(napi_env, napi_value* result) {
  return Put(fake_napi::New(Kind::kUndefined), result);
}

napi_status napi_create_int32(napi_env, int32_t value, napi_value* result) {
  return Put(fake_napi::Number(value), result);
}

napi_status napi_create_uint32(napi_env, uint32_t value, napi_value* result) {
  return Put(fake_napi::Number(value), result);
}

napi_status napi_create_string_latin1(napi_env, const char* str, size_t length,
                                      napi_value* result) {
  return Put(String(str, length), result);
}

napi_status napi_create_string_utf8(napi_env, const char* str, size_t length,
                                    napi_value* result) {
  return Put(String(str, length), result);
}

napi_status napi_get_cb_info(napi_env, napi_callback_info info, size_t* argc, napi_value* argv,
                             napi_value* this_arg, void** data) {
  const std::vector<Value*>& args = *info->args;
  if (argv != nullptr) {
    for (size_t i = 0; i < *argc; i++)
      argv[i] = ToNapi(i < args.size() ? args[i] : fake_napi::New(Kind::kUndefined));
  }
  if (argc != nullptr) *argc = args.size();
  if (this_arg != nullptr) *this_arg = ToNapi(info->self);
  if (data != nullptr) *data = info->data;
  return napi_ok;
}

napi_status napi_wrap(napi_env, napi_value object, void* native, napi_finalize finalize, void*,
                      napi_ref* result) {
  Value* v = FromNapi(object);
  if (v->kind != Kind::kObject || v->wrapped != nullptr || result != nullptr)
    return napi_invalid_arg;
  v->wrapped = native;
  v->wrap_finalize = finalize;
  return napi_ok;
}

napi_status napi_unwrap(napi_env, napi_value object, void** result) {
  Value* v = FromNapi(object);
  if (v->kind != Kind::kObject || v->wrapped == nullptr) return napi_invalid_arg;
  *result = v->wrapped;
  return napi_ok;
}

napi_status napi_throw_type_error(napi_env env, const char* code, const char* msg) {
  env->state.exception_pending = true;
  env->state.last_thrown = std::string(code ? code : "") + ": " + msg;
  return napi_ok;
}

napi_status napi_get_instance_data(napi_env env, void** data) {
  *data = env->state.instance_data;
  return napi_ok;
}

napi_status napi_create_reference(napi_env, napi_value value, uint32_t, napi_ref* result) {
  *result = new napi_ref__{FromNapi(value)};
  return napi_ok;
}

napi_status napi_delete_reference(napi_env, napi_ref ref) {
  delete ref;
  return napi_ok;
}

napi_status napi_get_reference_value(napi_env, napi_ref ref, napi_value* result) {
  return Put(ref->value, result);
}

napi_status napi_call_function(napi_env env, napi_value recv, napi_value func, size_t argc,
                               const napi_value* argv, napi_value* result) {
  Value* fn = FromNapi(func);
  if (fn->kind != Kind::kFunction || !env->state.on_call) return napi_function_expected;
  std::vector<Value*> args;
  for (size_t i = 0; i < argc; i++) args.push_back(FromNapi(argv[i]));
  Value* ret = env->state.on_call(fn->function_id, FromNapi(recv), args);
  if (env->state.exception_pending) return napi_pending_exception;
  return Put(ret != nullptr ? ret : fake_napi::New(Kind::kUndefined), result);
}

napi_status napi_typeof(napi_env, napi_value value, napi_valuetype* result) {
  switch (FromNapi(value)->kind) {
    case Kind::kUndefined: *result = napi_undefined; break;
    case Kind::kNumber: *result = napi_number; break;
    case Kind::kString: *result = napi_string; break;
    case Kind::kFunction: *result = napi_function; break;
    default: *result = napi_object; break;
  }
  return napi_ok;
}

napi_status napi_get_value_int32(napi_env, napi_value value, int32_t* result) {
  Value* v = FromNapi(value);
  if (v->kind != Kind::kNumber) return napi_number_expected;
  // JS ToInt32 for the finite values the harness passes.
  *result = std::isfinite(v->number) ? static_cast<int32_t>(static_cast<int64_t>(v->number)) : 0;
  return napi_ok;
}

napi_status napi_get_value_uint32(napi_env, napi_value value, uint32_t* result) {
  Value* v = FromNapi(value);
  if (v->kind != Kind::kNumber) return napi_number_expected;
  *result = std::isfinite(v->number) ? static_cast<uint32_t>(static_cast<int64_t>(v->number)) : 0;
  return napi_ok;
}

napi_status napi_create_error(napi_env, napi_value code, napi_value msg, napi_value* result) {
  Value* e = fake_napi::Object();
  e->props["code"] = FromNapi(code);
  e->props["message"] = FromNapi(msg);
  return Put(e, result);
}

napi_status napi_set_named_property(napi_env, napi_value object, const char* name,
                                    napi_value value) {
  FromNapi(object)->props[name] = FromNapi(value);
  return napi_ok;
}

napi_status napi_create_buffer_copy(napi_env, size_t length, const void* data, void** result_data,
                                    napi_value* result) {
  Value* v = fake_napi::New(Kind::kBuffer);
  v->bytes.assign(static_cast<const char*>(data), length);
  v->data = v->bytes.data();
  v->length = length;
  if (result_data != nullptr) *result_data = v->bytes.data();
  return Put(v, result);
}

napi_status napi_get_buffer_info(napi_env, napi_value value, void** data, size_t* length) {
  Value* v = FromNapi(value);
  if (v->kind != Kind::kBuffer) return napi_invalid_arg;
  if (data != nullptr) *data = const_cast<char*>(v->data);
  if (length != nullptr) *length = v->length;
  return napi_ok;
}

napi_status napi_create_array_with_length(napi_env, size_t length, napi_value* result) {
  Value* v = fake_napi::New(Kind::kArray);
  v->elements.assign(length, nullptr);
  return Put(v, result);
}

napi_status napi_set_element(napi_env, napi_value object, uint32_t index, napi_value value) {
  Value* v = FromNapi(object);
  if (v->kind != Kind::kArray) return napi_array_expected;
  if (index >= v->elements.size()) v->elements.resize(index + 1, nullptr);
  v->elements[index] = FromNapi(value);
  return napi_ok;
}

napi_status napi_define_class(napi_env, const char*, size_t, napi_callback constructor, void*,
                              size_t count, const napi_property_descriptor* properties,
                              napi_value* result) {
  Value* ctor = fake_napi::New(Kind::kFunction);
  ctor->callback = constructor;
  for (size_t i = 0; i < count; i++) {
    Value* method = fake_napi::New(Kind::kFunction);
    method->callback = properties[i].method;
    ctor->props[properties[i].utf8name] = method;
  }
  return Put(ctor, result);
}

}  // extern "C"
