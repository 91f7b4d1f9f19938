// The startup snapshot: the kernel's bootstrap (realm, process object, globals, timers) is run once
// at build time and saved with V8's SnapshotCreator; at startup the context is deserialized instead
// of bootstrapped. The file records the native callbacks the snapshot refers to as offsets from an
// anchor function, so it is valid only for the executable that wrote it (checked by GNU build-id).
#pragma once

#include <v8.h>

#include <optional>
#include <string>
#include <vector>

namespace nodus::snapshot {

// Native callbacks referenced by objects in the heap, recorded while the snapshot is built.
class ExternalRefs {
 public:
  explicit ExternalRefs(size_t capacity);
  void Record(const void* fn);
  const intptr_t* data() const { return refs_.data(); }
  size_t size() const { return count_; }

 private:
  std::vector<intptr_t> refs_;  // zero-terminated, fixed capacity: V8 keeps the pointer
  size_t count_ = 0;
};

struct Loaded {
  std::vector<char> blob;       // the whole file; the V8 blob starts at `offset`
  size_t offset = 0;
  std::vector<intptr_t> refs;  // zero-terminated
  v8::StartupData startup_data{};
};

// The GNU build-id of the running executable (what snapshot and code cache files are tied to).
std::string BuildId();

bool Write(const std::string& path, const ExternalRefs& refs, const v8::StartupData& blob,
           std::string* error);
// Reads a snapshot written by this very executable; nothing when missing, stale or malformed.
std::optional<Loaded> Read(const std::string& path);

}  // namespace nodus::snapshot
