// spawnSync(options): runs one child to completion on a private uv_loop_t, so the runtime's own
// loop (timers, sockets) does not advance meanwhile, as in Node. It feeds `input` to the child's
// stdin, collects every piped output, and enforces timeout and maxBuffer by sending killSignal.
// Returns { pid, status, signal, output: [Buffer|null...], error } (error: 0 or a negative errno).
#include <memory>
#include <string>

#include "child_process_binding.h"

namespace nodus_cp {
namespace {

struct SyncRunner;

struct SyncPipe {
  uv_pipe_t pipe{};
  SyncRunner* runner = nullptr;
  uint32_t index = 0;
  std::string input;
  std::string output;
  uv_write_t write_req{};
  uv_shutdown_t shutdown_req{};
  bool closing = false;
};

struct SyncRunner {
  uv_loop_t loop{};
  uv_process_t process{};
  uv_timer_t timer{};
  bool spawned = false;
  bool exited = false;
  int64_t exit_status = 0;
  int term_signal = 0;
  int error = 0;
  double timeout = 0;
  double max_buffer = 0;  // 0: unlimited
  int kill_signal = 15;
  std::vector<std::unique_ptr<SyncPipe>> pipes;

  bool timer_closed = true;
  bool killed = false;

  void CloseTimer() {
    if (timer_closed) return;
    timer_closed = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&timer), nullptr);
  }
  // Sends killSignal once and lets go of the pipes: a grandchild that inherited them must not
  // keep the caller waiting (as in Node).
  void Kill(int err);
};

void ClosePipe(SyncPipe* p) {
  if (p->closing) return;
  p->closing = true;
  uv_close(reinterpret_cast<uv_handle_t*>(&p->pipe), nullptr);
}

void SyncRunner::Kill(int err) {
  if (error == 0) error = err;
  if (killed) return;
  killed = true;
  if (spawned && !exited) uv_process_kill(&process, kill_signal);
  for (auto& p : pipes) ClosePipe(p.get());
  CloseTimer();
}

void OnAlloc(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
  *buf = uv_buf_init(static_cast<char*>(malloc(suggested)), static_cast<unsigned>(suggested));
}

void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* p = static_cast<SyncPipe*>(stream->data);
  if (nread > 0) {
    SyncRunner* r = p->runner;
    p->output.append(buf->base, static_cast<size_t>(nread));
    // Past maxBuffer the child is killed and this pipe no longer read (what was read is kept,
    // as in Node).
    if (r->max_buffer > 0 && p->output.size() > r->max_buffer) r->Kill(UV_ENOBUFS);
  } else if (nread < 0) {
    ClosePipe(p);
  }
  free(buf->base);
}

void AfterShutdown(uv_shutdown_t* req, int) { ClosePipe(static_cast<SyncPipe*>(req->data)); }

void AfterWrite(uv_write_t* req, int status) {
  auto* p = static_cast<SyncPipe*>(req->data);
  // EPIPE: the child does not read its stdin; that is not the caller's error.
  if (status < 0 || uv_shutdown(&p->shutdown_req, reinterpret_cast<uv_stream_t*>(&p->pipe), AfterShutdown) != 0)
    ClosePipe(p);
}

void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
  auto* r = static_cast<SyncRunner*>(process->data);
  r->exited = true;
  r->exit_status = exit_status;
  r->term_signal = term_signal;
  uv_close(reinterpret_cast<uv_handle_t*>(process), nullptr);
  r->CloseTimer();
}

void OnTimeout(uv_timer_t* timer) {
  auto* r = static_cast<SyncRunner*>(timer->data);
  r->Kill(UV_ETIMEDOUT);
}

