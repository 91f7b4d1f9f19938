// Opening a plugin file and reading its descriptor: the ELF check, dlopen with every symbol bound,
// the entry symbol, the ABI version and the descriptor's size. Shared by the plugin host (which
// then initialises the plugin) and the code cache builder (which only reads its JS table).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "nodus/plugin.h"
#include "plugins/manifest.h"

namespace boost::dll { class shared_library; }

namespace nodus::plugins {

// A load failure: a Node-style code plus a message that names the file and the reason.
struct PluginError {
  std::string code;
  std::string message;
};

struct OpenedPlugin {
  std::unique_ptr<boost::dll::shared_library> library;  // mapped until the process ends (RTLD_NODELETE)
  const nodus_plugin* desc = nullptr;
  // Out of line: users need not see boost.dll.
  OpenedPlugin();
  OpenedPlugin(OpenedPlugin&&) noexcept;
  OpenedPlugin& operator=(OpenedPlugin&&) noexcept;
  ~OpenedPlugin();
};

std::optional<OpenedPlugin> OpenPluginFile(const PluginInfo& info, PluginError* error);

}  // namespace nodus::plugins
