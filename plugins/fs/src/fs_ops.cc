// One-call file-system operations (open, stat, rename…). Each binding function runs its uv_fs_*
// call synchronously when its last argument is not a function — on the JS thread, with a NULL
// libuv callback — and otherwise queues it on libuv's thread pool and calls the function back
// with (errno, syscall) or (0, value). Argument validation happens in JS before these are called.
#include <cstring>

#include "fs_binding.h"

namespace nodus_fs {

FsReq::~FsReq() {
  uv_fs_req_cleanup(&uv);
  if (callback) napi_delete_reference(env, callback);
  if (keep) napi_delete_reference(env, keep);
}

namespace {

// All arguments of a call, missing ones as nullptr.
struct Args {
  static constexpr size_t kMax = 8;
  napi_value v[kMax] = {};
  size_t count = kMax;
  Args(napi_env env, napi_callback_info info) {
    napi_get_cb_info(env, info, &count, v, nullptr, nullptr);
    for (size_t i = count; i < kMax; i++) v[i] = nullptr;
  }
  napi_value operator[](size_t i) const { return v[i]; }
};

napi_value MakeString(napi_env env, const char* s, bool as_buffer) {
  napi_value v;
  size_t len = s ? std::strlen(s) : 0;
  if (as_buffer) {
    void* data;
    napi_create_buffer_copy(env, len, s, &data, &v);
  } else {
    napi_create_string_utf8(env, s ? s : "", len, &v);
  }
  return v;
}

napi_value ThrowTypeError(napi_env env, const char* what) {
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", what);
  return nullptr;
}

constexpr auto kNoSetup = [](FsReq*, bool) { return true; };

#define PATH_ARG(name, index)                                                  \
  std::string name;                                                            \
  if (!GetPath(env, a[index], &name)) return ThrowTypeError(env, "path must be a string or Buffer")

napi_value Open(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(path, 0);
  int32_t flags = 0, mode = 0;
  GetInt32(env, a[1], &flags);
  GetInt32(env, a[2], &mode);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[3], "open", ResultKind::kInt, a[0], nullptr, kNoSetup,
                  [&](uv_fs_t* r, uv_fs_cb cb) {
                    return uv_fs_open(b->loop, r, path.c_str(), flags, mode, cb);
                  });
}

napi_value Close(napi_env env, napi_callback_info info) {
  Args a(env, info);
  int32_t fd = -1;
  GetInt32(env, a[0], &fd);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[1], "close", ResultKind::kVoid, nullptr, nullptr, kNoSetup,
                  [&](uv_fs_t* r, uv_fs_cb cb) { return uv_fs_close(b->loop, r, fd, cb); });
}

// read(fd, buffer, offset, length, position, cb?) / write(...): the OS reads into or writes from
// the caller's Buffer directly; an async request holds a reference so it stays alive.
template <bool kWrite>
napi_value ReadWrite(napi_env env, napi_callback_info info) {
  Args a(env, info);
  int32_t fd = -1;
  GetInt32(env, a[0], &fd);
  void* data = nullptr;
  size_t len = 0;
  if (napi_get_buffer_info(env, a[1], &data, &len) != napi_ok)
    return ThrowTypeError(env, "buffer must be a Buffer or TypedArray");
  double offset = 0, length = 0;
  GetDouble(env, a[2], &offset);
  GetDouble(env, a[3], &length);
  if (offset < 0 || length < 0 || offset + length > static_cast<double>(len)) {
    napi_throw_range_error(env, "ERR_OUT_OF_RANGE", "offset/length out of the buffer's bounds");
    return nullptr;
  }
  int64_t pos = GetPosition(env, a[4]);
  uv_buf_t buf = uv_buf_init(static_cast<char*>(data) + static_cast<size_t>(offset),
                             static_cast<unsigned>(length));
  Binding* b = GetBinding(env);
  napi_value buffer = a[1];
  return Dispatch(
      env, a[5], kWrite ? "write" : "read", ResultKind::kInt, nullptr, nullptr,
      [&](FsReq* req, bool async) {
        if (async) napi_create_reference(env, buffer, 1, &req->keep);
        return true;
      },
      [&](uv_fs_t* r, uv_fs_cb cb) {
        return kWrite ? uv_fs_write(b->loop, r, fd, &buf, 1, pos, cb)
                      : uv_fs_read(b->loop, r, fd, &buf, 1, pos, cb);
      });
}

