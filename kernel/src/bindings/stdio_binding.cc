// internalBinding('stdio'): the libuv side of process.stdin/stdout/stderr
// (lib/internal/process/stdio.js). A TTY becomes a uv_tty_t, a pipe or socket a uv_pipe_t;
// regular files are read and written synchronously with uv_fs_* and need no handle.
//
// A handle is a JS object with one internal field pointing at its StdioHandle. The StdioHandle
// keeps the JS object alive (strong Global) until uv_close finishes, so libuv callbacks can always
// reach `handle.onread` and a write request's `oncomplete`.
#include <uv.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "bindings/binding_registry.h"
#include "bindings/buffer_util.h"
#include "bindings/encoding.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

struct StdioHandle {
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_tty_t tty;
    uv_pipe_t pipe;
  } h{};
  Runtime* rt = nullptr;
  v8::Global<v8::Object> object;
  v8::Global<v8::Function> close_cb;
  bool is_tty = false;
  bool raw = false;
};

struct WriteReq {
  uv_write_t req{};
  StdioHandle* handle = nullptr;
  v8::Global<v8::Object> req_object;
  std::unique_ptr<char[]> data;
};

// Open handles of each runtime, closed by a cleanup hook when the runtime ends.
struct HandleSet {
  std::unordered_set<StdioHandle*> open;
};

HandleSet& Handles(Runtime* rt) {
  static std::unordered_map<Runtime*, HandleSet> sets;
  return sets[rt];
}

StdioHandle* Unwrap(v8::Local<v8::Value> v) {
  if (!v->IsObject()) return nullptr;
  v8::Local<v8::Object> o = v.As<v8::Object>();
  if (o->InternalFieldCount() < 1) return nullptr;
  return static_cast<StdioHandle*>(o->GetAlignedPointerFromInternalField(0));
}

void OnClosed(uv_handle_t* handle) {
  auto* sh = static_cast<StdioHandle*>(handle->data);
  Runtime* rt = sh->rt;
  Handles(rt).open.erase(sh);
  if (!rt->stopping() && !sh->close_cb.IsEmpty()) {
    v8::Isolate* isolate = rt->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Function> cb = sh->close_cb.Get(isolate);
    rt->MakeCallback(sh->object.Get(isolate), cb, 0, nullptr);
  }
  delete sh;
}

// Runtimes whose cleanup hook closes their handles.
std::unordered_set<Runtime*>& HookedRuntimes() {
  static std::unordered_set<Runtime*> set;
  return set;
}

void CloseAll(void* arg) {
  auto* rt = static_cast<Runtime*>(arg);
  HookedRuntimes().erase(rt);
  for (StdioHandle* sh : Handles(rt).open) {
    if (sh->is_tty && sh->raw) uv_tty_reset_mode();
    sh->close_cb.Reset();
    if (!sh->object.IsEmpty()) {
      v8::HandleScope scope(rt->isolate());
      sh->object.Get(rt->isolate())->SetAlignedPointerInInternalField(0, nullptr);
    }
    sh->object.Reset();
    if (!uv_is_closing(&sh->h.handle)) {
      uv_close(&sh->h.handle, [](uv_handle_t* h) { delete static_cast<StdioHandle*>(h->data); });
    }
  }
  Handles(rt).open.clear();
}

v8::Local<v8::String> Str(v8::Isolate* isolate, const char* s) { return OneByte(isolate, s); }

// Once per runtime, at the latest when the first handle is made: the binding object itself may
// come from a startup snapshot built in another process, where Init ran instead.
void EnsureCleanupHook(Runtime& rt) {
  if (HookedRuntimes().insert(&rt).second) rt.AddCleanupHook(CloseAll, &rt);
}

void ThrowUv(v8::Isolate* isolate, int err, const char* syscall) {
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  char msg[160];
  std::snprintf(msg, sizeof msg, "%s: %s", syscall, uv_strerror(err));
  v8::Local<v8::Object> e = v8::Exception::Error(Str(isolate, msg)).As<v8::Object>();
  e->Set(ctx, Str(isolate, "errno"), v8::Integer::New(isolate, err)).Check();
  e->Set(ctx, Str(isolate, "code"), Str(isolate, uv_err_name(err))).Check();
  e->Set(ctx, Str(isolate, "syscall"), Str(isolate, syscall)).Check();
  isolate->ThrowException(e);
}

