// Formatting of uncaught errors the way Node prints them: "file:line", the source line and a
// caret under the failing column, then the stack.
#pragma once

#include <v8.h>

#include <string>

namespace nodus {

// "/path/file.js:3\nthrow new Error('x');\n^\n" for a message; empty when V8 has no location.
std::string GetArrowMessage(v8::Isolate* isolate, v8::Local<v8::Message> message);

// Last-resort printing (used before the JS error path exists, e.g. during bootstrap).
void PrintException(v8::Isolate* isolate, v8::Local<v8::Value> error, v8::Local<v8::Message> message);

// vm's displayErrors: puts the arrow in front of error.stack (once); a decorated error printed as
// uncaught gets no second arrow.
void DecorateErrorStack(v8::Isolate* isolate, v8::Local<v8::Value> error, v8::Local<v8::Message> message);
bool IsErrorStackDecorated(v8::Isolate* isolate, v8::Local<v8::Value> error);

std::string ToStdString(v8::Isolate* isolate, v8::Local<v8::Value> value);

}  // namespace nodus