// readv/writev(fd, buffers[], position, cb?)
template <bool kWrite>
napi_value ReadWriteV(napi_env env, napi_callback_info info) {
  Args a(env, info);
  int32_t fd = -1;
  GetInt32(env, a[0], &fd);
  uint32_t n = 0;
  if (napi_get_array_length(env, a[1], &n) != napi_ok)
    return ThrowTypeError(env, "buffers must be an Array");
  std::vector<uv_buf_t> bufs(n);
  for (uint32_t i = 0; i < n; i++) {
    napi_value el;
    napi_get_element(env, a[1], i, &el);
    void* data = nullptr;
    size_t len = 0;
    if (napi_get_buffer_info(env, el, &data, &len) != napi_ok)
      return ThrowTypeError(env, "buffers must contain ArrayBufferViews");
    bufs[i] = uv_buf_init(static_cast<char*>(data), static_cast<unsigned>(len));
  }
  int64_t pos = GetPosition(env, a[2]);
  Binding* b = GetBinding(env);
  napi_value array = a[1];
  return Dispatch(
      env, a[3], kWrite ? "write" : "read", ResultKind::kInt, nullptr, nullptr,
      [&](FsReq* req, bool async) {
        if (async) napi_create_reference(env, array, 1, &req->keep);
        return true;
      },
      [&](uv_fs_t* r, uv_fs_cb cb) {
        return kWrite ? uv_fs_write(b->loop, r, fd, bufs.data(), n, pos, cb)
                      : uv_fs_read(b->loop, r, fd, bufs.data(), n, pos, cb);
      });
}

enum class StatKind { kStat, kLstat, kFstat };

// stat(path, bigint, cb?, throwIfNoEntry): fills the shared arrays (slot 0). Synchronously it
// returns true, or undefined for a missing entry when throwIfNoEntry is false.
template <StatKind kKind>
napi_value Stat(napi_env env, napi_callback_info info) {
  Args a(env, info);
  std::string path;
  int32_t fd = -1;
  if (kKind == StatKind::kFstat) {
    GetInt32(env, a[0], &fd);
  } else if (!GetPath(env, a[0], &path)) {
    return ThrowTypeError(env, "path must be a string or Buffer");
  }
  bool bigint = GetBool(env, a[1]);
  Binding* b = GetBinding(env);
  const char* syscall = kKind == StatKind::kStat ? "stat" : kKind == StatKind::kLstat ? "lstat" : "fstat";
  auto start = [&](uv_fs_t* r, uv_fs_cb cb) {
    if (kKind == StatKind::kStat) return uv_fs_stat(b->loop, r, path.c_str(), cb);
    if (kKind == StatKind::kLstat) return uv_fs_lstat(b->loop, r, path.c_str(), cb);
    return uv_fs_fstat(b->loop, r, fd, cb);
  };
  if (!IsFunction(env, a[2]) && a[3] != nullptr && !GetBool(env, a[3])) {
    uv_fs_t r;
    int err = start(&r, nullptr);
    if (err == UV_ENOENT || err == UV_ENOTDIR) {
      uv_fs_req_cleanup(&r);
      return Undefined(env);
    }
    if (err < 0) {
      uv_fs_req_cleanup(&r);
      ThrowUvError(env, err, syscall, a[0]);
      return nullptr;
    }
    FillStats(b, &r.statbuf, bigint);
    uv_fs_req_cleanup(&r);
    napi_value t;
    napi_get_boolean(env, true, &t);
    return t;
  }
  return Dispatch(env, a[2], syscall, ResultKind::kStat,
                  kKind == StatKind::kFstat ? nullptr : a[0], nullptr,
                  [&](FsReq* req, bool) {
                    req->bigint = bigint;
                    return true;
                  },
                  start);
}

