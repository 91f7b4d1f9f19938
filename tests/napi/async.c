/* Asynchronous Node-API: async work on the thread pool, cancellation, make_callback, callback
 * scopes, and thread-safe functions called from native threads. libuv comes from the host. */
#include <uv.h>
#include "test_common.h"

/* ---- async work ---- */

typedef struct {
  napi_async_work work;
  napi_deferred deferred;
  uint32_t n;
  double sum;
  uv_thread_t main_thread;
  int other_thread;
} SumJob;

static void SumExecute(napi_env env, void* data) {
  SumJob* job = data;
  uv_thread_t self = uv_thread_self();
  job->other_thread = !uv_thread_equal(&self, &job->main_thread);
  for (uint32_t i = 1; i <= job->n; i++) job->sum += i;
}

static void SumComplete(napi_env env, napi_status status, void* data) {
  SumJob* job = data;
  napi_value out;
  napi_create_object(env, &out);
  napi_value sum;
  napi_create_double(env, job->sum, &sum);
  napi_set_named_property(env, out, "sum", sum);
  napi_set_named_property(env, out, "otherThread", MakeBool(env, job->other_thread));
  SetNamedInt(env, out, "status", status);
  napi_resolve_deferred(env, job->deferred, out);
  napi_delete_async_work(env, job->work);
  free(job);
}

static napi_value SumAsync(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  SumJob* job = calloc(1, sizeof *job);
  napi_value promise, name;
  bool is;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[0], &job->n));
  job->main_thread = uv_thread_self();
  NAPI_CALL(env, napi_create_promise(env, &job->deferred, &promise));
  NAPI_CALL(env, napi_is_promise(env, promise, &is));
  NAPI_ASSERT(env, is, "is_promise");
  name = MakeString(env, "sum");
  NAPI_CALL(env, napi_create_async_work(env, NULL, name, SumExecute, SumComplete, job, &job->work));
  NAPI_CALL(env, napi_queue_async_work(env, job->work));
  return promise;
}

static napi_value RejectLater(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_deferred d;
  napi_value promise;
  NAPI_CALL(env, napi_create_promise(env, &d, &promise));
  NAPI_CALL(env, napi_reject_deferred(env, d, argv[0]));
  return promise;
}

/* Completion that throws: the error must reach 'uncaughtException'. */
typedef struct {
  napi_async_work work;
} ThrowJob;

static void ThrowingComplete(napi_env env, napi_status status, void* data) {
  ThrowJob* job = data;
  napi_delete_async_work(env, job->work);
  free(job);
  napi_throw_error(env, "ERR_FROM_COMPLETE", "thrown in complete");
}

static void NoopExecute(napi_env env, void* data) {}

static napi_value ThrowInComplete(napi_env env, napi_callback_info info) {
  ThrowJob* job = calloc(1, sizeof *job);
  NAPI_CALL(env, napi_create_async_work(env, NULL, MakeString(env, "t"), NoopExecute,
                                        ThrowingComplete, job, &job->work));
  NAPI_CALL(env, napi_queue_async_work(env, job->work));
  return NULL;
}

/* Cancellation: occupy the pool with slow work, then cancel a queued item. */
typedef struct {
  napi_async_work work;
  napi_ref callback;
  int slow;
} CancelJob;

static void SlowExecute(napi_env env, void* data) {
  if (((CancelJob*)data)->slow) uv_sleep(300);
}

static void CancelComplete(napi_env env, napi_status status, void* data) {
  CancelJob* job = data;
  if (job->callback) {
    napi_value cb, undef;
    napi_get_reference_value(env, job->callback, &cb);
    napi_get_undefined(env, &undef);
    napi_value arg = MakeInt(env, status);
    napi_call_function(env, undef, cb, 1, &arg, NULL);
    napi_delete_reference(env, job->callback);
  }
  napi_delete_async_work(env, job->work);
  free(job);
}

static napi_value CancelTest(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  uint32_t pool;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &pool));
  for (uint32_t i = 0; i < pool; i++) {
    CancelJob* job = calloc(1, sizeof *job);
    job->slow = 1;
    NAPI_CALL(env, napi_create_async_work(env, NULL, MakeString(env, "slow"), SlowExecute,
                                          CancelComplete, job, &job->work));
    NAPI_CALL(env, napi_queue_async_work(env, job->work));
  }
  CancelJob* job = calloc(1, sizeof *job);
  NAPI_CALL(env, napi_create_reference(env, argv[0], 1, &job->callback));
  NAPI_CALL(env, napi_create_async_work(env, NULL, MakeString(env, "cancelled"), SlowExecute,
                                        CancelComplete, job, &job->work));
  NAPI_CALL(env, napi_queue_async_work(env, job->work));
  return MakeInt(env, napi_cancel_async_work(env, job->work));
}

/* ---- make_callback and callback scopes ---- */

static napi_value MakeCallback(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8], out;
  napi_async_context ctx;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  NAPI_CALL(env, napi_async_init(env, NULL, MakeString(env, "mc"), &ctx));
  napi_status s = napi_make_callback(env, ctx, argv[0], argv[1], argc - 2, argv + 2, &out);
  NAPI_CALL(env, napi_async_destroy(env, ctx));
  if (s != napi_ok) return NULL;
  return out;
}

