// Loads plugins on first use: opens the file named by the manifest (boost.dll), checks the entry
// symbol and ABI version, loads the plugins it depends on, registers its JS, and runs its init once
// with a private binding object. Plugins are never unloaded: their code may still be referenced.
#pragma once

#include <v8.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plugins/manifest.h"
#include "plugins/plugin_file.h"

namespace boost::dll { class shared_library; }

namespace nodus {
class Runtime;
}

namespace nodus::plugins {

struct LoadedPlugin {
  std::string name, version, file;
  std::vector<std::string> modules;
  std::vector<std::pair<std::string, std::string>> versions;  // for process.versions
  std::unique_ptr<boost::dll::shared_library> library;
  v8::Global<v8::Object> binding;
};

class PluginHost {
 public:
  explicit PluginHost(Runtime& rt);
  ~PluginHost();

  // The manifest, read on first use (startup reads nothing).
  const Manifest& manifest();
  // Where plugins.json is looked for.
  std::string PluginDir() const;

  // Loads the plugin that provides module `id` (and its dependencies). Returns the plugin's name.
  std::optional<std::string> LoadForModule(const std::string& id, PluginError* error);
  std::optional<std::string> LoadByName(const std::string& name, PluginError* error);
  const LoadedPlugin* Find(const std::string& name) const;
  const std::map<std::string, std::unique_ptr<LoadedPlugin>>& loaded() const { return loaded_; }

 private:
  std::optional<std::string> Load(const PluginInfo& info, std::vector<std::string>& chain,
                                  PluginError* error);
  // nodus.plugins.json in the main script's folder (script mode only).
  void ApplyProgramManifest();
  bool ProgramManifestFailed(PluginError* error);

  Runtime& rt_;
  std::optional<Manifest> manifest_;
  std::string manifest_error_;
  std::string program_manifest_error_;
  std::map<std::string, std::unique_ptr<LoadedPlugin>> loaded_;
  std::map<std::string, PluginError> failed_;
};

}  // namespace nodus::plugins
