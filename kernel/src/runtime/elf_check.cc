#include "runtime/elf_check.h"

#include <elf.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <fstream>
#include <vector>

namespace nodus {
namespace {

#if defined(__x86_64__)
constexpr uint16_t kHostMachine = EM_X86_64;
#elif defined(__aarch64__)
constexpr uint16_t kHostMachine = EM_AARCH64;
#elif defined(__riscv) && __riscv_xlen == 64
constexpr uint16_t kHostMachine = EM_RISCV;
#elif defined(__powerpc64__)
constexpr uint16_t kHostMachine = EM_PPC64;
#elif defined(__s390x__)
constexpr uint16_t kHostMachine = EM_S390;
#else
constexpr uint16_t kHostMachine = EM_NONE;  // unknown host: the machine is not checked
#endif

std::string MachineName(uint16_t machine) {
  switch (machine) {
    case EM_386: return "x86 (32-bit)";
    case EM_X86_64: return "x86-64";
    case EM_ARM: return "ARM (32-bit)";
    case EM_AARCH64: return "AArch64";
    case EM_RISCV: return "RISC-V";
    case EM_PPC64: return "PowerPC64";
    case EM_S390: return "s390x";
    case EM_MIPS: return "MIPS";
    default: return fmt::format("ELF machine {}", machine);
  }
}

}  // namespace

std::string ElfLoadProblem(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  struct stat st {};
  if (!in || stat(path.c_str(), &st) != 0) return "";
  Elf64_Ehdr eh{};
  in.read(reinterpret_cast<char*>(&eh), sizeof(eh));
  // Not ELF, 32-bit, or big-endian: dlopen names those precisely ("invalid ELF header", "wrong
  // ELF class: ELFCLASS32"...).
  if (in.gcount() < static_cast<std::streamsize>(sizeof(eh)) || eh.e_ident[EI_MAG0] != ELFMAG0 ||
      eh.e_ident[EI_MAG1] != ELFMAG1 || eh.e_ident[EI_MAG2] != ELFMAG2 ||
      eh.e_ident[EI_MAG3] != ELFMAG3 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_ident[EI_DATA] != ELFDATA2LSB)
    return "";
  if (kHostMachine != EM_NONE && eh.e_machine != kHostMachine)
    return fmt::format("built for {}, not for this {} machine", MachineName(eh.e_machine),
                       MachineName(kHostMachine));
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phnum == 0)
    return "not a loadable shared library (no program headers)";
  const uint64_t headers_end = eh.e_phoff + uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr);
  if (eh.e_phoff > size || headers_end > size)
    return fmt::format("truncated: {} bytes, its program headers end at byte {}", size, headers_end);
  std::vector<Elf64_Phdr> ph(eh.e_phnum);
  in.seekg(static_cast<std::streamoff>(eh.e_phoff));
  in.read(reinterpret_cast<char*>(ph.data()), static_cast<std::streamsize>(ph.size() * sizeof(Elf64_Phdr)));
  if (!in) return "";
  uint64_t needed = 0;
  for (const auto& p : ph)
    if (p.p_type == PT_LOAD && p.p_offset + p.p_filesz > needed) needed = p.p_offset + p.p_filesz;
  if (needed > size)
    return fmt::format("truncated: {} bytes, its loadable segments need {}", size, needed);
  return "";
}

}  // namespace nodus