static napi_value CallbackScopes(napi_env env, napi_callback_info info) {
  napi_callback_scope scope;
  napi_async_context ctx;
  napi_value resource, out;
  NAPI_CALL(env, napi_create_object(env, &resource));
  NAPI_CALL(env, napi_async_init(env, resource, MakeString(env, "scope"), &ctx));
  NAPI_CALL(env, napi_open_callback_scope(env, resource, ctx, &scope));
  NAPI_CALL(env, napi_close_callback_scope(env, scope));
  napi_status extra = napi_close_callback_scope(env, scope);
  NAPI_CALL(env, napi_async_destroy(env, ctx));
  NAPI_CALL(env, napi_create_object(env, &out));
  SetNamedInt(env, out, "closeUnopened", extra);
  SetNamedInt(env, out, "openNull", napi_open_callback_scope(env, resource, NULL, NULL));
  SetNamedInt(env, out, "asyncInitNullName", napi_async_init(env, resource, NULL, &ctx));
  return out;
}

/* ---- thread-safe functions ---- */

typedef struct {
  napi_threadsafe_function tsfn;
  uv_thread_t thread;
  uint32_t count;
  napi_threadsafe_function_call_mode mode;
  int abort_on_first;
  int queue_full;
  int closing;
  int sent;
  napi_ref done;
} TsfnTest;

static void TsfnThread(void* arg) {
  TsfnTest* t = arg;
  for (uint32_t i = 0; i < t->count; i++) {
    int* value = malloc(sizeof(int));
    *value = (int)i;
    napi_status s;
    for (;;) {
      s = napi_call_threadsafe_function(t->tsfn, value, t->mode);
      if (s != napi_queue_full) break;
      t->queue_full++;
      uv_sleep(1);
    }
    if (s == napi_ok) {
      t->sent++;
    } else {
      free(value);
      if (s == napi_closing) {
        t->closing++;
        return;  /* a closing function counts as released by this thread */
      }
    }
  }
  napi_release_threadsafe_function(t->tsfn, napi_tsfn_release);
}

static void TsfnCallJs(napi_env env, napi_value js_cb, void* context, void* data) {
  TsfnTest* t = context;
  int value = *(int*)data;
  free(data);
  if (env == NULL) return;  /* dropped after an abort */
  if (t->abort_on_first) {
    t->abort_on_first = 0;
    napi_release_threadsafe_function(t->tsfn, napi_tsfn_abort);
  }
  napi_value undef, arg;
  napi_get_undefined(env, &undef);
  napi_create_int32(env, value, &arg);
  napi_call_function(env, undef, js_cb, 1, &arg, NULL);
}

static void TsfnFinalize(napi_env env, void* data, void* context) {
  TsfnTest* t = data;
  uv_thread_join(&t->thread);
  napi_value done, undef, stats;
  napi_get_reference_value(env, t->done, &done);
  napi_get_undefined(env, &undef);
  napi_create_object(env, &stats);
  SetNamedInt(env, stats, "sent", t->sent);
  SetNamedInt(env, stats, "closing", t->closing);
  napi_set_named_property(env, stats, "sawQueueFull", MakeBool(env, t->queue_full > 0));
  napi_call_function(env, undef, done, 1, &stats, NULL);
  napi_delete_reference(env, t->done);
  free(t);
}

static napi_value StartThread(napi_env env, napi_callback_info info) {
  /* startThread(cb, done, count, maxQueue, blocking, abortOnFirst) */
  GET_ARGS(env, info, 6);
  TsfnTest* t = calloc(1, sizeof *t);
  uint32_t max_queue;
  bool blocking, abort_first;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[2], &t->count));
  NAPI_CALL(env, napi_get_value_uint32(env, argv[3], &max_queue));
  NAPI_CALL(env, napi_get_value_bool(env, argv[4], &blocking));
  NAPI_CALL(env, napi_get_value_bool(env, argv[5], &abort_first));
  t->mode = blocking ? napi_tsfn_blocking : napi_tsfn_nonblocking;
  t->abort_on_first = abort_first;
  NAPI_CALL(env, napi_create_reference(env, argv[1], 1, &t->done));
  NAPI_CALL(env, napi_create_threadsafe_function(env, argv[0], NULL, MakeString(env, "tsfn"),
                                                 max_queue, 1, t, TsfnFinalize, t, TsfnCallJs,
                                                 &t->tsfn));
  void* ctx;
  NAPI_CALL(env, napi_get_threadsafe_function_context(t->tsfn, &ctx));
  NAPI_ASSERT(env, ctx == t, "context");
  /* The JS thread's abort releases a hold of its own, so the worker's one stays counted. */
  if (abort_first) NAPI_CALL(env, napi_acquire_threadsafe_function(t->tsfn));
  if (uv_thread_create(&t->thread, TsfnThread, t) != 0) {
    napi_throw_error(env, NULL, "uv_thread_create failed");
    return NULL;
  }
  return NULL;
}

