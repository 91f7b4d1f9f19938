#include "inspector/inspector_agent.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "inspector/inspector_io.h"
#include "modules/resolver.h"
#include "runtime/runtime.h"

// From V8's debug interface (exported by libnode, not in its public headers): the id a context
// passes on to the scripts compiled in it.
namespace v8::debug {
void SetContextId(v8::Local<v8::Context> context, int id);
}

namespace nodus::inspector {
namespace {

// V8Inspector numbers contexts from 1 in the order they are created; nodus has one.
constexpr int kMainContextId = 1;

void WaitForDisconnectHook(void* agent) { static_cast<Agent*>(agent)->WaitForDisconnect(); }

using v8_inspector::StringBuffer;
using v8_inspector::StringView;

std::string ToUtf8(const StringView& view) {
  std::string out;
  if (view.is8Bit()) {  // Latin-1
    for (size_t i = 0; i < view.length(); i++) {
      uint8_t c = view.characters8()[i];
      if (c < 0x80) out += static_cast<char>(c);
      else { out += static_cast<char>(0xc0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3f)); }
    }
    return out;
  }
  const uint16_t* s = view.characters16();
  for (size_t i = 0; i < view.length(); i++) {
    uint32_t cp = s[i];
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < view.length() && s[i + 1] >= 0xdc00 && s[i + 1] <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (s[i + 1] - 0xdc00);
      i++;
    }
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xc0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3f)); }
    else if (cp < 0x10000) {
      out += static_cast<char>(0xe0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f)); out += static_cast<char>(0x80 | (cp & 0x3f));
    }
  }
  return out;
}

std::u16string Utf8ToUtf16(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    uint8_t c = static_cast<uint8_t>(s[i]);
    uint32_t cp;
    int n;
    if (c < 0x80) { cp = c; n = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1f; n = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0f; n = 3; }
    else { cp = c & 0x07; n = 4; }
    for (int k = 1; k < n && i + k < s.size(); k++) cp = (cp << 6) | (static_cast<uint8_t>(s[i + k]) & 0x3f);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xd800 + (cp >> 10));
      out += static_cast<char16_t>(0xdc00 + (cp & 0x3ff));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

std::string NewUuid() {
  std::random_device rd;
  std::mt19937_64 gen(rd());
  uint64_t a = gen(), b = gen();
  a = (a & ~0xf000ull) | 0x4000ull;                       // version 4
  b = (b & ~(0xc000ull << 48)) | (0x8000ull << 48);        // variant 10
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xffff,
                     b >> 48, b & 0xffffffffffffull);
}

}  // namespace

class Agent::Session : public v8_inspector::V8Inspector::Channel {
 public:
  Session(v8_inspector::V8Inspector* inspector, std::function<void(const std::string&)> send)
      : send_(std::move(send)) {
    session_ = inspector->connect(1, this, StringView());
  }
  void sendResponse(int, std::unique_ptr<StringBuffer> message) override { send_(ToUtf8(message->string())); }
  void sendNotification(std::unique_ptr<StringBuffer> message) override { send_(ToUtf8(message->string())); }
  void flushProtocolNotifications() override {}
  v8_inspector::V8InspectorSession* session() { return session_.get(); }

 private:
  std::function<void(const std::string&)> send_;
  std::unique_ptr<v8_inspector::V8InspectorSession> session_;
};

Agent::Agent(Runtime& rt) : rt_(rt), target_id_(NewUuid()) {
  inspector_ = v8_inspector::V8Inspector::create(rt.isolate(), this);
  static const uint8_t kName[] = "nodus main context";
  static const uint8_t kAux[] = "{\"isDefault\":true}";
  v8_inspector::V8ContextInfo info(rt.context(), 1, StringView(kName, sizeof(kName) - 1));
  info.auxData = StringView(kAux, sizeof(kAux) - 1);
  inspector_->contextCreated(info);
}

void Agent::ContextCreated(v8::Local<v8::Context> context, const std::string& name) {
  static const uint8_t kAux[] = "{\"isDefault\":false}";
  v8_inspector::V8ContextInfo info(context, 1,
                                   StringView(reinterpret_cast<const uint8_t*>(name.data()), name.size()));
  info.auxData = StringView(kAux, sizeof(kAux) - 1);
  // The inspector forgets the context by itself once it is collected.
  inspector_->contextCreated(info);
}

