// A C++ class exposed with node-addon-api's ObjectWrap: new Counter(start), increment(by = 1),
// reset(), the `value` accessor, and Counter.instances (live count, maintained by the C++
// constructor and destructor, which runs when the JS object is garbage collected).
#include <napi.h>

namespace {

class Counter : public Napi::ObjectWrap<Counter> {
 public:
  static Napi::Object Init(Napi::Env env, Napi::Object exports) {
    Napi::Function ctor = DefineClass(env, "Counter", {
        InstanceMethod<&Counter::Increment>("increment"),
        InstanceMethod<&Counter::Reset>("reset"),
        InstanceAccessor<&Counter::Value>("value"),
        StaticAccessor<&Counter::Instances>("instances"),
    });
    // Kept per environment: a second runtime (or worker) gets its own constructor.
    env.SetInstanceData(new Napi::FunctionReference(Napi::Persistent(ctor)));
    exports.Set("Counter", ctor);
    return exports;
  }

  explicit Counter(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Counter>(info) {
    if (info.Length() > 0) {
      if (!info[0].IsNumber()) {
        throw Napi::TypeError::New(info.Env(), "start must be a number");
      }
      value_ = info[0].As<Napi::Number>().DoubleValue();
    }
    ++live_;
  }
  ~Counter() override { --live_; }

 private:
  Napi::Value Increment(const Napi::CallbackInfo& info) {
    double by = info.Length() > 0 ? info[0].ToNumber().DoubleValue() : 1;
    value_ += by;
    return Napi::Number::New(info.Env(), value_);
  }
  Napi::Value Reset(const Napi::CallbackInfo& info) {
    value_ = 0;
    return info.This();
  }
  Napi::Value Value(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), value_); }
  static Napi::Value Instances(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), live_);
  }

  double value_ = 0;
  static inline int live_ = 0;
};

Napi::Object Init(Napi::Env env, Napi::Object exports) { return Counter::Init(env, exports); }

}  // namespace

NODE_API_MODULE(counter, Init)
