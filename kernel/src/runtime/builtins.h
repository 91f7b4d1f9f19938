// The builtin JS sources (the kernel's own and those registered by loaded plugins) and their
// compilation into module functions.
#pragma once

#include <v8.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nodus/js_source.h"

namespace nodus {

class CodeCache;

class Builtins {
 public:
  struct Entry {
    const nodus_js_source* source;
    std::string owner;  // "" for the kernel, the plugin name otherwise
  };

  // Registers every source of a NULL-terminated table. Existing ids are replaced (a swapped
  // plugin provides its own copy of a module).
  void AddTable(const nodus_js_source* table, const std::string& owner);
  const Entry* Find(std::string_view id) const;
  std::vector<std::string> Ids() const;

  // Compiles `id` as function(exports, require, module, process, internalBinding, binding),
  // from the code cache when it has the module.
  v8::MaybeLocal<v8::Function> Compile(v8::Local<v8::Context> context, std::string_view id) const;
  // The code cache made from exactly `source` for module `id` of `owner` ("" for the kernel,
  // kDepsOwner for the embedded npm packages), if the cache file has it.
  std::basic_string_view<uint8_t> CachedCode(std::string_view owner, std::string_view id,
                                             const nodus_js_source& source) const;
  // The code cache file, read on the first compilation that could use it.
  void SetCodeCachePath(std::string path) { code_cache_path_ = std::move(path); }
  ~Builtins();

 private:
  std::unordered_map<std::string, Entry> entries_;
  std::string code_cache_path_;
  mutable std::unique_ptr<CodeCache> code_cache_;
};

// Compiles a source as a function with the given parameter names (used for builtins and for
// CommonJS module wrappers). `resource` names the script in stack traces.
// The code cache's owner name for the npm packages embedded in the kernel (internalBinding('deps')),
// which are compiled with the CommonJS wrapper's parameters instead of a builtin's.
inline constexpr std::string_view kDepsOwner = "@deps";
inline const std::vector<const char*> kDepsParams = {"exports", "require", "module", "__filename", "__dirname"};
const nodus_js_source* DepsSources();

v8::MaybeLocal<v8::Function> CompileFunction(v8::Local<v8::Context> context,
                                             v8::Local<v8::String> source,
                                             v8::Local<v8::String> resource,
                                             const std::vector<const char*>& params,
                                             std::basic_string_view<uint8_t> cache = {});

}  // namespace nodus