napi_value Access(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(path, 0);
  int32_t mode = 0;
  GetInt32(env, a[1], &mode);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[2], "access", ResultKind::kVoid, a[0], nullptr, kNoSetup,
                  [&](uv_fs_t* r, uv_fs_cb cb) {
                    return uv_fs_access(b->loop, r, path.c_str(), mode, cb);
                  });
}

// existsSync(path): never throws, so no error object is ever built.
napi_value ExistsSync(napi_env env, napi_callback_info info) {
  Args a(env, info);
  std::string path;
  bool exists = false;
  if (GetPath(env, a[0], &path)) {
    uv_fs_t r;
    exists = uv_fs_access(GetBinding(env)->loop, &r, path.c_str(), F_OK, nullptr) == 0;
    uv_fs_req_cleanup(&r);
  }
  napi_value v;
  napi_get_boolean(env, exists, &v);
  return v;
}

// readdir(path, withTypes, asBuffer, cb?) -> names, or [names, types]
napi_value Readdir(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(path, 0);
  bool with_types = GetBool(env, a[1]);
  bool as_buffer = GetBool(env, a[2]);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[3], "scandir", ResultKind::kScandir, a[0], nullptr,
                  [&](FsReq* req, bool) {
                    req->with_types = with_types;
                    req->as_buffer = as_buffer;
                    return true;
                  },
                  [&](uv_fs_t* r, uv_fs_cb cb) {
                    return uv_fs_scandir(b->loop, r, path.c_str(), 0, cb);
                  });
}

napi_value Mkdir(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(path, 0);
  int32_t mode = 0777;
  GetInt32(env, a[1], &mode);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[2], "mkdir", ResultKind::kVoid, a[0], nullptr, kNoSetup,
                  [&](uv_fs_t* r, uv_fs_cb cb) {
                    return uv_fs_mkdir(b->loop, r, path.c_str(), mode, cb);
                  });
}

napi_value Mkdtemp(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(prefix, 0);
  std::string tpl = prefix + "XXXXXX";
  bool as_buffer = GetBool(env, a[1]);
  Binding* b = GetBinding(env);
  napi_value tpl_value = nullptr;
  if (!IsFunction(env, a[2])) napi_create_string_utf8(env, tpl.c_str(), tpl.size(), &tpl_value);
  return Dispatch(env, a[2], "mkdtemp", ResultKind::kPath, tpl_value, nullptr,
                  [&](FsReq* req, bool) {
                    req->as_buffer = as_buffer;
                    return true;
                  },
                  [&](uv_fs_t* r, uv_fs_cb cb) {
                    int err = uv_fs_mkdtemp(b->loop, r, tpl.c_str(), cb);
                    return err;
                  });
}

// Operations on one path with no other argument.
enum class PathOp { kRmdir, kUnlink, kReadlink, kRealpath };

template <PathOp kOp>
napi_value OnePath(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(path, 0);
  bool as_buffer = GetBool(env, a[1]);
  Binding* b = GetBinding(env);
  const char* syscall = kOp == PathOp::kRmdir    ? "rmdir"
                        : kOp == PathOp::kUnlink ? "unlink"
                        : kOp == PathOp::kReadlink ? "readlink"
                                                   : "realpath";
  ResultKind kind = (kOp == PathOp::kReadlink || kOp == PathOp::kRealpath) ? ResultKind::kPtrString
                                                                            : ResultKind::kVoid;
  return Dispatch(env, a[2], syscall, kind, a[0], nullptr,
                  [&](FsReq* req, bool) {
                    req->as_buffer = as_buffer;
                    return true;
                  },
                  [&](uv_fs_t* r, uv_fs_cb cb) {
                    switch (kOp) {
                      case PathOp::kRmdir: return uv_fs_rmdir(b->loop, r, path.c_str(), cb);
                      case PathOp::kUnlink: return uv_fs_unlink(b->loop, r, path.c_str(), cb);
                      case PathOp::kReadlink: return uv_fs_readlink(b->loop, r, path.c_str(), cb);
                      default: return uv_fs_realpath(b->loop, r, path.c_str(), cb);
                    }
                  });
}

// Operations on two paths: rename(from, to), link(existing, new), symlink(target, path, flags),
// copyfile(src, dest, mode).
enum class TwoPathOp { kRename, kLink, kSymlink, kCopyfile };

