#include "inspector/debug_signal.h"

#include <uv.h>

#include <atomic>
#include <csignal>
#include <memory>
#include <string>
#include <thread>

#include "cli/options.h"
#include "inspector/inspector_agent.h"
#include "runtime/runtime.h"

namespace nodus::inspector {
namespace {

// A signal handler cannot reach the runtime: the semaphore it posts is the only process-wide
// state, set while a watcher exists.
std::atomic<uv_sem_t*> g_signal_sem{nullptr};

void OnSignal(int) {
  if (uv_sem_t* sem = g_signal_sem.load()) uv_sem_post(sem);  // sem_post is async-signal-safe
}

// The handler only posts a semaphore; the watcher thread then asks the main thread to start the
// inspector twice over: a V8 interrupt reaches a program busy in JS, the async handle an idle loop.
// Whichever runs first starts it.
class Watcher {
 public:
  explicit Watcher(Runtime& rt) : rt_(rt) {
    uv_sem_init(&sem_, 0);
    async_ = new uv_async_t;  // freed in its close callback
    async_->data = this;
    uv_async_init(rt.loop(), async_, [](uv_async_t* a) {
      auto* w = static_cast<Watcher*>(a->data);
      v8::Isolate* isolate = w->rt_.isolate();
      v8::HandleScope scope(isolate);
      v8::Context::Scope context_scope(w->rt_.context());
      w->Activate();
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(async_));
    thread_ = std::thread([this] { Run(); });
    g_signal_sem.store(&sem_);
    struct sigaction sa {};
    sa.sa_handler = OnSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, &previous_);
  }

  ~Watcher() {
    sigaction(SIGUSR1, &previous_, nullptr);
    g_signal_sem.store(nullptr);
    stopping_ = true;
    uv_sem_post(&sem_);
    thread_.join();
    uv_sem_destroy(&sem_);
    async_->data = nullptr;
    uv_close(reinterpret_cast<uv_handle_t*>(async_), [](uv_handle_t* h) { delete reinterpret_cast<uv_async_t*>(h); });
  }

 private:
  void Run() {
    for (;;) {
      uv_sem_wait(&sem_);
      if (stopping_) return;
      pending_ = true;
      rt_.isolate()->RequestInterrupt([](v8::Isolate* isolate, void* data) {
        auto* w = static_cast<Watcher*>(data);
        v8::HandleScope scope(isolate);
        v8::Context::Scope context_scope(w->rt_.context());
        w->Activate();
      }, this);
      uv_async_send(async_);
    }
  }

  // On the main thread: starts the WebSocket server on --inspect-port (default 9229) once.
  void Activate() {
    if (!pending_.exchange(false)) return;
    Agent& agent = Agent::Get(rt_);
    if (agent.io_active()) return;
    cli::InspectOptions inspect = cli::ParseInspect(rt_.options().inspect);
    agent.Start(inspect.host, inspect.port);
  }

  Runtime& rt_;
  uv_sem_t sem_;
  uv_async_t* async_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> pending_{false};
  struct sigaction previous_ {};
};

}  // namespace

void WatchDebugSignal(Runtime& rt) {
  struct Holder { std::unique_ptr<Watcher> watcher; };
  Holder& h = rt.BindingState<Holder>();
  if (!h.watcher) h.watcher = std::make_unique<Watcher>(rt);
}

}  // namespace nodus::inspector
