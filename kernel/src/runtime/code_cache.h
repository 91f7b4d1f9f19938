// V8 code cache for the builtin modules that are not in the startup snapshot: the kernel's
// (stream, url, util...) and the JS of every plugin in the manifest (fs, net, http...). Made at
// build time once everything is built, so requiring a module at run time skips parsing its top
// level. Inner functions stay lazy: caching them eagerly tripled the file and the heap for no
// measurable gain (callgrind, console.log and an HTTP round trip).
//
// The file is valid only for the executable that wrote it (build-id, like the snapshot). Each entry
// is keyed by "owner:id" and carries a hash of the source it was made from, because V8 itself
// only compares source lengths: a plugin swapped for another file never gets foreign code.
#pragma once

#include <v8.h>

#include <nodus/js_source.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace nodus {

class Builtins;

class CodeCache {
 public:
  CodeCache() = default;
  CodeCache(const CodeCache&) = delete;
  CodeCache& operator=(const CodeCache&) = delete;
  ~CodeCache();

  // Maps `path`; an absent, stale or malformed file leaves the cache empty.
  void Load(const std::string& path);
  // The cache bytes for module `id` of `owner` ("" for the kernel) compiled from exactly `source`;
  // empty when there are none. Valid while the CodeCache lives.
  std::basic_string_view<uint8_t> Find(std::string_view owner, std::string_view id,
                                       const nodus_js_source& source) const;

  // Compiles the kernel's builtins and the JS of each plugin listed in `plugin_dir`/plugins.json
  // (their files are opened, never initialised) and writes the cache to `path`.
  static bool Build(const Builtins& kernel, const std::string& plugin_dir,
                    v8::Local<v8::Context> context, const std::string& path, std::string* error);

 private:
  struct Entry {
    uint64_t source_hash;
    std::basic_string_view<uint8_t> data;
  };
  // The file is mapped, not read: only the pages of the modules actually required are touched.
  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace nodus
