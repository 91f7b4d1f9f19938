// TCP handles: `new TCP(type)` with bind/listen/connect, addresses and socket options on top of
// the shared stream methods.
#include <string>

#include "net_binding.h"

namespace nodus_net {
namespace {

napi_value New(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  auto* h = new Handle;
  h->kind = Kind::kTcp;
  int err = uv_tcp_init(GetBinding(env)->loop, &h->h.tcp);
  if (err) {
    delete h;
    ThrowUvError(env, err);
    return nullptr;
  }
  WrapHandle(env, self, h);
  return self;
}

// Parses ip/port into a sockaddr; returns 0 or UV_EINVAL.
int ToAddr(napi_env env, napi_value ip, napi_value port, bool v6, sockaddr_storage* out) {
  std::string host;
  if (!GetString(env, ip, &host)) return UV_EINVAL;
  int p = GetInt32(env, port, 0);
  if (v6) return uv_ip6_addr(host.c_str(), p, reinterpret_cast<sockaddr_in6*>(out));
  return uv_ip4_addr(host.c_str(), p, reinterpret_cast<sockaddr_in*>(out));
}

// bind(ip, port[, flags]) / bind6(ip, port, flags) -> 0 or errno (EADDRINUSE shows at listen)
template <bool kV6>
napi_value Bind(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3] = {};
  Handle* h = ThisHandle(env, info, &argc, argv);
  if (!h) return nullptr;
  sockaddr_storage addr;
  int err = ToAddr(env, argv[0], argv[1], kV6, &addr);
  if (err == 0) {
    unsigned flags = argc >= 3 ? static_cast<unsigned>(GetInt32(env, argv[2], 0)) : 0;
    err = uv_tcp_bind(&h->h.tcp, reinterpret_cast<sockaddr*>(&addr), kV6 ? flags : 0);
  }
  return Int(env, err);
}

void OnConnection(uv_stream_t* server, int status) {
  auto* h = static_cast<Handle*>(server->data);
  napi_env env = h->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self;
  napi_get_reference_value(env, h->self, &self);
  napi_value argv[2];
  argv[0] = Int(env, status);
  argv[1] = Undefined(env);
  if (status == 0) {
    napi_value client_obj;
    Handle* client = NewClient(env, h->kind, &client_obj);
    if (client == nullptr) {
      argv[0] = Int(env, UV_ENOMEM);
    } else {
      int err = uv_accept(server, client->stream());
      if (err) {
        argv[0] = Int(env, err);
        client->closing = true;
        uv_close(client->handle(), OnClosed);
      } else {
        argv[1] = client_obj;
      }
    }
  }
  CallMethod(env, self, "onconnection", 2, argv);
  napi_close_handle_scope(env, scope);
}

}  // namespace

// listen(backlog) -> 0 or errno; connections arrive as onconnection(status, clientHandle).
napi_value Listen(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  Handle* h = ThisHandle(env, info, &argc, &arg);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  return Int(env, uv_listen(h->stream(), GetInt32(env, arg, 511), OnConnection));
}

namespace {

struct ConnectReq {
  uv_connect_t req{};
  napi_env env = nullptr;
  napi_ref req_obj = nullptr;
};

}  // namespace

void AfterConnect(uv_connect_t* req, int status) {
  auto* c = static_cast<ConnectReq*>(req->data);
  napi_env env = c->env;
  HandleScope scope(env);
  napi_value obj = TakeRef(env, &c->req_obj);
  delete c;
  napi_value argv[1] = {Int(env, status)};
  CallMethod(env, obj, "oncomplete", 1, argv);
}

uv_connect_t* NewConnectReq(napi_env env, napi_value req_obj) {
  auto* c = new ConnectReq;
  c->env = env;
  c->req.data = c;
  napi_create_reference(env, req_obj, 1, &c->req_obj);
  return &c->req;
}

void FreeConnectReq(uv_connect_t* req) {
  auto* c = static_cast<ConnectReq*>(req->data);
  napi_delete_reference(c->env, c->req_obj);
  delete c;
}

namespace {

// connect(req, ip, port) / connect6(req, ip, port) -> 0 or errno; req.oncomplete(status)
template <bool kV6>
napi_value Connect(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3] = {};
  Handle* h = ThisHandle(env, info, &argc, argv);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  sockaddr_storage addr;
  int err = ToAddr(env, argv[1], argv[2], kV6, &addr);
  if (err) return Int(env, err);
  uv_connect_t* req = NewConnectReq(env, argv[0]);
  err = uv_tcp_connect(req, &h->h.tcp, reinterpret_cast<sockaddr*>(&addr), AfterConnect);
  if (err) FreeConnectReq(req);
  return Int(env, err);
}

template <bool kPeer>
napi_value GetName(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value out;
  Handle* h = ThisHandle(env, info, &argc, &out);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  sockaddr_storage addr;
  int len = sizeof(addr);
  int err = kPeer ? uv_tcp_getpeername(&h->h.tcp, reinterpret_cast<sockaddr*>(&addr), &len)
                  : uv_tcp_getsockname(&h->h.tcp, reinterpret_cast<sockaddr*>(&addr), &len);
  if (err == 0) err = FillAddress(env, reinterpret_cast<sockaddr*>(&addr), out);
  return Int(env, err);
}

napi_value SetNoDelay(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = nullptr;
  Handle* h = ThisHandle(env, info, &argc, &arg);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  return Int(env, uv_tcp_nodelay(&h->h.tcp, GetBool(env, arg)));
}

// setKeepAlive(enable, delaySeconds)
napi_value SetKeepAlive(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2] = {};
  Handle* h = ThisHandle(env, info, &argc, argv);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  return Int(env, uv_tcp_keepalive(&h->h.tcp, GetBool(env, argv[0]),
                                   static_cast<unsigned>(GetInt32(env, argv[1], 0))));
}

napi_value Open(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  Handle* h = ThisHandle(env, info, &argc, &arg);
  if (!h) return nullptr;
  return Int(env, uv_tcp_open(&h->h.tcp, GetInt32(env, arg, -1)));
}

// reset([callback]): closes with an RST instead of a FIN (socket.resetAndDestroy()).
napi_value Reset(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value cb = nullptr;
  Handle* h = ThisHandle(env, info, &argc, &cb);
  if (!h || h->closing) return nullptr;
  napi_valuetype type = napi_undefined;
  if (argc >= 1) napi_typeof(env, cb, &type);
  int err = uv_tcp_close_reset(&h->h.tcp, OnClosed);
  if (err) return Int(env, err);
  h->closing = true;
  if (type == napi_function) napi_create_reference(env, cb, 1, &h->close_cb);
  return Int(env, 0);
}

}  // namespace

napi_value DefineTcp(napi_env env) {
  napi_property_descriptor props[32];
  size_t n = 0;
  DefineStreamMethods(props, &n);
  const napi_property_descriptor own[] = {
      {"open", nullptr, Open, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"bind", nullptr, Bind<false>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"bind6", nullptr, Bind<true>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"listen", nullptr, Listen, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"connect", nullptr, Connect<false>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"connect6", nullptr, Connect<true>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"getsockname", nullptr, GetName<false>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"getpeername", nullptr, GetName<true>, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setNoDelay", nullptr, SetNoDelay, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setKeepAlive", nullptr, SetKeepAlive, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"reset", nullptr, Reset, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  for (const auto& m : own) props[n++] = m;
  napi_value cls;
  napi_define_class(env, "TCP", NAPI_AUTO_LENGTH, New, nullptr, n, props, &cls);
  return cls;
}

}  // namespace nodus_net
