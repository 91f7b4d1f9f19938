// Asynchronous readFile/writeFile as thread-pool jobs: open, fstat, read or write until done, and
// close run back to back on a libuv worker thread with plain system calls, so an operation costs
// one trip to the thread pool (Node makes four). A Buffer result larger than kCopyLimit takes two:
// after open+fstat the JS thread creates the Buffer of the file's size, and the second trip reads
// straight into it and closes. Only workers touch the file; only the JS thread touches JS values.
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "fs_binding.h"

namespace nodus_fs {
namespace {

constexpr uint64_t kIoMaxLength = 2147483647;
constexpr size_t kUnknownSizeChunk = 64 * 1024;
// Buffer results up to this size are read into scratch memory and copied into a fresh Buffer;
// larger ones are read into the Buffer itself.
constexpr size_t kCopyLimit = 64 * 1024;

struct FileWork {
  uv_work_t work{};
  napi_env env = nullptr;
  napi_ref callback = nullptr;
  napi_ref keep = nullptr;  // writeFile: the data Buffer
  bool write = false;

  std::string path;
  int flags = 0;
  int mode = 0666;
  int fd = -1;
  bool own_fd = true;
  int encoding = 0;  // readFile: 0 Buffer, 1 UTF-8 string, 2 Latin-1 string

  char* data = nullptr;       // readFile: bytes read (malloc'd, or the Buffer's when js_owned)
  size_t size = 0;            // bytes read
  size_t cap = 0;             // bytes `data` holds
  bool known = false;         // a regular file whose size fstat gave
  bool js_owned = false;      // `data` belongs to the Buffer held by `keep`
  bool needs_buffer = false;  // first trip done: the JS thread must create the Buffer
  const char* out = nullptr;  // writeFile: bytes to write
  size_t length = 0;

  int err = 0;
  std::string err_syscall;

  ~FileWork() {
    if (!js_owned) std::free(data);
    if (callback) napi_delete_reference(env, callback);
    if (keep) napi_delete_reference(env, keep);
  }

