// The fs plugin's entry point: the nodus_plugin descriptor, the binding's init and the helpers
// the operation files share.
#include "fs_binding.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "nodus/plugin.h"

namespace nodus_fs {

napi_value DecodeOrBuffer(napi_env env, const char* data, size_t size, bool latin1) {
  napi_value v;
  napi_status status = latin1 ? napi_create_string_latin1(env, data, size, &v)
                              : napi_create_string_utf8(env, data, size, &v);
  if (status == napi_ok) return v;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (pending) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  void* unused;
  napi_create_buffer_copy(env, size, data, &unused, &v);
  return v;
}

bool GetPath(napi_env env, napi_value value, std::string* out) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok) return false;
  if (type == napi_string) {
    // Most paths fit a small stack buffer; longer ones take a second call to size them.
    char small[512];
    size_t len = 0;
    if (napi_get_value_string_utf8(env, value, small, sizeof(small), &len) != napi_ok) return false;
    if (len < sizeof(small) - 1) {
      out->assign(small, len);
      return true;
    }
    if (napi_get_value_string_utf8(env, value, nullptr, 0, &len) != napi_ok) return false;
    out->resize(len + 1);
    napi_get_value_string_utf8(env, value, out->data(), len + 1, &len);
    out->resize(len);
    return true;
  }
  bool is_buffer = false;
  napi_is_buffer(env, value, &is_buffer);
  if (!is_buffer) return false;
  void* data = nullptr;
  size_t len = 0;
  napi_get_buffer_info(env, value, &data, &len);
  out->assign(static_cast<const char*>(data), len);
  return true;
}

bool GetInt32(napi_env env, napi_value value, int32_t* out) {
  return napi_get_value_int32(env, value, out) == napi_ok;
}

bool GetUint32(napi_env env, napi_value value, uint32_t* out) {
  return napi_get_value_uint32(env, value, out) == napi_ok;
}

bool GetDouble(napi_env env, napi_value value, double* out) {
  return napi_get_value_double(env, value, out) == napi_ok;
}

int64_t GetPosition(napi_env env, napi_value value) {
  napi_valuetype type;
  if (value == nullptr || napi_typeof(env, value, &type) != napi_ok) return -1;
  if (type == napi_number) {
    int64_t pos;
    napi_get_value_int64(env, value, &pos);
    return pos < 0 ? -1 : pos;
  }
  if (type == napi_bigint) {
    int64_t pos;
    bool lossless;
    napi_get_value_bigint_int64(env, value, &pos, &lossless);
    return pos < 0 ? -1 : pos;
  }
  return -1;
}

bool GetBool(napi_env env, napi_value value) {
  bool result = false;
  if (value != nullptr) napi_get_value_bool(env, value, &result);
  return result;
}

void ThrowUvError(napi_env env, int err, const char* syscall, napi_value path, napi_value dest) {
  Binding* b = GetBinding(env);
  napi_value factory, global, error;
  napi_value argv[4];
  argv[0] = Int(env, err);
  napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &argv[1]);
  argv[2] = path ? path : Undefined(env);
  argv[3] = dest ? dest : Undefined(env);
  napi_get_reference_value(env, b->error_factory, &factory);
  napi_get_global(env, &global);
  if (napi_call_function(env, global, factory, 4, argv, &error) == napi_ok) napi_throw(env, error);
}

void FillStats(Binding* b, const uv_stat_t* s, bool bigint, int slot) {
  const uint64_t fields[kStatFields] = {
      s->st_dev,  s->st_mode, s->st_nlink,  s->st_uid,  s->st_gid,
      s->st_rdev, s->st_blksize, s->st_ino, s->st_size, s->st_blocks,
      static_cast<uint64_t>(s->st_atim.tv_sec), static_cast<uint64_t>(s->st_atim.tv_nsec),
      static_cast<uint64_t>(s->st_mtim.tv_sec), static_cast<uint64_t>(s->st_mtim.tv_nsec),
      static_cast<uint64_t>(s->st_ctim.tv_sec), static_cast<uint64_t>(s->st_ctim.tv_nsec),
      static_cast<uint64_t>(s->st_birthtim.tv_sec), static_cast<uint64_t>(s->st_birthtim.tv_nsec)};
  if (bigint) {
    int64_t* out = b->bigint_stat_values + slot * kStatFields;
    for (size_t i = 0; i < kStatFields; i++) out[i] = static_cast<int64_t>(fields[i]);
  } else {
    double* out = b->stat_values + slot * kStatFields;
    for (size_t i = 0; i < kStatFields; i++) out[i] = static_cast<double>(static_cast<int64_t>(fields[i]));
  }
}

void DefineMethods(napi_env env, napi_value target, const Method* methods, size_t count) {
  for (size_t i = 0; i < count; i++) {
    napi_value fn;
    napi_create_function(env, methods[i].name, NAPI_AUTO_LENGTH, methods[i].fn, nullptr, &fn);
    napi_set_named_property(env, target, methods[i].name, fn);
  }
}