Agent::~Agent() {
  if (exit_hook_) rt_.RemoveCleanupHook(WaitForDisconnectHook, this);
  StopIo();
  sessions_.clear();
  inspector_.reset();
}

void Agent::TagContext(v8::Local<v8::Context> context) { v8::debug::SetContextId(context, kMainContextId); }

namespace {
struct AgentHolder {
  std::unique_ptr<Agent> agent;
};
}  // namespace

Agent& Agent::Get(Runtime& rt) {
  AgentHolder& h = rt.BindingState<AgentHolder>();
  if (!h.agent) h.agent = std::make_unique<Agent>(rt);
  return *h.agent;
}

Agent* Agent::Find(Runtime& rt) { return rt.BindingState<AgentHolder>().agent.get(); }

int Agent::Connect(std::function<void(const std::string&)> send) {
  int id = next_session_++;
  sessions_[id] = std::make_unique<Session>(inspector_.get(), std::move(send));
  return id;
}

void Agent::Dispatch(int session, const std::string& message) {
  auto it = sessions_.find(session);
  if (it == sessions_.end()) return;
  v8::HandleScope scope(rt_.isolate());
  bool ascii = true;
  for (char c : message) if (static_cast<unsigned char>(c) >= 0x80) { ascii = false; break; }
  if (ascii) {
    it->second->session()->dispatchProtocolMessage(
        StringView(reinterpret_cast<const uint8_t*>(message.data()), message.size()));
  } else {
    std::u16string u16 = Utf8ToUtf16(message);
    it->second->session()->dispatchProtocolMessage(
        StringView(reinterpret_cast<const uint16_t*>(u16.data()), u16.size()));
  }
}

int Agent::ConnectLocal(std::function<void(const std::string&)> on_message) { return Connect(std::move(on_message)); }
void Agent::DispatchLocal(int session, const std::string& message) { Dispatch(session, message); }
void Agent::DisconnectLocal(int session) { sessions_.erase(session); }

bool Agent::StartIo(const std::string& host, int port, std::string* error) {
  if (io_) return true;
  io_async_ = new uv_async_t;  // freed in its close callback
  io_async_->data = this;
  uv_async_init(rt_.loop(), io_async_, [](uv_async_t* a) { static_cast<Agent*>(a->data)->ProcessIoEvents(); });
  uv_unref(reinterpret_cast<uv_handle_t*>(io_async_));  // a debugger never keeps the program alive
  std::string script = rt_.options().script;
  std::string abs = script.empty() ? "" : modules::PathResolve("", script);
  TargetInfo target{target_id_, abs.empty() ? "nodus" : abs, abs.empty() ? "" : "file://" + abs};
  v8::Isolate* isolate = rt_.isolate();
  io_ = std::make_unique<InspectorIo>(host, port, target, io_async_, [isolate, this] {
    isolate->RequestInterrupt([](v8::Isolate* iso, void* data) {
      auto* agent = static_cast<Agent*>(data);
      v8::HandleScope scope(iso);
      v8::Context::Scope context_scope(agent->rt_.context());
      // Not while a message is being dispatched (JS it runs can take the interrupt): that
      // outer call, or the pause loop it may enter, takes the events queued meanwhile.
      if (agent->processing_ == 0) agent->ProcessIoEvents();
    }, this);
  });
  if (!io_->Start(error)) {
    io_.reset();
    uv_close(reinterpret_cast<uv_handle_t*>(io_async_), [](uv_handle_t* h) { delete reinterpret_cast<uv_async_t*>(h); });
    io_async_ = nullptr;
    return false;
  }
  std::fprintf(stderr, "Debugger listening on %s\nFor help, see: https://nodejs.org/en/docs/inspector\n",
               io_->WebSocketUrl().c_str());
  std::fflush(stderr);
  // process.debugPort is the port actually bound (--inspect=0, SIGUSR1 with --inspect-port=0).
  v8::Local<v8::Object> process = rt_.process_object();
  if (!process.IsEmpty()) {
    v8::Local<v8::Context> ctx = rt_.context();
    static const char kKey[] = "debugPort";
    (void)process->Set(ctx, v8::String::NewFromUtf8Literal(rt_.isolate(), kKey),
                       v8::Integer::New(rt_.isolate(), io_->port()));
  }
  if (!exit_hook_) {
    exit_hook_ = true;
    rt_.AddCleanupHook(WaitForDisconnectHook, this);
  }
  return true;
}

