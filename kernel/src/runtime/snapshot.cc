#include "runtime/snapshot.h"

#include <elf.h>
#include <fmt/format.h>
#include <link.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>

namespace nodus::snapshot {
namespace {

constexpr char kMagic[8] = {'N', 'O', 'D', 'U', 'S', 'S', 'N', 'P'};
constexpr uint32_t kFormat = 1;

// Offsets are taken from this function's address, so they survive address-space randomization.
void Anchor() {}

std::string ExecutableBuildId() {
  std::string id;
  dl_iterate_phdr([](dl_phdr_info* info, size_t, void* out) -> int {
    if (info->dlpi_name && info->dlpi_name[0]) return 0;  // the main program has an empty name
    for (int i = 0; i < info->dlpi_phnum; i++) {
      const ElfW(Phdr)& ph = info->dlpi_phdr[i];
      if (ph.p_type != PT_NOTE) continue;
      const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
      const char* end = p + ph.p_memsz;
      while (p + sizeof(ElfW(Nhdr)) <= end) {
        auto* nh = reinterpret_cast<const ElfW(Nhdr)*>(p);
        const char* name = p + sizeof(ElfW(Nhdr));
        const char* desc = name + ((nh->n_namesz + 3) & ~3u);
        if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
          static_cast<std::string*>(out)->assign(desc, nh->n_descsz);
          return 1;
        }
        p = desc + ((nh->n_descsz + 3) & ~3u);
      }
    }
    return 1;
  }, &id);
  return id;
}

template <typename T>
void Put(std::string& out, T v) { out.append(reinterpret_cast<const char*>(&v), sizeof(v)); }

template <typename T>
bool Get(const std::vector<char>& in, size_t& pos, T* v) {
  if (pos + sizeof(T) > in.size()) return false;
  std::memcpy(v, in.data() + pos, sizeof(T));
  pos += sizeof(T);
  return true;
}

}  // namespace

std::string BuildId() {
  static const std::string id = ExecutableBuildId();
  return id;
}

ExternalRefs::ExternalRefs(size_t capacity) : refs_(capacity + 1, 0) {}

void ExternalRefs::Record(const void* fn) {
  intptr_t v = reinterpret_cast<intptr_t>(fn);
  for (size_t i = 0; i < count_; i++)
    if (refs_[i] == v) return;
  if (count_ + 1 >= refs_.size()) {
    std::fprintf(stderr, "nodus: too many native callbacks for the snapshot table\n");
    std::abort();
  }
  refs_[count_++] = v;
}

bool Write(const std::string& path, const ExternalRefs& refs, const v8::StartupData& blob,
           std::string* error) {
  std::string out(kMagic, sizeof(kMagic));
  Put(out, kFormat);
  std::string id = BuildId();
  Put(out, static_cast<uint32_t>(id.size()));
  out += id;
  Put(out, static_cast<uint32_t>(refs.size()));
  intptr_t anchor = reinterpret_cast<intptr_t>(&Anchor);
  for (size_t i = 0; i < refs.size(); i++) Put(out, static_cast<int64_t>(refs.data()[i] - anchor));
  Put(out, static_cast<uint32_t>(blob.raw_size));
  out.append(blob.data, static_cast<size_t>(blob.raw_size));
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f) {
      *error = fmt::format("cannot write {}", tmp);
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = fmt::format("cannot rename {} to {}", tmp, path);
    return false;
  }
  return true;
}

std::optional<Loaded> Read(const std::string& path) {
  // One read() of the whole file: this runs on every start.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  std::vector<char> in;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    in.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < in.size()) {
      ssize_t n = ::read(fd, in.data() + got, in.size() - got);
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    in.resize(got);
  }
  ::close(fd);
  size_t pos = 0;
  if (in.size() < sizeof(kMagic) || std::memcmp(in.data(), kMagic, sizeof(kMagic)) != 0) return std::nullopt;
  pos = sizeof(kMagic);
  uint32_t format = 0, id_len = 0, nrefs = 0, blob_size = 0;
  if (!Get(in, pos, &format) || format != kFormat || !Get(in, pos, &id_len) || pos + id_len > in.size())
    return std::nullopt;
  std::string id(in.data() + pos, id_len);
  pos += id_len;
  if (id.empty() || id != BuildId()) return std::nullopt;  // written by another build
  if (!Get(in, pos, &nrefs)) return std::nullopt;
  Loaded loaded;
  loaded.refs.reserve(nrefs + 1);
  intptr_t anchor = reinterpret_cast<intptr_t>(&Anchor);
  for (uint32_t i = 0; i < nrefs; i++) {
    int64_t off;
    if (!Get(in, pos, &off)) return std::nullopt;
    loaded.refs.push_back(anchor + static_cast<intptr_t>(off));
  }
  loaded.refs.push_back(0);
  if (!Get(in, pos, &blob_size) || pos + blob_size != in.size()) return std::nullopt;
  // Keep the whole buffer and point into it: no second copy of the blob.
  loaded.offset = pos;
  loaded.blob = std::move(in);
  return loaded;
}

}  // namespace nodus::snapshot
