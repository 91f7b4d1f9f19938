// Directory streams (fs.opendir / Dir): a uv_dir_t behind a JS external, read in batches.
#include <cstring>

#include "fs_binding.h"

namespace nodus_fs {
namespace {

constexpr size_t kDirBatch = 32;

struct DirHandle {
  uv_dir_t* dir = nullptr;
  uv_loop_t* loop = nullptr;
  uv_dirent_t entries[kDirBatch];
};

void CloseNow(DirHandle* h) {
  if (h->dir == nullptr) return;
  uv_fs_t r;
  uv_fs_closedir(h->loop, &r, h->dir, nullptr);
  uv_fs_req_cleanup(&r);
  h->dir = nullptr;
}

// A Dir the program dropped without closing is closed when collected.
void FinalizeDir(napi_env, void* data, void*) {
  auto* h = static_cast<DirHandle*>(data);
  CloseNow(h);
  delete h;
}

DirHandle* GetHandle(napi_env env, napi_value value) {
  void* data = nullptr;
  if (napi_get_value_external(env, value, &data) != napi_ok) return nullptr;
  return static_cast<DirHandle*>(data);
}

napi_value Name(napi_env env, const char* s, bool as_buffer) {
  napi_value v;
  size_t len = std::strlen(s);
  if (as_buffer) {
    void* unused;
    napi_create_buffer_copy(env, len, s, &unused, &v);
  } else {
    napi_create_string_utf8(env, s, len, &v);
  }
  return v;
}

napi_value ThrowClosed(napi_env env) {
  napi_throw_error(env, "ERR_DIR_CLOSED", "Directory handle was closed");
  return nullptr;
}

// opendir(path, asBuffer, cb?) -> handle
napi_value Opendir(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value a[3] = {};
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  std::string path;
  if (!GetPath(env, a[0], &path)) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "path must be a string or Buffer");
    return nullptr;
  }
  Binding* b = GetBinding(env);
  // Node names no path in opendir errors.
  return Dispatch(env, a[2], "opendir", ResultKind::kDir, nullptr, nullptr,
                  [](FsReq*, bool) { return true; },
             [&](uv_fs_t* r, uv_fs_cb cb) { return uv_fs_opendir(b->loop, r, path.c_str(), cb); });
}

// dirRead(handle, asBuffer, cb?) -> [names, types], or null at the end
napi_value DirRead(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value a[3] = {};
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  DirHandle* h = GetHandle(env, a[0]);
  if (h == nullptr || h->dir == nullptr) return ThrowClosed(env);
  bool as_buffer = GetBool(env, a[1]);
  napi_value handle = a[0];
  h->dir->dirents = h->entries;
  h->dir->nentries = kDirBatch;
  return Dispatch(env, a[2], "scandir", ResultKind::kDirRead, nullptr, nullptr,
             [&](FsReq* req, bool async) {
               req->extra = h;
               req->as_buffer = as_buffer;
               if (async) napi_create_reference(env, handle, 1, &req->keep);
               return true;
             },
             [&](uv_fs_t* r, uv_fs_cb cb) { return uv_fs_readdir(h->loop, r, h->dir, cb); });
}

// dirClose(handle, cb?)
napi_value DirClose(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value a[2] = {};
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  DirHandle* h = GetHandle(env, a[0]);
  if (h == nullptr || h->dir == nullptr) return ThrowClosed(env);
  uv_dir_t* dir = h->dir;
  h->dir = nullptr;  // closed from now on, whatever the OS answers
  napi_value handle = a[0];
  return Dispatch(env, a[1], "closedir", ResultKind::kVoid, nullptr, nullptr,
             [&](FsReq* req, bool async) {
               if (async) napi_create_reference(env, handle, 1, &req->keep);
               return true;
             },
             [&](uv_fs_t* r, uv_fs_cb cb) { return uv_fs_closedir(h->loop, r, dir, cb); });
}

}  // namespace

napi_value MakeDirResult(napi_env env, FsReq* req) {
  if (req->kind == ResultKind::kDir) {
    auto* h = new DirHandle;
    h->dir = static_cast<uv_dir_t*>(req->uv.ptr);
    h->loop = GetBinding(env)->loop;
    napi_value ext;
    napi_create_external(env, h, FinalizeDir, nullptr, &ext);
    return ext;
  }
  auto* h = static_cast<DirHandle*>(req->extra);
  ssize_t n = req->uv.result;
  napi_value result;
  if (n <= 0) {
    napi_get_null(env, &result);
    return result;
  }
  napi_value names, types;
  napi_create_array_with_length(env, static_cast<size_t>(n), &names);
  napi_create_array_with_length(env, static_cast<size_t>(n), &types);
  for (ssize_t i = 0; i < n; i++) {
    napi_set_element(env, names, static_cast<uint32_t>(i), Name(env, h->entries[i].name, req->as_buffer));
    napi_set_element(env, types, static_cast<uint32_t>(i), Int(env, h->entries[i].type));
  }
  napi_create_array_with_length(env, 2, &result);
  napi_set_element(env, result, 0, names);
  napi_set_element(env, result, 1, types);
  return result;
}

void RegisterDir(napi_env env, napi_value binding) {
  const Method methods[] = {{"opendir", Opendir}, {"dirRead", DirRead}, {"dirClose", DirClose}};
  DefineMethods(env, binding, methods, 3);
}

}  // namespace nodus_fs