template <TwoPathOp kOp>
napi_value TwoPaths(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(from, 0);
  PATH_ARG(to, 1);
  bool has_flags = kOp == TwoPathOp::kSymlink || kOp == TwoPathOp::kCopyfile;
  int32_t flags = 0;
  if (has_flags) GetInt32(env, a[2], &flags);
  napi_value cb = has_flags ? a[3] : a[2];
  Binding* b = GetBinding(env);
  const char* syscall = kOp == TwoPathOp::kRename  ? "rename"
                        : kOp == TwoPathOp::kLink  ? "link"
                        : kOp == TwoPathOp::kSymlink ? "symlink"
                                                     : "copyfile";
  return Dispatch(env, cb, syscall, ResultKind::kVoid, a[0], a[1], kNoSetup,
                  [&](uv_fs_t* r, uv_fs_cb done) {
                    switch (kOp) {
                      case TwoPathOp::kRename:
                        return uv_fs_rename(b->loop, r, from.c_str(), to.c_str(), done);
                      case TwoPathOp::kLink:
                        return uv_fs_link(b->loop, r, from.c_str(), to.c_str(), done);
                      case TwoPathOp::kSymlink:
                        return uv_fs_symlink(b->loop, r, from.c_str(), to.c_str(), flags, done);
                      default:
                        return uv_fs_copyfile(b->loop, r, from.c_str(), to.c_str(), flags, done);
                    }
                  });
}

napi_value Chmod(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(path, 0);
  int32_t mode = 0;
  GetInt32(env, a[1], &mode);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[2], "chmod", ResultKind::kVoid, a[0], nullptr, kNoSetup,
                  [&](uv_fs_t* r, uv_fs_cb cb) {
                    return uv_fs_chmod(b->loop, r, path.c_str(), mode, cb);
                  });
}

napi_value Fchmod(napi_env env, napi_callback_info info) {
  Args a(env, info);
  int32_t fd = -1, mode = 0;
  GetInt32(env, a[0], &fd);
  GetInt32(env, a[1], &mode);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[2], "fchmod", ResultKind::kVoid, nullptr, nullptr, kNoSetup,
                  [&](uv_fs_t* r, uv_fs_cb cb) { return uv_fs_fchmod(b->loop, r, fd, mode, cb); });
}

enum class ChownOp { kChown, kLchown, kFchown };

template <ChownOp kOp>
napi_value Chown(napi_env env, napi_callback_info info) {
  Args a(env, info);
  std::string path;
  int32_t fd = -1;
  if (kOp == ChownOp::kFchown) {
    GetInt32(env, a[0], &fd);
  } else if (!GetPath(env, a[0], &path)) {
    return ThrowTypeError(env, "path must be a string or Buffer");
  }
  int32_t uid = -1, gid = -1;
  GetInt32(env, a[1], &uid);
  GetInt32(env, a[2], &gid);
  Binding* b = GetBinding(env);
  const char* syscall = kOp == ChownOp::kChown ? "chown" : kOp == ChownOp::kLchown ? "lchown" : "fchown";
  return Dispatch(env, a[3], syscall, ResultKind::kVoid, kOp == ChownOp::kFchown ? nullptr : a[0],
                  nullptr, kNoSetup, [&](uv_fs_t* r, uv_fs_cb cb) {
                    auto u = static_cast<uv_uid_t>(uid);
                    auto g = static_cast<uv_gid_t>(gid);
                    if (kOp == ChownOp::kChown) return uv_fs_chown(b->loop, r, path.c_str(), u, g, cb);
                    if (kOp == ChownOp::kLchown) return uv_fs_lchown(b->loop, r, path.c_str(), u, g, cb);
                    return uv_fs_fchown(b->loop, r, fd, u, g, cb);
                  });
}

enum class UtimeOp { kUtime, kLutime, kFutime };

