// dns.lookup and dns.lookupService: getaddrinfo/getnameinfo on libuv's thread pool.
#include <netdb.h>
#include <sys/socket.h>

#include <vector>

#include "dns_binding.h"

namespace nodus_dns {
namespace {

enum Order : int32_t { kVerbatim = 0, kIpv4First = 1, kIpv6First = 2 };

struct AddrInfoReq {
  uv_getaddrinfo_t req{};
  napi_env env = nullptr;
  napi_ref req_obj = nullptr;
  int32_t order = kVerbatim;
};

void AfterGetAddrInfo(uv_getaddrinfo_t* req, int status, addrinfo* res) {
  auto* r = static_cast<AddrInfoReq*>(req->data);
  napi_env env = r->env;
  HandleScope scope(env);
  napi_value obj = TakeRef(env, &r->req_obj);
  napi_value argv[2] = {Int(env, status), Undefined(env)};
  if (status == 0) {
    // Two passes when an order is asked for: the wanted family first, then the other.
    napi_value list;
    napi_create_array(env, &list);
    uint32_t n = 0;
    int passes[2] = {0, 0};
    if (r->order == kIpv4First) passes[0] = AF_INET, passes[1] = AF_INET6;
    if (r->order == kIpv6First) passes[0] = AF_INET6, passes[1] = AF_INET;
    for (int pass = 0; pass < (r->order == kVerbatim ? 1 : 2); pass++) {
      for (addrinfo* p = res; p != nullptr; p = p->ai_next) {
        if (p->ai_family != AF_INET && p->ai_family != AF_INET6) continue;
        if (r->order != kVerbatim && p->ai_family != passes[pass]) continue;
        char ip[INET6_ADDRSTRLEN];
        int err = p->ai_family == AF_INET
            ? uv_ip4_name(reinterpret_cast<sockaddr_in*>(p->ai_addr), ip, sizeof(ip))
            : uv_ip6_name(reinterpret_cast<sockaddr_in6*>(p->ai_addr), ip, sizeof(ip));
        if (err) continue;
        napi_set_element(env, list, n++, Str(env, ip));
      }
    }
    if (n == 0) argv[0] = Int(env, UV_EAI_NODATA);
    argv[1] = list;
  }
  uv_freeaddrinfo(res);
  delete r;
  CallOncomplete(env, obj, 2, argv);
}

// getaddrinfo(req, hostname, family, hints, order) -> 0 or errno;
// req.oncomplete(status, addresses[])
napi_value GetAddrInfo(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5] = {};
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  char host[1024];
  if (!GetString(env, argv[1], host, sizeof(host))) return Int(env, UV_EINVAL);
  int32_t family = GetInt32(env, argv[2], 0);
  addrinfo hints{};
  hints.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = GetInt32(env, argv[3], 0);
  auto* r = new AddrInfoReq;
  r->env = env;
  r->order = GetInt32(env, argv[4], kVerbatim);
  r->req.data = r;
  int err = uv_getaddrinfo(GetBinding(env)->loop, &r->req, AfterGetAddrInfo, host, nullptr, &hints);
  if (err) {
    delete r;
    return Int(env, err);
  }
  napi_create_reference(env, argv[0], 1, &r->req_obj);
  return Int(env, 0);
}

struct NameInfoReq {
  uv_getnameinfo_t req{};
  napi_env env = nullptr;
  napi_ref req_obj = nullptr;
};

void AfterGetNameInfo(uv_getnameinfo_t* req, int status, const char* hostname, const char* service) {
  auto* r = static_cast<NameInfoReq*>(req->data);
  napi_env env = r->env;
  HandleScope scope(env);
  napi_value obj = TakeRef(env, &r->req_obj);
  napi_value argv[3] = {Int(env, status), Undefined(env), Undefined(env)};
  if (status == 0) {
    argv[1] = Str(env, hostname);
    argv[2] = Str(env, service);
  }
  delete r;  // only now: hostname and service point into the request
  CallOncomplete(env, obj, 3, argv);
}

// getnameinfo(req, ip, port) -> 0 or errno; req.oncomplete(status, hostname, service)
napi_value GetNameInfo(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3] = {};
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  char ip[INET6_ADDRSTRLEN + 32];
  if (!GetString(env, argv[1], ip, sizeof(ip))) return Int(env, UV_EINVAL);
  int port = GetInt32(env, argv[2], 0);
  sockaddr_storage addr;
  if (uv_ip4_addr(ip, port, reinterpret_cast<sockaddr_in*>(&addr)) != 0 &&
      uv_ip6_addr(ip, port, reinterpret_cast<sockaddr_in6*>(&addr)) != 0) {
    return Int(env, UV_EINVAL);
  }
  auto* r = new NameInfoReq;
  r->env = env;
  r->req.data = r;
  int err = uv_getnameinfo(GetBinding(env)->loop, &r->req, AfterGetNameInfo,
                           reinterpret_cast<sockaddr*>(&addr), NI_NAMEREQD);
  if (err) {
    delete r;
    return Int(env, err);
  }
  napi_create_reference(env, argv[0], 1, &r->req_obj);
  return Int(env, 0);
}

// inet_pton-based check used by dns (and shared with net's semantics): 4, 6 or 0.
napi_value IsIP(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  napi_get_cb_info(env, info, &argc, &arg, nullptr, nullptr);
  char buf[INET6_ADDRSTRLEN + 32];
  unsigned char out[16];
  int result = 0;
  if (argc == 1 && GetString(env, arg, buf, sizeof(buf))) {
    if (uv_inet_pton(AF_INET, buf, out) == 0) result = 4;
    else if (uv_inet_pton(AF_INET6, buf, out) == 0) result = 6;
  }
  return Int(env, result);
}

}  // namespace

void RegisterGetaddrinfo(napi_env env, napi_value binding) {
  const napi_property_descriptor props[] = {
      {"getaddrinfo", nullptr, GetAddrInfo, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"getnameinfo", nullptr, GetNameInfo, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"isIP", nullptr, IsIP, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, binding, sizeof(props) / sizeof(props[0]), props);
  napi_value c;
  napi_create_object(env, &c);
  napi_set_named_property(env, c, "AI_ADDRCONFIG", Int(env, AI_ADDRCONFIG));
  napi_set_named_property(env, c, "AI_ALL", Int(env, AI_ALL));
  napi_set_named_property(env, c, "AI_V4MAPPED", Int(env, AI_V4MAPPED));
  napi_set_named_property(env, c, "UV_EAI_NODATA", Int(env, UV_EAI_NODATA));
  napi_set_named_property(env, c, "UV_EAI_NONAME", Int(env, UV_EAI_NONAME));
  napi_set_named_property(env, binding, "constants", c);
}

}  // namespace nodus_dns
