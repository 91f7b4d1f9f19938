#include "bindings/binding_registry.h"

#include <cstring>

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

}  // namespace nodus