  void Fail(int e, const char* syscall) {
    if (err != 0) return;
    err = e;
    err_syscall = syscall;
  }
};

int OpenRetry(const char* path, int flags, int mode) {
  int fd;
  do fd = ::open(path, flags | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);
  return fd < 0 ? -errno : fd;
}

void Stat(FileWork* w) {
  struct stat st;
  if (::fstat(w->fd, &st) != 0) return w->Fail(-errno, "fstat");
  w->known = S_ISREG(st.st_mode) && st.st_size > 0;
  if (w->known && static_cast<uint64_t>(st.st_size) > kIoMaxLength) {
    return w->Fail(kErrFileTooLarge, std::to_string(st.st_size).c_str());
  }
  w->cap = w->known ? static_cast<size_t>(st.st_size) : kUnknownSizeChunk;
}

// Reads to the end (or to the known size) into w->data, growing scratch memory when needed.
void ReadAll(FileWork* w) {
  if (w->data == nullptr) {
    w->data = static_cast<char*>(std::malloc(w->cap));
    if (w->data == nullptr) return w->Fail(UV_ENOMEM, "read");
  }
  for (;;) {
    ssize_t n = ::read(w->fd, w->data + w->size, w->cap - w->size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return w->Fail(-errno, "read");
    }
    if (n == 0) return;
    w->size += static_cast<size_t>(n);
    if (w->size < w->cap) continue;
    if (w->known) return;
    if (w->cap * 2 > kIoMaxLength) {
      return w->Fail(kErrFileTooLarge, std::to_string(w->cap * 2).c_str());
    }
    char* grown = static_cast<char*>(std::realloc(w->data, w->cap * 2));
    if (grown == nullptr) return w->Fail(UV_ENOMEM, "read");
    w->data = grown;
    w->cap *= 2;
  }
}

void WriteAll(FileWork* w) {
  size_t written = 0;
  while (written < w->length) {
    size_t chunk = w->length - written;
    if (chunk > kIoMaxLength) chunk = kIoMaxLength;
    ssize_t n = ::write(w->fd, w->out + written, chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      return w->Fail(-errno, "write");
    }
    written += static_cast<size_t>(n);
  }
}

// On a worker thread: no JS, no libuv loop state.
void DoWork(uv_work_t* req) {
  auto* w = static_cast<FileWork*>(req->data);
  if (!w->js_owned) {  // first trip
    if (w->own_fd) {
      int fd = OpenRetry(w->path.c_str(), w->flags, w->mode);
      if (fd < 0) return w->Fail(fd, "open");
      w->fd = fd;
    }
    if (w->write) {
      WriteAll(w);
    } else {
      Stat(w);
      if (w->err == 0 && w->encoding == 0 && w->known && w->cap > kCopyLimit) {
        w->needs_buffer = true;  // the JS thread makes the Buffer, then a second trip reads
        return;
      }
      if (w->err == 0) ReadAll(w);
    }
  } else {  // second trip: read into the Buffer
    ReadAll(w);
  }
  if (w->own_fd && ::close(w->fd) != 0 && errno != EINTR) w->Fail(-errno, "close");
}

napi_value ReadResult(FileWork* w) {
  napi_env env = w->env;
  napi_value v;
  const char* bytes = w->data ? w->data : "";
  if (w->encoding == 1) {
    v = DecodeOrBuffer(env, bytes, w->size, false);
  } else if (w->encoding == 2) {
    v = DecodeOrBuffer(env, bytes, w->size, true);
  } else if (w->js_owned && w->size == w->cap) {
    napi_get_reference_value(env, w->keep, &v);
  } else {
    void* unused;
    napi_create_buffer_copy(env, w->size, bytes, &unused, &v);
  }
  return v;
}

// Between the two trips of a large read: the Buffer the second trip fills.
bool MakeBuffer(FileWork* w) {
  napi_value buffer;
  void* memory = nullptr;
  if (napi_create_buffer(w->env, w->cap, &memory, &buffer) != napi_ok) {
    bool pending = false;
    napi_is_exception_pending(w->env, &pending);
    if (pending) {
      napi_value ignored;
      napi_get_and_clear_last_exception(w->env, &ignored);
    }
    return false;
  }
  napi_create_reference(w->env, buffer, 1, &w->keep);
  w->data = static_cast<char*>(memory);
  w->js_owned = true;
  return true;
}

void AfterWork(uv_work_t* req, int status);

void DoWorkAgain(FileWork* w) {
  w->needs_buffer = false;
  if (!MakeBuffer(w)) {
    w->Fail(UV_ENOMEM, "read");
    if (w->own_fd) ::close(w->fd);
    return;
  }
  if (uv_queue_work(GetBinding(w->env)->loop, &w->work, DoWork, AfterWork) < 0) {
    w->Fail(UV_ENOMEM, "read");
    if (w->own_fd) ::close(w->fd);
    return;
  }
}

// Back on the JS thread.
void AfterWork(uv_work_t* req, int status) {
  std::unique_ptr<FileWork> w(static_cast<FileWork*>(req->data));
  if (status == UV_ECANCELED) {  // the loop is shutting down
    if (w->needs_buffer && w->own_fd) ::close(w->fd);
    return;
  }
  napi_env env = w->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  if (w->needs_buffer) {
    DoWorkAgain(w.get());
    if (w->err == 0) {
      w.release();  // queued again
      napi_close_handle_scope(env, scope);
      return;
    }
  }
  napi_value cb, global, argv[2];
  napi_get_reference_value(env, w->callback, &cb);
  napi_get_global(env, &global);
  if (w->err != 0) {
    argv[0] = Int(env, w->err);
    napi_create_string_utf8(env, w->err_syscall.c_str(), w->err_syscall.size(), &argv[1]);
  } else {
    argv[0] = Int(env, 0);
    argv[1] = w->write ? Undefined(env) : ReadResult(w.get());
  }
  if (napi_make_callback(env, GetBinding(env)->async_context, global, cb, 2, argv, nullptr) !=
      napi_ok) {
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) {
      napi_value error;
      napi_get_and_clear_last_exception(env, &error);
      napi_fatal_exception(env, error);
    }
  }
  napi_close_handle_scope(env, scope);
}

// Fills the target (path or fd) shared by both operations.
bool SetTarget(napi_env env, FileWork* w, napi_value target) {
  napi_valuetype type;
  napi_typeof(env, target, &type);
  if (type == napi_number) {
    GetInt32(env, target, &w->fd);
    w->own_fd = false;
    return true;
  }
  return GetPath(env, target, &w->path);
}

napi_value Queue(napi_env env, std::unique_ptr<FileWork> w, napi_value cb) {
  napi_create_reference(env, cb, 1, &w->callback);
  w->work.data = w.get();
  int err = uv_queue_work(GetBinding(env)->loop, &w->work, DoWork, AfterWork);
  if (err < 0) {
    ThrowUvError(env, err, w->write ? "write" : "read");
    return nullptr;
  }
  w.release();  // freed by AfterWork
  return nullptr;
}

}  // namespace

napi_value QueueReadFile(napi_env env, napi_value target, int flags, int encoding, napi_value cb) {
  auto w = std::make_unique<FileWork>();
  w->env = env;
  if (!SetTarget(env, w.get(), target)) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "path must be a string, Buffer or fd");
    return nullptr;
  }
  w->flags = flags;
  w->encoding = encoding;
  return Queue(env, std::move(w), cb);
}

napi_value QueueWriteFile(napi_env env, napi_value target, napi_value data, int flags, int mode,
                          napi_value cb) {
  auto w = std::make_unique<FileWork>();
  w->env = env;
  w->write = true;
  if (!SetTarget(env, w.get(), target)) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "path must be a string, Buffer or fd");
    return nullptr;
  }
  void* bytes = nullptr;
  if (napi_get_buffer_info(env, data, &bytes, &w->length) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "data must be a Buffer or TypedArray");
    return nullptr;
  }
  w->out = static_cast<const char*>(bytes);
  w->flags = flags;
  w->mode = mode;
  napi_create_reference(env, data, 1, &w->keep);  // the worker writes from its memory
  return Queue(env, std::move(w), cb);
}

}  // namespace nodus_fs
