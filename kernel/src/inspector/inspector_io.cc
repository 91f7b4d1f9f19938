#include "inspector/inspector_io.h"

#include <fmt/format.h>

#include <cstring>

#include "inspector/websocket.h"
#include "nodus/js_source.h"

// V8's protocol schema, embedded at build time (kernel/deps.cmake); an empty table without it.
extern "C" const nodus_js_source nodus_inspector_protocol_json[];

namespace nodus::inspector {

struct InspectorIo::Connection {
  uv_tcp_t tcp;
  InspectorIo* io;
  std::string buffer;
  std::string message;  // a fragmented WebSocket message being joined
  bool websocket = false;
  int session = 0;
  bool closing = false;
};

namespace {

struct WriteReq {
  uv_write_t req;
  std::string data;
};

std::string HeaderValue(const std::string& head, const char* name) {
  std::string lower = head;
  for (char& c : lower) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  std::string key = std::string("\r\n") + name + ":";
  size_t p = lower.find(key);
  if (p == std::string::npos) return {};
  p += key.size();
  size_t end = head.find("\r\n", p);
  std::string v = head.substr(p, end - p);
  size_t a = v.find_first_not_of(" \t");
  size_t b = v.find_last_not_of(" \t");
  return a == std::string::npos ? std::string() : v.substr(a, b - a + 1);
}

// DNS rebinding protection, as Node: a browser page can reach 127.0.0.1 through a name it
// controls, but then sends that name as Host. Only IP literals and localhost are served.
bool AllowedHost(const std::string& host) {
  if (host.empty() || host[0] == '[') return true;  // absent, or an IPv6 literal
  std::string name = host.substr(0, host.rfind(':'));
  std::string lower;
  for (char c : name) lower += static_cast<char>(tolower(static_cast<unsigned char>(c)));
  if (lower == "localhost" || lower == "localhost.") return true;
  unsigned char addr[sizeof(struct in6_addr)];
  return uv_inet_pton(AF_INET, name.c_str(), addr) == 0;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += c;
    }
  }
  return out;
}

}  // namespace

InspectorIo::InspectorIo(std::string host, int port, TargetInfo target, uv_async_t* notify,
                         std::function<void()> interrupt)
    : host_(std::move(host)), port_(port), target_(std::move(target)), notify_(notify),
      interrupt_(std::move(interrupt)) {}

InspectorIo::~InspectorIo() { Stop(); }

bool InspectorIo::Start(std::string* error) {
  uv_loop_init(&loop_);
  uv_tcp_init(&loop_, &server_);
  server_.data = this;
  sockaddr_storage addr{};
  int err = host_.find(':') != std::string::npos
                ? uv_ip6_addr(host_.c_str(), port_, reinterpret_cast<sockaddr_in6*>(&addr))
                : uv_ip4_addr(host_.c_str(), port_, reinterpret_cast<sockaddr_in*>(&addr));
  if (err == 0) err = uv_tcp_bind(&server_, reinterpret_cast<sockaddr*>(&addr), 0);
  if (err == 0) {
    err = uv_listen(reinterpret_cast<uv_stream_t*>(&server_), 16, [](uv_stream_t* s, int status) {
      if (status == 0) static_cast<InspectorIo*>(s->data)->OnConnection();
    });
  }
  if (err != 0) {
    *error = uv_strerror(err);  // Node's wording: "address already in use"
    uv_close(reinterpret_cast<uv_handle_t*>(&server_), nullptr);
    uv_run(&loop_, UV_RUN_DEFAULT);
    uv_loop_close(&loop_);
    return false;
  }
  sockaddr_storage bound{};
  int len = sizeof(bound);
  uv_tcp_getsockname(&server_, reinterpret_cast<sockaddr*>(&bound), &len);
  port_ = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                            : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  uv_async_init(&loop_, &wake_, [](uv_async_t* a) { static_cast<InspectorIo*>(a->data)->DrainOutgoing(); });
  wake_.data = this;
  started_ = true;
  thread_ = std::thread([this] { ThreadMain(); });
  return true;
}

void InspectorIo::Stop() {
  if (!started_) return;
  stopping_ = true;
  uv_async_send(&wake_);
  thread_.join();
  started_ = false;
}

