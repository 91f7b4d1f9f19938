// Reading package.json files: only the fields resolution needs, parsed once and cached per folder.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/resolver.h"

namespace nodus::modules {

const PackageJson* Resolver::ReadPackage(const std::string& dir) {
  auto it = packages_.find(dir);
  if (it != packages_.end()) return it->second.get();
  std::string file = dir == "/" ? "/package.json" : dir + "/package.json";
  std::string text;
  // Only a regular file counts (a folder named package.json is no package.json; found by fuzzing).
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    packages_.emplace(dir, nullptr);
    return nullptr;
  }
  char buf[16384];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof(buf))) > 0) text.append(buf, static_cast<size_t>(n));
  ::close(fd);
  auto pkg = std::make_unique<PackageJson>();
  pkg->path = file;
  pkg->dir = dir;
  try {
    auto j = nlohmann::ordered_json::parse(text);
    if (j.is_object()) {
      auto str = [&](const char* key, std::optional<std::string>& out) {
        auto f = j.find(key);
        if (f != j.end() && f->is_string()) out = f->get<std::string>();
      };
      str("name", pkg->name);
      str("main", pkg->main);
      str("type", pkg->type);
      if (auto f = j.find("exports"); f != j.end() && !f->is_null()) pkg->exports = *f;
      if (auto f = j.find("imports"); f != j.end() && !f->is_null()) pkg->imports = *f;
    }
  } catch (const nlohmann::json::parse_error& e) {
    pkg->valid = false;
    pkg->parse_error = e.what();
  }
  return packages_.emplace(dir, std::move(pkg)).first->second.get();
}

const PackageJson* Resolver::FindPackageScope(std::string_view start) {
  std::string dir(start);
  while (true) {
    // A package scope never continues above a node_modules folder.
    if (dir.size() >= 13 && dir.compare(dir.size() - 13, 13, "/node_modules") == 0) return nullptr;
    if (const PackageJson* p = ReadPackage(dir)) return p;
    if (dir == "/" || dir.empty()) return nullptr;
    dir = PathDirname(dir);
  }
}

void Resolver::ClearCache() {
  packages_.clear();
  path_cache_.clear();
}

}  // namespace nodus::modules
