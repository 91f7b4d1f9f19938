/* nodus/plugin.h — the plugin half of nodus's stable C ABI. The other half is Node-API.
 *
 * A plugin is a shared library exporting one function, NODUS_PLUGIN_ENTRY_SYMBOL, that returns a
 * pointer to a static nodus_plugin. The kernel reads it, checks abi_version, loads the plugins named
 * in `depends`, calls `init` once with a fresh private binding object, and registers the plugin's
 * JS modules. Rules that keep the ABI stable:
 *   - the entry symbol's name carries the ABI major version;
 *   - nodus_plugin only grows at the end; struct_size tells the kernel which fields exist;
 *   - a plugin uses V8 only through Node-API, never the v8:: C++ API.
 */
#ifndef NODUS_PLUGIN_H_
#define NODUS_PLUGIN_H_

#include <stdint.h>
#include "node_api.h"
#include "nodus/js_source.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ABI major version. A kernel loads plugins whose abi_version it lists as supported. */
#define NODUS_PLUGIN_ABI_VERSION 1
#define NODUS_PLUGIN_ENTRY_SYMBOL "nodus_plugin_entry_v1"

typedef struct nodus_plugin {
  uint32_t abi_version;           /* NODUS_PLUGIN_ABI_VERSION at build time */
  uint32_t struct_size;           /* sizeof(nodus_plugin) at build time */
  const char* name;               /* plugin name, e.g. "fs" */
  const char* version;            /* plugin version, e.g. "1.0.0" */
  const char* const* modules;     /* public module ids it provides, NULL-terminated */
  const char* const* depends;     /* plugin names to load first, NULL-terminated (may be NULL) */
  const nodus_js_source* js;      /* its embedded JS, ended by an entry whose id is NULL */
  /* Fills `binding`, the plugin's private object handed only to its own JS (may be NULL). */
  napi_value (*init)(napi_env env, napi_value binding);
  /* "name", "version" pairs added to process.versions, NULL-terminated (may be NULL). */
  const char* const* versions;
  int32_t napi_version;           /* Node-API version the binding was written against */
} nodus_plugin;

typedef const nodus_plugin* (*nodus_plugin_entry_fn)(void);

#if defined(__GNUC__)
#define NODUS_PLUGIN_EXPORT __attribute__((visibility("default"))) __attribute__((used))
#else
#define NODUS_PLUGIN_EXPORT
#endif

/* Defines the entry function for a plugin whose descriptor is the static object `desc`. */
#define NODUS_PLUGIN(desc)                                                        \
  NODUS_PLUGIN_EXPORT const nodus_plugin* nodus_plugin_entry_v1(void) { return &(desc); }

#ifdef __cplusplus
}
#endif
#endif /* NODUS_PLUGIN_H_ */
