// V8 code cache for the kernel's builtin modules that are not in the startup snapshot (stream,
// url, util...): made at build time, so requiring them at run time skips parsing their top level.
// Inner functions stay lazy: caching them eagerly tripled the file and the heap for no measurable
// gain (callgrind, console.log and an HTTP round trip). Valid only for the executable that wrote
// it, like the snapshot.
#pragma once

#include <v8.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nodus {

class Builtins;

class CodeCache {
 public:
  // Reads `path`; an absent, stale or malformed file leaves the cache empty.
  void Load(const std::string& path);
  // The cache bytes for `id` (empty when it has none), valid while the CodeCache lives.
  std::basic_string_view<uint8_t> Find(std::string_view id) const;
  CodeCache() = default;
  CodeCache(const CodeCache&) = delete;
  CodeCache& operator=(const CodeCache&) = delete;
  ~CodeCache();

  // Compiles every kernel builtin and writes their caches to `path`.
  static bool Build(const Builtins& builtins, v8::Local<v8::Context> context, const std::string& path,
                    std::string* error);

 private:
  // The file is mapped, not read: only the pages of the modules actually required are touched.
  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::unordered_map<std::string_view, std::basic_string_view<uint8_t>> entries_;
};

}  // namespace nodus
