// Pipe handles (Unix domain sockets): `new Pipe(type)` with bind/listen/connect by path on top of
// the shared stream methods.
#include <string>

#include "net_binding.h"

namespace nodus_net {

napi_value Listen(napi_env env, napi_callback_info info);  // tcp_handle.cc: any stream
void AfterConnect(uv_connect_t* req, int status);
uv_connect_t* NewConnectReq(napi_env env, napi_value req_obj);

namespace {

napi_value New(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  auto* h = new Handle;
  h->kind = Kind::kPipe;
  int err = uv_pipe_init(GetBinding(env)->loop, &h->h.pipe, 0);
  if (err) {
    delete h;
    ThrowUvError(env, err);
    return nullptr;
  }
  WrapHandle(env, self, h);
  return self;
}

napi_value Bind(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  Handle* h = ThisHandle(env, info, &argc, &arg);
  if (!h) return nullptr;
  std::string path;
  if (!GetString(env, arg, &path)) return Int(env, UV_EINVAL);
  return Int(env, uv_pipe_bind(&h->h.pipe, path.c_str()));
}

// connect(req, path): errors arrive through req.oncomplete(status), as libuv reports them.
napi_value Connect(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2] = {};
  Handle* h = ThisHandle(env, info, &argc, argv);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  std::string path;
  if (!GetString(env, argv[1], &path)) return Int(env, UV_EINVAL);
  uv_pipe_connect(NewConnectReq(env, argv[0]), &h->h.pipe, path.c_str(), AfterConnect);
  return Int(env, 0);
}

template <bool kPeer>
napi_value GetName(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value out;
  Handle* h = ThisHandle(env, info, &argc, &out);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  char buf[1024];
  size_t len = sizeof(buf);
  int err = kPeer ? uv_pipe_getpeername(&h->h.pipe, buf, &len) : uv_pipe_getsockname(&h->h.pipe, buf, &len);
  if (err == 0) {
    napi_value s;
    napi_create_string_utf8(env, buf, len, &s);
    napi_set_named_property(env, out, "address", s);
  }
  return Int(env, err);
}

// fchmod(mode): readable/writable by everyone for listen({ readableAll, writableAll }).
napi_value Chmod(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  Handle* h = ThisHandle(env, info, &argc, &arg);
  if (!h) return nullptr;
  return Int(env, uv_pipe_chmod(&h->h.pipe, GetInt32(env, arg, 0)));
}

}  // namespace

napi_value DefinePipe(napi_env env) {
  napi_property_descriptor props[32];
  size_t n = 0;
  DefineStreamMethods(props, &n);
  const napi_property_descriptor own[] = {
      Method("open", UvPipeOpenMethod<Handle>),
      Method("bind", Bind),
      Method("listen", Listen),
      Method("connect", Connect),
      Method("getsockname", GetName<false>),
      Method("getpeername", GetName<true>),
      Method("fchmod", Chmod),
  };
  for (const auto& m : own) props[n++] = m;
  napi_value cls;
  napi_define_class(env, "Pipe", NAPI_AUTO_LENGTH, New, nullptr, n, props, &cls);
  return cls;
}

}  // namespace nodus_net
