#include "plugins/manifest.h"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "modules/resolver.h"

namespace nodus::plugins {

std::optional<Manifest> Manifest::Parse(std::string_view text, const std::string& dir,
                                        std::string* error) {
  Manifest m;
  try {
    auto j = nlohmann::json::parse(text);
    if (!j.is_object() || !j.contains("plugins") || !j["plugins"].is_array()) {
      *error = "expected an object with a \"plugins\" array";
      return std::nullopt;
    }
    for (const auto& p : j["plugins"]) {
      if (!p.is_object() || !p.contains("name") || !p["name"].is_string() || !p.contains("file") ||
          !p["file"].is_string()) {
        *error = "each plugin needs a \"name\" and a \"file\"";
        return std::nullopt;
      }
      PluginInfo info;
      info.name = p["name"].get<std::string>();
      info.version = p.value("version", "");
      info.file = modules::PathResolve(dir, p["file"].get<std::string>());
      for (const char* key : {"modules", "depends"}) {
        if (!p.contains(key)) continue;
        if (!p[key].is_array()) {
          *error = fmt::format("plugin \"{}\": \"{}\" must be an array of strings", info.name, key);
          return std::nullopt;
        }
        for (const auto& s : p[key]) {
          if (!s.is_string()) {
            *error = fmt::format("plugin \"{}\": \"{}\" must be an array of strings", info.name, key);
            return std::nullopt;
          }
          (std::string_view(key) == "modules" ? info.modules : info.depends).push_back(s.get<std::string>());
        }
      }
      m.plugins_.push_back(std::move(info));
    }
  } catch (const nlohmann::json::exception& e) {
    *error = e.what();
    return std::nullopt;
  }
  return m;
}

std::optional<Manifest> Manifest::Load(const std::string& dir, std::string* error) {
  std::string file = dir + "/plugins.json";
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Manifest empty;
    empty.path_ = file;
    return empty;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto m = Parse(text, dir, error);
  if (m) m->path_ = file;
  else *error = fmt::format("{}: {}", file, *error);
  return m;
}

const PluginInfo* Manifest::FindByModule(std::string_view id) const {
  for (const auto& p : plugins_)
    for (const auto& m : p.modules)
      if (m == id) return &p;
  // A plugin swapped in under a new name serves that name's sub-modules too ("dns/promises"
  // for --plugin dns=...): which ones exactly is known only once its file is opened.
  auto slash = id.find('/');
  if (slash != std::string_view::npos) {
    for (const auto& p : plugins_)
      if (p.overridden && p.name == id.substr(0, slash)) return &p;
  }
  return nullptr;
}

const PluginInfo* Manifest::FindByName(std::string_view name) const {
  for (const auto& p : plugins_)
    if (p.name == name) return &p;
  return nullptr;
}

void Manifest::Override(const std::string& name, const std::string& file) {
  std::string abs = modules::PathResolve("", file);
  for (auto& p : plugins_) {
    if (p.name == name) {
      p.file = abs;
      p.overridden = true;
      return;
    }
  }
  // A module id served by a plugin of another name: that plugin's file is swapped.
  for (auto& p : plugins_) {
    for (const auto& m : p.modules) {
      if (m == name) {
        p.file = abs;
        p.overridden = true;
        return;
      }
    }
  }
  PluginInfo info;
  info.name = name;
  info.file = abs;
  info.modules = {name};
  info.overridden = true;
  plugins_.push_back(std::move(info));
}

void Manifest::ApplyEnvironment(char** env) {
  static constexpr std::string_view kPrefix = "NODUS_PLUGIN_";
  for (char** e = env; e && *e; e++) {
    std::string_view kv(*e);
    if (kv.substr(0, kPrefix.size()) != kPrefix) continue;
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key(kv.substr(kPrefix.size(), eq - kPrefix.size()));
    if (key == "PATH" || key.empty()) continue;
    // NODUS_PLUGIN_CHILD_PROCESS -> child_process
    std::string name;
    for (char c : key) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Override(name, std::string(kv.substr(eq + 1)));
  }
}

bool Manifest::ApplyProgramOverrides(std::string_view text, const std::string& dir, std::string* error) {
  std::vector<std::pair<std::string, std::string>> choices;
  try {
    auto j = nlohmann::json::parse(text);
    if (!j.is_object() || !j.contains("plugins") || !j["plugins"].is_object()) {
      *error = "expected an object with a \"plugins\" object mapping plugin names to files";
      return false;
    }
    for (const auto& [name, file] : j["plugins"].items()) {
      if (!file.is_string() || name.empty()) {
        *error = fmt::format("plugin \"{}\": the file must be a string", name);
        return false;
      }
      choices.emplace_back(name, modules::PathResolve(dir, file.get<std::string>()));
    }
  } catch (const nlohmann::json::exception& e) {
    *error = e.what();
    return false;
  }
  for (const auto& [name, file] : choices) Override(name, file);
  return true;
}

}  // namespace nodus::plugins
