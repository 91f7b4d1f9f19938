// The c-ares resolver behind dns.Resolver: `new ChannelWrap(timeoutMs, tries)`. c-ares never
// blocks: it tells us which sockets it wants watched (sock_state_cb) and we poll them with
// uv_poll; a uv_timer set from ares_timeout() drives retries and timeouts. The timer keeps the
// loop alive only while queries are pending.
#include <arpa/inet.h>

#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "dns_binding.h"

namespace nodus_dns {
namespace {

struct Channel;

struct PollTask {
  uv_poll_t poll{};
  Channel* channel = nullptr;
  ares_socket_t fd = ARES_SOCKET_BAD;
};

struct Channel {
  napi_env env = nullptr;
  napi_ref self = nullptr;
  ares_channel ares = nullptr;
  uv_timer_t timer{};
  std::unordered_map<ares_socket_t, PollTask*> polls;
  uv_timer_t flush_timer{};  // delivers completions that happened inside a call from JS
  std::vector<struct QueryReq*> done;  // finished queries waiting to be delivered
  int active = 0;            // queries not yet delivered
  bool held = false;         // the JS object is referenced strongly (while queries are active)
  bool collected = false;    // finalizer ran: c-ares callbacks must not touch JS
  int open_handles = 0;      // timers + polls not yet closed
};

// One query. Its result is built as JS values in the c-ares callback (no JS runs there) and
// delivered to req.oncomplete only after c-ares returned: JS may call into the channel again
// (setServers, a new query), which c-ares does not allow from inside its own callbacks.
struct QueryReq {
  Channel* channel = nullptr;
  napi_ref req_obj = nullptr;
  int type = 0;
  int status = 0;
  napi_ref result = nullptr;
  napi_ref ttls = nullptr;
};

void Flush(Channel* c);

void MaybeFree(Channel* c) {
  if (c->collected && c->open_handles == 0) delete c;
}

void UpdateTimer(Channel* c) {
  if (c->ares == nullptr) return;
  if (c->active == 0) {
    uv_timer_stop(&c->timer);
    return;
  }
  timeval tv;
  timeval* next = ares_timeout(c->ares, nullptr, &tv);
  uint64_t ms = next ? static_cast<uint64_t>(next->tv_sec) * 1000 + (next->tv_usec + 999) / 1000 : 1000;
  uv_timer_start(&c->timer, [](uv_timer_t* t) {
    auto* ch = static_cast<Channel*>(t->data);
    ares_process_fd(ch->ares, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
    Flush(ch);
    UpdateTimer(ch);
  }, ms, 0);
}

void OnPoll(uv_poll_t* handle, int status, int events) {
  auto* task = static_cast<PollTask*>(handle->data);
  Channel* c = task->channel;
  if (c->ares == nullptr) return;
  ares_socket_t fd = task->fd;
  if (status < 0) {
    // Let c-ares find the error itself on both directions.
    ares_process_fd(c->ares, fd, fd);
  } else {
    ares_process_fd(c->ares, (events & UV_READABLE) ? fd : ARES_SOCKET_BAD,
                    (events & UV_WRITABLE) ? fd : ARES_SOCKET_BAD);
  }
  Flush(c);
  UpdateTimer(c);
}

void ClosePoll(PollTask* task) {
  uv_poll_stop(&task->poll);
  uv_close(reinterpret_cast<uv_handle_t*>(&task->poll), [](uv_handle_t* h) {
    auto* t = static_cast<PollTask*>(h->data);
    Channel* c = t->channel;
    delete t;
    c->open_handles--;
    MaybeFree(c);
  });
}

void OnSockState(void* data, ares_socket_t fd, int readable, int writable) {
  auto* c = static_cast<Channel*>(data);
  auto it = c->polls.find(fd);
  if (readable || writable) {
    PollTask* task;
    if (it == c->polls.end()) {
      task = new PollTask;
      task->channel = c;
      task->fd = fd;
      task->poll.data = task;
      if (uv_poll_init_socket(GetBinding(c->env)->loop, &task->poll, fd) != 0) {
        delete task;
        return;
      }
      // The timer holds the loop open while queries are pending; an idle socket must not.
      uv_unref(reinterpret_cast<uv_handle_t*>(&task->poll));
      c->open_handles++;
      c->polls.emplace(fd, task);
    } else {
      task = it->second;
    }
    uv_poll_start(&task->poll, (readable ? UV_READABLE : 0) | (writable ? UV_WRITABLE : 0), OnPoll);
  } else if (it != c->polls.end()) {
    PollTask* task = it->second;
    c->polls.erase(it);
    ClosePoll(task);
  }
}

void Retain(Channel* c) {
  uint32_t count;
  c->active++;
  if (!c->held) {
    napi_reference_ref(c->env, c->self, &count);
    c->held = true;
  }
}

// Calls req.oncomplete(0 | code, result, ttls) for every finished query. Runs from a libuv
// callback, never from inside c-ares or a JS call.
void Flush(Channel* c) {
  if (c->done.empty()) return;
  napi_env env = c->env;
  std::vector<QueryReq*> batch;
  batch.swap(c->done);
  for (QueryReq* q : batch) {
    napi_handle_scope scope;
    napi_open_handle_scope(env, &scope);
    napi_value obj;
    napi_value argv[3];
    napi_get_reference_value(env, q->req_obj, &obj);
    argv[0] = q->status == ARES_SUCCESS ? Int(env, 0) : Str(env, AresErrorCode(q->status));
    argv[1] = Undefined(env);
    argv[2] = Undefined(env);
    if (q->result) napi_get_reference_value(env, q->result, &argv[1]);
    if (q->ttls) napi_get_reference_value(env, q->ttls, &argv[2]);
    napi_delete_reference(env, q->req_obj);
    if (q->result) napi_delete_reference(env, q->result);
    if (q->ttls) napi_delete_reference(env, q->ttls);
    delete q;
    c->active--;
    CallOncomplete(env, obj, 3, argv);
    napi_close_handle_scope(env, scope);
  }
  if (c->active == 0 && c->held && !c->collected) {
    uint32_t count;
    c->held = false;
    napi_reference_unref(env, c->self, &count);
  }
}

void OnFlushTimer(uv_timer_t* t) {
  Flush(static_cast<Channel*>(t->data));
}

// Records a finished query. `result`/`ttls` may be null.
void Finish(QueryReq* q, int status, napi_value result, napi_value ttls) {
  Channel* c = q->channel;
  q->status = status;
  if (result) napi_create_reference(c->env, result, 1, &q->result);
  if (ttls) napi_create_reference(c->env, ttls, 1, &q->ttls);
  c->done.push_back(q);
}

void OnQuery(void* arg, int status, int, unsigned char* abuf, int alen) {
  auto* q = static_cast<QueryReq*>(arg);
  if (q->channel->collected) {  // ares_destroy from the finalizer: nothing to deliver to
    delete q;
    return;
  }
  napi_env env = q->channel->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value result = nullptr;
  napi_value ttls = nullptr;
  if (status == ARES_SUCCESS) status = ParseReply(env, q->type, abuf, alen, &result, &ttls);
  Finish(q, status, result, ttls);
  napi_close_handle_scope(env, scope);
}

void OnHostByAddr(void* arg, int status, int, hostent* host) {
  auto* q = static_cast<QueryReq*>(arg);
  if (q->channel->collected) {
    delete q;
    return;
  }
  napi_env env = q->channel->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value names = nullptr;
  if (status == ARES_SUCCESS) {
    napi_create_array(env, &names);
    uint32_t n = 0;
    // The PTR names are the aliases; h_name repeats the first of them.
    for (char** a = host->h_aliases; a && *a; a++) napi_set_element(env, names, n++, Str(env, *a));
    if (n == 0 && host->h_name) napi_set_element(env, names, n++, Str(env, host->h_name));
  }
  Finish(q, status, names, nullptr);
  napi_close_handle_scope(env, scope);
}

// After a call from JS into c-ares: whatever finished synchronously is delivered on the next
// loop iteration, so a callback never runs before the call that started it returned.
void AfterJsCall(Channel* c) {
  if (!c->done.empty()) uv_timer_start(&c->flush_timer, OnFlushTimer, 0, 0);
  UpdateTimer(c);
}

Channel* ThisChannel(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv) {
  return UnwrapThis<Channel>(env, info, argc, argv);
}

void FinalizeChannel(napi_env, void* data, void*) {
  auto* c = static_cast<Channel*>(data);
  c->collected = true;
  // Only collected with no query pending (each holds the object), so destroying the channel
  // calls back into nothing. The libuv handles are closed, then the struct is freed.
  if (c->ares) {
    ares_destroy(c->ares);
    c->ares = nullptr;
  }
  for (auto& [fd, task] : c->polls) ClosePoll(task);
  c->polls.clear();
  for (uv_timer_t* t : {&c->timer, &c->flush_timer}) {
    uv_close(reinterpret_cast<uv_handle_t*>(t), [](uv_handle_t* h) {
      auto* ch = static_cast<Channel*>(h->data);
      ch->open_handles--;
      MaybeFree(ch);
    });
  }
}

int InitAres(Channel* c, int timeout_ms, int tries) {
  ares_options opts{};
  int mask = ARES_OPT_FLAGS | ARES_OPT_SOCK_STATE_CB;
  opts.flags = ARES_FLAG_NOCHECKRESP;
  opts.sock_state_cb = OnSockState;
  opts.sock_state_cb_data = c;
  if (timeout_ms >= 0) {
    opts.timeout = timeout_ms;
    mask |= ARES_OPT_TIMEOUTMS;
  }
  if (tries > 0) {
    opts.tries = tries;
    mask |= ARES_OPT_TRIES;
  }
  return ares_init_options(&c->ares, &opts, mask);
}

// new ChannelWrap(timeoutMs, tries)
napi_value New(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2] = {};
  napi_value self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  auto* c = new Channel;
  c->env = env;
  int status = InitAres(c, GetInt32(env, argv[0], -1), GetInt32(env, argv[1], 4));
  if (status != ARES_SUCCESS) {
    delete c;
    napi_throw_error(env, AresErrorCode(status), ares_strerror(status));
    return nullptr;
  }
  uv_timer_init(GetBinding(env)->loop, &c->timer);
  uv_timer_init(GetBinding(env)->loop, &c->flush_timer);
  c->timer.data = c;
  c->flush_timer.data = c;
  c->open_handles = 2;
  napi_wrap(env, self, c, FinalizeChannel, nullptr, &c->self);
  return self;
}

// query(req, name, type) -> 0; req.oncomplete(status|code, result, ttls)
napi_value Query(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3] = {};
  Channel* c = ThisChannel(env, info, &argc, argv);
  if (!c) return nullptr;
  std::string name;
  size_t len = 0;
  napi_get_value_string_utf8(env, argv[1], nullptr, 0, &len);
  name.resize(len + 1);
  napi_get_value_string_utf8(env, argv[1], name.data(), len + 1, &len);
  name.resize(len);
  auto* q = new QueryReq;
  q->channel = c;
  q->type = GetInt32(env, argv[2], 1);
  napi_create_reference(env, argv[0], 1, &q->req_obj);
  Retain(c);
  ares_query(c->ares, name.c_str(), 1 /* class IN */, q->type, OnQuery, q);
  AfterJsCall(c);
  return Int(env, 0);
}

// getHostByAddr(req, ip) -> 0 or an error code string for a malformed address
napi_value GetHostByAddr(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2] = {};
  Channel* c = ThisChannel(env, info, &argc, argv);
  if (!c) return nullptr;
  char ip[INET6_ADDRSTRLEN + 8];
  unsigned char addr[16];
  int family = AF_INET;
  int addrlen = 4;
  if (!GetString(env, argv[1], ip, sizeof(ip))) return Str(env, "EINVAL");
  if (uv_inet_pton(AF_INET, ip, addr) != 0) {
    if (uv_inet_pton(AF_INET6, ip, addr) != 0) return Str(env, "EINVAL");
    family = AF_INET6;
    addrlen = 16;
  }
  auto* q = new QueryReq;
  q->channel = c;
  napi_create_reference(env, argv[0], 1, &q->req_obj);
  Retain(c);
  ares_gethostbyaddr(c->ares, addr, addrlen, family, OnHostByAddr, q);
  AfterJsCall(c);
  return Int(env, 0);
}

