// libFuzzer harness: package.json "exports"/"imports" maps and specifiers through the resolver.
// Input: a package.json body, then a NUL, then a specifier. Files live in a scratch folder.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "modules/resolver.h"

namespace {
std::string Scratch() {
  static std::string dir = [] {
    char tmpl[] = "/tmp/nodus-fuzz-XXXXXX";
    std::string d = mkdtemp(tmpl);
    std::filesystem::create_directories(d + "/node_modules/pkg/lib");
    std::ofstream(d + "/node_modules/pkg/lib/a.js") << "";
    std::ofstream(d + "/node_modules/pkg/index.js") << "";
    std::ofstream(d + "/main.js") << "";
    return d;
  }();
  return dir;
}
// A result is a real file or an error with a code, never both.
void Check(const nodus::modules::ResolveResult& r) {
  if (r.found() && r.error) __builtin_trap();
  if (r.error && r.error->code.empty()) __builtin_trap();
}

bool HasExports(const std::string& json) {
  auto j = nlohmann::ordered_json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("exports")) return false;
  const auto& e = j["exports"];
  return e.is_string() || e.is_object() || e.is_array();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t nul = input.find('\0');
  std::string pkg = input.substr(0, nul);
  std::string spec = nul == std::string::npos ? "pkg" : input.substr(nul + 1);
  if (spec.empty() || spec.size() > 256) return 0;
  std::string dir = Scratch();
  std::ofstream(dir + "/node_modules/pkg/package.json", std::ios::trunc) << pkg;
  std::ofstream(dir + "/package.json", std::ios::trunc) << pkg;
  nodus::modules::Resolver r;
  auto paths = nodus::modules::Resolver::NodeModulePaths(dir);
  auto a = r.FindPath(spec, paths, false);
  auto b = r.ResolveEsmPackage(spec, dir + "/main.js");
  if (!spec.empty() && spec[0] == '#') {
    Check(r.ResolveImports(spec, dir + "/main.js"));
    Check(r.ResolveEsmImports(spec, dir + "/main.js"));
  }
  Check(r.ResolveSelf(spec, dir + "/main.js"));
  Check(a);
  Check(b);
  // With an "exports" map, nothing outside the package can be reached through its name.
  const std::string pkg_dir = dir + "/node_modules/pkg/";
  bool through_exports = (spec == "pkg" || spec.rfind("pkg/", 0) == 0) && HasExports(pkg);
  for (const auto* res : {&a, &b}) {
    if (through_exports && res->found() && res->path.rfind(pkg_dir, 0) != 0) __builtin_trap();
  }
  // The package cache changes nothing: asking again gives the same answer.
  auto again = r.FindPath(spec, paths, false);
  if (again.path != a.path || again.error.has_value() != a.error.has_value()) __builtin_trap();
  return 0;
}