template <UtimeOp kOp>
napi_value Utimes(napi_env env, napi_callback_info info) {
  Args a(env, info);
  std::string path;
  int32_t fd = -1;
  if (kOp == UtimeOp::kFutime) {
    GetInt32(env, a[0], &fd);
  } else if (!GetPath(env, a[0], &path)) {
    return ThrowTypeError(env, "path must be a string or Buffer");
  }
  double atime = 0, mtime = 0;
  GetDouble(env, a[1], &atime);
  GetDouble(env, a[2], &mtime);
  Binding* b = GetBinding(env);
  const char* syscall = kOp == UtimeOp::kUtime ? "utime" : kOp == UtimeOp::kLutime ? "lutime" : "futime";
  return Dispatch(env, a[3], syscall, ResultKind::kVoid, kOp == UtimeOp::kFutime ? nullptr : a[0],
                  nullptr, kNoSetup, [&](uv_fs_t* r, uv_fs_cb cb) {
                    if (kOp == UtimeOp::kUtime) return uv_fs_utime(b->loop, r, path.c_str(), atime, mtime, cb);
                    if (kOp == UtimeOp::kLutime) return uv_fs_lutime(b->loop, r, path.c_str(), atime, mtime, cb);
                    return uv_fs_futime(b->loop, r, fd, atime, mtime, cb);
                  });
}

napi_value Ftruncate(napi_env env, napi_callback_info info) {
  Args a(env, info);
  int32_t fd = -1;
  GetInt32(env, a[0], &fd);
  int64_t len = GetPosition(env, a[1]);
  if (len < 0) len = 0;
  Binding* b = GetBinding(env);
  return Dispatch(env, a[2], "ftruncate", ResultKind::kVoid, nullptr, nullptr, kNoSetup,
                  [&](uv_fs_t* r, uv_fs_cb cb) { return uv_fs_ftruncate(b->loop, r, fd, len, cb); });
}

template <bool kData>
napi_value Fsync(napi_env env, napi_callback_info info) {
  Args a(env, info);
  int32_t fd = -1;
  GetInt32(env, a[0], &fd);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[1], kData ? "fdatasync" : "fsync", ResultKind::kVoid, nullptr, nullptr,
                  kNoSetup, [&](uv_fs_t* r, uv_fs_cb cb) {
                    return kData ? uv_fs_fdatasync(b->loop, r, fd, cb) : uv_fs_fsync(b->loop, r, fd, cb);
                  });
}

// statfs(path, cb?) -> [type, bsize, blocks, bfree, bavail, files, ffree]
napi_value Statfs(napi_env env, napi_callback_info info) {
  Args a(env, info);
  PATH_ARG(path, 0);
  Binding* b = GetBinding(env);
  return Dispatch(env, a[2], "statfs", ResultKind::kStatfs, a[0], nullptr,
                  [&](FsReq* req, bool) {
                    req->bigint = GetBool(env, a[1]);
                    return true;
                  },
                  [&](uv_fs_t* r, uv_fs_cb cb) { return uv_fs_statfs(b->loop, r, path.c_str(), cb); });
}

}  // namespace

napi_value MakeResult(napi_env env, FsReq* req) {
  switch (req->kind) {
    case ResultKind::kVoid:
      return Undefined(env);
    case ResultKind::kInt:
      return Int(env, req->uv.result);
    case ResultKind::kStat: {
      FillStats(GetBinding(env), &req->uv.statbuf, req->bigint);
      napi_value t;
      napi_get_boolean(env, true, &t);
      return t;
    }
    case ResultKind::kPtrString:
      return MakeString(env, static_cast<const char*>(req->uv.ptr), req->as_buffer);
    case ResultKind::kPath:
      return MakeString(env, req->uv.path, req->as_buffer);
    case ResultKind::kScandir: {
      napi_value names, types = nullptr;
      napi_create_array(env, &names);
      if (req->with_types) napi_create_array(env, &types);
      uv_dirent_t ent;
      uint32_t i = 0;
      while (uv_fs_scandir_next(&req->uv, &ent) != UV_EOF) {
        napi_set_element(env, names, i, MakeString(env, ent.name, req->as_buffer));
        if (types) napi_set_element(env, types, i, Int(env, ent.type));
        i++;
      }
      if (!types) return names;
      napi_value pair;
      napi_create_array_with_length(env, 2, &pair);
      napi_set_element(env, pair, 0, names);
      napi_set_element(env, pair, 1, types);
      return pair;
    }
    case ResultKind::kStatfs: {
      const auto* s = static_cast<const uv_statfs_t*>(req->uv.ptr);
      const uint64_t fields[] = {s->f_type, s->f_bsize, s->f_blocks, s->f_bfree,
                                 s->f_bavail, s->f_files, s->f_ffree};
      napi_value arr;
      napi_create_array_with_length(env, 7, &arr);
      for (uint32_t i = 0; i < 7; i++) {
        napi_value v;
        if (req->bigint)
          napi_create_bigint_uint64(env, fields[i], &v);
        else
          napi_create_double(env, static_cast<double>(fields[i]), &v);
        napi_set_element(env, arr, i, v);
      }
      return arr;
    }
    case ResultKind::kDir:
    case ResultKind::kDirRead:
      return MakeDirResult(env, req);
  }
  return Undefined(env);
}