bool Agent::Start(const std::string& host, int port) {
  std::string error;
  if (StartIo(host, port, &error)) return true;
  std::fprintf(stderr, "Starting inspector on %s:%d failed: %s\n", host.c_str(), port, error.c_str());
  std::fflush(stderr);
  return false;
}

void Agent::StopIo() {
  if (!io_) return;
  io_->Stop();
  io_.reset();
  for (auto& [io_id, id] : io_sessions_) sessions_.erase(id);
  io_sessions_.clear();
  if (io_async_) {
    uv_close(reinterpret_cast<uv_handle_t*>(io_async_), [](uv_handle_t* h) { delete reinterpret_cast<uv_async_t*>(h); });
    io_async_ = nullptr;
  }
}

std::string Agent::WebSocketUrl() const { return io_ ? io_->WebSocketUrl() : std::string(); }

void Agent::ProcessIoEvents() {
  if (!io_) return;
  processing_++;
  for (IoEvent& e : io_->TakeEvents()) {
    switch (e.kind) {
      case IoEvent::kConnect: {
        std::fprintf(stderr, "Debugger attached.\n");
        std::fflush(stderr);
        InspectorIo* io = io_.get();
        int io_id = e.session;
        io_sessions_[io_id] = Connect([io, io_id](const std::string& msg) { io->Send(io_id, msg); });
        break;
      }
      case IoEvent::kMessage: {
        auto it = io_sessions_.find(e.session);
        if (it != io_sessions_.end()) Dispatch(it->second, e.payload);
        break;
      }
      case IoEvent::kDisconnect: {
        auto it = io_sessions_.find(e.session);
        if (it != io_sessions_.end()) {
          sessions_.erase(it->second);
          io_sessions_.erase(it);
        }
        if (io_sessions_.empty()) {
          // The last debugger left: nothing can resume a pause or end a wait any more.
          paused_ = false;
          waiting_for_debugger_ = false;
        }
        break;
      }
    }
  }
  processing_--;
}

void Agent::runMessageLoopOnPause(int) {
  paused_ = true;
  while (paused_) {
    bool local_only = !io_;
    if (local_only) break;  // in-process sessions cannot be served while this thread is paused
    io_->WaitForEvent();
    ProcessIoEvents();
  }
  paused_ = false;
}

void Agent::quitMessageLoopOnPause() { paused_ = false; }

void Agent::runIfWaitingForDebugger(int) { waiting_for_debugger_ = false; }

double Agent::currentTimeMS() {
  return std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
}

v8::Local<v8::Context> Agent::ensureDefaultContextInGroup(int) { return rt_.context(); }

std::unique_ptr<StringBuffer> Agent::resourceNameToUrl(const StringView& name) {
  std::string path = ToUtf8(name);
  if (path.empty() || path[0] != '/') return nullptr;
  std::string url = "file://";
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : path) {
    if (isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c >= 0x80) url += static_cast<char>(c);
    else { url += '%'; url += kHex[c >> 4]; url += kHex[c & 15]; }
  }
  std::u16string u16 = Utf8ToUtf16(url);
  return StringBuffer::create(StringView(reinterpret_cast<const uint16_t*>(u16.data()), u16.size()));
}

void Agent::WaitForDisconnect() {
  // process.exit() does not wait (JS frames are still on the stack), as in Node.
  if (!io_ || io_sessions_.empty() || rt_.stopping()) return;
  std::fprintf(stderr, "Waiting for the debugger to disconnect...\n");
  std::fflush(stderr);
  inspector_->contextDestroyed(rt_.context());
  while (io_ && !io_sessions_.empty()) {
    io_->WaitForEvent();
    ProcessIoEvents();
  }
}

void Agent::WaitForDebugger() {
  if (!io_) return;
  waiting_for_debugger_ = true;
  while (waiting_for_debugger_) {
    io_->WaitForEvent();
    ProcessIoEvents();
  }
}

v8::MaybeLocal<v8::Value> Agent::CallAndPauseOnStart(v8::Local<v8::Function> fn, v8::Local<v8::Value> recv,
                                                     int argc, v8::Local<v8::Value>* argv) {
  if (break_on_start_) {
    break_on_start_ = false;
    static const uint8_t kReason[] = "Break on start";
    for (auto& [id, s] : sessions_)
      s->session()->schedulePauseOnNextStatement(StringView(kReason, sizeof(kReason) - 1), StringView());
  }
  return fn->Call(rt_.context(), recv, argc, argv);
}

}  // namespace nodus::inspector