std::string InspectorIo::WebSocketUrl() const {
  std::string host = host_ == "0.0.0.0" ? "127.0.0.1" : host_;
  return fmt::format("ws://{}:{}/{}", host, port_, target_.id);
}

void InspectorIo::ThreadMain() {
  uv_run(&loop_, UV_RUN_DEFAULT);
  uv_loop_close(&loop_);
}

void InspectorIo::Push(IoEvent event) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    incoming_.push_back(std::move(event));
  }
  cv_.notify_all();
  uv_async_send(notify_);
  if (interrupt_) interrupt_();
}

std::vector<IoEvent> InspectorIo::TakeEvents() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<IoEvent> out(std::make_move_iterator(incoming_.begin()), std::make_move_iterator(incoming_.end()));
  incoming_.clear();
  return out;
}

void InspectorIo::WaitForEvent() {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait(lock, [this] { return !incoming_.empty(); });
}

void InspectorIo::Send(int session, std::string message) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    outgoing_.emplace_back(session, std::move(message));
  }
  uv_async_send(&wake_);
}

void InspectorIo::Disconnect(int session) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    to_close_.push_back(session);
  }
  uv_async_send(&wake_);
}

void InspectorIo::DrainOutgoing() {
  std::deque<std::pair<int, std::string>> out;
  std::vector<int> close;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out.swap(outgoing_);
    close.swap(to_close_);
  }
  for (auto& [session, message] : out) {
    auto it = sessions_.find(session);
    if (it != sessions_.end()) Write(it->second, EncodeFrame(message));
  }
  for (int session : close) {
    auto it = sessions_.find(session);
    if (it != sessions_.end()) {
      Write(it->second, EncodeFrame("", 8));
      CloseConnection(it->second);
    }
  }
  if (stopping_) {
    for (auto& [id, c] : std::map<int, Connection*>(sessions_)) CloseConnection(c);
    uv_close(reinterpret_cast<uv_handle_t*>(&server_), nullptr);
    uv_close(reinterpret_cast<uv_handle_t*>(&wake_), nullptr);
  }
}

void InspectorIo::OnConnection() {
  auto* c = new Connection();  // owned by the handle; deleted in its close callback
  c->io = this;
  uv_tcp_init(&loop_, &c->tcp);
  c->tcp.data = c;
  if (uv_accept(reinterpret_cast<uv_stream_t*>(&server_), reinterpret_cast<uv_stream_t*>(&c->tcp)) != 0) {
    CloseConnection(c);
    return;
  }
  uv_read_start(reinterpret_cast<uv_stream_t*>(&c->tcp),
      [](uv_handle_t*, size_t suggested, uv_buf_t* buf) {
        buf->base = new char[suggested];
        buf->len = suggested;
      },
      [](uv_stream_t* s, ssize_t n, const uv_buf_t* buf) {
        auto* conn = static_cast<Connection*>(s->data);
        if (n > 0) conn->io->OnRead(conn, buf->base, static_cast<size_t>(n));
        else if (n < 0) conn->io->CloseConnection(conn);
        delete[] buf->base;
      });
}

void InspectorIo::OnRead(Connection* c, const char* data, size_t len) {
  c->buffer.append(data, len);
  if (!c->websocket) {
    if (c->buffer.size() > 65536) return CloseConnection(c);
    if (c->buffer.find("\r\n\r\n") != std::string::npos) HandleHttp(c);
    return;
  }
  Frame frame;
  DecodeStatus st;
  while ((st = DecodeFrame(c->buffer, &frame)) == DecodeStatus::kFrame) {
    if (frame.opcode == 8) {  // close
      Write(c, EncodeFrame("", 8));
      return CloseConnection(c);
    }
    if (frame.opcode == 9) {  // ping
      Write(c, EncodeFrame(frame.payload, 10));
      continue;
    }
    if (frame.opcode == 1 || frame.opcode == 0) {
      // A message is a text frame and its continuations (opcode 0), up to the one with FIN set.
      if (c->message.size() + frame.payload.size() > (64u << 20)) return CloseConnection(c);
      c->message += frame.payload;
      if (!frame.fin) continue;
      Push({IoEvent::kMessage, c->session, std::move(c->message)});
      c->message.clear();
    }
  }
  if (st == DecodeStatus::kError) CloseConnection(c);
}

