// libFuzzer harness: the http plugin's parser binding (plugins/http/src/http_parser.cc, llhttp and
// our callbacks) driven without JS through fake_napi. Each input is parsed three ways — whole,
// split at points the input picks (the way socket reads arrive), and whole again on the same
// parser after close()/initialize() — and what JS would be told must be identical every time.
//
// Input: byte 0 = options (bit 0 response, bits 1-3 lenient flags, bits 4-5 what onHeadersComplete
// answers), byte 1 = maxHeaderSize / 64, bytes 2-3 = split seed, then the HTTP bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "fake_napi.h"
#include "http_parser.h"

using fake_napi::Kind;
using fake_napi::Value;

namespace {

enum CallbackId { kOnHeaders = 1, kOnBody = 2, kOnComplete = 3 };

struct Methods {
  Value* ctor;
  Value* initialize;
  Value* execute;
  Value* finish;
  Value* close;
};

// What JS learns, in order. Body spans are joined: where a read ends must not matter.
struct Trace {
  std::string events;
  std::string body;
  void Add(const std::string& line) {
    if (!body.empty()) events += "B[" + body + "]\n";
    body.clear();
    events += line + "\n";
  }
};

std::string Render(const Value* v) {
  switch (v->kind) {
    case Kind::kUndefined: return "u";
    case Kind::kNumber: return std::to_string(v->number);
    case Kind::kString: return "'" + v->bytes + "'";
    case Kind::kArray: {
      std::string out = "[";
      for (const Value* e : v->elements) out += (e ? Render(e) : "hole") + ",";
      return out + "]";
    }
    default: return "?";
  }
}

struct Harness {
  Methods m{};
  nodus_http::Binding binding;
  Trace* trace = nullptr;
  const Value* current_buffer = nullptr;
  Value* current_self = nullptr;
  int headers_answer = 0;
  bool upgraded = false;
  int upgrade_flag = 0;  // onHeadersComplete answered 2: JS hands the socket over after this read

  Harness() {
    napi_env env = fake_napi::Env();
    fake_napi::State().instance_data = &binding;
    napi_value ref_value;
    Value* exports = fake_napi::Object();
    nodus_http::Parser::Register(env, fake_napi::ToNapi(exports));
    napi_get_reference_value(env, binding.parser_ctor, &ref_value);
    m.ctor = fake_napi::FromNapi(ref_value);
    m.initialize = m.ctor->props.at("initialize");
    m.execute = m.ctor->props.at("execute");
    m.finish = m.ctor->props.at("finish");
    m.close = m.ctor->props.at("close");
    upgrade_flag = static_cast<int>(m.ctor->props.at("kUpgrade")->number);
    napi_create_reference(env, fake_napi::ToNapi(fake_napi::Function(kOnHeaders)), 1,
                          &binding.on_headers_complete);
    napi_create_reference(env, fake_napi::ToNapi(fake_napi::Function(kOnBody)), 1, &binding.on_body);
    napi_create_reference(env, fake_napi::ToNapi(fake_napi::Function(kOnComplete)), 1,
                          &binding.on_message_complete);
    fake_napi::Keep();
    fake_napi::State().on_call = [this](int id, Value* self, const std::vector<Value*>& args) {
      return OnCall(id, self, args);
    };
  }

  Value* OnCall(int id, Value* self, const std::vector<Value*>& args) {
    if (self != current_self) __builtin_trap();  // callbacks run with this = the parser
    if (id == kOnBody) {
      // A view of the Buffer being executed: it must lie inside it.
      if (args.size() != 3 || args[0] != current_buffer || args[1]->kind != Kind::kNumber ||
          args[2]->kind != Kind::kNumber)
        __builtin_trap();
      double off = args[1]->number, len = args[2]->number;
      if (off < 0 || len <= 0 || off + len > static_cast<double>(current_buffer->length))
        __builtin_trap();
      trace->body.append(current_buffer->data + static_cast<size_t>(off), static_cast<size_t>(len));
      return nullptr;
    }
    std::string line = id == kOnHeaders ? "H" : "C";
    for (const Value* a : args) line += " " + Render(a);
    trace->Add(line);
    if (id == kOnHeaders) {
      // JS stops feeding the parser after a head with the upgrade flag (flags are the 6th
      // argument) or one it answered 2 to.
      if (args.size() < 6 || args[5]->kind != Kind::kNumber) __builtin_trap();
      if (headers_answer == 2 || (static_cast<int>(args[5]->number) & upgrade_flag)) upgraded = true;
      return fake_napi::Number(headers_answer);
    }
    return nullptr;
  }

