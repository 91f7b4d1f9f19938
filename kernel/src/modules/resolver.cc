// Module._findPath and friends: files, extensions, directories and node_modules lookup.
#include "modules/resolver.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <climits>
#include <cstdlib>

namespace nodus::modules {

Resolver::Resolver() = default;

FileKind Resolver::Stat(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return FileKind::kNone;
  return S_ISDIR(st.st_mode) ? FileKind::kDirectory : FileKind::kFile;
}

std::string Resolver::RealPath(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr) return path;
  return buf;
}

std::optional<std::string> Resolver::TryFile(const std::string& path, bool is_main) {
  if (Stat(path) != FileKind::kFile) return std::nullopt;
  if (preserve_symlinks && !is_main) return PathResolve("", path);
  return RealPath(path);
}

std::optional<std::string> Resolver::TryExtensions(const std::string& base, bool is_main) {
  for (const std::string& ext : extensions)
    if (auto f = TryFile(base + ext, is_main)) return f;
  return std::nullopt;
}

ResolveResult Resolver::TryPackage(const std::string& dir, bool is_main, std::string_view original) {
  const PackageJson* pkg = ReadPackage(dir);
  if (pkg && !pkg->valid) {
    return {"", ResolveError{"ERR_INVALID_PACKAGE_CONFIG",
                             fmt::format("Invalid package config {}.", pkg->path)}};
  }
  if (!pkg || !pkg->main || pkg->main->empty()) {
    if (auto f = TryExtensions(PathResolve(dir, "index"), is_main)) return {*f, std::nullopt};
    return {};
  }
  std::string filename = PathResolve(dir, *pkg->main);
  if (auto f = TryFile(filename, is_main)) return {*f, std::nullopt};
  if (auto f = TryExtensions(filename, is_main)) return {*f, std::nullopt};
  if (auto f = TryExtensions(PathResolve(filename, "index"), is_main)) return {*f, std::nullopt};
  // Node falls back to the folder's index (with a deprecation warning) before giving up.
  if (auto f = TryExtensions(PathResolve(dir, "index"), is_main)) return {*f, std::nullopt};
  (void)original;
  return {"", ResolveError{"MODULE_NOT_FOUND",
      fmt::format("Cannot find module '{}'. Please verify that the package.json has a valid \"main\" "
                  "entry", filename)}};
}

ResolveResult Resolver::FindPath(std::string_view request_view, const std::vector<std::string>& paths,
                                 bool is_main) {
  std::string request(request_view);
  bool absolute = !request.empty() && request[0] == '/';
  std::vector<std::string> search = absolute ? std::vector<std::string>{""} : paths;
  if (search.empty()) return {};

  // The conditions are part of the key: ESM (import) and CJS (require) may resolve differently.
  std::string cache_key = request;
  for (const auto& c : conditions) { cache_key += '\1'; cache_key += c; }
  for (const auto& p : search) { cache_key += '\0'; cache_key += p; }
  if (auto it = path_cache_.find(cache_key); it != path_cache_.end()) return {it->second, std::nullopt};

  bool trailing_slash = !request.empty() &&
      (request.back() == '/' || request == "." || request == ".." ||
       (request.size() >= 2 && request.compare(request.size() - 2, 2, "/.") == 0) ||
       (request.size() >= 3 && request.compare(request.size() - 3, 3, "/..") == 0));
  bool relative = IsRelativeRequest(request);

  for (const std::string& cur : search) {
    if (!cur.empty() && Stat(cur) != FileKind::kDirectory) continue;
    if (!absolute && !relative) {
      ResolveResult exp = ResolveExports(cur, request);
      if (exp.found() || exp.error) {
        if (exp.found()) path_cache_[cache_key] = exp.path;
        return exp;
      }
    }
    std::string base = cur.empty() ? PathResolve("", request) : PathResolve(cur, request);
    std::optional<std::string> filename;
    FileKind kind = Stat(base);
    if (!trailing_slash) {
      if (kind == FileKind::kFile) filename = TryFile(base, is_main);
      if (!filename) filename = TryExtensions(base, is_main);
    }
    if (!filename && kind == FileKind::kDirectory) {
      ResolveResult pkg = TryPackage(base, is_main, request);
      if (pkg.error) return pkg;
      if (pkg.found()) filename = pkg.path;
    }
    if (filename) {
      path_cache_[cache_key] = *filename;
      return {*filename, std::nullopt};
    }
  }
  return {};
}

std::vector<std::string> Resolver::NodeModulePaths(std::string_view from_view) {
  std::string from = PathResolve("", from_view);
  std::vector<std::string> out;
  if (from == "/") return {"/node_modules"};
  // Walk from the deepest folder up; skip folders that are themselves node_modules.
  size_t end = from.size();
  while (true) {
    std::string dir = from.substr(0, end);
    size_t slash = dir.rfind('/');
    std::string last = dir.substr(slash + 1);
    if (last != "node_modules") out.push_back(dir + "/node_modules");
    if (slash == 0) break;
    end = slash;
  }
  out.push_back("/node_modules");
  return out;
}

}  // namespace nodus::modules
