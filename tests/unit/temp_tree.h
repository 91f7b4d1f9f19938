// A temporary folder tree for tests that need real files; removed when the object dies.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

struct TempTree {
  std::filesystem::path root;
  TempTree() {
    char tmpl[] = "/tmp/nodus-unit-XXXXXX";
    root = mkdtemp(tmpl);
    root = std::filesystem::canonical(root);
  }
  ~TempTree() { std::filesystem::remove_all(root); }
  std::string Write(const std::string& rel, const std::string& content = "") {
    auto p = root / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << content;
    return p.string();
  }
  std::string Dir(const std::string& rel) {
    auto p = root / rel;
    std::filesystem::create_directories(p);
    return p.string();
  }
  std::string operator/(const std::string& rel) const { return (root / rel).string(); }
};
