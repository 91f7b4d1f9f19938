/* One source, several test plugins (PLUGIN_KIND picks which): see tests/plugins/CMakeLists.txt. */
#include <stddef.h>

#include "nodus/plugin.h"

static napi_value Greet(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  char name[64] = "world";
  size_t len = 0;
  if (argc > 0) napi_get_value_string_utf8(env, argv[0], name, sizeof(name), &len);
  char out[96] = "hello, ";
  size_t i = 7;
  for (size_t j = 0; name[j] && i < sizeof(out) - 1; j++) out[i++] = name[j];
  out[i] = 0;
  napi_value result;
  napi_create_string_utf8(env, out, NAPI_AUTO_LENGTH, &result);
  return result;
}

static int init_count = 0;

#if PLUGIN_KIND == 8
/* Provided by nothing: bound lazily, the first call would kill the process. */
extern int nodus_test_missing_function(void);
#endif

static napi_value Init(napi_env env, napi_value binding) {
#if PLUGIN_KIND == 5
  napi_throw_error(env, "ETEST", "init refused to start");
  return NULL;
#elif PLUGIN_KIND == 8
  napi_value n;
  napi_create_int32(env, nodus_test_missing_function(), &n);
  return n;
#elif PLUGIN_KIND == 9
  /* A Node-API call fails with a JS exception pending (a script that throws a SyntaxError);
     init returns NULL without clearing it, the usual C error path. */
  napi_value script, result;
  napi_create_string_utf8(env, "JSON.parse('{not json')", NAPI_AUTO_LENGTH, &script);
  if (napi_run_script(env, script, &result) != napi_ok) return NULL;
  return binding;
#else
  napi_value fn, count;
  init_count++;
  napi_create_function(env, "greet", NAPI_AUTO_LENGTH, Greet, NULL, &fn);
  napi_set_named_property(env, binding, "greet", fn);
  napi_create_int32(env, init_count, &count);
  napi_set_named_property(env, binding, "initCount", count);
  return binding;
#endif
}

#if PLUGIN_KIND == 1
extern const nodus_js_source test_plugin_hello_js[];
static const char* const modules[] = {"nodus_test_hello", NULL};
static const char* const versions[] = {"hello_lib", "1.2.3", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "hello", "1.0.0",
                                  modules, NULL, test_plugin_hello_js, Init, versions, 9};
NODUS_PLUGIN(desc)
#elif PLUGIN_KIND == 2
extern const nodus_js_source test_plugin_greeter_js[];
static const char* const modules[] = {"nodus_test_greeter", NULL};
static const char* const depends[] = {"hello", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "greeter", "1.0.0",
                                  modules, depends, test_plugin_greeter_js, Init, NULL, 9};
NODUS_PLUGIN(desc)
#elif PLUGIN_KIND == 3
/* A shared library without the entry symbol. */
NODUS_PLUGIN_EXPORT int not_a_plugin = 1;
#elif PLUGIN_KIND == 4
/* Built for a future ABI: only the v2 entry exists. */
static const char* const modules[] = {"nodus_test_future_abi", NULL};
static const nodus_plugin desc = {2, sizeof(nodus_plugin), "future_abi", "2.0.0", modules, NULL, NULL, Init, NULL, 9};
NODUS_PLUGIN_EXPORT const nodus_plugin* nodus_plugin_entry_v2(void) { return &desc; }
#elif PLUGIN_KIND == 5
static const char* const modules[] = {"nodus_test_init_throws", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "init_throws", "1.0.0",
                                  modules, NULL, NULL, Init, NULL, 9};
NODUS_PLUGIN(desc)
#elif PLUGIN_KIND == 6
/* The v1 entry, but a descriptor that claims another ABI version. */
static const char* const modules[] = {"nodus_test_wrong_abi", NULL};
static const nodus_plugin desc = {7, sizeof(nodus_plugin), "wrong_abi_field", "1.0.0", modules, NULL, NULL, Init, NULL, 9};
NODUS_PLUGIN(desc)
#elif PLUGIN_KIND == 7
/* Fine itself, but its manifest entry names a dependency the runtime lacks. */
extern const nodus_js_source test_plugin_needs_ghost_js[];
static const char* const modules[] = {"nodus_test_needs_ghost", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "needs_ghost", "1.0.0",
                                  modules, NULL, test_plugin_needs_ghost_js, Init, NULL, 9};
NODUS_PLUGIN(desc)
#elif PLUGIN_KIND == 8
static const char* const modules[] = {"nodus_test_missing_symbol", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "missing_symbol", "1.0.0",
                                  modules, NULL, NULL, Init, NULL, 9};
NODUS_PLUGIN(desc)
#elif PLUGIN_KIND == 9
static const char* const modules[] = {"nodus_test_init_call_fails", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "init_call_fails", "1.0.0",
                                  modules, NULL, NULL, Init, NULL, 9};
NODUS_PLUGIN(desc)
#endif
