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
  if (!spec.empty() && spec[0] == '#') (void)r.ResolveImports(spec, dir + "/main.js");
  (void)r.ResolveSelf(spec, dir + "/main.js");
  // A result is a real file or an error with a code, never both, never neither with garbage.
  if (a.found() && a.error) __builtin_trap();
  if (b.error && b.error->code.empty()) __builtin_trap();
  return 0;
}