std::string InspectorIo::JsonList() const {
  std::string ws = WebSocketUrl().substr(5);  // host:port/id
  return fmt::format(
      "[ {{\n  \"description\": \"nodus instance\",\n"
      "  \"devtoolsFrontendUrl\": \"devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws={0}\",\n"
      "  \"devtoolsFrontendUrlCompat\": \"devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws={0}\",\n"
      "  \"faviconUrl\": \"https://nodejs.org/static/images/favicons/favicon.ico\",\n"
      "  \"id\": \"{1}\",\n  \"title\": \"{2}\",\n  \"type\": \"node\",\n  \"url\": \"{3}\",\n"
      "  \"webSocketDebuggerUrl\": \"ws://{0}\"\n}} ]\n",
      ws, target_.id, JsonEscape(target_.title), JsonEscape(target_.url));
}

void InspectorIo::HandleHttp(Connection* c) {
  size_t end = c->buffer.find("\r\n\r\n");
  std::string head = c->buffer.substr(0, end);
  c->buffer.erase(0, end + 4);
  size_t sp1 = head.find(' '), sp2 = head.find(' ', sp1 + 1);
  std::string method = head.substr(0, sp1);
  std::string path = sp1 == std::string::npos ? "" : head.substr(sp1 + 1, sp2 - sp1 - 1);
  auto respond = [&](int status, const char* text, const std::string& body) {
    Write(c, fmt::format("HTTP/1.1 {} {}\r\nContent-Type: application/json; charset=UTF-8\r\n"
                         "Cache-Control: no-cache\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{}",
                         status, text, body.size(), body));
    // Shut down after the queued write, then close: closing at once could drop the response.
    auto* req = new uv_shutdown_t;
    req->data = c;
    if (uv_shutdown(req, reinterpret_cast<uv_stream_t*>(&c->tcp), [](uv_shutdown_t* r, int) {
          auto* conn = static_cast<Connection*>(r->data);
          conn->io->CloseConnection(conn);
          delete r;
        }) != 0) {
      delete req;
      CloseConnection(c);
    }
  };
  if (!AllowedHost(HeaderValue(head, "host")))
    return respond(400, "Bad Request", "Host header is not an IP address or localhost.");
  std::string key = HeaderValue(head, "sec-websocket-key");
  if (!key.empty()) {
    if (path != "/" + target_.id) return respond(404, "Not Found", "WebSocket path was not found\n");
    Write(c, fmt::format("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: {}\r\n\r\n", WebSocketAccept(key)));
    c->websocket = true;
    c->session = next_session_++;
    sessions_[c->session] = c;
    Push({IoEvent::kConnect, c->session, {}});
    if (!c->buffer.empty()) OnRead(c, "", 0);
    return;
  }
  if (method != "GET") return respond(405, "Method Not Allowed", "{}");
  if (path == "/json" || path == "/json/list") return respond(200, "OK", JsonList());
  if (path == "/json/version")
    return respond(200, "OK", "{\n  \"Browser\": \"nodus/v20.18.0\",\n  \"Protocol-Version\": \"1.1\"\n}\n");
  if (path == "/json/protocol") {
    const nodus_js_source& schema = nodus_inspector_protocol_json[0];
    if (schema.data != nullptr) return respond(200, "OK", std::string(schema.data, schema.length));
    return respond(200, "OK", "{ \"version\": { \"major\": \"1\", \"minor\": \"3\" }, \"domains\": [] }\n");
  }
  respond(404, "Not Found", "{}");
}

void InspectorIo::Write(Connection* c, std::string data) {
  if (c->closing) return;
  auto* w = new WriteReq{{}, std::move(data)};  // freed in the write callback
  uv_buf_t buf = uv_buf_init(w->data.data(), static_cast<unsigned>(w->data.size()));
  uv_write(&w->req, reinterpret_cast<uv_stream_t*>(&c->tcp), &buf, 1,
           [](uv_write_t* req, int) { delete reinterpret_cast<WriteReq*>(req); });
}

void InspectorIo::CloseConnection(Connection* c) {
  if (c->closing) return;
  c->closing = true;
  if (c->session) {
    sessions_.erase(c->session);
    Push({IoEvent::kDisconnect, c->session, {}});
  }
  uv_close(reinterpret_cast<uv_handle_t*>(&c->tcp), [](uv_handle_t* h) { delete static_cast<Connection*>(h->data); });
}

}  // namespace nodus::inspector
