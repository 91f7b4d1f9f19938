/* Lifetimes: handle scopes, references (strong and weak), wrap/unwrap/remove_wrap, externals,
 * finalizers, type tags, instance data, cleanup hooks, and the host facts (versions, loop,
 * module file name, external memory, run_script). */
#include "test_common.h"
#include <uv.h>

static int finalized_count = 0;
static int last_finalized_value = 0;

static void CountFinalize(napi_env env, void* data, void* hint) {
  finalized_count++;
  if (data) {
    last_finalized_value = *(int*)data;
    free(data);
  }
}

static napi_value FinalizedCount(napi_env env, napi_callback_info info) {
  napi_value arr;
  napi_create_array(env, &arr);
  napi_set_element(env, arr, 0, MakeInt(env, finalized_count));
  napi_set_element(env, arr, 1, MakeInt(env, last_finalized_value));
  return arr;
}

static int* NewInt(int v) {
  int* p = malloc(sizeof(int));
  *p = v;
  return p;
}

/* ---- handle scopes ---- */

static napi_value Scopes(napi_env env, napi_callback_info info) {
  napi_handle_scope scope;
  napi_escapable_handle_scope esc;
  napi_value obj, escaped, again, out;
  NAPI_CALL(env, napi_open_handle_scope(env, &scope));
  for (int i = 0; i < 100000; i++) napi_create_object(env, &obj);  /* freed with the scope */
  NAPI_CALL(env, napi_close_handle_scope(env, scope));
  NAPI_CALL(env, napi_open_escapable_handle_scope(env, &esc));
  NAPI_CALL(env, napi_create_string_utf8(env, "escaped", NAPI_AUTO_LENGTH, &obj));
  NAPI_CALL(env, napi_escape_handle(env, esc, obj, &escaped));
  napi_status twice = napi_escape_handle(env, esc, obj, &again);
  NAPI_CALL(env, napi_close_escapable_handle_scope(env, esc));
  napi_status extra = napi_close_handle_scope(env, scope);  /* nothing open: mismatch */
  NAPI_CALL(env, napi_create_object(env, &out));
  napi_set_named_property(env, out, "escaped", escaped);
  SetNamedInt(env, out, "escapeTwice", twice);
  SetNamedInt(env, out, "closeUnopened", extra);
  SetNamedInt(env, out, "openNull", napi_open_handle_scope(env, NULL));
  SetNamedInt(env, out, "closeNull", napi_close_handle_scope(env, NULL));
  return out;
}

/* ---- references ---- */

static napi_ref test_ref = NULL;

static napi_value CreateRef(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  uint32_t count;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &count));
  if (test_ref) napi_delete_reference(env, test_ref);
  test_ref = NULL;
  napi_status s = napi_create_reference(env, argv[0], count, &test_ref);
  return MakeInt(env, s);
}

static napi_value RefValue(napi_env env, napi_callback_info info) {
  napi_value v;
  NAPI_CALL(env, napi_get_reference_value(env, test_ref, &v));
  return v == NULL ? MakeString(env, "<collected>") : v;
}

static napi_value RefRef(napi_env env, napi_callback_info info) {
  uint32_t c = 0;
  napi_status s = napi_reference_ref(env, test_ref, &c);
  return s == napi_ok ? MakeInt(env, (int32_t)c) : MakeInt(env, -(int32_t)s);
}

static napi_value RefUnref(napi_env env, napi_callback_info info) {
  uint32_t c = 0;
  napi_status s = napi_reference_unref(env, test_ref, &c);
  return s == napi_ok ? MakeInt(env, (int32_t)c) : MakeInt(env, -(int32_t)s);
}

static napi_value DeleteRef(napi_env env, napi_callback_info info) {
  NAPI_CALL(env, napi_delete_reference(env, test_ref));
  test_ref = NULL;
  return NULL;
}

/* ---- wrap ---- */

static napi_value Wrap(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  int32_t v;
  NAPI_CALL(env, napi_get_value_int32(env, argv[1], &v));
  int* data = NewInt(v);
  napi_status s = napi_wrap(env, argv[0], data, CountFinalize, NULL, NULL);
  if (s != napi_ok) free(data);
  return MakeInt(env, s);
}

static napi_value Unwrap(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  void* data;
  napi_status s = napi_unwrap(env, argv[0], &data);
  if (s != napi_ok) return MakeString(env, "not wrapped");
  return MakeInt(env, *(int*)data);
}

static napi_value RemoveWrap(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  void* data;
  NAPI_CALL(env, napi_remove_wrap(env, argv[0], &data));
  int v = *(int*)data;
  free(data);  /* ours again: the finalizer will not run */
  return MakeInt(env, v);
}

/* ---- externals, finalizers, type tags ---- */