// getServers() -> [[ip, port], ...]
napi_value GetServers(napi_env env, napi_callback_info info) {
  Channel* c = ThisChannel(env, info, nullptr, nullptr);
  if (!c) return nullptr;
  ares_addr_port_node* servers = nullptr;
  napi_value list;
  napi_create_array(env, &list);
  if (ares_get_servers_ports(c->ares, &servers) != ARES_SUCCESS) return list;
  uint32_t n = 0;
  for (ares_addr_port_node* s = servers; s != nullptr; s = s->next) {
    char ip[INET6_ADDRSTRLEN];
    if (uv_inet_ntop(s->family, &s->addr, ip, sizeof(ip)) != 0) continue;
    napi_value pair;
    napi_create_array_with_length(env, 2, &pair);
    napi_set_element(env, pair, 0, Str(env, ip));
    napi_set_element(env, pair, 1, Int(env, s->udp_port));
    napi_set_element(env, list, n++, pair);
  }
  ares_free_data(servers);
  return list;
}

// setServers([[family, ip, port], ...]) -> 0 or an ares status
napi_value SetServers(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  Channel* c = ThisChannel(env, info, &argc, &arg);
  if (!c) return nullptr;
  if (c->active > 0) return Int(env, ARES_ENOTIMP);  // c-ares cannot swap servers mid-query
  uint32_t n = 0;
  napi_get_array_length(env, arg, &n);
  if (n == 0) return Int(env, ares_set_servers_ports(c->ares, nullptr));
  auto* nodes = new ares_addr_port_node[n]{};
  int err = ARES_SUCCESS;
  for (uint32_t i = 0; i < n && err == ARES_SUCCESS; i++) {
    napi_value entry, v;
    napi_get_element(env, arg, i, &entry);
    napi_get_element(env, entry, 0, &v);
    int family = GetInt32(env, v, 4);
    napi_get_element(env, entry, 1, &v);
    char ip[INET6_ADDRSTRLEN + 8];
    GetString(env, v, ip, sizeof(ip));
    napi_get_element(env, entry, 2, &v);
    int port = GetInt32(env, v, 0);
    nodes[i].family = family == 6 ? AF_INET6 : AF_INET;
    nodes[i].udp_port = port;
    nodes[i].tcp_port = port;
    if (uv_inet_pton(nodes[i].family, ip, &nodes[i].addr) != 0) err = ARES_EBADSTR;
    nodes[i].next = i + 1 < n ? &nodes[i + 1] : nullptr;
  }
  if (err == ARES_SUCCESS) err = ares_set_servers_ports(c->ares, nodes);
  delete[] nodes;
  return Int(env, err);
}