napi_value SpawnSync(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = nullptr;
  napi_get_cb_info(env, info, &argc, &arg, nullptr, nullptr);
  SyncRunner r;
  uv_loop_init(&r.loop);
  r.timeout = GetDouble(env, Prop(env, arg, "timeout"), 0);
  r.max_buffer = GetDouble(env, Prop(env, arg, "maxBuffer"), 0);
  if (!(r.max_buffer > 0) || r.max_buffer == 1.0 / 0.0) r.max_buffer = 0;
  r.kill_signal = GetInt32(env, Prop(env, arg, "killSignal"), 15);

  SpawnOptions so;
  int err = ParseSpawnOptions(env, arg, &so, [&](uint32_t index, napi_value entry) -> uv_stream_t* {
    auto p = std::make_unique<SyncPipe>();
    p->runner = &r;
    p->index = index;
    napi_value input = Prop(env, entry, "input");
    bool is_typed = false;
    napi_is_typedarray(env, input, &is_typed);
    if (is_typed) {
      napi_typedarray_type tt;
      size_t n, offset;
      void* data;
      napi_value ab;
      napi_get_typedarray_info(env, input, &tt, &n, &data, &ab, &offset);
      p->input.assign(static_cast<const char*>(data), n);
    }
    uv_pipe_init(&r.loop, &p->pipe, 0);
    p->pipe.data = p.get();
    p->write_req.data = p.get();
    p->shutdown_req.data = p.get();
    uv_stream_t* s = reinterpret_cast<uv_stream_t*>(&p->pipe);
    r.pipes.push_back(std::move(p));
    return s;
  });
  if (err == 0) {
    so.options.exit_cb = OnExit;
    r.process.data = &r;
    err = uv_spawn(&r.loop, &r.process, &so.options);
    if (err == 0) {
      r.spawned = true;
    } else {
      uv_close(reinterpret_cast<uv_handle_t*>(&r.process), nullptr);
    }
  }
  if (r.spawned) {
    for (auto& p : r.pipes) {
      uv_stream_t* s = reinterpret_cast<uv_stream_t*>(&p->pipe);
      if (p->index == 0) {
        if (!p->input.empty()) {
          uv_buf_t buf = uv_buf_init(p->input.data(), static_cast<unsigned>(p->input.size()));
          if (uv_write(&p->write_req, s, &buf, 1, AfterWrite) != 0) ClosePipe(p.get());
        } else if (uv_shutdown(&p->shutdown_req, s, AfterShutdown) != 0) {
          ClosePipe(p.get());
        }
      } else if (uv_read_start(s, OnAlloc, OnRead) != 0) {
        ClosePipe(p.get());
      }
    }
    if (r.timeout > 0) {
      uv_timer_init(&r.loop, &r.timer);
      r.timer_closed = false;
      r.timer.data = &r;
      uv_timer_start(&r.timer, OnTimeout, static_cast<uint64_t>(r.timeout), 0);
    }
  } else {
    for (auto& p : r.pipes) ClosePipe(p.get());
  }
  uv_run(&r.loop, UV_RUN_DEFAULT);
  uv_loop_close(&r.loop);

  napi_value result;
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "error", Int(env, err ? err : r.error));
  napi_set_named_property(env, result, "pid", Int(env, r.spawned ? r.process.pid : 0));
  if (r.spawned) {
    napi_set_named_property(env, result, "status", Int(env, r.exit_status));
    napi_set_named_property(env, result, "signal", Int(env, r.term_signal));
    napi_value output;
    napi_create_array_with_length(env, so.stdio.size(), &output);
    size_t next = 0;
    for (uint32_t i = 0; i < so.stdio.size(); i++) {
      napi_value v;
      // stdin is the child's input: like every non-pipe entry, it has no output.
      if (next < r.pipes.size() && r.pipes[next]->index == i && i != 0) {
        void* copy;
        const std::string& out = r.pipes[next]->output;
        napi_create_buffer_copy(env, out.size(), out.data(), &copy, &v);
        next++;
      } else {
        napi_get_null(env, &v);
        if (next < r.pipes.size() && r.pipes[next]->index == i) next++;
      }
      napi_set_element(env, output, i, v);
    }
    napi_set_named_property(env, result, "output", output);
  }
  return result;
}

}  // namespace

void RegisterSpawnSync(napi_env env, napi_value binding) {
  SetMethod(env, binding, "spawnSync", SpawnSync);
}

}  // namespace nodus_cp
