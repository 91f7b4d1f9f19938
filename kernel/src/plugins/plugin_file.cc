#include "plugins/plugin_file.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <fstream>

#include "runtime/elf_check.h"

namespace nodus::plugins {
namespace {

constexpr uint32_t kSupportedAbi = NODUS_PLUGIN_ABI_VERSION;

// Explains why a file could not be opened as a shared library, beyond dlopen's own words.
std::string DescribeOpenFailure(const std::string& file, const char* dl_message) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "file not found";
  char magic[4] = {};
  in.read(magic, 4);
  if (in.gcount() < 4 || magic[0] != 0x7f || magic[1] != 'E' || magic[2] != 'L' || magic[3] != 'F')
    return fmt::format("not a shared library ({})", dl_message ? dl_message : "invalid ELF header");
  return dl_message ? dl_message : "dlopen failed";
}

}  // namespace

OpenedPlugin::OpenedPlugin() = default;
OpenedPlugin::OpenedPlugin(OpenedPlugin&&) noexcept = default;
OpenedPlugin& OpenedPlugin::operator=(OpenedPlugin&&) noexcept = default;
OpenedPlugin::~OpenedPlugin() = default;

std::optional<OpenedPlugin> OpenPluginFile(const PluginInfo& info, PluginError* error) {
  auto fail = [&](const char* code, std::string message) -> std::optional<OpenedPlugin> {
    *error = PluginError{code, std::move(message)};
    return std::nullopt;
  };
  if (std::string problem = ElfLoadProblem(info.file); !problem.empty())
    return fail("ERR_DLOPEN_FAILED",
                fmt::format("Cannot load plugin '{}' from {}: {}", info.name, info.file, problem));
  OpenedPlugin opened;
  opened.library = std::make_unique<boost::dll::shared_library>();
  boost::dll::fs::error_code ec;
  // Every symbol is bound now: one the plugin needs but nothing provides fails here, by name,
  // instead of killing the process at its first call.
  opened.library->load(info.file, ec,
                       boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local |
                           static_cast<boost::dll::load_mode::type>(RTLD_NODELETE));
  if (ec || !opened.library->is_loaded()) {
    const char* dl = dlerror();
    return fail("ERR_DLOPEN_FAILED", fmt::format("Cannot load plugin '{}' from {}: {}", info.name,
                                                 info.file, DescribeOpenFailure(info.file, dl)));
  }
  if (!opened.library->has(NODUS_PLUGIN_ENTRY_SYMBOL)) {
    for (int v = 0; v < 10; v++) {
      std::string other = fmt::format("nodus_plugin_entry_v{}", v);
      if (v != static_cast<int>(kSupportedAbi) && opened.library->has(other))
        return fail("ERR_NODUS_PLUGIN_ABI",
                    fmt::format("Plugin '{}' ({}) was built for plugin ABI {}; this kernel supports ABI {}",
                                info.name, info.file, v, kSupportedAbi));
    }
    return fail("ERR_NODUS_PLUGIN_INVALID",
                fmt::format("Plugin '{}' ({}) is not a nodus plugin: missing entry symbol {}", info.name,
                            info.file, NODUS_PLUGIN_ENTRY_SYMBOL));
  }
  auto entry = opened.library->get<const nodus_plugin*()>(NODUS_PLUGIN_ENTRY_SYMBOL);
  opened.desc = entry();
  if (!opened.desc)
    return fail("ERR_NODUS_PLUGIN_INVALID", fmt::format("Plugin '{}' ({}) returned no descriptor", info.name, info.file));
  if (opened.desc->abi_version != kSupportedAbi)
    return fail("ERR_NODUS_PLUGIN_ABI",
                fmt::format("Plugin '{}' ({}) was built for plugin ABI {}; this kernel supports ABI {}",
                            info.name, info.file, opened.desc->abi_version, kSupportedAbi));
  if (opened.desc->struct_size < offsetof(nodus_plugin, versions))
    return fail("ERR_NODUS_PLUGIN_INVALID",
                fmt::format("Plugin '{}' ({}) has a truncated descriptor ({} bytes)", info.name, info.file,
                            opened.desc->struct_size));
  return opened;
}

}  // namespace nodus::plugins
