// Checks a shared library's ELF header before dlopen maps it: the plugin host and the addon
// loader share them.
#pragma once

#include <string>

namespace nodus {

// Why `path` cannot be loaded on this machine, as far as its ELF header and program headers
// tell, or "" when they look loadable (or the file is not ELF at all: dlopen's own message says
// that best). Catches what dlopen handles badly: a file built for another CPU (glibc answers "No
// such file or directory") and a truncated file (its missing pages fault with SIGBUS once
// touched, killing the process).
std::string ElfLoadProblem(const std::string& path);

}  // namespace nodus
