#include "runtime/code_cache.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <nodus/plugin.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <memory>

#include "plugins/manifest.h"
#include "plugins/plugin_file.h"
#include "runtime/builtins.h"
#include "runtime/snapshot.h"

namespace nodus {
namespace {

constexpr char kMagic[8] = {'N', 'O', 'D', 'U', 'S', 'C', 'C', '2'};

std::string Key(std::string_view owner, std::string_view id) {
  std::string key(owner);
  key += ':';
  key += id;
  return key;
}

uint64_t SourceHash(const nodus_js_source& source) {
  return std::hash<std::string_view>()(std::string_view(source.data, source.length));
}

template <typename T>
void Put(std::string& out, T v) { out.append(reinterpret_cast<const char*>(&v), sizeof(v)); }

// Entries of the file being written.
class Writer {
 public:
  explicit Writer(v8::Local<v8::Context> context) : context_(context) {}

  // Compiles every module of `builtins` (one owner's table) and adds its cache.
  void AddAll(const Builtins& builtins) {
    v8::Isolate* isolate = context_->GetIsolate();
    for (const std::string& id : builtins.Ids()) {
      const Builtins::Entry* e = builtins.Find(id);
      v8::HandleScope scope(isolate);
      v8::TryCatch tc(isolate);
      v8::Local<v8::Function> fn;
      if (builtins.Compile(context_, id).ToLocal(&fn)) Add(e->owner, id, *e->source, fn);
    }
  }

  // The npm packages embedded in the kernel, compiled as deps_binding.cc does.
  void AddDeps() {
    v8::Isolate* isolate = context_->GetIsolate();
    for (const nodus_js_source* s = DepsSources(); s->id != nullptr; s++) {
      v8::HandleScope scope(isolate);
      v8::TryCatch tc(isolate);
      v8::Local<v8::String> source;
      v8::Local<v8::Function> fn;
      if (v8::String::NewFromUtf8(isolate, s->data, v8::NewStringType::kNormal, static_cast<int>(s->length)).ToLocal(&source) &&
          CompileFunction(context_, source, v8::String::NewFromUtf8(isolate, s->id).ToLocalChecked(), kDepsParams)
              .ToLocal(&fn)) {
        Add(kDepsOwner, s->id, *s, fn);
      }
    }
  }

  // A module that does not compile is left out: its error shows at run time, where it belongs.
  void Add(std::string_view owner, std::string_view id, const nodus_js_source& source,
           v8::Local<v8::Function> fn) {
    std::unique_ptr<v8::ScriptCompiler::CachedData> data(v8::ScriptCompiler::CreateCodeCacheForFunction(fn));
    if (!data) return;
    std::string key = Key(owner, id);
    Put(body_, static_cast<uint32_t>(key.size()));
    body_ += key;
    Put(body_, SourceHash(source));
    Put(body_, static_cast<uint32_t>(data->length));
    body_.append(reinterpret_cast<const char*>(data->data), static_cast<size_t>(data->length));
    count_++;
  }

  bool Write(const std::string& path, std::string* error) const {
    std::string out(kMagic, sizeof(kMagic));
    std::string id = snapshot::BuildId();
    Put(out, static_cast<uint32_t>(id.size()));
    out += id;
    Put(out, count_);
    out += body_;
    std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    bool ok = f && std::fwrite(out.data(), 1, out.size(), f) == out.size();
    if (f && std::fclose(f) != 0) ok = false;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
      std::remove(tmp.c_str());
      *error = fmt::format("cannot write {}", path);
      return false;
    }
    return true;
  }

 private:
  v8::Local<v8::Context> context_;
  std::string body_;
  uint32_t count_ = 0;
};

}  // namespace

CodeCache::~CodeCache() {
  if (map_) ::munmap(map_, map_size_);
}

void CodeCache::Load(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(kMagic))) {
    ::close(fd);
    return;
  }
  void* map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return;
  map_ = map;
  map_size_ = static_cast<size_t>(st.st_size);
  const char* in = static_cast<const char*>(map_);
  size_t pos = sizeof(kMagic);
  auto get = [&](auto* v) {
    if (pos + sizeof(*v) > map_size_) return false;
    std::memcpy(v, in + pos, sizeof(*v));
    pos += sizeof(*v);
    return true;
  };
  if (std::memcmp(in, kMagic, sizeof(kMagic)) != 0) return;
  uint32_t id_len = 0, count = 0;
  if (!get(&id_len) || id_len == 0 || pos + id_len > map_size_) return;
  if (std::string_view(in + pos, id_len) != snapshot::BuildId()) return;  // another build's cache
  pos += id_len;
  if (!get(&count)) return;
  entries_.reserve(count);
  for (uint32_t i = 0; i < count; i++) {
    uint32_t key_len = 0, data_len = 0;
    uint64_t hash = 0;
    if (!get(&key_len) || pos + key_len > map_size_) return entries_.clear();
    std::string key(in + pos, key_len);
    pos += key_len;
    if (!get(&hash) || !get(&data_len) || pos + data_len > map_size_) return entries_.clear();
    entries_[std::move(key)] = {hash, {reinterpret_cast<const uint8_t*>(in + pos), data_len}};
    pos += data_len;
  }
}

std::basic_string_view<uint8_t> CodeCache::Find(std::string_view owner, std::string_view id,
                                                const nodus_js_source& source) const {
  if (entries_.empty()) return {};
  auto it = entries_.find(Key(owner, id));
  if (it == entries_.end() || it->second.source_hash != SourceHash(source)) return {};
  return it->second.data;
}

bool CodeCache::Build(const Builtins& kernel, const std::string& plugin_dir,
                      v8::Local<v8::Context> context, const std::string& path, std::string* error) {
  Writer writer(context);
  writer.AddAll(kernel);
  writer.AddDeps();
  std::string manifest_error;
  std::optional<plugins::Manifest> manifest = plugins::Manifest::Load(plugin_dir, &manifest_error);
  if (!manifest) {
    *error = manifest_error;
    return false;
  }
  // Plugins are opened as the plugin host opens them (never initialised) and stay mapped until
  // the process ends: their JS sources back V8 strings.
  for (const plugins::PluginInfo& info : manifest->plugins()) {
    plugins::PluginError open_error;
    std::optional<plugins::OpenedPlugin> opened = plugins::OpenPluginFile(info, &open_error);
    if (!opened || !opened->desc->js) {
      std::fprintf(stderr, "nodus: code cache: skipping %s%s%s\n", info.file.c_str(), opened ? "" : ": ",
                   opened ? "" : open_error.message.c_str());
      continue;
    }
    Builtins table;
    table.AddTable(opened->desc->js, info.name);
    writer.AddAll(table);
  }
  return writer.Write(path, error);
}

}  // namespace nodus