namespace {

void SetConstant(napi_env env, napi_value target, const char* name, int64_t value) {
  napi_set_named_property(env, target, name, Int(env, value));
}

napi_value MakeConstants(napi_env env) {
  napi_value c;
  napi_create_object(env, &c);
  // Listed in the order Node's fs.constants enumerates them on Linux.
  const struct {
    const char* name;
    int64_t value;
  } table[] = {
      {"UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR},
      {"UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION},
      {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
      {"UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN}, {"UV_DIRENT_FILE", UV_DIRENT_FILE},
      {"UV_DIRENT_DIR", UV_DIRENT_DIR}, {"UV_DIRENT_LINK", UV_DIRENT_LINK},
      {"UV_DIRENT_FIFO", UV_DIRENT_FIFO}, {"UV_DIRENT_SOCKET", UV_DIRENT_SOCKET},
      {"UV_DIRENT_CHAR", UV_DIRENT_CHAR}, {"UV_DIRENT_BLOCK", UV_DIRENT_BLOCK},
      {"EXTENSIONLESS_FORMAT_JAVASCRIPT", 0}, {"EXTENSIONLESS_FORMAT_WASM", 1},
      {"S_IFMT", S_IFMT}, {"S_IFREG", S_IFREG}, {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR},
      {"S_IFBLK", S_IFBLK}, {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK},
      {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"UV_FS_O_FILEMAP", 0}, {"O_NOCTTY", O_NOCTTY},
      {"O_TRUNC", O_TRUNC}, {"O_APPEND", O_APPEND}, {"O_DIRECTORY", O_DIRECTORY},
      {"O_NOATIME", O_NOATIME}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_SYNC", O_SYNC},
      {"O_DSYNC", O_DSYNC}, {"O_DIRECT", O_DIRECT}, {"O_NONBLOCK", O_NONBLOCK},
      {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR},
      {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP},
      {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
      {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
      {"UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL}, {"COPYFILE_EXCL", UV_FS_COPYFILE_EXCL},
      {"UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE},
      {"COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE},
      {"UV_FS_COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE},
      {"COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE},
  };
  for (const auto& e : table) SetConstant(env, c, e.name, e.value);
  return c;
}

// JS hands over its error factory once, at load: (errno, syscall, path, dest) => Error.
napi_value SetErrorFactory(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value fn;
  napi_get_cb_info(env, info, &argc, &fn, nullptr, nullptr);
  Binding* b = GetBinding(env);
  if (b->error_factory) napi_delete_reference(env, b->error_factory);
  napi_create_reference(env, fn, 1, &b->error_factory);
  return nullptr;
}

void FinalizeBinding(napi_env env, void* data, void*) {
  auto* b = static_cast<Binding*>(data);
  if (b->async_context) napi_async_destroy(env, b->async_context);
  if (b->error_factory) napi_delete_reference(env, b->error_factory);
  delete b;
}

napi_value Init(napi_env env, napi_value binding) {
  auto* b = new Binding;
  b->env = env;
  napi_get_uv_event_loop(env, &b->loop);
  napi_set_instance_data(env, b, FinalizeBinding, nullptr);

  napi_value resource_name;
  napi_create_string_utf8(env, "FSREQCALLBACK", NAPI_AUTO_LENGTH, &resource_name);
  napi_async_init(env, nullptr, resource_name, &b->async_context);

  // The stat arrays: native code writes, JS reads, no object is made per call.
  napi_value ab, f64, i64;
  void* data;
  napi_create_arraybuffer(env, 2 * kStatFields * sizeof(double), &data, &ab);
  b->stat_values = static_cast<double*>(data);
  napi_create_typedarray(env, napi_float64_array, 2 * kStatFields, ab, 0, &f64);
  napi_set_named_property(env, binding, "statValues", f64);
  napi_create_arraybuffer(env, 2 * kStatFields * sizeof(int64_t), &data, &ab);
  b->bigint_stat_values = static_cast<int64_t*>(data);
  napi_create_typedarray(env, napi_bigint64_array, 2 * kStatFields, ab, 0, &i64);
  napi_set_named_property(env, binding, "bigintStatValues", i64);

  napi_set_named_property(env, binding, "constants", MakeConstants(env));
  napi_set_named_property(env, binding, "kErrFileTooLarge", Int(env, kErrFileTooLarge));
  napi_set_named_property(env, binding, "kStatFields", Int(env, kStatFields));
  const Method methods[] = {{"setErrorFactory", SetErrorFactory}};
  DefineMethods(env, binding, methods, 1);

  RegisterOps(env, binding);
  RegisterFileJobs(env, binding);
  RegisterDir(env, binding);
  RegisterWatchers(env, binding);
  return binding;
}

}  // namespace

}  // namespace nodus_fs

extern "C" {
extern const nodus_js_source nodus_plugin_fs_js[];
}

namespace {
const char* const kModules[] = {"fs", "fs/promises", nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    nullptr,
    nodus_plugin_fs_js,
    nodus_fs::Init,
    nullptr,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
