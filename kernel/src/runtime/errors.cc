#include "runtime/errors.h"

#include <fmt/format.h>

#include <cstdio>

namespace nodus {

std::string ToStdString(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value s(isolate, value);
  return *s ? std::string(*s, s.length()) : std::string();
}

std::string GetArrowMessage(v8::Isolate* isolate, v8::Local<v8::Message> message) {
  if (message.IsEmpty()) return {};
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::string file = ToStdString(isolate, message->GetScriptResourceName());
  int line = message->GetLineNumber(context).FromMaybe(0);
  v8::Local<v8::String> source_line;
  if (!message->GetSourceLine(context).ToLocal(&source_line) || line == 0) return {};
  std::string src = ToStdString(isolate, source_line);
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(start + 1);
  // Builtin modules are wrapped by CompileFunction, so columns need no wrapper offset.
  std::string caret;
  for (int i = 0; i < start && i < static_cast<int>(src.size()); i++) caret += src[i] == '\t' ? '\t' : ' ';
  int width = end > start ? end - start : 1;
  caret += std::string(static_cast<size_t>(width), '^');
  return fmt::format("{}:{}\n{}\n{}\n", file, line, src, caret);
}

namespace {
v8::Local<v8::Private> DecoratedKey(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, v8::String::NewFromUtf8Literal(isolate, "nodus:errorStackDecorated"));
}
}  // namespace

bool IsErrorStackDecorated(v8::Isolate* isolate, v8::Local<v8::Value> error) {
  if (!error->IsObject()) return false;
  v8::Local<v8::Value> v;
  return error.As<v8::Object>()->GetPrivate(isolate->GetCurrentContext(), DecoratedKey(isolate)).ToLocal(&v) &&
         v->IsTrue();
}

void DecorateErrorStack(v8::Isolate* isolate, v8::Local<v8::Value> error, v8::Local<v8::Message> message) {
  if (!error->IsObject() || IsErrorStackDecorated(isolate, error)) return;
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Object> obj = error.As<v8::Object>();
  v8::Local<v8::String> key = v8::String::NewFromUtf8Literal(isolate, "stack");
  v8::Local<v8::Value> stack;
  if (!obj->Get(ctx, key).ToLocal(&stack) || !stack->IsString()) return;
  std::string arrow = GetArrowMessage(isolate, message);
  if (arrow.empty()) return;
  std::string text = fmt::format("{}\n{}", arrow, ToStdString(isolate, stack));
  v8::Local<v8::String> decorated;
  if (!v8::String::NewFromUtf8(isolate, text.data(), v8::NewStringType::kNormal, static_cast<int>(text.size()))
           .ToLocal(&decorated) ||
      !obj->Set(ctx, key, decorated).FromMaybe(false))
    return;
  obj->SetPrivate(ctx, DecoratedKey(isolate), v8::True(isolate)).Check();
}

void PrintException(v8::Isolate* isolate, v8::Local<v8::Value> error, v8::Local<v8::Message> message) {
  std::string arrow = GetArrowMessage(isolate, message);
  std::string text;
  if (error->IsObject()) {
    v8::Local<v8::Value> stack;
    v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
    if (error.As<v8::Object>()->Get(ctx, v8::String::NewFromUtf8Literal(isolate, "stack")).ToLocal(&stack) &&
        stack->IsString())
      text = ToStdString(isolate, stack);
  }
  if (text.empty()) text = ToStdString(isolate, error);
  std::fprintf(stderr, "%s\n%s\n", arrow.c_str(), text.c_str());
  std::fflush(stderr);
}

}  // namespace nodus