  // Parses `data` in the given pieces on `parser`; returns what JS saw.
  std::string Parse(Value* parser, const std::string& data, const std::vector<size_t>& cuts,
                    int type, uint32_t max_header, uint32_t lenient) {
    Trace t;
    trace = &t;
    current_self = parser;
    fake_napi::Invoke(m.initialize->callback, parser,
                      {fake_napi::Number(type), fake_napi::Number(max_header),
                       fake_napi::Number(lenient)});
    // Every read is a window of one Buffer holding the whole stream: offsets must be relative
    // to the Buffer, not to the window.
    Value* buffer = fake_napi::Buffer(data.data(), data.size());
    current_buffer = buffer;
    size_t start = 0;
    bool stopped = false;
    upgraded = false;
    for (size_t i = 0; i <= cuts.size() && !stopped; i++) {
      size_t end = i < cuts.size() ? cuts[i] : data.size();
      if (end < start) continue;
      Value* r = fake_napi::Invoke(
          m.execute->callback, parser,
          {buffer, fake_napi::Number(static_cast<double>(start)),
           fake_napi::Number(static_cast<double>(end - start))});
      if (r == nullptr || fake_napi::State().exception_pending) __builtin_trap();
      if (r->kind == Kind::kObject) {
        t.Add("E " + Render(r->props.at("code")));
        stopped = true;
      } else if (r->kind != Kind::kNumber || r->number > static_cast<double>(end - start)) {
        __builtin_trap();
      } else if (upgraded || r->number < static_cast<double>(end - start)) {
        // Paused for an upgrade: the rest of the stream belongs to the new protocol.
        t.Add("U " + std::to_string(start + static_cast<size_t>(r->number)));
        stopped = true;
      }
      start = end;
    }
    if (!stopped) {
      Value* r = fake_napi::Invoke(m.finish->callback, parser, {});
      t.Add("F " + (r && r->kind == Kind::kObject ? Render(r->props.at("code")) : "ok"));
    }
    trace = nullptr;
    return t.events;
  }
};

Harness& GetHarness() {
  static Harness h;
  return h;
}

// Traces agree when equal, or when both stop at an error in the same head and one of the errors
// is the size limit: llhttp counts a span when it ends or when the read ends, so with an invalid
// byte and too many bytes in one head, where reads end decides which is seen first.
bool Agree(const std::string& a, const std::string& b) {
  if (a == b) return true;
  auto last_line = [](const std::string& t) {
    size_t at = t.rfind('\n', t.size() - 2);
    return at == std::string::npos ? 0 : at + 1;
  };
  size_t la = last_line(a), lb = last_line(b);
  const std::string overflow = "E 'HPE_HEADER_OVERFLOW'\n";
  return a.compare(la, 2, "E ") == 0 && b.compare(lb, 2, "E ") == 0 &&
         a.compare(0, la, b, 0, lb) == 0 &&
         (a.compare(la, std::string::npos, overflow) == 0 ||
          b.compare(lb, std::string::npos, overflow) == 0);
}

void Differ(const char* what, const std::string& a, const std::string& b) {
  if (Agree(a, b)) return;
  std::fprintf(stderr, "http parser: %s differs\n--- whole:\n%s--- other:\n%s", what, a.c_str(),
               b.c_str());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size < 4) return 0;
  Harness& h = GetHarness();
  const int type = (bytes[0] & 1) ? 2 /* HTTP_RESPONSE */ : 1 /* HTTP_REQUEST */;
  const uint32_t lenient = (bytes[0] >> 1) & 7;
  const int answers[] = {0, 1, 2, 0};
  h.headers_answer = answers[(bytes[0] >> 4) & 3];
  const uint32_t max_header = bytes[1] == 0 ? 16 * 1024 : 64u * bytes[1];
  uint32_t seed = bytes[2] | (bytes[3] << 8);
  std::string data(reinterpret_cast<const char*>(bytes + 4), size - 4);

  std::vector<size_t> cuts;
  if (!data.empty()) {
    size_t n = 1 + seed % 8;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      at += 1 + (seed >> 8) % (1 + data.size() / n);
      if (at >= data.size()) break;
      cuts.push_back(at);
    }
  }

  Value* parser = fake_napi::Object();
  fake_napi::Invoke(h.m.ctor->callback, parser, {});
  std::string whole = h.Parse(parser, data, {}, type, max_header, lenient);
  std::string split = h.Parse(parser, data, cuts, type, max_header, lenient);
  Differ("split input", whole, split);
  fake_napi::Invoke(h.m.close->callback, parser, {});
  std::string again = h.Parse(parser, data, {}, type, max_header, lenient);
  Differ("reused parser", whole, again);
  if (data.size() <= 256) {
    std::vector<size_t> every;
    for (size_t i = 1; i < data.size(); i++) every.push_back(i);
    std::string dribbled = h.Parse(parser, data, every, type, max_header, lenient);
    Differ("byte-by-byte input", whole, dribbled);
  }
  fake_napi::Reset();
  return 0;
}
