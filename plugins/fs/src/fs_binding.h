// Shared pieces of the fs binding: per-environment state, argument helpers and the request type
// every file-system operation runs through. Speaks Node-API and libuv only (no v8.h).
#pragma once

#include <uv.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "node_api.h"
#include "nodus/napi_helpers.h"

namespace nodus_fs {

// Number of Float64/BigInt64 slots one stat result fills (Node's order: dev, mode, nlink, uid,
// gid, rdev, blksize, ino, size, blocks, then sec/nsec pairs of atime, mtime, ctime, birthtime).
constexpr size_t kStatFields = 18;

// Error codes the binding reports besides libuv's negative errnos.
constexpr int kErrFileTooLarge = -0x10000;

// State of one environment (the kernel gives the plugin one napi_env): kept as instance data,
// so the binding has no global mutable state.
struct Binding {
  napi_env env = nullptr;
  uv_loop_t* loop = nullptr;
  napi_async_context async_context = nullptr;
  napi_ref error_factory = nullptr;  // (errno, syscall, path, dest) => Error, set by JS
  double* stat_values = nullptr;     // 2 * kStatFields, shared with JS as a Float64Array
  int64_t* bigint_stat_values = nullptr;  // same, as a BigInt64Array
};

inline Binding* GetBinding(napi_env env) { return nodus::napi::InstanceData<Binding>(env); }

// From the SDK's helpers; fs keeps its own argument readers (they report failure, not fallbacks).
using nodus::napi::Int;
using nodus::napi::IsFunction;
using nodus::napi::Undefined;

// A path argument: a JS string or the bytes of a Buffer/Uint8Array.
bool GetPath(napi_env env, napi_value value, std::string* out);
bool GetInt32(napi_env env, napi_value value, int32_t* out);
bool GetUint32(napi_env env, napi_value value, uint32_t* out);
bool GetDouble(napi_env env, napi_value value, double* out);
// A file position: a number or a bigint; anything else (null, undefined, -1) means "current".
int64_t GetPosition(napi_env env, napi_value value);
bool GetBool(napi_env env, napi_value value);

// Throws the Node-style error built by the JS factory for a failed synchronous call.
void ThrowUvError(napi_env env, int err, const char* syscall, napi_value path = nullptr,
                  napi_value dest = nullptr);
// Decodes file bytes as a UTF-8 (or Latin-1) string; when V8 cannot hold a string that long, a
// Buffer copy is returned instead, and JS's toString() raises Node's ERR_STRING_TOO_LONG.
napi_value DecodeOrBuffer(napi_env env, const char* data, size_t size, bool latin1);

// Writes one uv_stat_t into slot `slot` (0 or 1) of the shared stat arrays.
void FillStats(Binding* b, const uv_stat_t* s, bool bigint, int slot = 0);

// How a finished request turns into the JS value handed to the callback (or returned).
enum class ResultKind : uint8_t {
  kVoid,      // undefined
  kInt,       // req.result (fd, byte count)
  kStat,      // fills the shared stat array from req.statbuf; returns undefined
  kPtrString, // req.ptr as a string or Buffer (readlink, realpath)
  kPath,      // req.path as a string or Buffer (mkdtemp)
  kScandir,   // array of names, or [names, types]
  kDir,       // an opened uv_dir_t, wrapped for JS
  kDirRead,   // entries read from a uv_dir_t
  kStatfs,    // array of uv_statfs_t fields
};

// One file-system request. Owned by the loop while in flight, freed when its callback ran.
struct FsReq {
  explicit FsReq(napi_env e) : env(e) { uv.data = this; }
  virtual ~FsReq();
  FsReq(const FsReq&) = delete;
  FsReq& operator=(const FsReq&) = delete;

  uv_fs_t uv{};
  napi_env env;
  napi_ref callback = nullptr;  // JS (errno, syscall) or (0, value)
  napi_ref keep = nullptr;      // keeps Buffers the OS reads into or writes from alive
  ResultKind kind = ResultKind::kVoid;
  bool bigint = false;          // kStat: BigInt64Array
  bool as_buffer = false;       // string results as Buffers
  bool with_types = false;      // kScandir: also the entry types
  const char* syscall = "";
  void* extra = nullptr;        // kDir/kDirRead: the directory handle
};

// Turns a successful request into its JS value.
napi_value MakeResult(napi_env env, FsReq* req);
// Calls the request's JS callback through napi_make_callback (so ticks and microtasks drain and
// exceptions reach 'uncaughtException'), with (errno, syscall) or (0, value).
void CallBack(FsReq* req, int err, const char* syscall, napi_value value);
// libuv completion for one-shot requests.
void AfterFs(uv_fs_t* uv);

// Runs one uv_fs_* call, synchronously when `cb` is not a function (returns the value or throws),
// else queued with AfterFs (returns nothing). `setup(req, async)` fills the request and returns
// false to give up (an exception is then pending); `start(uv_req, uv_cb)` issues the call.
template <typename Setup, typename Start>
napi_value Dispatch(napi_env env, napi_value cb, const char* syscall, ResultKind kind,
                    napi_value path, napi_value dest, Setup&& setup, Start&& start) {
  if (IsFunction(env, cb)) {
    auto req = std::make_unique<FsReq>(env);
    req->kind = kind;
    req->syscall = syscall;
    if (!setup(req.get(), true)) return nullptr;
    napi_create_reference(env, cb, 1, &req->callback);
    int err = start(&req->uv, AfterFs);
    if (err < 0) {
      ThrowUvError(env, err, syscall, path, dest);
      return nullptr;
    }
    req.release();  // the loop owns it until AfterFs
    return nullptr;
  }
  FsReq req(env);
  req.kind = kind;
  req.syscall = syscall;
  if (!setup(&req, false)) return nullptr;
  int err = start(&req.uv, nullptr);
  if (err < 0) {
    ThrowUvError(env, err, syscall, path, dest);
    return nullptr;
  }
  return MakeResult(env, &req);
}

// Results of opendir/dir reads (fs_dir.cc).
napi_value MakeDirResult(napi_env env, FsReq* req);

// Asynchronous readFile/writeFile as one thread-pool job each (fs_file_work.cc). `target` is a
// path or an fd; the callback gets (errno, syscall) or (0, value).
napi_value QueueReadFile(napi_env env, napi_value target, int flags, int encoding, napi_value cb);
napi_value QueueWriteFile(napi_env env, napi_value target, napi_value data, int flags, int mode,
                          napi_value cb);

// Registration helpers, one per source file.
struct Method {
  const char* name;
  napi_callback fn;
};
void DefineMethods(napi_env env, napi_value target, const Method* methods, size_t count);
void RegisterOps(napi_env env, napi_value binding);
void RegisterFileJobs(napi_env env, napi_value binding);
void RegisterDir(napi_env env, napi_value binding);
void RegisterWatchers(napi_env env, napi_value binding);

}  // namespace nodus_fs
