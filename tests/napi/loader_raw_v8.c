/* Stands in for an addon built against Node's raw V8 ABI (NAN, node::ObjectWrap): such addons
 * register a struct node_module from a static constructor. nodus must refuse it clearly. */
#include <stddef.h>

struct node_module {
  int nm_version;
  unsigned int nm_flags;
  void* nm_dso_handle;
  const char* nm_filename;
  void* nm_register_func;
  void* nm_context_register_func;
  const char* nm_modname;
  void* nm_priv;
  struct node_module* nm_link;
};

extern void node_module_register(void* mod);

static void RegisterFunc(void) {}

static struct node_module module = {
    108, 0, NULL, __FILE__, (void*)RegisterFunc, NULL, "raw_v8", NULL, NULL,
};

__attribute__((constructor)) static void Register(void) {
  node_module_register(&module);
}
