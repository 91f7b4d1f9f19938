// The inspector's transport: an HTTP + WebSocket server on its own thread and libuv loop, so a
// paused program can still be debugged. It moves strings only; V8 is touched on the main thread.
#pragma once

#include <uv.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace nodus::inspector {

struct IoEvent {
  enum Kind { kConnect, kMessage, kDisconnect } kind;
  int session;
  std::string payload;
};

struct TargetInfo {
  std::string id;     // the uuid in the WebSocket path
  std::string title;  // the script
  std::string url;    // file:// URL of the script
};

class InspectorIo {
 public:
  // `notify` is signalled and `interrupt` called (both from the IO thread) whenever an event is
  // queued: the first wakes an idle loop, the second reaches a program busy running JS.
  InspectorIo(std::string host, int port, TargetInfo target, uv_async_t* notify, std::function<void()> interrupt);
  ~InspectorIo();

  // Binds and starts the thread. On failure returns false with a reason (e.g. EADDRINUSE).
  bool Start(std::string* error);
  void Stop();

  int port() const { return port_; }
  const std::string& host() const { return host_; }
  std::string WebSocketUrl() const;

  // Main thread -> IO thread.
  void Send(int session, std::string message);
  void Disconnect(int session);

  // IO thread -> main thread.
  std::vector<IoEvent> TakeEvents();
  // Blocks until an event is queued (while the program is paused or waiting for a debugger).
  void WaitForEvent();

 private:
  struct Connection;
  friend struct Connection;
  void ThreadMain();
  void Push(IoEvent event);
  void OnConnection();
  void OnRead(Connection* c, const char* data, size_t len);
  void HandleHttp(Connection* c);
  void Write(Connection* c, std::string data);
  void CloseConnection(Connection* c);
  void DrainOutgoing();
  std::string JsonList() const;

  std::string host_;
  int port_;
  TargetInfo target_;
  uv_async_t* notify_;
  std::function<void()> interrupt_;
  uv_loop_t loop_{};
  uv_tcp_t server_{};
  uv_async_t wake_{};
  std::thread thread_;
  bool started_ = false;
  std::atomic<bool> stopping_{false};

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<IoEvent> incoming_;
  std::deque<std::pair<int, std::string>> outgoing_;  // session, message ("" + close flag below)
  std::vector<int> to_close_;

  // IO thread only.
  int next_session_ = 1;
  std::map<int, Connection*> sessions_;
};

}  // namespace nodus::inspector
