// package.json "exports" and "imports": target resolution with conditions and subpath patterns,
// as Node's PACKAGE_EXPORTS_RESOLVE / PACKAGE_IMPORTS_RESOLVE define it for require().
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "modules/resolver.h"

namespace nodus::modules {
namespace {

using json = nlohmann::ordered_json;

enum class Outcome { kNull, kResolved, kBare, kError };
struct Target {
  Outcome outcome = Outcome::kNull;
  std::string value;  // resolved path, or bare specifier for kBare
  ResolveError error;
};

bool IsInvalidSegment(std::string_view seg) {
  std::string lower(seg);
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  return lower.empty() || lower == "." || lower == ".." || lower == "%2e" || lower == "%2e%2e" ||
         lower == "node_modules";
}

bool HasInvalidSegments(std::string_view path) {
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (IsInvalidSegment(path.substr(i, j - i))) return true;
    i = j + 1;
  }
  return false;
}

ResolveError InvalidTarget(const PackageJson& pkg, std::string_view key, const std::string& target,
                           bool is_imports) {
  std::string rel = is_imports || key == "." ? "" : "; targets must start with \"./\"";
  if (!is_imports && key == ".")
    return {"ERR_INVALID_PACKAGE_TARGET",
            fmt::format("Invalid \"exports\" main target {} defined in the package config {}{}",
                        json(target).dump(), pkg.path, "; targets must start with \"./\""), "Error"};
  return {"ERR_INVALID_PACKAGE_TARGET",
          fmt::format("Invalid \"{}\" target {} defined for '{}' in the package config {}{}",
                      is_imports ? "imports" : "exports", json(target).dump(), key, pkg.path, rel),
          "Error"};
}

bool IsArrayIndexKey(const std::string& k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), ::isdigit);
}

Target ResolveTarget(const PackageJson& pkg, const json& target, const std::string* pattern_match,
                     bool is_imports, const std::vector<std::string>& conditions,
                     std::string_view key) {
  Target t;
  if (target.is_string()) {
    std::string s = target.get<std::string>();
    if (s.rfind("./", 0) != 0) {
      bool url_like = s.find(':') != std::string::npos;
      if (is_imports && s.rfind("../", 0) != 0 && s.rfind("/", 0) != 0 && !url_like) {
        t.outcome = Outcome::kBare;
        t.value = s;
        if (pattern_match) {
          std::string out;
          for (char c : s) { if (c == '*') out += *pattern_match; else out += c; }
          t.value = out;
        }
        return t;
      }
      t.outcome = Outcome::kError;
      t.error = InvalidTarget(pkg, key, s, is_imports);
      return t;
    }
    if (HasInvalidSegments(std::string_view(s).substr(2))) {
      t.outcome = Outcome::kError;
      t.error = InvalidTarget(pkg, key, s, is_imports);
      return t;
    }
    std::string resolved = s;
    if (pattern_match) {
      if (HasInvalidSegments(*pattern_match)) {
        t.outcome = Outcome::kError;
        t.error = {"ERR_INVALID_MODULE_SPECIFIER",
                   fmt::format("Invalid module \"{}\" request is not a valid match in pattern \"{}\" "
                               "for the \"{}\" resolution of {}",
                               std::string(key).replace(std::string(key).find('*'), 1, *pattern_match),
                               key, is_imports ? "imports" : "exports", pkg.path),
                   "TypeError"};
        return t;
      }
      resolved.clear();
      for (char c : s) { if (c == '*') resolved += *pattern_match; else resolved += c; }
    }
    t.outcome = Outcome::kResolved;
    t.value = PathResolve(pkg.dir, resolved);
    return t;
  }
  if (target.is_array()) {
    if (target.empty()) return t;
    Target last_error;
    bool had_error = false;
    for (const json& item : target) {
      Target r = ResolveTarget(pkg, item, pattern_match, is_imports, conditions, key);
      if (r.outcome == Outcome::kError && r.error.code == "ERR_INVALID_PACKAGE_TARGET") {
        last_error = r;
        had_error = true;
        continue;
      }
      if (r.outcome == Outcome::kNull) continue;
      return r;
    }
    return had_error ? last_error : t;
  }
  if (target.is_object()) {
    for (auto it = target.begin(); it != target.end(); ++it) {
      if (IsArrayIndexKey(it.key())) {
        t.outcome = Outcome::kError;
        t.error = {"ERR_INVALID_PACKAGE_CONFIG",
                   fmt::format("Invalid package config {}. \"exports\" cannot contain numeric "
                               "property keys.", pkg.path), "Error"};
        return t;
      }
    }
    for (auto it = target.begin(); it != target.end(); ++it) {
      const std::string& cond = it.key();
      if (cond == "default" ||
          std::find(conditions.begin(), conditions.end(), cond) != conditions.end()) {
        Target r = ResolveTarget(pkg, it.value(), pattern_match, is_imports, conditions, key);
        if (r.outcome == Outcome::kNull) continue;
        return r;
      }
    }
    return t;
  }
  if (target.is_null()) return t;
  t.outcome = Outcome::kError;
  t.error = InvalidTarget(pkg, key, target.dump(), is_imports);
  return t;
}