static napi_value External(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  int32_t v;
  napi_value out;
  NAPI_CALL(env, napi_get_value_int32(env, argv[0], &v));
  NAPI_CALL(env, napi_create_external(env, NewInt(v), CountFinalize, NULL, &out));
  return out;
}

static napi_value ExternalValue(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  void* data;
  NAPI_CALL(env, napi_get_value_external(env, argv[0], &data));
  return MakeInt(env, *(int*)data);
}

static napi_value AddFinalizer(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  int32_t v;
  NAPI_CALL(env, napi_get_value_int32(env, argv[1], &v));
  NAPI_CALL(env, napi_add_finalizer(env, argv[0], NewInt(v), CountFinalize, NULL, NULL));
  return NULL;
}

static const napi_type_tag tags[2] = {
    {0xdaf987b3cc62481aULL, 0xb745b0497f299531ULL},
    {0xbb7936c374084d9bULL, 0xa9548d0762eeedb9ULL},
};

static napi_value TypeTag(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  uint32_t i;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &i));
  return MakeInt(env, napi_type_tag_object(env, argv[0], &tags[i]));
}

static napi_value CheckTag(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  uint32_t i;
  bool r;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &i));
  NAPI_CALL(env, napi_check_object_type_tag(env, argv[0], &tags[i], &r));
  return MakeBool(env, r);
}

/* ---- instance data, host facts ---- */

typedef struct {
  int calls;
} InstanceData;

static napi_value CountCalls(napi_env env, napi_callback_info info) {
  InstanceData* data;
  NAPI_CALL(env, napi_get_instance_data(env, (void**)&data));
  return MakeInt(env, ++data->calls);
}

static void FreeInstanceData(napi_env env, void* data, void* hint) {
  /* Runs at environment teardown; the message lets a parent process check it. */
  fprintf(stderr, "instance data finalized after %d calls\n", ((InstanceData*)data)->calls);
  free(data);
}

static void CleanupHook(void* arg) {
  fprintf(stderr, "cleanup hook %s\n", (const char*)arg);
}

static void RemovedHook(void* arg) {
  fprintf(stderr, "removed hook must not run\n");
}

static napi_value AddCleanupHooks(napi_env env, napi_callback_info info) {
  NAPI_CALL(env, napi_add_env_cleanup_hook(env, CleanupHook, "one"));
  NAPI_CALL(env, napi_add_env_cleanup_hook(env, RemovedHook, NULL));
  NAPI_CALL(env, napi_add_env_cleanup_hook(env, CleanupHook, "two"));
  NAPI_CALL(env, napi_remove_env_cleanup_hook(env, RemovedHook, NULL));
  return NULL;
}

static void PrintFinalize(napi_env env, void* data, void* hint) {
  fprintf(stderr, "finalizer %s\n", (char*)data);
  free(data);
}

/* printOnFinalize(obj, text): prints "finalizer <text>" when obj is finalized (GC or exit). */
static napi_value PrintOnFinalize(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  size_t len;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[1], NULL, 0, &len));
  char* text = malloc(len + 1);
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[1], text, len + 1, &len));
  NAPI_CALL(env, napi_wrap(env, argv[0], text, PrintFinalize, NULL, NULL));
  return NULL;
}

static void AsyncHook(napi_async_cleanup_hook_handle handle, void* arg) {
  fprintf(stderr, "async cleanup hook %s\n", (const char*)arg);
  napi_remove_async_cleanup_hook(handle);
}

static napi_value AddAsyncCleanupHook(napi_env env, napi_callback_info info) {
  napi_async_cleanup_hook_handle removed;
  NAPI_CALL(env, napi_add_async_cleanup_hook(env, AsyncHook, "kept", NULL));
  NAPI_CALL(env, napi_add_async_cleanup_hook(env, AsyncHook, "removed", &removed));
  NAPI_CALL(env, napi_remove_async_cleanup_hook(removed));
  return NULL;
}

/* Like a node-addon-api static Napi::Reference: deleted by a C++/ELF destructor at process exit,
 * after the runtime is gone. That must not crash. */
static napi_env exit_env = NULL;
static napi_ref exit_ref = NULL;
static int report_at_exit = 0;

static napi_value KeepRefUntilExit(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  exit_env = env;
  report_at_exit = 1;
  NAPI_CALL(env, napi_create_reference(env, argv[0], 1, &exit_ref));
  return NULL;
}

__attribute__((destructor)) static void AtExit(void) {
  if (!report_at_exit) return;
  napi_value obj;
  napi_status deleted = napi_delete_reference(exit_env, exit_ref);
  napi_status created = napi_create_object(exit_env, &obj);
  fprintf(stderr, "after exit: delete_reference %d, create_object %s\n", deleted,
          created == napi_ok ? "ok" : "refused");
}

