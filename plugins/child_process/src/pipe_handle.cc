// Pipe handles: the parent's ends of a child's stdio pipes and of the IPC channel, and the child's
// end of its IPC channel (open(fd)). `new Pipe(ipc)`; reads arrive as this.onread(nread, buffer,
// pendingFd); writes complete through req.oncomplete(status) unless they finished at once
// (req.async === false). On an IPC pipe a write may carry a file descriptor (a socket or server),
// and a read may deliver one: it is handed to JS as a fresh descriptor the JS side then owns.
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "child_process_binding.h"

namespace nodus_cp {
namespace {

constexpr size_t kReadSize = 64 * 1024;

// A write libuv could not finish at once, with its own copy of the bytes and, for handle passing,
// the temporary handle the descriptor travels in.
struct WriteReq {
  uv_write_t req{};
  napi_env env = nullptr;
  napi_ref req_obj = nullptr;
  char* data = nullptr;
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_tcp_t tcp;
    uv_pipe_t pipe;
  } send{};
  bool has_send = false;
};

void FreeHandle(uv_handle_t* handle) { free(handle); }

// Each read gets its own block; JS receives a copy of the bytes read, and the block is freed.
void OnAlloc(uv_handle_t*, size_t, uv_buf_t* buf) {
  *buf = uv_buf_init(static_cast<char*>(malloc(kReadSize)), kReadSize);
}

// Takes a descriptor that arrived on an IPC pipe: accepts it into a temporary handle of its type
// and returns a duplicate the JS side owns (or a negative errno).
int AcceptPending(uv_pipe_t* pipe, const char** type_name) {
  uv_handle_type type = uv_pipe_pending_type(pipe);
  uv_handle_t* tmp = nullptr;
  int err = 0;
  if (type == UV_TCP) {
    auto* t = static_cast<uv_tcp_t*>(malloc(sizeof(uv_tcp_t)));
    uv_tcp_init(pipe->loop, t);
    tmp = reinterpret_cast<uv_handle_t*>(t);
    *type_name = "TCP";
  } else if (type == UV_NAMED_PIPE) {
    auto* p = static_cast<uv_pipe_t*>(malloc(sizeof(uv_pipe_t)));
    uv_pipe_init(pipe->loop, p, 0);
    tmp = reinterpret_cast<uv_handle_t*>(p);
    *type_name = "PIPE";
  } else if (type == UV_UDP) {
    auto* u = static_cast<uv_udp_t*>(malloc(sizeof(uv_udp_t)));
    uv_udp_init(pipe->loop, u);
    tmp = reinterpret_cast<uv_handle_t*>(u);
    *type_name = "UDP";
  } else {
    return UV_EINVAL;
  }
  err = uv_accept(reinterpret_cast<uv_stream_t*>(pipe), reinterpret_cast<uv_stream_t*>(tmp));
  int fd = -1;
  if (err == 0) err = uv_fileno(tmp, &fd);
  int dup_fd = err == 0 ? dup(fd) : -1;
  if (err == 0 && dup_fd < 0) err = uv_translate_sys_error(errno);
  uv_close(tmp, FreeHandle);
  return err ? err : dup_fd;
}

void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* h = static_cast<Handle*>(stream->data);
  if (nread == 0) {
    free(buf->base);
    return;
  }
  napi_env env = h->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self;
  napi_get_reference_value(env, h->self, &self);
  napi_value argv[4];
  size_t argc = 1;
  argv[0] = Int(env, nread);
  if (nread > 0) {
    void* copy;
    napi_create_buffer_copy(env, static_cast<size_t>(nread), buf->base, &copy, &argv[1]);
    argc = 2;
    if (h->ipc && uv_pipe_pending_count(&h->h.pipe) > 0) {
      const char* type_name = "UNKNOWN";
      argv[2] = Int(env, AcceptPending(&h->h.pipe, &type_name));
      argv[3] = Str(env, type_name);
      argc = 4;
    }
  }
  free(buf->base);
  CallMethod(env, self, "onread", argc, argv);
  napi_close_handle_scope(env, scope);
}

napi_value New(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = nullptr;
  napi_value self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  auto* h = new Handle;
  h->kind = Kind::kPipe;
  h->ipc = argc > 0 && GetBool(env, arg);
  int err = uv_pipe_init(GetBinding(env)->loop, &h->h.pipe, h->ipc ? 1 : 0);
  if (err) {
    delete h;
    ThrowUvError(env, err);
    return nullptr;
  }
  WrapHandle(env, self, h);
  return self;
}

void AfterWrite(uv_write_t* uv, int status) {
  auto* req = static_cast<WriteReq*>(uv->data);
  napi_env env = req->env;
  HandleScope scope(env);
  napi_value obj = TakeRef(env, &req->req_obj);
  free(req->data);
  if (req->has_send) {
    uv_close(&req->send.handle, [](uv_handle_t* hd) { delete static_cast<WriteReq*>(hd->data); });
  }
  napi_value argv[1] = {Int(env, status)};
  CallMethod(env, obj, "oncomplete", 1, argv);
  if (!req->has_send) delete req;
}