// Finds the best key of `map` for `subpath`: an exact key without '*', else the most specific
// pattern (longest prefix before '*', then longest key).
Target MatchMap(const PackageJson& pkg, const json& map, const std::string& subpath,
                bool is_imports, const std::vector<std::string>& conditions) {
  auto exact = map.find(subpath);
  if (exact != map.end() && subpath.find('*') == std::string::npos)
    return ResolveTarget(pkg, *exact, nullptr, is_imports, conditions, subpath);
  std::string best_key, best_match;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const std::string& k = it.key();
    size_t star = k.find('*');
    if (star == std::string::npos || k.find('*', star + 1) != std::string::npos) continue;
    std::string base = k.substr(0, star), trailer = k.substr(star + 1);
    if (subpath.size() < k.size() || subpath.compare(0, base.size(), base) != 0) continue;
    if (!trailer.empty() && subpath.compare(subpath.size() - trailer.size(), trailer.size(), trailer) != 0)
      continue;
    // PATTERN_KEY_COMPARE: longer base first, then longer key.
    size_t best_star = best_key.find('*');
    bool better = best_key.empty() || base.size() > best_star ||
                  (base.size() == best_star && k.size() > best_key.size());
    if (better) {
      best_key = k;
      best_match = subpath.substr(base.size(), subpath.size() - base.size() - trailer.size());
    }
  }
  if (!best_key.empty())
    return ResolveTarget(pkg, map[best_key], &best_match, is_imports, conditions, best_key);
  return {};
}

}  // namespace

ResolveResult Resolver::FinalizeTarget(const PackageJson& pkg, const std::string& resolved,
                                       std::string_view specifier) {
  (void)specifier;
  for (const char* bad : {"%2f", "%2F", "%5c", "%5C"}) {
    if (resolved.find(bad) != std::string::npos)
      return {"", ResolveError{"ERR_INVALID_MODULE_SPECIFIER",
                               fmt::format("Invalid module \"{}\": must not include encoded \"/\" or "
                                           "\"\\\" characters imported from {}", resolved, pkg.path),
                               "TypeError"}};
  }
  if (auto f = TryFile(resolved, false)) return {*f, std::nullopt};
  return {"", ResolveError{"MODULE_NOT_FOUND", fmt::format("Cannot find module '{}'", resolved)}};
}

