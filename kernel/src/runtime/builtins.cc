#include "runtime/builtins.h"

#include <fmt/format.h>

#include "runtime/code_cache.h"

extern "C" const nodus_js_source nodus_kernel_js[];

namespace nodus {
namespace {

// Pure-ASCII sources are handed to V8 without a copy: the bytes live in the binary (or plugin).
class StaticOneByteResource : public v8::String::ExternalOneByteStringResource {
 public:
  StaticOneByteResource(const char* data, size_t length) : data_(data), length_(length) {}
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }
  void Dispose() override { delete this; }

 private:
  const char* data_;
  size_t length_;
};

}  // namespace

Builtins::~Builtins() = default;

void Builtins::AddTable(const nodus_js_source* table, const std::string& owner) {
  for (const nodus_js_source* s = table; s && s->id; s++) entries_[s->id] = Entry{s, owner};
}

const Builtins::Entry* Builtins::Find(std::string_view id) const {
  auto it = entries_.find(std::string(id));
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> Builtins::Ids() const {
  std::vector<std::string> ids;
  ids.reserve(entries_.size());
  for (const auto& [id, e] : entries_) ids.push_back(id);
  return ids;
}

v8::MaybeLocal<v8::Function> CompileFunction(v8::Local<v8::Context> context,
                                             v8::Local<v8::String> source,
                                             v8::Local<v8::String> resource,
                                             const std::vector<const char*>& params,
                                             std::basic_string_view<uint8_t> cache) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::ScriptOrigin origin(isolate, resource);
  // The Source owns the CachedData, the CodeCache its bytes; V8 itself rejects (and compiles from
  // source) a cache that does not match.
  auto* cached = cache.empty() ? nullptr
                               : new v8::ScriptCompiler::CachedData(cache.data(), static_cast<int>(cache.size()),
                                                                    v8::ScriptCompiler::CachedData::BufferNotOwned);
  v8::ScriptCompiler::Source src(source, origin, cached);
  v8::ScriptCompiler::CompileOptions options = cached ? v8::ScriptCompiler::kConsumeCodeCache
                                               : v8::ScriptCompiler::kNoCompileOptions;
  std::vector<v8::Local<v8::String>> names;
  names.reserve(params.size());
  for (const char* p : params)
    names.push_back(v8::String::NewFromUtf8(isolate, p, v8::NewStringType::kInternalized).ToLocalChecked());
  return v8::ScriptCompiler::CompileFunction(context, &src, names.size(), names.data(), 0, nullptr, options);
}

v8::MaybeLocal<v8::Function> Builtins::Compile(v8::Local<v8::Context> context,
                                               std::string_view id) const {
  v8::Isolate* isolate = context->GetIsolate();
  const Entry* e = Find(id);
  if (!e) {
    isolate->ThrowException(v8::Exception::Error(
        v8::String::NewFromUtf8(isolate, fmt::format("No such built-in module: {}", id).c_str())
            .ToLocalChecked()));
    return {};
  }
  v8::Local<v8::String> source;
  if (e->source->one_byte) {
    source = v8::String::NewExternalOneByte(
        isolate, new StaticOneByteResource(e->source->data, e->source->length)).ToLocalChecked();
  } else {
    source = v8::String::NewFromUtf8(isolate, e->source->data, v8::NewStringType::kNormal,
                                     static_cast<int>(e->source->length)).ToLocalChecked();
  }
  std::string resource = fmt::format("node:{}", id);
  // Kernel modules get no `binding` parameter (they often name a local that way); a plugin's
  // modules get the plugin's private native binding as `binding`.
  std::vector<const char*> params = {"exports", "require", "module", "process", "internalBinding"};
  if (!e->owner.empty()) params.push_back("binding");
  return CompileFunction(context, source,
                         v8::String::NewFromUtf8(isolate, resource.c_str()).ToLocalChecked(), params,
                         CachedCode(e->owner, id, *e->source));
}

std::basic_string_view<uint8_t> Builtins::CachedCode(std::string_view owner, std::string_view id,
                                                     const nodus_js_source& source) const {
  if (!code_cache_ && !code_cache_path_.empty()) {
    code_cache_ = std::make_unique<CodeCache>();
    code_cache_->Load(code_cache_path_);
  }
  return code_cache_ ? code_cache_->Find(owner, id, source) : std::basic_string_view<uint8_t>();
}

const nodus_js_source* KernelSources() { return nodus_kernel_js; }

}  // namespace nodus
