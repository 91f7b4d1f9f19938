// The V8 inspector attached to the runtime: created only when inspection starts (--inspect*,
// SIGUSR1, inspector.open(), or an in-process inspector.Session), so startup never pays for it.
#pragma once

#include <uv.h>
#include <v8-inspector.h>
#include <v8.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace nodus {
class Runtime;
}

namespace nodus::inspector {

class InspectorIo;

class Agent : public v8_inspector::V8InspectorClient {
 public:
  explicit Agent(Runtime& rt);
  ~Agent() override;

  // Starts the WebSocket server; prints "Debugger listening on ws://..." to stderr as Node does.
  bool StartIo(const std::string& host, int port, std::string* error);
  // StartIo, reporting a failure on stderr as Node does ("Starting inspector on ... failed").
  bool Start(const std::string& host, int port);
  void StopIo();
  bool io_active() const { return io_ != nullptr; }
  std::string WebSocketUrl() const;

  // Blocks (serving the debugger) until a client sends Runtime.runIfWaitingForDebugger.
  void WaitForDebugger();
  // At the end of the program, as Node: with a debugger still connected, reports the context
  // destroyed and serves the debugger until it disconnects ("Waiting for the debugger...").
  void WaitForDisconnect();
  // --inspect-brk: the next call of CallAndPauseOnStart pauses on its first statement.
  void RequestBreakOnStart() { break_on_start_ = true; }
  v8::MaybeLocal<v8::Value> CallAndPauseOnStart(v8::Local<v8::Function> fn, v8::Local<v8::Value> recv,
                                                int argc, v8::Local<v8::Value>* argv);

  // A vm context, shown to debuggers under `name` (contexts made before the agent are not).
  void ContextCreated(v8::Local<v8::Context> context, const std::string& name);

  // In-process sessions (inspector.Session): messages go to `on_message` on the main thread.
  int ConnectLocal(std::function<void(const std::string&)> on_message);
  void DispatchLocal(int session, const std::string& message);
  void DisconnectLocal(int session);

  // V8InspectorClient
  void runMessageLoopOnPause(int context_group_id) override;
  void quitMessageLoopOnPause() override;
  void runIfWaitingForDebugger(int context_group_id) override;
  double currentTimeMS() override;
  v8::Local<v8::Context> ensureDefaultContextInGroup(int context_group_id) override;
  // CommonJS scripts are named by absolute path; DevTools wants file:// URLs (as Node reports).
  std::unique_ptr<v8_inspector::StringBuffer> resourceNameToUrl(const v8_inspector::StringView& name) override;

  static Agent& Get(Runtime& rt);   // created on first use
  static Agent* Find(Runtime& rt);  // null until then

  // Gives the context the id the agent will report for it, before any user code compiles: V8
  // records a script's context id when compiling it, and only scripts with the id are shown to a
  // debugger (or take breakpoints) once an agent created later (SIGUSR1, inspector.open) exists.
  static void TagContext(v8::Local<v8::Context> context);

 private:
  class Session;
  int Connect(std::function<void(const std::string&)> send);
  void Dispatch(int session, const std::string& message);
  void ProcessIoEvents();

  Runtime& rt_;
  std::unique_ptr<v8_inspector::V8Inspector> inspector_;
  std::map<int, std::unique_ptr<Session>> sessions_;
  std::map<int, int> io_sessions_;  // IO session id -> agent session id
  std::unique_ptr<InspectorIo> io_;
  uv_async_t* io_async_ = nullptr;  // owned by the loop once initialized; closed in StopIo
  std::string target_id_;
  int next_session_ = 1;
  bool paused_ = false;
  bool waiting_for_debugger_ = false;
  bool break_on_start_ = false;
  int processing_ = 0;  // ProcessIoEvents calls on the stack
  bool exit_hook_ = false;  // WaitForDisconnect is a runtime cleanup hook
};

}  // namespace nodus::inspector
