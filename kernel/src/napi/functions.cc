// Native functions and classes: the V8 callback that enters the addon, napi_create_function,
// napi_define_class, napi_define_properties, napi_get_cb_info, calls and construction.
#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::FailedCall;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

struct napi_callback_info__ {
  const v8::FunctionCallbackInfo<v8::Value>& info;
  void* data;
};

namespace nodus::napi {

// What a V8 function needs to reach the addon. Its lifetime follows the v8::External that carries
// it: templates and functions hold the External, and its weak callback frees the bundle. V8 runs
// no weak callback when the isolate goes away, so every live bundle is also on its runtime's
// list (two pointer stores per function made), and the list frees the rest once the runtime's
// cleanup hooks are over and no JS can call them any more.
struct CallbackBundle {
  napi_env env;
  napi_callback cb;
  void* data;
  v8::Global<v8::External> handle;
  CallbackBundle* prev = nullptr;
  CallbackBundle* next = nullptr;

  static void Free(const v8::WeakCallbackInfo<CallbackBundle>& info) {
    CallbackBundle* bundle = info.GetParameter();
    bundle->env->bundles->Unlink(bundle);
    delete bundle;
  }
};

void BundleList::Link(CallbackBundle* bundle) {
  bundle->next = head_;
  if (head_ != nullptr) head_->prev = bundle;
  head_ = bundle;
}

void BundleList::Unlink(CallbackBundle* bundle) {
  if (bundle->prev != nullptr) bundle->prev->next = bundle->next;
  else head_ = bundle->next;
  if (bundle->next != nullptr) bundle->next->prev = bundle->prev;
}

BundleList::~BundleList() {
  while (head_ != nullptr) {
    CallbackBundle* bundle = head_;
    head_ = bundle->next;
    delete bundle;  // its Global is reset by the destructor, while the isolate still exists
  }
}

namespace {

v8::Local<v8::External> NewBundle(napi_env env, napi_callback cb, void* data) {
  auto* bundle = new CallbackBundle{env, cb, data, {}};
  v8::Local<v8::External> external = v8::External::New(env->isolate, bundle);
  bundle->handle.Reset(env->isolate, external);
  bundle->handle.SetWeak(bundle, CallbackBundle::Free, v8::WeakCallbackType::kParameter);
  env->bundles->Link(bundle);
  return external;
}

void Invoke(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* bundle = static_cast<CallbackBundle*>(info.Data().As<v8::External>()->Value());
  napi_callback_info__ cbinfo{info, bundle->data};
  napi_value result = nullptr;
  bundle->env->CallIntoModule([&](napi_env env) { result = bundle->cb(env, &cbinfo); });
  if (result != nullptr) info.GetReturnValue().Set(ToV8(result));
}

v8::Local<v8::FunctionTemplate> NewTemplate(napi_env env, napi_callback cb, void* data,
                                            v8::Local<v8::Signature> signature = {}) {
  return v8::FunctionTemplate::New(env->isolate, Invoke, NewBundle(env, cb, data), signature);
}

napi_status NewFunction(napi_env env, const char* utf8name, size_t length, napi_callback cb,
                        void* data, v8::Local<v8::Function>* result) {
  v8::Local<v8::Context> context = env->context();
  if (!v8::Function::New(context, Invoke, NewBundle(env, cb, data)).ToLocal(result))
    return SetError(env, napi_generic_failure);
  if (utf8name != nullptr) {
    v8::Local<v8::String> name;
    napi_status status = NewUtf8String(env, utf8name, length, &name);
    if (status != napi_ok) return status;
    (*result)->SetName(name);
  }
  return napi_ok;
}

napi_status PropertyName(napi_env env, const napi_property_descriptor& p,
                         v8::Local<v8::Name>* result) {
  if (p.utf8name != nullptr) {
    v8::Local<v8::String> name;
    napi_status status = NewUtf8String(env, p.utf8name, NAPI_AUTO_LENGTH, &name);
    if (status != napi_ok) return status;
    *result = name;
    return napi_ok;
  }
  NAPI_RETURN_IF_FALSE(env, p.name != nullptr, napi_name_expected);
  v8::Local<v8::Value> name = ToV8(p.name);
  NAPI_RETURN_IF_FALSE(env, name->IsName(), napi_name_expected);
  *result = name.As<v8::Name>();
  return napi_ok;
}

v8::PropertyAttribute Attributes(const napi_property_descriptor& p) {
  unsigned attrs = v8::None;
  // Writability means nothing for accessors.
  if (p.getter == nullptr && p.setter == nullptr && (p.attributes & napi_writable) == 0)
    attrs |= v8::ReadOnly;
  if ((p.attributes & napi_enumerable) == 0) attrs |= v8::DontEnum;
  if ((p.attributes & napi_configurable) == 0) attrs |= v8::DontDelete;
  return static_cast<v8::PropertyAttribute>(attrs);
}

}  // namespace
}  // namespace nodus::napi

