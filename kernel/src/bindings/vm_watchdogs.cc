#include "bindings/vm_watchdogs.h"

#include <cerrno>
#include <chrono>

namespace nodus {

TimeoutWatchdog::TimeoutWatchdog(v8::Isolate* isolate, int64_t ms) : isolate_(isolate) {
  thread_ = std::thread([this, ms] {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!cv_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return done_; })) {
      fired_ = true;
      isolate_->TerminateExecution();
    }
  });
}

bool TimeoutWatchdog::Stop() {
  if (!thread_.joinable()) return fired_;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (fired_) isolate_->CancelTerminateExecution();
  return fired_;
}

TimeoutWatchdog::~TimeoutWatchdog() { Stop(); }

namespace {
// The semaphore of the armed SigintWatchdog; sem_post is safe in a signal handler.
std::atomic<sem_t*> g_sigint_sem{nullptr};
void OnSigint(int) {
  if (sem_t* s = g_sigint_sem.load()) sem_post(s);
}
}  // namespace

SigintWatchdog::SigintWatchdog(v8::Isolate* isolate) : isolate_(isolate) {
  sem_init(&sem_, 0, 0);
  sem_t* none = nullptr;
  if (!g_sigint_sem.compare_exchange_strong(none, &sem_)) return;  // an outer run watches
  armed_ = true;
  thread_ = std::thread([this] {
    for (;;) {
      if (sem_wait(&sem_) != 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (done_) return;
      fired_ = true;
      isolate_->TerminateExecution();
    }
  });
  struct sigaction action {};
  action.sa_handler = OnSigint;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous_);
}

bool SigintWatchdog::Stop() {
  if (!armed_) return false;
  armed_ = false;
  sigaction(SIGINT, &previous_, nullptr);
  g_sigint_sem.store(nullptr);
  done_ = true;
  sem_post(&sem_);
  thread_.join();
  if (fired_) isolate_->CancelTerminateExecution();
  return fired_;
}

SigintWatchdog::~SigintWatchdog() {
  Stop();
  sem_destroy(&sem_);
}

}  // namespace nodus
