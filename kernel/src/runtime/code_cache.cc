#include "runtime/code_cache.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "runtime/builtins.h"
#include "runtime/snapshot.h"

namespace nodus {
namespace {

constexpr char kMagic[8] = {'N', 'O', 'D', 'U', 'S', 'C', 'C', '1'};

template <typename T>
void Put(std::string& out, T v) { out.append(reinterpret_cast<const char*>(&v), sizeof(v)); }

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
  size_t pos = 0;
  auto get32 = [&](uint32_t* v) {
    if (pos + 4 > map_size_) return false;
    std::memcpy(v, in + pos, 4);
    pos += 4;
    return true;
  };
  if (std::memcmp(in, kMagic, sizeof(kMagic)) != 0) return;
  pos = sizeof(kMagic);
  uint32_t id_len = 0, count = 0;
  if (!get32(&id_len) || id_len == 0 || pos + id_len > map_size_) return;
  if (std::string_view(in + pos, id_len) != snapshot::BuildId()) return;  // another build's cache
  pos += id_len;
  if (!get32(&count)) return;
  for (uint32_t i = 0; i < count; i++) {
    uint32_t name_len = 0, data_len = 0;
    if (!get32(&name_len) || pos + name_len > map_size_) return entries_.clear();
    std::string_view name(in + pos, name_len);
    pos += name_len;
    if (!get32(&data_len) || pos + data_len > map_size_) return entries_.clear();
    entries_[name] = {reinterpret_cast<const uint8_t*>(in + pos), data_len};
    pos += data_len;
  }
}

std::basic_string_view<uint8_t> CodeCache::Find(std::string_view id) const {
  auto it = entries_.find(id);
  return it == entries_.end() ? std::basic_string_view<uint8_t>() : it->second;
}

bool CodeCache::Build(const Builtins& builtins, v8::Local<v8::Context> context, const std::string& path,
                      std::string* error) {
  v8::Isolate* isolate = context->GetIsolate();
  std::string out(kMagic, sizeof(kMagic));
  std::string id = snapshot::BuildId();
  Put(out, static_cast<uint32_t>(id.size()));
  out += id;
  std::string body;
  uint32_t count = 0;
  for (const std::string& name : builtins.Ids()) {
    const Builtins::Entry* e = builtins.Find(name);
    if (!e || !e->owner.empty()) continue;
    v8::HandleScope scope(isolate);
    v8::TryCatch tc(isolate);
    v8::Local<v8::Function> fn;
    if (!builtins.Compile(context, name).ToLocal(&fn)) continue;
    std::unique_ptr<v8::ScriptCompiler::CachedData> data(v8::ScriptCompiler::CreateCodeCacheForFunction(fn));
    if (!data) continue;
    Put(body, static_cast<uint32_t>(name.size()));
    body += name;
    Put(body, static_cast<uint32_t>(data->length));
    body.append(reinterpret_cast<const char*>(data->data), static_cast<size_t>(data->length));
    count++;
  }
  Put(out, count);
  out += body;
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f || std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fclose(f) != 0 ||
      std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = fmt::format("cannot write {}", path);
    return false;
  }
  return true;
}

}  // namespace nodus
