// A recording stand-in for the few Node-API functions a plugin's binding calls, so a harness can
// drive the binding's C++ without V8. Values live in an arena that Reset() empties; calls into
// "JS" functions are handed to a hook the harness installs.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "node_api.h"

namespace fake_napi {

enum class Kind { kUndefined, kNumber, kString, kBuffer, kObject, kArray, kFunction };

struct Value {
  Kind kind = Kind::kUndefined;
  double number = 0;
  std::string bytes;  // string contents, or a Buffer's own copy
  const char* data = nullptr;  // a Buffer: the memory it views
  size_t length = 0;
  std::map<std::string, Value*> props;
  std::vector<Value*> elements;  // an array's
  void* wrapped = nullptr;
  napi_finalize wrap_finalize = nullptr;
  napi_callback callback = nullptr;  // a class constructor or method
  int function_id = -1;  // a "JS" function made by the harness
};

// A call of a harness function: id, receiver, arguments. Returns the call's result.
using CallHook = std::function<Value*(int id, Value* self, const std::vector<Value*>& args)>;

struct napi_env_state {
  std::deque<Value> arena;
  size_t kept = 0;  // arena[0..kept) survives Reset()
  void* instance_data = nullptr;
  CallHook on_call;
  bool exception_pending = false;
  std::string last_thrown;
};

napi_env Env();
napi_env_state& State();

Value* New(Kind kind);
Value* Number(double n);
Value* Function(int id);
Value* Buffer(const char* data, size_t length);
Value* Object();

// Runs a native callback as JS would, with `self` as `this`.
Value* Invoke(napi_callback cb, Value* self, const std::vector<Value*>& args);

// Makes every value created so far permanent.
void Keep();
// Runs the finalizers of wrapped objects made since Keep() and drops those values.
void Reset();

inline napi_value ToNapi(Value* v) { return reinterpret_cast<napi_value>(v); }
inline Value* FromNapi(napi_value v) { return reinterpret_cast<Value*>(v); }

}  // namespace fake_napi