ResolveResult Resolver::ExportsResolve(const PackageJson& pkg, const std::string& subpath,
                                       const json& exports, std::string_view specifier) {
  bool has_dot = false, has_other = false;
  if (exports.is_object()) {
    for (auto it = exports.begin(); it != exports.end(); ++it)
      (it.key().rfind('.', 0) == 0 ? has_dot : has_other) = true;
    if (has_dot && has_other)
      return {"", ResolveError{"ERR_INVALID_PACKAGE_CONFIG",
          fmt::format("Invalid package config {}. \"exports\" cannot contain some keys starting with "
                      "'.' and some not. The exports object must either be an object of package "
                      "subpath keys or an object of main entry condition name keys only.", pkg.path)}};
  }
  Target t;
  if (subpath == ".") {
    const json* main = nullptr;
    if (exports.is_string() || exports.is_array() || (exports.is_object() && !has_dot)) main = &exports;
    else if (exports.is_object()) {
      auto it = exports.find(".");
      if (it != exports.end()) main = &*it;
    }
    if (main) t = ResolveTarget(pkg, *main, nullptr, false, conditions, ".");
  } else if (exports.is_object() && has_dot) {
    t = MatchMap(pkg, exports, subpath, false, conditions);
  }
  if (t.outcome == Outcome::kError) return {"", t.error};
  if (t.outcome == Outcome::kResolved) return FinalizeTarget(pkg, t.value, specifier);
  if (subpath == ".")
    return {"", ResolveError{"ERR_PACKAGE_PATH_NOT_EXPORTED",
                             fmt::format("No \"exports\" main defined in {}", pkg.path)}};
  return {"", ResolveError{"ERR_PACKAGE_PATH_NOT_EXPORTED",
                           fmt::format("Package subpath '{}' is not defined by \"exports\" in {}",
                                       subpath, pkg.path)}};
}

ResolveResult Resolver::ResolveImports(std::string_view request, std::string_view parent_file) {
  std::string req(request);
  if (req == "#" || req.rfind("#/", 0) == 0)
    return {"", ResolveError{"ERR_INVALID_MODULE_SPECIFIER",
        fmt::format("Invalid module \"{}\" is not a valid internal imports specifier name imported "
                    "from {}", req, parent_file), "TypeError"}};
  const PackageJson* pkg = FindPackageScope(PathDirname(parent_file));
  if (pkg && !pkg->valid)
    return {"", ResolveError{"ERR_INVALID_PACKAGE_CONFIG",
        fmt::format("Invalid package config {}.", pkg->path)}};
  if (pkg && pkg->imports && pkg->imports->is_object()) {
    Target t = MatchMap(*pkg, *pkg->imports, req, true, conditions);
    if (t.outcome == Outcome::kError) return {"", t.error};
    if (t.outcome == Outcome::kResolved) return FinalizeTarget(*pkg, t.value, req);
    if (t.outcome == Outcome::kBare) {
      // An import mapped to another package: resolve it like a bare require from the scope.
      ResolveResult r = FindPath(t.value, NodeModulePaths(pkg->dir), false);
      if (r.found() || r.error) return r;
      return {"", ResolveError{"MODULE_NOT_FOUND", fmt::format("Cannot find module '{}'", t.value)}};
    }
  }
  std::string where = pkg ? fmt::format(" in package {}", pkg->path) : "";
  return {"", ResolveError{"ERR_PACKAGE_IMPORT_NOT_DEFINED",
      fmt::format("Package import specifier \"{}\" is not defined{} imported from {}", req, where,
                  parent_file), "TypeError"}};
}

ResolveResult Resolver::ResolveSelf(std::string_view request, std::string_view parent_file) {
  const PackageJson* pkg = FindPackageScope(PathDirname(parent_file));
  if (!pkg || !pkg->valid || !pkg->exports || !pkg->name) return {};
  const std::string& name = *pkg->name;
  std::string req(request);
  std::string subpath;
  if (req == name) subpath = ".";
  else if (req.size() > name.size() && req.compare(0, name.size(), name) == 0 && req[name.size()] == '/')
    subpath = "." + req.substr(name.size());
  else return {};
  return ExportsResolve(*pkg, subpath, *pkg->exports, request);
}

ResolveResult Resolver::ResolveExports(const std::string& nm_path, std::string_view request) {
  // Split "@scope/name/sub" or "name/sub" into the package name and "./sub".
  std::string req(request);
  size_t slash = req.find('/');
  if (!req.empty() && req[0] == '@' && slash != std::string::npos) slash = req.find('/', slash + 1);
  std::string name = slash == std::string::npos ? req : req.substr(0, slash);
  std::string subpath = slash == std::string::npos ? "." : "." + req.substr(slash);
  const PackageJson* pkg = ReadPackage(PathResolve(nm_path, name));
  if (!pkg || !pkg->exports) return {};
  if (!pkg->valid) return {};
  return ExportsResolve(*pkg, subpath, *pkg->exports, request);
}

}  // namespace nodus::modules
