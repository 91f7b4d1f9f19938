// ES module package resolution: like require() but with the "import" condition, no extension or
// directory-index search, and the legacy "main" fallback for packages without "exports".
#include <fmt/format.h>

#include "modules/resolver.h"

namespace nodus::modules {
namespace {

// Temporarily resolves with the import conditions.
class ImportConditions {
 public:
  explicit ImportConditions(std::vector<std::string>& c) : ref_(c), saved_(c) { ref_ = Resolver::kImportConditions; }
  ~ImportConditions() { ref_ = saved_; }

 private:
  std::vector<std::string>& ref_;
  std::vector<std::string> saved_;
};

}  // namespace

ResolveResult Resolver::ResolveEsmImports(std::string_view specifier, std::string_view parent_file) {
  ImportConditions scope(conditions);
  return ResolveImports(specifier, parent_file);
}

ResolveResult Resolver::ResolveEsmPackage(std::string_view specifier, std::string_view parent_file) {
  ImportConditions scope(conditions);
  ResolveResult self = ResolveSelf(specifier, parent_file);
  if (self.found() || self.error) return self;
  std::string req(specifier);
  size_t slash = req.find('/');
  if (!req.empty() && req[0] == '@') {
    if (slash == std::string::npos)
      return {"", ResolveError{"ERR_INVALID_MODULE_SPECIFIER",
          fmt::format("Invalid module \"{}\" is not a valid package name imported from {}", req, parent_file),
          "TypeError"}};
    slash = req.find('/', slash + 1);
  }
  std::string name = slash == std::string::npos ? req : req.substr(0, slash);
  std::string subpath = slash == std::string::npos ? "." : "." + req.substr(slash);
  for (const std::string& nm : NodeModulePaths(PathDirname(parent_file))) {
    std::string dir = PathResolve(nm, name);
    if (Stat(dir) != FileKind::kDirectory) continue;
    const PackageJson* pkg = ReadPackage(dir);
    if (pkg && !pkg->valid)
      return {"", ResolveError{"ERR_INVALID_PACKAGE_CONFIG", fmt::format("Invalid package config {}.", pkg->path)}};
    if (pkg && pkg->exports) return ExportsResolve(*pkg, subpath, *pkg->exports, specifier);
    if (subpath != ".") {
      std::string file = PathResolve(dir, subpath.substr(2));
      return {file, std::nullopt};  // existence is checked by the caller (ERR_MODULE_NOT_FOUND)
    }
    // Legacy main resolution.
    if (pkg && pkg->main) {
      std::string base = PathResolve(dir, *pkg->main);
      for (const char* suffix : {"", ".js", ".json", ".node", "/index.js", "/index.json", "/index.node"})
        if (Stat(base + suffix) == FileKind::kFile) return {RealPath(base + suffix), std::nullopt};
    }
    for (const char* index : {"index.js", "index.json", "index.node"})
      if (Stat(PathResolve(dir, index)) == FileKind::kFile) return {RealPath(PathResolve(dir, index)), std::nullopt};
    return {"", ResolveError{"ERR_MODULE_NOT_FOUND",
        fmt::format("Cannot find package '{}' imported from {}", dir, parent_file)}};
  }
  return {};
}

}  // namespace nodus::modules