// setLocalAddress(ipv4 | undefined, ipv6 | undefined)
napi_value SetLocalAddress(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2] = {};
  Channel* c = ThisChannel(env, info, &argc, argv);
  if (!c) return nullptr;
  char ip[INET6_ADDRSTRLEN + 8];
  if (argc >= 1 && GetString(env, argv[0], ip, sizeof(ip))) {
    in_addr a4;
    if (uv_inet_pton(AF_INET, ip, &a4) == 0) ares_set_local_ip4(c->ares, ntohl(a4.s_addr));
  }
  if (argc >= 2 && GetString(env, argv[1], ip, sizeof(ip))) {
    unsigned char a6[16];
    if (uv_inet_pton(AF_INET6, ip, a6) == 0) ares_set_local_ip6(c->ares, a6);
  }
  return nullptr;
}

// cancel(): every pending query completes with ECANCELLED.
napi_value Cancel(napi_env env, napi_callback_info info) {
  Channel* c = ThisChannel(env, info, nullptr, nullptr);
  if (!c) return nullptr;
  ares_cancel(c->ares);
  AfterJsCall(c);
  return nullptr;
}

}  // namespace

void RegisterChannel(napi_env env, napi_value binding) {
  const napi_property_descriptor props[] = {
      {"query", nullptr, Query, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"getHostByAddr", nullptr, GetHostByAddr, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"getServers", nullptr, GetServers, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setServers", nullptr, SetServers, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setLocalAddress", nullptr, SetLocalAddress, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"cancel", nullptr, Cancel, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_value cls;
  napi_define_class(env, "ChannelWrap", NAPI_AUTO_LENGTH, New, nullptr,
                    sizeof(props) / sizeof(props[0]), props, &cls);
  napi_set_named_property(env, binding, "ChannelWrap", cls);
  napi_value err_ctor_table;
  napi_create_object(env, &err_ctor_table);
  napi_set_named_property(env, err_ctor_table, "ENOTIMP", Int(env, ARES_ENOTIMP));
  napi_set_named_property(env, err_ctor_table, "EBADSTR", Int(env, ARES_EBADSTR));
  napi_set_named_property(env, binding, "aresStatus", err_ctor_table);
}

}  // namespace nodus_dns