/* A thread-safe function left unref'd and never released must not keep the process alive. */
static napi_value Unreffed(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_threadsafe_function tsfn;
  NAPI_CALL(env, napi_create_threadsafe_function(env, argv[0], NULL, MakeString(env, "idle"), 0, 1,
                                                 NULL, NULL, NULL, NULL, &tsfn));
  NAPI_CALL(env, napi_unref_threadsafe_function(env, tsfn));
  NAPI_CALL(env, napi_ref_threadsafe_function(env, tsfn));
  NAPI_CALL(env, napi_unref_threadsafe_function(env, tsfn));
  /* From the JS thread, a non-blocking call goes through the default call (fn with no args). */
  NAPI_CALL(env, napi_call_threadsafe_function(tsfn, NULL, napi_tsfn_nonblocking));
  return NULL;
}

static napi_value TsfnBadArgs(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_threadsafe_function tsfn;
  napi_value out, num;
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_create_int32(env, 1, &num));
  napi_value name = MakeString(env, "bad");
  SetNamedInt(env, out, "zeroThreads", napi_create_threadsafe_function(
      env, argv[0], NULL, name, 0, 0, NULL, NULL, NULL, NULL, &tsfn));
  SetNamedInt(env, out, "noFuncNoCallJs", napi_create_threadsafe_function(
      env, NULL, NULL, name, 0, 1, NULL, NULL, NULL, NULL, &tsfn));
  SetNamedInt(env, out, "numberFunc", napi_create_threadsafe_function(
      env, num, NULL, name, 0, 1, NULL, NULL, NULL, NULL, &tsfn));
  SetNamedInt(env, out, "nullName", napi_create_threadsafe_function(
      env, argv[0], NULL, NULL, 0, 1, NULL, NULL, NULL, NULL, &tsfn));
  /* Queue limit and acquire/release balance on a live function (finalized on the next turn). */
  NAPI_CALL(env, napi_create_threadsafe_function(env, argv[0], NULL, name, 1, 1, NULL, NULL,
                                                 NULL, NULL, &tsfn));
  NAPI_CALL(env, napi_unref_threadsafe_function(env, tsfn));
  SetNamedInt(env, out, "acquire", napi_acquire_threadsafe_function(tsfn));
  SetNamedInt(env, out, "firstCall", napi_call_threadsafe_function(tsfn, NULL, napi_tsfn_nonblocking));
  SetNamedInt(env, out, "fullQueue", napi_call_threadsafe_function(tsfn, NULL, napi_tsfn_nonblocking));
  SetNamedInt(env, out, "release1", napi_release_threadsafe_function(tsfn, napi_tsfn_release));
  SetNamedInt(env, out, "release2", napi_release_threadsafe_function(tsfn, napi_tsfn_release));
  SetNamedInt(env, out, "release3", napi_release_threadsafe_function(tsfn, napi_tsfn_release));
  return out;
}

/* A thread-safe function whose JS throws: for a module of Node-API < 10 the exception is dropped
 * with a DEP0168 warning, as Node does (10 and later: 'uncaughtException'). */
static napi_value ThrowFromTsfn(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_threadsafe_function tsfn;
  NAPI_CALL(env, napi_create_threadsafe_function(env, argv[0], NULL, MakeString(env, "throws"), 0,
                                                 1, NULL, NULL, NULL, NULL, &tsfn));
  NAPI_CALL(env, napi_call_threadsafe_function(tsfn, NULL, napi_tsfn_nonblocking));
  NAPI_CALL(env, napi_release_threadsafe_function(tsfn, napi_tsfn_release));
  return NULL;
}

/* NULL handles: napi_invalid_arg on nodus (Node aborts the process instead). */
static napi_value TsfnNullHandles(napi_env env, napi_callback_info info) {
  napi_value out;
  void* ctx;
  NAPI_CALL(env, napi_create_object(env, &out));
  SetNamedInt(env, out, "callNull", napi_call_threadsafe_function(NULL, NULL, napi_tsfn_blocking));
  SetNamedInt(env, out, "contextNull", napi_get_threadsafe_function_context(NULL, &ctx));
  SetNamedInt(env, out, "releaseNull", napi_release_threadsafe_function(NULL, napi_tsfn_release));
  SetNamedInt(env, out, "acquireNull", napi_acquire_threadsafe_function(NULL));
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      DECLARE_METHOD("sumAsync", SumAsync),       DECLARE_METHOD("rejectLater", RejectLater),
      DECLARE_METHOD("cancelTest", CancelTest),   DECLARE_METHOD("makeCallback", MakeCallback),
      DECLARE_METHOD("callbackScopes", CallbackScopes), DECLARE_METHOD("startThread", StartThread),
      DECLARE_METHOD("unreffed", Unreffed),       DECLARE_METHOD("tsfnBadArgs", TsfnBadArgs),
      DECLARE_METHOD("throwInComplete", ThrowInComplete),
      DECLARE_METHOD("tsfnNullHandles", TsfnNullHandles),
      DECLARE_METHOD("throwFromTsfn", ThrowFromTsfn),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

TEST_ADDON(Init)
