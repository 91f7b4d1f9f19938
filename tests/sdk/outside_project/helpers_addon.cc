// A C++17 addon written with the SDK's header-only nodus/napi_helpers.h, as a third party would:
// a Counter class (napi_wrap + UnwrapThis), the same add() as a plain function, and a describe()
// function over the value helpers.
#include <nodus/napi_helpers.h>

#include <string>

namespace {
namespace nn = nodus::napi;

struct Counter {
  int64_t count = 0;
};

napi_value CounterNew(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value start = nullptr;
  napi_value self;
  napi_get_cb_info(env, info, &argc, &start, &self, nullptr);
  auto* c = new Counter;
  c->count = nn::GetInt32(env, start, 0);
  napi_wrap(env, self, c, [](napi_env, void* data, void*) { delete static_cast<Counter*>(data); }, nullptr,
            nullptr);
  return self;
}

// add(n) -> the new count; on a foreign `this` it throws ERR_INVALID_THIS.
napi_value CounterAdd(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value n = nullptr;
  Counter* c = nn::UnwrapThis<Counter>(env, info, &argc, &n);
  if (c == nullptr) return nullptr;
  c->count += nn::GetInt32(env, n, 1);
  return nn::Int(env, c->count);
}

// describe(options) -> "name:<string or '-'> big:<int> on:<bool> missing:<nullish>"
napi_value Describe(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value options = nullptr;
  napi_get_cb_info(env, info, &argc, &options, nullptr, nullptr);
  std::string name;
  if (!nn::GetString(env, nn::Prop(env, options, "name"), &name)) name = "-";
  char small[4];
  bool fits = nn::GetString(env, nn::Prop(env, options, "name"), small, sizeof(small));
  std::string text = "name:" + name + " fits4:" + (fits ? "yes" : "no") +
                     " n:" + std::to_string(nn::GetInt32(env, nn::Prop(env, options, "n"), -1)) +
                     " on:" + (nn::GetBool(env, nn::Prop(env, options, "on")) ? "yes" : "no") +
                     " missing:" + (nn::IsNullish(env, nn::Prop(env, options, "missing")) ? "yes" : "no");
  return nn::Str(env, text.c_str());
}

}  // namespace

NAPI_MODULE_INIT() {
  napi_property_descriptor methods[] = {nn::Method("add", CounterAdd)};
  napi_value counter;
  napi_define_class(env, "Counter", NAPI_AUTO_LENGTH, CounterNew, nullptr, 1, methods, &counter);
  nn::SetProp(env, exports, "Counter", counter);
  nn::SetMethod(env, exports, "describe", Describe);
  // The same method as a plain function: V8 checks no receiver, UnwrapThis does.
  nn::SetMethod(env, exports, "addTo", CounterAdd);
  nn::SetProp(env, exports, "big", nn::Int(env, int64_t{1} << 40));
  return exports;
}