// guessHandleType(fd) -> 'TTY' | 'PIPE' | 'TCP' | 'UDP' | 'FILE' | 'UNKNOWN'
void GuessHandleType(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  const int fd = args[0]->Int32Value(isolate->GetCurrentContext()).FromMaybe(-1);
  const char* type = "UNKNOWN";
  if (fd >= 0) {
    switch (uv_guess_handle(fd)) {
      case UV_TTY: type = "TTY"; break;
      case UV_NAMED_PIPE: type = "PIPE"; break;
      case UV_TCP: type = "TCP"; break;
      case UV_UDP: type = "UDP"; break;
      case UV_FILE: type = "FILE"; break;
      default: break;
    }
  }
  args.GetReturnValue().Set(Str(isolate, type));
}

// createHandle(fd, 'TTY' | 'PIPE', readable) -> handle object
void CreateHandle(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  Runtime* rt = Runtime::From(ctx);
  EnsureCleanupHook(*rt);
  const int fd = args[0]->Int32Value(ctx).FromMaybe(-1);
  v8::String::Utf8Value kind(isolate, args[1]);
  const bool readable = args[2]->IsTrue();
  auto sh = std::make_unique<StdioHandle>();
  sh->rt = rt;
  int err;
  if (std::strcmp(*kind, "TTY") == 0) {
    sh->is_tty = true;
    err = uv_tty_init(rt->loop(), &sh->h.tty, fd, readable ? 1 : 0);
  } else {
    err = uv_pipe_init(rt->loop(), &sh->h.pipe, 0);
    if (err == 0) {
      err = uv_pipe_open(&sh->h.pipe, fd);
      if (err != 0) {
        StdioHandle* raw = sh.release();
        raw->h.handle.data = raw;
        uv_close(&raw->h.handle, [](uv_handle_t* h) { delete static_cast<StdioHandle*>(h->data); });
        return ThrowUv(isolate, err, "uv_pipe_open");
      }
    }
  }
  if (err != 0) return ThrowUv(isolate, err, sh->is_tty ? "uv_tty_init" : "uv_pipe_init");
  sh->h.handle.data = sh.get();

  v8::Local<v8::ObjectTemplate> tmpl = v8::ObjectTemplate::New(isolate);
  tmpl->SetInternalFieldCount(1);
  v8::Local<v8::Object> obj = tmpl->NewInstance(ctx).ToLocalChecked();
  obj->SetAlignedPointerInInternalField(0, sh.get());
  sh->object.Reset(isolate, obj);
  Handles(rt).open.insert(sh.get());
  sh.release();
  args.GetReturnValue().Set(obj);
}

void OnWriteDone(uv_write_t* req, int status) {
  std::unique_ptr<WriteReq> wr(static_cast<WriteReq*>(req->data));
  Runtime* rt = wr->handle->rt;
  if (rt->stopping()) return;
  v8::Isolate* isolate = rt->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> ctx = rt->context();
  v8::Local<v8::Object> req_obj = wr->req_object.Get(isolate);
  v8::Local<v8::Value> cb;
  if (!req_obj->Get(ctx, Str(isolate, "oncomplete")).ToLocal(&cb) || !cb->IsFunction()) return;
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status)};
  rt->MakeCallback(req_obj, cb.As<v8::Function>(), 1, argv);
}

// Tries to write everything now; what the pipe cannot take yet is copied and queued. Sets
// req.async (false when everything went out synchronously) and returns 0 or a negative errno.
int DoWrite(v8::Isolate* isolate, StdioHandle* sh, v8::Local<v8::Object> req, const char* data,
            size_t len) {
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  size_t done = 0;
  if (len > 0) {
    uv_buf_t b = uv_buf_init(const_cast<char*>(data), static_cast<unsigned>(len));
    const int r = uv_try_write(&sh->h.stream, &b, 1);
    if (r >= 0) {
      done = static_cast<size_t>(r);
    } else if (r != UV_EAGAIN && r != UV_ENOSYS) {
      return r;
    }
  }
  req->Set(ctx, Str(isolate, "bytes"), v8::Number::New(isolate, static_cast<double>(len))).Check();
  if (done == len) {
    req->Set(ctx, Str(isolate, "async"), v8::False(isolate)).Check();
    return 0;
  }
  auto wr = std::make_unique<WriteReq>();
  wr->handle = sh;
  wr->data.reset(new char[len - done]);
  std::memcpy(wr->data.get(), data + done, len - done);
  wr->req_object.Reset(isolate, req);
  wr->req.data = wr.get();
  uv_buf_t rest = uv_buf_init(wr->data.get(), static_cast<unsigned>(len - done));
  const int err = uv_write(&wr->req, &sh->h.stream, &rest, 1, OnWriteDone);
  if (err != 0) return err;
  wr.release();
  req->Set(ctx, Str(isolate, "async"), v8::True(isolate)).Check();
  return 0;
}

