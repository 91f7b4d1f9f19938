// internalBinding('deps'): the npm dependencies embedded by kernel/deps.cmake. They are not
// builtins (user code cannot reach them by id): lib/internal/deps/readable_stream.js compiles
// each file on demand with the CommonJS wrapper parameters, since the package's files declare
// their own `process`, and gives them its own `require`.
#include <cstring>
#include <string>

#include "bindings/binding_registry.h"
#include "nodus/js_source.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

extern "C" const nodus_js_source nodus_kernel_deps_js[];

namespace nodus {
namespace {

// Sources live for the whole process, so one-byte files are wrapped without copying.
class StaticSource final : public v8::String::ExternalOneByteStringResource {
 public:
  StaticSource(const char* data, size_t length) : data_(data), length_(length) {}
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }

 private:
  const char* data_;
  size_t length_;
};

const nodus_js_source* FindSource(const std::string& id) {
  for (const nodus_js_source* s = nodus_kernel_deps_js; s->id != nullptr; s++) {
    if (id == s->id) return s;
  }
  return nullptr;
}

// compile(id) -> function(exports, require, module, __filename, __dirname) | undefined
void Compile(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  const std::string id = ToStdString(isolate, args[0]);
  const nodus_js_source* s = FindSource(id);
  if (s == nullptr) return;
  v8::Local<v8::String> source;
  if (s->one_byte) {
    if (!v8::String::NewExternalOneByte(isolate, new StaticSource(s->data, s->length))
             .ToLocal(&source))
      return;
  } else if (!v8::String::NewFromUtf8(isolate, s->data, v8::NewStringType::kNormal,
                                      static_cast<int>(s->length))
                  .ToLocal(&source)) {
    return;
  }
  const std::string resource = "node:" + id;
  v8::Local<v8::Function> fn;
  if (CompileFunction(ctx, source,
                      v8::String::NewFromUtf8(isolate, resource.c_str()).ToLocalChecked(),
                      kDepsParams, Runtime::From(ctx)->builtins().CachedCode(kDepsOwner, id, *s))
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = ctx->GetIsolate();
  int count = 0;
  for (const nodus_js_source* s = nodus_kernel_deps_js; s->id != nullptr; s++) count++;
  target->Set(ctx, OneByte(isolate, "count"), v8::Integer::New(isolate, count)).Check();
  SetMethod(ctx, target, "compile", Compile);
}

}  // namespace

const nodus_js_source* DepsSources() { return nodus_kernel_deps_js; }

}  // namespace nodus

NODUS_BINDING(deps, nodus::Init);