using namespace nodus::napi;

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_function(napi_env env, const char* utf8name,
                                                        size_t length, napi_callback cb,
                                                        void* data, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, cb);
  v8::Local<v8::Function> fn;
  napi_status status = NewFunction(env, utf8name, length, cb, data, &fn);
  if (status != napi_ok) return status;
  *result = ToNapi(fn);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_cb_info(napi_env env, napi_callback_info cbinfo,
                                                    size_t* argc, napi_value* argv,
                                                    napi_value* this_arg, void** data) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, cbinfo);
  const v8::FunctionCallbackInfo<v8::Value>& info = cbinfo->info;
  if (argv != nullptr) {
    NAPI_CHECK_ARG(env, argc);
    size_t wanted = *argc;
    size_t have = static_cast<size_t>(info.Length());
    size_t i = 0;
    for (; i < wanted && i < have; ++i) argv[i] = ToNapi(info[static_cast<int>(i)]);
    if (i < wanted) {
      napi_value undefined = ToNapi(v8::Undefined(env->isolate));
      for (; i < wanted; ++i) argv[i] = undefined;
    }
  }
  if (argc != nullptr) *argc = static_cast<size_t>(info.Length());
  if (this_arg != nullptr) *this_arg = ToNapi(info.This());
  if (data != nullptr) *data = cbinfo->data;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_new_target(napi_env env, napi_callback_info cbinfo,
                                                       napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, cbinfo);
  NAPI_CHECK_ARG(env, result);
  const v8::FunctionCallbackInfo<v8::Value>& info = cbinfo->info;
  *result = info.IsConstructCall() ? ToNapi(info.NewTarget()) : nullptr;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_define_properties(
    napi_env env, napi_value object, size_t property_count,
    const napi_property_descriptor* properties) {
  NAPI_PREAMBLE(env);
  if (property_count > 0) NAPI_CHECK_ARG(env, properties);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, obj, object);
  for (size_t i = 0; i < property_count; ++i) {
    const napi_property_descriptor& p = properties[i];
    v8::Local<v8::Name> name;
    napi_status status = PropertyName(env, p, &name);
    if (status != napi_ok) return status;
    bool enumerable = (p.attributes & napi_enumerable) != 0;
    bool configurable = (p.attributes & napi_configurable) != 0;
    if (p.getter != nullptr || p.setter != nullptr) {
      v8::Local<v8::Function> getter, setter;
      if (p.getter != nullptr) {
        status = NewFunction(env, nullptr, 0, p.getter, p.data, &getter);
        if (status != napi_ok) return status;
      }
      if (p.setter != nullptr) {
        status = NewFunction(env, nullptr, 0, p.setter, p.data, &setter);
        if (status != napi_ok) return status;
      }
      v8::PropertyDescriptor descriptor(getter, setter);
      descriptor.set_enumerable(enumerable);
      descriptor.set_configurable(configurable);
      if (!obj->DefineProperty(context, name, descriptor).FromMaybe(false))
        return FailedCall(env, try_catch, napi_invalid_arg);
    } else {
      v8::Local<v8::Value> value;
      if (p.method != nullptr) {
        v8::Local<v8::Function> fn;
        status = NewFunction(env, nullptr, 0, p.method, p.data, &fn);
        if (status != napi_ok) return status;
        value = fn;
      } else {
        NAPI_RETURN_IF_FALSE(env, p.value != nullptr, napi_invalid_arg);
        value = ToV8(p.value);
      }
      v8::PropertyDescriptor descriptor(value, (p.attributes & napi_writable) != 0);
      descriptor.set_enumerable(enumerable);
      descriptor.set_configurable(configurable);
      if (!obj->DefineProperty(context, name, descriptor).FromMaybe(false))
        return FailedCall(env, try_catch, napi_invalid_arg);
    }
  }
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_define_class(
    napi_env env, const char* utf8name, size_t length, napi_callback constructor, void* data,
    size_t property_count, const napi_property_descriptor* properties, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, constructor);
  if (property_count > 0) NAPI_CHECK_ARG(env, properties);
  v8::Isolate* isolate = env->isolate;
  v8::Local<v8::Context> context = env->context();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::FunctionTemplate> tpl = NewTemplate(env, constructor, data);
  v8::Local<v8::String> name;
  napi_status status = NewUtf8String(env, utf8name, length, &name);
  if (status != napi_ok) return status;
  tpl->SetClassName(name);

  // Methods and accessors go on the prototype template. Data properties whose value is an
  // object cannot live in a template: they are defined on the prototype afterwards.
  std::vector<napi_property_descriptor> statics;
  std::vector<std::pair<v8::Local<v8::Name>, const napi_property_descriptor*>> late_values;
  for (size_t i = 0; i < property_count; ++i) {
    const napi_property_descriptor& p = properties[i];
    if ((p.attributes & napi_static) != 0) {
      statics.push_back(p);
      continue;
    }
    v8::Local<v8::Name> prop_name;
    status = PropertyName(env, p, &prop_name);
    if (status != napi_ok) return status;
    v8::PropertyAttribute attrs = Attributes(p);
    if (p.getter != nullptr || p.setter != nullptr) {
      v8::Local<v8::FunctionTemplate> getter, setter;
      if (p.getter != nullptr) getter = NewTemplate(env, p.getter, p.data);
      if (p.setter != nullptr) setter = NewTemplate(env, p.setter, p.data);
      tpl->PrototypeTemplate()->SetAccessorProperty(prop_name, getter, setter, attrs);
    } else if (p.method != nullptr) {
      // Prototype methods check their receiver, as Node's do.
      v8::Local<v8::FunctionTemplate> method =
          NewTemplate(env, p.method, p.data, v8::Signature::New(isolate, tpl));
      tpl->PrototypeTemplate()->Set(prop_name, method, attrs);
    } else {
      NAPI_RETURN_IF_FALSE(env, p.value != nullptr, napi_invalid_arg);
      late_values.emplace_back(prop_name, &p);
    }
  }

  v8::Local<v8::Function> ctor;
  if (!tpl->GetFunction(context).ToLocal(&ctor))
    return FailedCall(env, try_catch, napi_generic_failure);

  if (!late_values.empty()) {
    v8::Local<v8::Value> proto;
    if (!ctor->Get(context, Utf8(isolate, "prototype")).ToLocal(&proto) || !proto->IsObject())
      return FailedCall(env, try_catch, napi_generic_failure);
    for (auto& [prop_name, p] : late_values) {
      v8::PropertyDescriptor descriptor(ToV8(p->value), (p->attributes & napi_writable) != 0);
      descriptor.set_enumerable((p->attributes & napi_enumerable) != 0);
      descriptor.set_configurable((p->attributes & napi_configurable) != 0);
      if (!proto.As<v8::Object>()->DefineProperty(context, prop_name, descriptor).FromMaybe(false))
        return FailedCall(env, try_catch, napi_generic_failure);
    }
  }

  *result = ToNapi(scope.Escape(ctor));
  if (!statics.empty()) {
    status = napi_define_properties(env, *result, statics.size(), statics.data());
    if (status != napi_ok) return status;
  }
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_call_function(napi_env env, napi_value recv,
                                                      napi_value func, size_t argc,
                                                      const napi_value* argv,
                                                      napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, recv);
  if (argc > 0) NAPI_CHECK_ARG(env, argv);
  NAPI_TO_FUNCTION(env, fn, func);
  v8::Local<v8::Value> ret;
  if (!fn->Call(env->context(), ToV8(recv), static_cast<int>(argc),
                reinterpret_cast<v8::Local<v8::Value>*>(const_cast<napi_value*>(argv)))
           .ToLocal(&ret)) {
    return FailedCall(env, try_catch, napi_generic_failure);
  }
  if (result != nullptr) *result = ToNapi(ret);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_new_instance(napi_env env, napi_value constructor,
                                                     size_t argc, const napi_value* argv,
                                                     napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, constructor);
  if (argc > 0) NAPI_CHECK_ARG(env, argv);
  NAPI_CHECK_ARG(env, result);
  NAPI_TO_FUNCTION(env, ctor, constructor);
  v8::Local<v8::Object> obj;
  if (!ctor->NewInstance(env->context(), static_cast<int>(argc),
                         reinterpret_cast<v8::Local<v8::Value>*>(const_cast<napi_value*>(argv)))
           .ToLocal(&obj)) {
    return FailedCall(env, try_catch, napi_generic_failure);
  }
  *result = ToNapi(obj);
  NAPI_RETURN_STATUS(env);
}

}  // extern "C"