// Prepares the temporary handle a descriptor is sent in (a duplicate, so the sender's own object
// stays usable and is closed by its owner).
int PrepareSend(Handle* h, WriteReq* req, int fd) {
  int dup_fd = dup(fd);
  if (dup_fd < 0) return uv_translate_sys_error(errno);
  uv_loop_t* loop = h->h.pipe.loop;
  int err;
  uv_handle_type type = uv_guess_handle(dup_fd);
  if (type == UV_TCP) {
    uv_tcp_init(loop, &req->send.tcp);
    err = uv_tcp_open(&req->send.tcp, dup_fd);
  } else if (type == UV_NAMED_PIPE) {
    uv_pipe_init(loop, &req->send.pipe, 0);
    err = uv_pipe_open(&req->send.pipe, dup_fd);
  } else {
    close(dup_fd);
    return UV_EINVAL;
  }
  req->has_send = true;
  req->send.handle.data = req;
  return err;
}

// write(req, data, sendFd?) where data is a Buffer/Uint8Array or a string (written as UTF-8).
napi_value Write(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value a[3] = {};
  Handle* h = ThisHandle(env, info, &argc, a);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  const char* src = nullptr;
  size_t len = 0;
  std::string str;
  napi_valuetype type;
  napi_typeof(env, a[1], &type);
  if (type == napi_string) {
    GetString(env, a[1], &str);
    src = str.data();
    len = str.size();
  } else {
    bool is_typed = false;
    napi_is_typedarray(env, a[1], &is_typed);
    if (is_typed) {
      napi_typedarray_type tt;
      size_t n, offset;
      void* data;
      napi_value ab;
      napi_get_typedarray_info(env, a[1], &tt, &n, &data, &ab, &offset);
      src = static_cast<const char*>(data);
      len = n;  // Buffers and Uint8Arrays only: JS passes bytes
    } else {
      return Int(env, UV_EINVAL);
    }
  }
  int send_fd = argc > 2 ? GetInt32(env, a[2], -1) : -1;
  napi_value async_flag;
  if (send_fd < 0) {
    uv_buf_t buf = uv_buf_init(const_cast<char*>(src), static_cast<unsigned>(len));
    int n = h->stream()->write_queue_size == 0 ? uv_try_write(h->stream(), &buf, 1) : UV_EAGAIN;
    if (n == static_cast<int>(len)) {
      napi_get_boolean(env, false, &async_flag);
      napi_set_named_property(env, a[0], "async", async_flag);
      return Int(env, 0);
    }
    if (n < 0 && n != UV_EAGAIN) return Int(env, n);
    if (n > 0) {
      src += n;
      len -= static_cast<size_t>(n);
    }
  }
  auto* req = new WriteReq;
  req->env = env;
  req->req.data = req;
  req->data = static_cast<char*>(malloc(len ? len : 1));
  memcpy(req->data, src, len);
  uv_buf_t buf = uv_buf_init(req->data, static_cast<unsigned>(len));
  int err;
  if (send_fd >= 0) {
    err = PrepareSend(h, req, send_fd);
    if (err == 0) err = uv_write2(&req->req, h->stream(), &buf, 1, &req->send.stream, AfterWrite);
  } else {
    err = uv_write(&req->req, h->stream(), &buf, 1, AfterWrite);
  }
  if (err) {
    free(req->data);
    if (req->has_send)
      uv_close(&req->send.handle, [](uv_handle_t* hd) { delete static_cast<WriteReq*>(hd->data); });
    else
      delete req;
    return Int(env, err);
  }
  napi_create_reference(env, a[0], 1, &req->req_obj);
  napi_get_boolean(env, true, &async_flag);
  napi_set_named_property(env, a[0], "async", async_flag);
  return Int(env, 0);
}

}  // namespace

napi_value DefinePipe(napi_env env) {
  const napi_property_descriptor props[] = {
      Method("open", UvPipeOpenMethod<Handle>),
      Method("readStart", UvReadStartMethod<Handle, OnAlloc, OnRead>),
      Method("readStop", UvReadStopMethod<Handle>),
      Method("write", Write),
      // the same for every wrapped libuv handle (nodus/napi_uv_handle.h)
      Method("shutdown", UvShutdownMethod<Handle>),
      Method("close", UvCloseMethod<Handle>),
      Method("ref", UvRefMethod<Handle, true>),
      Method("unref", UvRefMethod<Handle, false>),
      Method("hasRef", UvHasRefMethod<Handle>),
      Method("getFd", UvGetFdMethod<Handle>),
      Method("writeQueueSize", UvWriteQueueSizeMethod<Handle>),
  };
  napi_value cls;
  napi_define_class(env, "Pipe", NAPI_AUTO_LENGTH, New, nullptr, sizeof(props) / sizeof(props[0]),
                    props, &cls);
  return cls;
}

}  // namespace nodus_cp