void CallBack(FsReq* req, int err, const char* syscall, napi_value value) {
  napi_env env = req->env;
  Binding* b = GetBinding(env);
  napi_value cb, global, argv[2];
  napi_get_reference_value(env, req->callback, &cb);
  napi_get_global(env, &global);
  argv[0] = Int(env, err);
  if (err < 0)
    napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &argv[1]);
  else
    argv[1] = value ? value : Undefined(env);
  napi_status status = napi_make_callback(env, b->async_context, global, cb, 2, argv, nullptr);
  if (status != napi_ok) {
    // A throwing callback: the error belongs to 'uncaughtException', as it would in Node.
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) {
      napi_value error;
      napi_get_and_clear_last_exception(env, &error);
      napi_fatal_exception(env, error);
    }
  }
}

void AfterFs(uv_fs_t* uv) {
  std::unique_ptr<FsReq> req(static_cast<FsReq*>(uv->data));
  napi_env env = req->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value value = uv->result < 0 ? nullptr : MakeResult(env, req.get());
  // Released before JS runs: the callback may close a directory this request still points to.
  uv_fs_req_cleanup(uv);
  if (uv->result < 0)
    CallBack(req.get(), static_cast<int>(uv->result), req->syscall, nullptr);
  else
    CallBack(req.get(), 0, nullptr, value);
  napi_close_handle_scope(env, scope);
}

void RegisterOps(napi_env env, napi_value binding) {
  const Method methods[] = {
      {"open", Open},
      {"close", Close},
      {"read", ReadWrite<false>},
      {"write", ReadWrite<true>},
      {"readv", ReadWriteV<false>},
      {"writev", ReadWriteV<true>},
      {"stat", Stat<StatKind::kStat>},
      {"lstat", Stat<StatKind::kLstat>},
      {"fstat", Stat<StatKind::kFstat>},
      {"access", Access},
      {"existsSync", ExistsSync},
      {"readdir", Readdir},
      {"mkdir", Mkdir},
      {"mkdtemp", Mkdtemp},
      {"rmdir", OnePath<PathOp::kRmdir>},
      {"unlink", OnePath<PathOp::kUnlink>},
      {"readlink", OnePath<PathOp::kReadlink>},
      {"realpath", OnePath<PathOp::kRealpath>},
      {"rename", TwoPaths<TwoPathOp::kRename>},
      {"link", TwoPaths<TwoPathOp::kLink>},
      {"symlink", TwoPaths<TwoPathOp::kSymlink>},
      {"copyfile", TwoPaths<TwoPathOp::kCopyfile>},
      {"chmod", Chmod},
      {"fchmod", Fchmod},
      {"chown", Chown<ChownOp::kChown>},
      {"lchown", Chown<ChownOp::kLchown>},
      {"fchown", Chown<ChownOp::kFchown>},
      {"utimes", Utimes<UtimeOp::kUtime>},
      {"lutimes", Utimes<UtimeOp::kLutime>},
      {"futimes", Utimes<UtimeOp::kFutime>},
      {"ftruncate", Ftruncate},
      {"fsync", Fsync<false>},
      {"fdatasync", Fsync<true>},
      {"statfs", Statfs},
  };
  DefineMethods(env, binding, methods, sizeof(methods) / sizeof(methods[0]));
}

}  // namespace nodus_fs
