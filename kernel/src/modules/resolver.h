// CommonJS resolution as Node defines it: file/extension/directory lookup, node_modules walking,
// package.json "main", "exports" (with conditions and subpath patterns), "imports" (#specifiers)
// and package self-reference. Pure C++ over the real file system (no V8), so it is unit-tested.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace nodus::modules {

// A resolution failure with Node's error code and message (the JS side builds the Error object).
struct ResolveError {
  std::string code;     // "MODULE_NOT_FOUND", "ERR_PACKAGE_PATH_NOT_EXPORTED", ...
  std::string message;
  std::string kind = "Error";  // "Error" or "TypeError"
};

struct ResolveResult {
  std::string path;                  // empty when not found (and no error)
  std::optional<ResolveError> error;
  bool found() const { return !path.empty(); }
};

struct PackageJson {
  std::string path;      // absolute path of the package.json file
  std::string dir;       // its directory
  bool valid = true;     // false when the file does not parse
  std::string parse_error;
  std::optional<std::string> name, main, type;
  std::optional<nlohmann::ordered_json> exports, imports;
};

enum class FileKind { kNone = -1, kFile = 0, kDirectory = 1 };

class Resolver {
 public:
  // Conditions for require(): "require", "node", "node-addons" (+ "default", which always matches).
  Resolver();

  // Node's Module._findPath(request, paths, isMain): returns the real path or nothing.
  ResolveResult FindPath(std::string_view request, const std::vector<std::string>& paths,
                         bool is_main);
  // "#name" specifiers against the package scope of `parent_file`.
  ResolveResult ResolveImports(std::string_view request, std::string_view parent_file);
  // A package requiring itself by name (its "exports" must exist).
  ResolveResult ResolveSelf(std::string_view request, std::string_view parent_file);
  // ES module resolution of a bare specifier from `parent_dir` (import conditions, package
  // exports or legacy "main", no extension search). Not found: empty path, no error.
  ResolveResult ResolveEsmPackage(std::string_view specifier, std::string_view parent_file);
  // "#name" with the import conditions.
  ResolveResult ResolveEsmImports(std::string_view specifier, std::string_view parent_file);
  // Module._nodeModulePaths(from).
  static std::vector<std::string> NodeModulePaths(std::string_view from);

  // The nearest package.json at or above `dir` (the "package scope"), or null.
  const PackageJson* FindPackageScope(std::string_view dir);
  // The package.json in exactly this directory, or null when there is none. Cached.
  const PackageJson* ReadPackage(const std::string& dir);

  static FileKind Stat(const std::string& path);
  static std::string RealPath(const std::string& path);
  void ClearCache();

  std::vector<std::string> extensions = {".js", ".json", ".node"};
  std::vector<std::string> conditions = {"require", "node", "node-addons"};
  static inline const std::vector<std::string> kImportConditions = {"import", "node", "node-addons"};
  bool preserve_symlinks = false;

 private:
  std::optional<std::string> TryFile(const std::string& path, bool is_main);
  std::optional<std::string> TryExtensions(const std::string& base, bool is_main);
  ResolveResult TryPackage(const std::string& dir, bool is_main, std::string_view original);
  ResolveResult ResolveExports(const std::string& nm_path, std::string_view request);
  ResolveResult ExportsResolve(const PackageJson& pkg, const std::string& subpath,
                               const nlohmann::ordered_json& exports, std::string_view specifier);
  ResolveResult FinalizeTarget(const PackageJson& pkg, const std::string& resolved,
                               std::string_view specifier);

  std::map<std::string, std::unique_ptr<PackageJson>> packages_;  // dir -> parsed (null if none)
  std::map<std::string, std::string> path_cache_;
};

// Path helpers shared with the loader.
std::string PathResolve(std::string_view base, std::string_view rel);
std::string PathDirname(std::string_view p);
bool IsRelativeRequest(std::string_view request);

}  // namespace nodus::modules
