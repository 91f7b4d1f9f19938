// The plugin manifest: which plugin file provides which module ids, read without opening any plugin.
// Lives at <prefix>/lib/nodus/plugins.json (or $NODUS_PLUGIN_PATH/plugins.json); overrides swap
// the file that serves a plugin, from the weakest: nodus.plugins.json beside the program,
// NODUS_PLUGIN_<NAME>=PATH, --plugin NAME=PATH.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nodus::plugins {

struct PluginInfo {
  std::string name;
  std::string version;
  std::string file;                  // absolute path
  std::vector<std::string> modules;  // public module ids ("fs", "fs/promises")
  std::vector<std::string> depends;  // plugin names loaded first
  bool overridden = false;           // file chosen by --plugin or the environment
};

class Manifest {
 public:
  // Parses `json_text`; relative "file" entries are taken relative to `dir`.
  static std::optional<Manifest> Parse(std::string_view json_text, const std::string& dir,
                                       std::string* error);
  // Reads dir/plugins.json; a missing file gives an empty manifest (a kernel-only runtime).
  static std::optional<Manifest> Load(const std::string& dir, std::string* error);

  const PluginInfo* FindByModule(std::string_view module_id) const;
  const PluginInfo* FindByName(std::string_view name) const;
  const std::vector<PluginInfo>& plugins() const { return plugins_; }
  const std::string& path() const { return path_; }

  // NAME is a plugin name or a module id; a name not in the manifest adds a plugin of that name
  // serving the module id NAME.
  void Override(const std::string& name, const std::string& file);
  // Applies NODUS_PLUGIN_<NAME>=PATH variables from `environ`.
  void ApplyEnvironment(char** environ);
  // Applies a program's own choices, the file kProgramFile in its folder:
  // {"plugins": {"dns": "./libnodus_dns_hosts.so"}} — a plugin name or module id to a file,
  // relative to `dir`. False (with *error) when the text is not of that shape; nothing is applied.
  bool ApplyProgramOverrides(std::string_view json_text, const std::string& dir, std::string* error);
  static constexpr const char* kProgramFile = "nodus.plugins.json";

 private:
  std::vector<PluginInfo> plugins_;
  std::string path_;
};

}  // namespace nodus::plugins
