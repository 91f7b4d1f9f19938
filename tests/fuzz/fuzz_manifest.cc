// libFuzzer harness: the plugin manifest reader must reject any input with a reason, never crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plugins/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string error;
  auto m = nodus::plugins::Manifest::Parse(
      std::string_view(reinterpret_cast<const char*>(data), size), "/lib", &error);
  if (m) {
    for (const auto& p : m->plugins()) {
      (void)m->FindByName(p.name);
      for (const auto& id : p.modules) (void)m->FindByModule(id);
    }
    m->Override("fs", "/x.so");
  } else if (error.empty()) {
    __builtin_trap();  // a rejection must say why
  }
  return 0;
}
