// POSIX path arithmetic for the resolver (same results as path.posix.resolve / dirname).
#include <unistd.h>

#include <climits>
#include <vector>

#include "modules/resolver.h"

namespace nodus::modules {

namespace {
std::string Normalize(std::string_view p) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    std::string_view seg = p.substr(i, j - i);
    if (seg.empty() || seg == ".") {
    } else if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (auto s : parts) { out += '/'; out += s; }
  return out.empty() ? "/" : out;
}
}  // namespace

std::string PathResolve(std::string_view base, std::string_view rel) {
  if (!rel.empty() && rel[0] == '/') return Normalize(rel);
  std::string joined;
  if (base.empty() || base[0] != '/') {
    char cwd[PATH_MAX];
    joined = getcwd(cwd, sizeof(cwd)) ? cwd : "/";
    if (!base.empty()) { joined += '/'; joined += base; }
  } else {
    joined = std::string(base);
  }
  if (!rel.empty()) { joined += '/'; joined += rel; }
  return Normalize(joined);
}

std::string PathDirname(std::string_view p) {
  if (p.empty()) return ".";
  size_t end = p.size();
  while (end > 1 && p[end - 1] == '/') end--;
  size_t slash = p.rfind('/', end - 1);
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(p.substr(0, slash));
}

bool IsRelativeRequest(std::string_view r) {
  return r == "." || r == ".." || r.substr(0, 2) == "./" || r.substr(0, 3) == "../";
}

}  // namespace nodus::modules
