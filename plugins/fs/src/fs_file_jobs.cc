// Whole-file operations done as one native job: readFile (open, fstat, read into one buffer
// sized from fstat, close) and writeFile/appendFile (open, write until done, close). The
// synchronous forms run here, step by step with libuv's synchronous calls on the JS thread; the
// asynchronous forms are one thread-pool job each (fs_file_work.cc).
#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "fs_binding.h"

namespace nodus_fs {
namespace {

// Node's limit for one read and for readFile results.
constexpr uint64_t kIoMaxLength = 2147483647;
constexpr size_t kUnknownSizeChunk = 64 * 1024;

struct Job : FsReq {
  explicit Job(napi_env e) : FsReq(e) {}
  // Runs the next step's libuv call synchronously (NULL callback), its result left in uv.result.
  // Returns false when there is nothing left to do.
  virtual bool Issue(int* ret) = 0;
  // Takes the result of the call Issue made.
  virtual void Handle(ssize_t result) = 0;
  virtual napi_value Result() = 0;

  int err = 0;
  std::string err_syscall;
  bool err_has_path = false;  // Node names the path only for errors from open
};

void Fail(Job* job, ssize_t err, const char* syscall) {
  if (job->err != 0) return;  // the first error wins; a later close error is dropped
  job->err = static_cast<int>(err);
  job->err_syscall = syscall;
  job->err_has_path = std::string(syscall) == "open";
}

// Runs the job's steps to the end.
void RunSync(Job* job) {
  int ret = 0;
  while (job->Issue(&ret)) {
    ssize_t result = job->uv.result;
    uv_fs_req_cleanup(&job->uv);
    job->Handle(result);
  }
}

// Runs `job` and returns its value or throws its error.
napi_value Run(std::unique_ptr<Job> job, napi_value path) {
  napi_env env = job->env;
  RunSync(job.get());
  if (job->err != 0) {
    ThrowUvError(env, job->err, job->err_syscall.c_str(), job->err_has_path ? path : nullptr);
    return nullptr;
  }
  return job->Result();
}

// Result encodings of readFile: a Buffer, or a string decoded natively.
enum ReadEncoding { kAsBuffer = 0, kAsUtf8 = 1, kAsLatin1 = 2 };

struct ReadFileJob final : Job {
  explicit ReadFileJob(napi_env e) : Job(e) {}
  ~ReadFileJob() override {
    if (!js_owned) std::free(data);
  }

  enum Stage { kOpen, kStat, kRead, kClose, kDone } stage = kOpen;
  std::string path;
  int flags = 0;
  uv_file fd = -1;
  bool own_fd = true;
  int encoding = kAsBuffer;
  char* data = nullptr;
  size_t size = 0;
  size_t cap = 0;
  bool known_size = false;
  bool js_owned = false;  // `data` is the memory of the Buffer held by `keep`

  // Regular files read as Buffers go straight into the Buffer that is returned (made here, on the
  // JS thread, before the reads); strings and files of unknown size use a scratch allocation.
  bool Allocate() {
    if (encoding == kAsBuffer && known_size) {
      napi_value buffer;
      void* memory = nullptr;
      if (napi_create_buffer(env, cap, &memory, &buffer) != napi_ok) {
        // Reported as ENOMEM through the normal error path instead of a stray exception.
        bool pending = false;
        napi_is_exception_pending(env, &pending);
        if (pending) {
          napi_value ignored;
          napi_get_and_clear_last_exception(env, &ignored);
        }
        return false;
      }
      napi_create_reference(env, buffer, 1, &keep);
      data = static_cast<char*>(memory);
      js_owned = true;
      return true;
    }
    data = static_cast<char*>(std::malloc(cap));
    return data != nullptr;
  }

  bool Issue(int* ret) override {
    Binding* b = GetBinding(env);
    switch (stage) {
      case kOpen:
        *ret = uv_fs_open(b->loop, &uv, path.c_str(), flags, 0666, nullptr);
        return true;
      case kStat:
        *ret = uv_fs_fstat(b->loop, &uv, fd, nullptr);
        return true;
      case kRead: {
        uv_buf_t buf = uv_buf_init(data + size, static_cast<unsigned>(cap - size));
        *ret = uv_fs_read(b->loop, &uv, fd, &buf, 1, -1, nullptr);
        return true;
      }
      case kClose:
        *ret = uv_fs_close(b->loop, &uv, fd, nullptr);
        return true;
      case kDone:
        return false;
    }
    return false;
  }

  void Finish() { stage = own_fd ? kClose : kDone; }

  void Handle(ssize_t result) override {
    switch (stage) {
      case kOpen:
        if (result < 0) {
          Fail(this, result, "open");
          stage = kDone;
          return;
        }
        fd = static_cast<uv_file>(result);
        stage = kStat;
        return;
      case kStat: {
        if (result < 0) {
          Fail(this, result, "fstat");
          return Finish();
        }
        const uv_stat_t& st = uv.statbuf;
        // Regular files are read into one buffer of their size; others (pipes, /proc) grow.
        known_size = S_ISREG(st.st_mode) && st.st_size > 0;
        if (known_size && st.st_size > kIoMaxLength) {
          Fail(this, kErrFileTooLarge, std::to_string(st.st_size).c_str());
          return Finish();
        }
        cap = known_size ? static_cast<size_t>(st.st_size) : kUnknownSizeChunk;
        if (!Allocate()) {
          Fail(this, UV_ENOMEM, "read");
          return Finish();
        }
        stage = kRead;
        return;
      }
      case kRead:
        if (result < 0) {
          Fail(this, result, "read");
          return Finish();
        }
        if (result == 0) return Finish();
        size += static_cast<size_t>(result);
        if (size == cap) {
          if (known_size) return Finish();
          if (cap * 2 > kIoMaxLength) {
            Fail(this, kErrFileTooLarge, std::to_string(cap * 2).c_str());
            return Finish();
          }
          char* grown = static_cast<char*>(std::realloc(data, cap * 2));
          if (grown == nullptr) {
            Fail(this, UV_ENOMEM, "read");
            return Finish();
          }
          data = grown;
          cap *= 2;
        }
        return;
      case kClose:
        if (result < 0) Fail(this, result, "close");
        stage = kDone;
        return;
      case kDone:
        return;
    }
  }

