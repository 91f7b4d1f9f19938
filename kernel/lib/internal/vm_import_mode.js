'use strict';
// How import() behaves in code compiled by vm, carried in the script's host-defined options
// (contextify_binding.cc) and read by the ESM loader's dynamic-import hook. 0 is ordinary code.

module.exports = {
  kVmImportNone: 1,         // no importModuleDynamically: ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING
  kVmImportMainLoader: 2,   // vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER: as in the main context
  kVmImportCallback: 3,     // a function: needs vm modules, which nodus does not have
};