static napi_value HostInfo(napi_env env, napi_callback_info info) {
  napi_value out, script, result;
  uint32_t version;
  const napi_node_version* node;
  uv_loop_t* loop;
  const char* file;
  int64_t adjusted;
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_get_version(env, &version));
  SetNamedInt(env, out, "napiVersion", (int32_t)version);
  NAPI_CALL(env, napi_get_node_version(env, &node));
  SetNamedInt(env, out, "major", (int32_t)node->major);
  napi_set_named_property(env, out, "release", MakeString(env, node->release));
  NAPI_CALL(env, napi_get_uv_event_loop(env, &loop));
  napi_set_named_property(env, out, "loopAlive", MakeBool(env, loop != NULL && uv_loop_alive(loop) >= 0));
  NAPI_CALL(env, node_api_get_module_file_name(env, &file));
  napi_set_named_property(env, out, "file", MakeString(env, file));
  NAPI_CALL(env, napi_adjust_external_memory(env, 1024, &adjusted));
  NAPI_CALL(env, napi_adjust_external_memory(env, -1024, &adjusted));
  napi_set_named_property(env, out, "adjustedNonNegative", MakeBool(env, adjusted >= 0));
  NAPI_CALL(env, napi_create_string_utf8(env, "[1, 2].map((x) => x * 21).pop()", NAPI_AUTO_LENGTH, &script));
  NAPI_CALL(env, napi_run_script(env, script, &result));
  napi_set_named_property(env, out, "scriptResult", result);
  return out;
}

static napi_value RunScript(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_value out;
  NAPI_CALL(env, napi_run_script(env, argv[0], &out));
  return out;
}

static napi_value BadArgs(napi_env env, napi_callback_info info) {
  napi_value out, num, obj;
  napi_ref ref;
  void* data;
  bool b;
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_create_object(env, &obj));
  NAPI_CALL(env, napi_create_int32(env, 1, &num));
  SetNamedInt(env, out, "refToNumberV8", napi_create_reference(env, num, 1, &ref));
  SetNamedInt(env, out, "refNullValue", napi_create_reference(env, NULL, 1, &ref));
  SetNamedInt(env, out, "deleteNullRef", napi_delete_reference(env, NULL));
  SetNamedInt(env, out, "wrapNumber", napi_wrap(env, num, NULL, NULL, NULL, NULL));
  SetNamedInt(env, out, "unwrapNotWrapped", napi_unwrap(env, obj, &data));
  SetNamedInt(env, out, "removeWrapNotWrapped", napi_remove_wrap(env, obj, &data));
  SetNamedInt(env, out, "externalValueOfObject", napi_get_value_external(env, obj, &data));
  SetNamedInt(env, out, "addFinalizerNullCb", napi_add_finalizer(env, obj, NULL, NULL, NULL, NULL));
  SetNamedInt(env, out, "addFinalizerNumber", napi_add_finalizer(env, num, NULL, CountFinalize, NULL, NULL));
  SetNamedInt(env, out, "checkTagNull", napi_check_object_type_tag(env, obj, NULL, &b));
  SetNamedInt(env, out, "runScriptNumber", napi_run_script(env, num, &obj));
  SetNamedInt(env, out, "instanceDataNull", napi_get_instance_data(env, NULL));
  SetNamedInt(env, out, "cleanupHookNull", napi_add_env_cleanup_hook(env, NULL, NULL));
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  InstanceData* data = calloc(1, sizeof(InstanceData));
  NAPI_CALL(env, napi_set_instance_data(env, data, FreeInstanceData, NULL));
  napi_property_descriptor props[] = {
      DECLARE_METHOD("scopes", Scopes),         DECLARE_METHOD("createRef", CreateRef),
      DECLARE_METHOD("refValue", RefValue),     DECLARE_METHOD("refRef", RefRef),
      DECLARE_METHOD("refUnref", RefUnref),     DECLARE_METHOD("deleteRef", DeleteRef),
      DECLARE_METHOD("wrap", Wrap),             DECLARE_METHOD("unwrap", Unwrap),
      DECLARE_METHOD("removeWrap", RemoveWrap), DECLARE_METHOD("external", External),
      DECLARE_METHOD("externalValue", ExternalValue), DECLARE_METHOD("addFinalizer", AddFinalizer),
      DECLARE_METHOD("typeTag", TypeTag),       DECLARE_METHOD("checkTag", CheckTag),
      DECLARE_METHOD("finalizedCount", FinalizedCount), DECLARE_METHOD("countCalls", CountCalls),
      DECLARE_METHOD("addCleanupHooks", AddCleanupHooks), DECLARE_METHOD("hostInfo", HostInfo),
      DECLARE_METHOD("runScript", RunScript),   DECLARE_METHOD("badArgs", BadArgs),
      DECLARE_METHOD("printOnFinalize", PrintOnFinalize),
      DECLARE_METHOD("addAsyncCleanupHook", AddAsyncCleanupHook),
      DECLARE_METHOD("keepRefUntilExit", KeepRefUntilExit),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

TEST_ADDON(Init)
