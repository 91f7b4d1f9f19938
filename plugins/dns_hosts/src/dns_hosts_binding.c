/* dns_hosts binding: getaddrinfo/getnameinfo on the libuv thread pool (Node-API async work), and
 * reading the hosts file. Node-API only. */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "nodus/plugin.h"

typedef struct {
  napi_async_work work;
  napi_ref callback;
  char host[256];
  int family;       /* 0, 4 or 6 */
  int status;       /* EAI_* */
  char addrs[32][INET6_ADDRSTRLEN];
  int kinds[32];
  int count;
} LookupJob;

static void LookupExecute(napi_env env, void* data) {
  (void)env;
  LookupJob* job = data;
  struct addrinfo hints, *res = NULL;
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = job->family == 4 ? AF_INET : job->family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  job->status = getaddrinfo(job->host, NULL, &hints, &res);
  if (job->status != 0) return;
  for (struct addrinfo* ai = res; ai && job->count < 32; ai = ai->ai_next) {
    void* addr = ai->ai_family == AF_INET ? (void*)&((struct sockaddr_in*)ai->ai_addr)->sin_addr
                                          : (void*)&((struct sockaddr_in6*)ai->ai_addr)->sin6_addr;
    inet_ntop(ai->ai_family, addr, job->addrs[job->count], INET6_ADDRSTRLEN);
    job->kinds[job->count] = ai->ai_family == AF_INET ? 4 : 6;
    job->count++;
  }
  freeaddrinfo(res);
}

static const char* EaiCode(int status) {
  switch (status) {
    case EAI_NONAME: return "ENOTFOUND";
#ifdef EAI_NODATA
    case EAI_NODATA: return "ENOTFOUND";
#endif
    case EAI_AGAIN: return "EAI_AGAIN";
    case EAI_FAIL: return "EAI_FAIL";
    case EAI_FAMILY: return "EAI_FAMILY";
    case EAI_MEMORY: return "EAI_MEMORY";
    default: return "EAI_FAIL";
  }
}

/* callback(errCodeOrNull, [[address, family], ...]) */
static void LookupComplete(napi_env env, napi_status status, void* data) {
  LookupJob* job = data;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value cb, global, argv[2], undefined;
  napi_get_reference_value(env, job->callback, &cb);
  napi_get_global(env, &global);
  napi_get_undefined(env, &undefined);
  if (status != napi_ok || job->status != 0) {
    napi_create_string_utf8(env, EaiCode(job->status), NAPI_AUTO_LENGTH, &argv[0]);
    argv[1] = undefined;
  } else {
    napi_get_null(env, &argv[0]);
    napi_create_array_with_length(env, (size_t)job->count, &argv[1]);
    for (int i = 0; i < job->count; i++) {
      napi_value pair, a, f;
      napi_create_array_with_length(env, 2, &pair);
      napi_create_string_utf8(env, job->addrs[i], NAPI_AUTO_LENGTH, &a);
      napi_create_int32(env, job->kinds[i], &f);
      napi_set_element(env, pair, 0, a);
      napi_set_element(env, pair, 1, f);
      napi_set_element(env, argv[1], (uint32_t)i, pair);
    }
  }
  napi_value result;
  napi_async_context ctx;
  napi_value name;
  napi_create_string_utf8(env, "dns_hosts.lookup", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, NULL, name, &ctx);
  /* make_callback drains process.nextTick and microtasks, as a libuv callback should. */
  napi_make_callback(env, ctx, global, cb, 2, argv, &result);
  napi_async_destroy(env, ctx);
  napi_delete_reference(env, job->callback);
  napi_delete_async_work(env, job->work);
  napi_close_handle_scope(env, scope);
  free(job);
}

/* getaddrinfo(host, family, callback) */
static napi_value GetAddrInfo(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], name;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  LookupJob* job = calloc(1, sizeof(LookupJob));
  if (!job) {
    napi_throw_error(env, "ENOMEM", "out of memory");
    return NULL;
  }
  size_t len;
  napi_get_value_string_utf8(env, argv[0], job->host, sizeof(job->host), &len);
  napi_get_value_int32(env, argv[1], &job->family);
  napi_create_reference(env, argv[2], 1, &job->callback);
  napi_create_string_utf8(env, "dns_hosts.getaddrinfo", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, NULL, name, LookupExecute, LookupComplete, job, &job->work);
  napi_queue_async_work(env, job->work);
  return NULL;
}

/* readFile(path) -> string | undefined: the hosts file is small; read synchronously. */
static napi_value ReadFile(napi_env env, napi_callback_info info) {
  size_t argc = 1, len;
  napi_value arg, out;
  char path[1024];
  napi_get_cb_info(env, info, &argc, &arg, NULL, NULL);
  napi_get_value_string_utf8(env, arg, path, sizeof(path), &len);
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  char* buf = NULL;
  size_t size = 0, cap = 0, n;
  char chunk[4096];
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
    if (size + n > cap) {
      cap = (size + n) * 2;
      char* grown = realloc(buf, cap);
      if (!grown) break;
      buf = grown;
    }
    memcpy(buf + size, chunk, n);
    size += n;
  }
  fclose(f);
  napi_create_string_utf8(env, buf ? buf : "", size, &out);
  free(buf);
  return out;
}

static napi_value Init(napi_env env, napi_value binding) {
  napi_value fn;
  napi_create_function(env, "getaddrinfo", NAPI_AUTO_LENGTH, GetAddrInfo, NULL, &fn);
  napi_set_named_property(env, binding, "getaddrinfo", fn);
  napi_create_function(env, "readFile", NAPI_AUTO_LENGTH, ReadFile, NULL, &fn);
  napi_set_named_property(env, binding, "readFile", fn);
  return binding;
}

extern const nodus_js_source nodus_plugin_dns_hosts_js[];
static const char* const modules[] = {"dns", "dns/promises", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "dns_hosts",
                                  NODUS_PLUGIN_VERSION, modules, NULL, nodus_plugin_dns_hosts_js,
                                  Init, NULL, 9};
NODUS_PLUGIN(desc)
