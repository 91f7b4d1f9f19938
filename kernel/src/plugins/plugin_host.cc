#include "plugins/plugin_host.h"

#include <fmt/format.h>

#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "modules/resolver.h"
#include "napi/napi_host.h"
#include "nodus/plugin.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

extern char** environ;

namespace nodus::plugins {

PluginHost::PluginHost(Runtime& rt) : rt_(rt) {}
PluginHost::~PluginHost() {
  // Libraries stay mapped until the process ends (callbacks into them may still be queued):
  // they are opened with RTLD_NODELETE, so closing them here frees only our bookkeeping.
  for (auto& [name, p] : loaded_) p->binding.Reset();
}

std::string PluginHost::PluginDir() const {
  if (const char* dir = std::getenv("NODUS_PLUGIN_PATH"); dir && *dir) return dir;
  return modules::PathResolve(modules::PathDirname(rt_.options().exec_path), "../lib/nodus");
}

const Manifest& PluginHost::manifest() {
  if (!manifest_) {
    manifest_ = Manifest::Load(PluginDir(), &manifest_error_);
    if (!manifest_) manifest_ = Manifest();
    ApplyProgramManifest();
    manifest_->ApplyEnvironment(environ);
    for (const auto& [name, file] : rt_.options().plugin_overrides) manifest_->Override(name, file);
  }
  return *manifest_;
}

void PluginHost::ApplyProgramManifest() {
  const cli::Options& o = rt_.options();
  if (o.mode != cli::Mode::kScript) return;
  std::string dir = modules::PathDirname(modules::PathResolve("", o.script));
  std::string file = modules::PathResolve(dir, Manifest::kProgramFile);
  std::ifstream in(file, std::ios::binary);
  if (!in) return;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string why;
  if (!manifest_->ApplyProgramOverrides(text, dir, &why))
    program_manifest_error_ = fmt::format("Invalid plugin choices in {}: {}", file, why);
}

// A program whose own plugin choices cannot be read runs with none of them rather than with a
// set it did not ask for: every plugin load reports the file and the reason.
bool PluginHost::ProgramManifestFailed(PluginError* error) {
  manifest();
  if (program_manifest_error_.empty()) return false;
  *error = {"ERR_NODUS_PLUGIN_INVALID", program_manifest_error_};
  return true;
}

const LoadedPlugin* PluginHost::Find(const std::string& name) const {
  auto it = loaded_.find(name);
  return it == loaded_.end() ? nullptr : it->second.get();
}

std::optional<std::string> PluginHost::LoadForModule(const std::string& id, PluginError* error) {
  if (ProgramManifestFailed(error)) return std::nullopt;
  const PluginInfo* info = manifest().FindByModule(id);
  if (!info) {
    std::string why = manifest_error_.empty() ? fmt::format("no plugin in {} provides it", manifest().path())
                                              : manifest_error_;
    *error = {"ERR_UNKNOWN_BUILTIN_MODULE", fmt::format("No such built-in module: {} ({})", id, why)};
    return std::nullopt;
  }
  std::vector<std::string> chain;
  return Load(*info, chain, error);
}

std::optional<std::string> PluginHost::LoadByName(const std::string& name, PluginError* error) {
  if (ProgramManifestFailed(error)) return std::nullopt;
  const PluginInfo* info = manifest().FindByName(name);
  if (!info) {
    *error = {"ERR_UNKNOWN_BUILTIN_MODULE",
              fmt::format("Plugin '{}' is not in this runtime ({})", name, manifest().path())};
    return std::nullopt;
  }
  std::vector<std::string> chain;
  return Load(*info, chain, error);
}

std::optional<std::string> PluginHost::Load(const PluginInfo& info, std::vector<std::string>& chain,
                                            PluginError* error) {
  if (loaded_.count(info.name)) return info.name;
  if (auto f = failed_.find(info.name); f != failed_.end()) {
    *error = f->second;
    return std::nullopt;
  }
  auto fail = [&](std::string code, std::string message) -> std::optional<std::string> {
    *error = {std::move(code), std::move(message)};
    failed_[info.name] = *error;
    return std::nullopt;
  };
  for (const auto& c : chain)
    if (c == info.name) return fail("ERR_NODUS_PLUGIN_INVALID",
                                    fmt::format("Plugin '{}' ({}) depends on itself", info.name, info.file));
  chain.push_back(info.name);
  for (const auto& dep : info.depends) {
    const PluginInfo* d = manifest().FindByName(dep);
    if (!d) return fail("ERR_UNKNOWN_BUILTIN_MODULE",
                        fmt::format("Plugin '{}' ({}) depends on plugin '{}', which is not in this runtime",
                                    info.name, info.file, dep));
    PluginError dep_error;
    if (!Load(*d, chain, &dep_error))
      return fail(dep_error.code, fmt::format("Plugin '{}' ({}) needs plugin '{}': {}", info.name,
                                              info.file, dep, dep_error.message));
  }
  chain.pop_back();

  PluginError open_error;
  std::optional<OpenedPlugin> opened = OpenPluginFile(info, &open_error);
  if (!opened) return fail(open_error.code, open_error.message);
  const nodus_plugin* desc = opened->desc;
  std::vector<std::string> provided;
  for (const char* const* m = desc->modules; m && *m; m++) provided.emplace_back(*m);
  if (!info.overridden) {
    for (const auto& m : info.modules)
      if (std::find(provided.begin(), provided.end(), m) == provided.end())
        return fail("ERR_NODUS_PLUGIN_INVALID",
                    fmt::format("Plugin '{}' ({}) does not provide module '{}' listed in the manifest",
                                info.name, info.file, m));
  }

  auto plugin = std::make_unique<LoadedPlugin>();
  plugin->name = info.name;
  plugin->version = desc->version ? desc->version : "";
  plugin->file = info.file;
  plugin->modules = provided;
  if (desc->struct_size > offsetof(nodus_plugin, versions))
    for (const char* const* v = desc->versions; v && v[0] && v[1]; v += 2) plugin->versions.emplace_back(v[0], v[1]);

  v8::Isolate* isolate = rt_.isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> ctx = rt_.context();
  v8::Local<v8::Object> binding = v8::Object::New(isolate);
  if (desc->init) {
    int32_t napi_version = desc->struct_size > offsetof(nodus_plugin, napi_version) && desc->napi_version > 0
                               ? desc->napi_version : 8;
    napi_env env = napi::CreateEnv(rt_, ctx, napi_version, info.file);
    v8::TryCatch tc(isolate);
    v8::Local<v8::Value> result;
    if (!napi::CallModuleInit(env, desc->init, binding).ToLocal(&result)) {
      std::string reason = tc.HasCaught() ? ToStdString(isolate, tc.Exception()) : "init failed";
      return fail("ERR_NODUS_PLUGIN_INIT",
                  fmt::format("Plugin '{}' ({}) failed to initialize: {}", info.name, info.file, reason));
    }
    if (result->IsObject()) binding = result.As<v8::Object>();
  }
  plugin->binding.Reset(isolate, binding);
  rt_.builtins().AddTable(desc->js, info.name);
  plugin->library = std::move(opened->library);
  loaded_[info.name] = std::move(plugin);
  return info.name;
}

}  // namespace nodus::plugins