// writeBuffer(handle, req, buffer) -> 0 | -errno
void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  StdioHandle* sh = Unwrap(args[0]);
  if (sh == nullptr || !args[1]->IsObject()) return args.GetReturnValue().Set(UV_EBADF);
  ByteSpan span;
  GetByteSpan(args[2], &span);
  args.GetReturnValue().Set(DoWrite(isolate, sh, args[1].As<v8::Object>(), span.data, span.length));
}

// writeString(handle, req, string, encodingId) -> 0 | -errno
void WriteString(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  StdioHandle* sh = Unwrap(args[0]);
  if (sh == nullptr || !args[1]->IsObject() || !args[2]->IsString())
    return args.GetReturnValue().Set(UV_EBADF);
  v8::Local<v8::String> str = args[2].As<v8::String>();
  int e = args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : encoding::kUtf8;
  if (!encoding::IsValidEncoding(e)) e = encoding::kUtf8;
  const auto enc = static_cast<encoding::Encoding>(e);
  const size_t cap = encoding::ByteLength(isolate, str, enc);
  char stack_buf[16384];
  std::unique_ptr<char[]> heap;
  char* buf = stack_buf;
  if (cap > sizeof stack_buf) {
    heap.reset(new char[cap]);
    buf = heap.get();
  }
  const size_t n = encoding::Write(isolate, str, enc, buf, cap);
  args.GetReturnValue().Set(DoWrite(isolate, sh, args[1].As<v8::Object>(), buf, n));
}

void OnAlloc(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
  const size_t n = suggested > 65536 ? 65536 : suggested;
  buf->base = static_cast<char*>(std::malloc(n));
  buf->len = buf->base ? n : 0;
}

void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* sh = static_cast<StdioHandle*>(stream->data);
  Runtime* rt = sh->rt;
  if (nread == 0 || rt->stopping() || sh->object.IsEmpty()) {
    std::free(buf->base);
    return;
  }
  v8::Isolate* isolate = rt->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> ctx = rt->context();
  v8::Context::Scope context_scope(ctx);
  v8::Local<v8::Object> obj = sh->object.Get(isolate);
  v8::Local<v8::Value> data = v8::Undefined(isolate);
  if (nread > 0) {
    v8::Local<v8::Uint8Array> b;
    if (NewBufferCopy(isolate, buf->base, static_cast<size_t>(nread)).ToLocal(&b)) data = b;
  }
  std::free(buf->base);
  v8::Local<v8::Value> cb;
  if (!obj->Get(ctx, Str(isolate, "onread")).ToLocal(&cb) || !cb->IsFunction()) return;
  v8::Local<v8::Value> argv[] = {v8::Number::New(isolate, static_cast<double>(nread)), data};
  rt->MakeCallback(obj, cb.As<v8::Function>(), 2, argv);
}

void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
  StdioHandle* sh = Unwrap(args[0]);
  if (sh == nullptr) return args.GetReturnValue().Set(UV_EBADF);
  args.GetReturnValue().Set(uv_read_start(&sh->h.stream, OnAlloc, OnRead));
}

void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& args) {
  StdioHandle* sh = Unwrap(args[0]);
  if (sh == nullptr) return args.GetReturnValue().Set(UV_EBADF);
  args.GetReturnValue().Set(uv_read_stop(&sh->h.stream));
}

// close(handle, callback)
void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  StdioHandle* sh = Unwrap(args[0]);
  if (sh == nullptr || uv_is_closing(&sh->h.handle)) return;
  if (sh->is_tty && sh->raw) {
    uv_tty_set_mode(&sh->h.tty, UV_TTY_MODE_NORMAL);
    sh->raw = false;
  }
  if (args[1]->IsFunction()) sh->close_cb.Reset(args.GetIsolate(), args[1].As<v8::Function>());
  args[0].As<v8::Object>()->SetAlignedPointerInInternalField(0, nullptr);
  uv_close(&sh->h.handle, OnClosed);
}

