/* start(count, intervalMs, onTick, onDone): a native thread (pthreads) ticks `count` times and
 * reports each tick to JS through a thread-safe function; onDone runs when the thread has
 * released it and the function is finalized. stop() from JS aborts early. */
#include <node_api.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
  napi_threadsafe_function tsfn;
  pthread_t thread;
  uint32_t count;
  uint32_t interval_ms;
  napi_ref on_done;
  uint32_t sent;
} Ticker;

static void* Run(void* arg) {
  Ticker* t = arg;
  for (uint32_t i = 1; i <= t->count; i++) {
    struct timespec ts = {t->interval_ms / 1000, (long)(t->interval_ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
    uint32_t* tick = malloc(sizeof *tick);
    *tick = i;
    /* Blocking with a small queue: a slow JS side slows the thread down instead of piling up. */
    if (napi_call_threadsafe_function(t->tsfn, tick, napi_tsfn_blocking) != napi_ok) {
      free(tick);
      return NULL;  /* stop() aborted the function: nothing more can be sent */
    }
    t->sent++;
  }
  napi_release_threadsafe_function(t->tsfn, napi_tsfn_release);
  return NULL;
}

static void CallJs(napi_env env, napi_value on_tick, void* context, void* data) {
  uint32_t* tick = data;
  if (env != NULL) {
    napi_value undefined, arg;
    napi_get_undefined(env, &undefined);
    napi_create_uint32(env, *tick, &arg);
    napi_call_function(env, undefined, on_tick, 1, &arg, NULL);
  }
  free(tick);
}

static void Finalize(napi_env env, void* data, void* context) {
  Ticker* t = data;
  pthread_join(t->thread, NULL);
  napi_value on_done, undefined, sent;
  napi_get_reference_value(env, t->on_done, &on_done);
  napi_get_undefined(env, &undefined);
  napi_create_uint32(env, t->sent, &sent);
  napi_call_function(env, undefined, on_done, 1, &sent, NULL);
  napi_delete_reference(env, t->on_done);
  free(t);
}

static napi_value Stop(napi_env env, napi_callback_info info) {
  Ticker* t;
  napi_get_cb_info(env, info, NULL, NULL, NULL, (void**)&t);
  napi_release_threadsafe_function(t->tsfn, napi_tsfn_abort);
  return NULL;
}

static napi_value Start(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], name, stop;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 4) {
    napi_throw_type_error(env, NULL, "start(count, intervalMs, onTick, onDone)");
    return NULL;
  }
  Ticker* t = calloc(1, sizeof *t);
  napi_get_value_uint32(env, argv[0], &t->count);
  napi_get_value_uint32(env, argv[1], &t->interval_ms);
  napi_create_reference(env, argv[3], 1, &t->on_done);
  napi_create_string_utf8(env, "ticker", NAPI_AUTO_LENGTH, &name);
  /* One holder, the thread. stop() aborts: the thread's next call fails and it ends. */
  napi_create_threadsafe_function(env, argv[2], NULL, name, 4, 1, t, Finalize, t, CallJs, &t->tsfn);
  pthread_create(&t->thread, NULL, Run, t);
  napi_create_function(env, "stop", NAPI_AUTO_LENGTH, Stop, t, &stop);
  return stop;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "start", NAPI_AUTO_LENGTH, Start, NULL, &fn);
  napi_set_named_property(env, exports, "start", fn);
  return exports;
}
