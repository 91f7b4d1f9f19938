// node-addon-api (the C++ wrapper most addons use) over nodus: exceptions both ways, AsyncWorker,
// promises, thread-safe functions, buffers with finalizers, typed arrays, BigInt, Date, symbols,
// references and instance data.
#include <napi.h>

#include <thread>

namespace {

// C++ exception -> JS exception.
Napi::Value ThrowCpp(const Napi::CallbackInfo& info) {
  throw Napi::RangeError::New(info.Env(), "thrown from C++");
}

// JS exception -> C++ exception, caught and inspected.
Napi::Value CatchJs(const Napi::CallbackInfo& info) {
  try {
    info[0].As<Napi::Function>().Call({});
  } catch (const Napi::Error& e) {
    return Napi::String::New(info.Env(), "caught: " + e.Message());
  }
  return Napi::String::New(info.Env(), "nothing thrown");
}

class SquareWorker : public Napi::AsyncWorker {
 public:
  SquareWorker(Napi::Env env, double x) : Napi::AsyncWorker(env), x_(x), deferred_(env) {}
  Napi::Promise Promise() { return deferred_.Promise(); }
  void Execute() override {
    if (x_ < 0) SetError("negative input");
    result_ = x_ * x_;
  }
  void OnOK() override { deferred_.Resolve(Napi::Number::New(Env(), result_)); }
  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  double x_, result_ = 0;
  Napi::Promise::Deferred deferred_;
};

Napi::Value SquareAsync(const Napi::CallbackInfo& info) {
  auto* worker = new SquareWorker(info.Env(), info[0].As<Napi::Number>().DoubleValue());
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

// A native thread calling JS `count` times, then resolving a promise.
Napi::Value CountFromThread(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int count = info[1].As<Napi::Number>().Int32Value();
  auto deferred = std::make_shared<Napi::Promise::Deferred>(env);
  auto tsfn = Napi::ThreadSafeFunction::New(
      env, info[0].As<Napi::Function>(), "count", 0, 1,
      [deferred](Napi::Env env) { deferred->Resolve(Napi::String::New(env, "done")); });
  std::thread([tsfn, count]() mutable {
    for (int i = 0; i < count; i++) {
      tsfn.BlockingCall([i](Napi::Env env, Napi::Function fn) { fn.Call({Napi::Number::New(env, i)}); });
    }
    tsfn.Release();
  }).detach();
  return deferred->Promise();
}

int freed_buffers = 0;

Napi::Value ExternalBuffer(const Napi::CallbackInfo& info) {
  auto* data = new std::string(info[0].As<Napi::String>().Utf8Value());
  return Napi::Buffer<char>::New(info.Env(), data->data(), data->size(),
                                 [](Napi::Env, char*, std::string* s) {
                                   delete s;
                                   freed_buffers++;
                                 },
                                 data);
}

Napi::Value FreedBuffers(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), freed_buffers);
}

Napi::Value SumFloat64(const Napi::CallbackInfo& info) {
  Napi::Float64Array array = info[0].As<Napi::Float64Array>();
  double sum = 0;
  for (size_t i = 0; i < array.ElementLength(); i++) sum += array[i];
  return Napi::Number::New(info.Env(), sum);
}

Napi::Value Misc(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
  out["big"] = Napi::BigInt::New(env, -(static_cast<int64_t>(1) << 40));
  out["date"] = Napi::Date::New(env, 86400000);
  out["iterator"] = Napi::Symbol::WellKnown(env, "iterator");
  out["keys"] = info[0].As<Napi::Object>().GetPropertyNames();
  out["strictEq"] = Napi::Boolean::New(env, info[0].StrictEquals(info[0]));
  return out;
}

struct Data {
  Napi::FunctionReference hook;
  int calls = 0;
};

Napi::Value SetHook(const Napi::CallbackInfo& info) {
  Data* data = info.Env().GetInstanceData<Data>();
  data->hook = Napi::Persistent(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

Napi::Value CallHook(const Napi::CallbackInfo& info) {
  Data* data = info.Env().GetInstanceData<Data>();
  data->calls++;
  return data->hook.Call({Napi::Number::New(info.Env(), data->calls)});
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  env.SetInstanceData(new Data());
  exports["throwCpp"] = Napi::Function::New(env, ThrowCpp);
  exports["catchJs"] = Napi::Function::New(env, CatchJs);
  exports["squareAsync"] = Napi::Function::New(env, SquareAsync);
  exports["countFromThread"] = Napi::Function::New(env, CountFromThread);
  exports["externalBuffer"] = Napi::Function::New(env, ExternalBuffer);
  exports["freedBuffers"] = Napi::Function::New(env, FreedBuffers);
  exports["sumFloat64"] = Napi::Function::New(env, SumFloat64);
  exports["misc"] = Napi::Function::New(env, Misc);
  exports["setHook"] = Napi::Function::New(env, SetHook);
  exports["callHook"] = Napi::Function::New(env, CallHook);
  return exports;
}

}  // namespace

NODE_API_MODULE(addon_api, Init)