void Ref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (StdioHandle* sh = Unwrap(args[0])) uv_ref(&sh->h.handle);
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (StdioHandle* sh = Unwrap(args[0])) uv_unref(&sh->h.handle);
}

void SetBlocking(const v8::FunctionCallbackInfo<v8::Value>& args) {
  StdioHandle* sh = Unwrap(args[0]);
  if (sh == nullptr) return args.GetReturnValue().Set(UV_EBADF);
  args.GetReturnValue().Set(uv_stream_set_blocking(&sh->h.stream, args[1]->IsTrue() ? 1 : 0));
}

void SetRawMode(const v8::FunctionCallbackInfo<v8::Value>& args) {
  StdioHandle* sh = Unwrap(args[0]);
  if (sh == nullptr || !sh->is_tty) return args.GetReturnValue().Set(UV_EBADF);
  const bool raw = args[1]->IsTrue();
  const int err = uv_tty_set_mode(&sh->h.tty, raw ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL);
  if (err == 0) sh->raw = raw;
  args.GetReturnValue().Set(err);
}

// getWindowSize(handle, out: number[2]) -> 0 | -errno
void GetWindowSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  StdioHandle* sh = Unwrap(args[0]);
  if (sh == nullptr || !sh->is_tty || !args[1]->IsArray()) return args.GetReturnValue().Set(UV_EBADF);
  int width = 0, height = 0;
  const int err = uv_tty_get_winsize(&sh->h.tty, &width, &height);
  if (err == 0) {
    v8::Local<v8::Array> out = args[1].As<v8::Array>();
    out->Set(ctx, 0, v8::Integer::New(isolate, width)).Check();
    out->Set(ctx, 1, v8::Integer::New(isolate, height)).Check();
  }
  args.GetReturnValue().Set(err);
}

// writeSync(fd, buffer | string) -> bytes | -errno: whole synchronous write (files, fallbacks).
void WriteSync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  Runtime* rt = Runtime::From(ctx);
  const int fd = args[0]->Int32Value(ctx).FromMaybe(-1);
  ByteSpan span;
  std::string owned;
  if (args[1]->IsString()) {
    v8::String::Utf8Value s(isolate, args[1]);
    owned.assign(*s, s.length());
    span.data = owned.data();
    span.length = owned.size();
  } else {
    GetByteSpan(args[1], &span);
  }
  size_t done = 0;
  while (done < span.length) {
    uv_fs_t req;
    uv_buf_t b = uv_buf_init(span.data + done, static_cast<unsigned>(span.length - done));
    const int r = uv_fs_write(rt->loop(), &req, fd, &b, 1, -1, nullptr);
    uv_fs_req_cleanup(&req);
    if (r == UV_EAGAIN) continue;
    if (r < 0) return args.GetReturnValue().Set(r);
    done += static_cast<size_t>(r);
  }
  args.GetReturnValue().Set(static_cast<double>(done));
}

// readSync(fd, buffer) -> bytes (0 at end of file) | -errno
void ReadSync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  Runtime* rt = Runtime::From(ctx);
  const int fd = args[0]->Int32Value(ctx).FromMaybe(-1);
  ByteSpan span;
  GetByteSpan(args[1], &span);
  uv_fs_t req;
  uv_buf_t b = uv_buf_init(span.data, static_cast<unsigned>(span.length));
  const int r = uv_fs_read(rt->loop(), &req, fd, &b, 1, -1, nullptr);
  uv_fs_req_cleanup(&req);
  args.GetReturnValue().Set(r);
}

void Init(Runtime& rt, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  EnsureCleanupHook(rt);
  SetMethod(ctx, target, "guessHandleType", GuessHandleType);
  SetMethod(ctx, target, "createHandle", CreateHandle);
  SetMethod(ctx, target, "writeBuffer", WriteBuffer);
  SetMethod(ctx, target, "writeString", WriteString);
  SetMethod(ctx, target, "readStart", ReadStart);
  SetMethod(ctx, target, "readStop", ReadStop);
  SetMethod(ctx, target, "close", Close);
  SetMethod(ctx, target, "ref", Ref);
  SetMethod(ctx, target, "unref", Unref);
  SetMethod(ctx, target, "setBlocking", SetBlocking);
  SetMethod(ctx, target, "setRawMode", SetRawMode);
  SetMethod(ctx, target, "getWindowSize", GetWindowSize);
  SetMethod(ctx, target, "writeSync", WriteSync);
  SetMethod(ctx, target, "readSync", ReadSync);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(stdio, nodus::Init);
