#include "bindings/binding_registry.h"

#include <cstring>

#include "runtime/runtime.h"

namespace nodus {
namespace {
BindingRegistration*& Head() {
  static BindingRegistration* head = nullptr;
  return head;
}
}  // namespace

BindingRegistration::BindingRegistration(const char* n, BindingInit i) : name(n), init(i) {
  next = Head();
  Head() = this;
}

const BindingRegistration* FindBinding(const char* name) {
  for (BindingRegistration* b = Head(); b != nullptr; b = b->next)
    if (std::strcmp(b->name, name) == 0) return b;
  return nullptr;
}

void RecordExternalReference(v8::Local<v8::Context> context, const void* fn) {
  if (Runtime* rt = Runtime::From(context)) rt->RecordExternalReference(fn);
}

}  // namespace nodus
