// Interrupting running JS for vm's `timeout` and `breakOnSigint`. Each watchdog arms when built
// and, on Stop(), disarms and reports whether it terminated execution; a termination is then
// cancelled so later JS runs (also when it raced with a normal finish).
#pragma once

#include <semaphore.h>
#include <signal.h>
#include <v8.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace nodus {

class TimeoutWatchdog {
 public:
  TimeoutWatchdog(v8::Isolate* isolate, int64_t ms);
  TimeoutWatchdog(const TimeoutWatchdog&) = delete;
  TimeoutWatchdog& operator=(const TimeoutWatchdog&) = delete;
  ~TimeoutWatchdog();
  bool Stop();

 private:
  v8::Isolate* isolate_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  bool fired_ = false;
  std::thread thread_;
};

// SIGINT (Ctrl+C on a terminal) terminates the run instead of reaching the process's handlers,
// which are back once it stops. The signal handler only posts a semaphore; a thread of ours
// terminates execution. Only the outermost of nested runs watches.
class SigintWatchdog {
 public:
  explicit SigintWatchdog(v8::Isolate* isolate);
  SigintWatchdog(const SigintWatchdog&) = delete;
  SigintWatchdog& operator=(const SigintWatchdog&) = delete;
  ~SigintWatchdog();
  bool Stop();

 private:
  v8::Isolate* isolate_;
  sem_t sem_;
  struct sigaction previous_ {};
  bool armed_ = false;
  std::atomic<bool> done_{false};
  std::atomic<bool> fired_{false};
  std::thread thread_;
};

}  // namespace nodus