  napi_value Result() override {
    napi_value v;
    if (encoding == kAsUtf8) {
      v = DecodeOrBuffer(env, data ? data : "", size, false);
    } else if (encoding == kAsLatin1) {
      v = DecodeOrBuffer(env, data ? data : "", size, true);
    } else if (js_owned && size == cap) {
      napi_get_reference_value(env, keep, &v);
    } else {
      // A file that shrank while read, or one whose size fstat did not know.
      void* unused;
      napi_create_buffer_copy(env, size, data ? data : "", &unused, &v);
    }
    return v;
  }
};

// readFile(pathOrFd, flags, encoding, cb?): pathOrFd is a path (string/Buffer) or an fd number.
napi_value ReadFile(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4] = {};
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (IsFunction(env, argv[3])) {
    int32_t flags = 0, encoding = kAsBuffer;
    GetInt32(env, argv[1], &flags);
    GetInt32(env, argv[2], &encoding);
    return QueueReadFile(env, argv[0], flags, encoding, argv[3]);
  }
  auto job = std::make_unique<ReadFileJob>(env);
  napi_valuetype type;
  napi_typeof(env, argv[0], &type);
  if (type == napi_number) {
    GetInt32(env, argv[0], &job->fd);
    job->own_fd = false;
    job->stage = ReadFileJob::kStat;
  } else if (!GetPath(env, argv[0], &job->path)) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "path must be a string, Buffer or fd");
    return nullptr;
  }
  GetInt32(env, argv[1], &job->flags);
  GetInt32(env, argv[2], &job->encoding);
  return Run(std::move(job), argv[0]);
}

struct WriteFileJob final : Job {
  explicit WriteFileJob(napi_env e) : Job(e) {}

  enum Stage { kOpen, kWrite, kClose, kDone } stage = kOpen;
  std::string path;
  int flags = 0;
  int mode = 0666;
  uv_file fd = -1;
  bool own_fd = true;
  const char* data = nullptr;
  size_t length = 0;
  size_t written = 0;

  bool Issue(int* ret) override {
    Binding* b = GetBinding(env);
    switch (stage) {
      case kOpen:
        *ret = uv_fs_open(b->loop, &uv, path.c_str(), flags, mode, nullptr);
        return true;
      case kWrite: {
        size_t chunk = length - written;
        if (chunk > kIoMaxLength) chunk = kIoMaxLength;
        uv_buf_t buf = uv_buf_init(const_cast<char*>(data) + written, static_cast<unsigned>(chunk));
        *ret = uv_fs_write(b->loop, &uv, fd, &buf, 1, -1, nullptr);
        return true;
      }
      case kClose:
        *ret = uv_fs_close(b->loop, &uv, fd, nullptr);
        return true;
      case kDone:
        return false;
    }
    return false;
  }

  void Finish() { stage = own_fd ? kClose : kDone; }

  void Handle(ssize_t result) override {
    switch (stage) {
      case kOpen:
        if (result < 0) {
          Fail(this, result, "open");
          stage = kDone;
          return;
        }
        fd = static_cast<uv_file>(result);
        stage = kWrite;
        if (length == 0) Finish();
        return;
      case kWrite:
        if (result < 0) {
          Fail(this, result, "write");
          return Finish();
        }
        written += static_cast<size_t>(result);
        if (written >= length) Finish();
        return;
      case kClose:
        if (result < 0) Fail(this, result, "close");
        stage = kDone;
        return;
      case kDone:
        return;
    }
  }

  napi_value Result() override { return Undefined(env); }
};

// writeFile(pathOrFd, buffer, flags, mode, cb?): appendFile is writeFile with an 'a' flag.
napi_value WriteFile(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5] = {};
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (IsFunction(env, argv[4])) {
    int32_t flags = 0, mode = 0666;
    GetInt32(env, argv[2], &flags);
    GetInt32(env, argv[3], &mode);
    return QueueWriteFile(env, argv[0], argv[1], flags, mode, argv[4]);
  }
  auto job = std::make_unique<WriteFileJob>(env);
  napi_valuetype type;
  napi_typeof(env, argv[0], &type);
  if (type == napi_number) {
    GetInt32(env, argv[0], &job->fd);
    job->own_fd = false;
    job->stage = WriteFileJob::kWrite;
  } else if (!GetPath(env, argv[0], &job->path)) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "path must be a string, Buffer or fd");
    return nullptr;
  }
  void* data = nullptr;
  if (napi_get_buffer_info(env, argv[1], &data, &job->length) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "data must be a Buffer or TypedArray");
    return nullptr;
  }
  job->data = static_cast<const char*>(data);
  GetInt32(env, argv[2], &job->flags);
  GetInt32(env, argv[3], &job->mode);
  if (!job->own_fd && job->length == 0) job->stage = WriteFileJob::kDone;
  return Run(std::move(job), argv[0]);
}

}  // namespace

void RegisterFileJobs(napi_env env, napi_value binding) {
  const Method methods[] = {{"readFile", ReadFile}, {"writeFile", WriteFile}};
  DefineMethods(env, binding, methods, 2);
}

}  // namespace nodus_fs
