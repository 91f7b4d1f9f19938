#include "cli/options.h"

#include <fmt/format.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace nodus::cli {
namespace {

std::string ResolveExecPath(const char* argv0) {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) return std::string(buf, static_cast<size_t>(n));
  return argv0;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// V8 options that Node accepts directly on its command line.
bool IsV8Option(std::string_view name) {
  static const char* const kNames[] = {"--max-old-space-size", "--max-semi-space-size",
      "--stack-size", "--expose-gc", "--expose_gc", "--harmony", "--jitless", "--abort-on-uncaught-exception",
      "--max_old_space_size", "--stack_size", "--allow-natives-syntax", "--trace-gc",
      "--no-opt", "--single-threaded", "--predictable"};
  for (const char* n : kNames) {
    std::string_view v(n);
    if (name == v || (StartsWith(name, v) && name.size() > v.size() && name[v.size()] == '='))
      return true;
  }
  return StartsWith(name, "--harmony-") || StartsWith(name, "--no-harmony");
}

}  // namespace

ParseResult Parse(int argc, char** argv) {
  ParseResult r;
  Options& o = r.options;
  o.argv0 = argc > 0 ? argv[0] : "nodus";
  o.exec_path = ResolveExecPath(o.argv0.c_str());
  bool mode_set = false;
  int i = 1;
  auto need_value = [&](std::string_view flag) -> std::optional<std::string> {
    if (i + 1 >= argc) {
      r.error = fmt::format("{}: {} requires an argument", o.argv0, flag);
      return std::nullopt;
    }
    o.exec_argv.push_back(argv[i + 1]);
    return std::string(argv[++i]);
  };
  for (; i < argc; i++) {
    std::string_view a = argv[i];
    if (a == "--") { i++; break; }
    if (a.empty() || a[0] != '-' || a == "-") break;
    o.exec_argv.emplace_back(a);
    std::string_view name = a, value;
    bool has_value = false;
    if (StartsWith(a, "--")) {
      auto eq = a.find('=');
      if (eq != std::string_view::npos) { name = a.substr(0, eq); value = a.substr(eq + 1); has_value = true; }
    }
    if (name == "-e" || name == "--eval" || name == "-p" || name == "--print" || name == "-pe") {
      bool print = name == "-p" || name == "--print" || name == "-pe";
      std::string src;
      if (has_value) src = std::string(value);
      else if (auto v = need_value(name)) src = *v;
      else return r;
      o.mode = Mode::kEval; o.eval_source = src; o.print_result = print; mode_set = true;
    } else if (name == "-r" || name == "--require") {
      if (has_value) o.preload.emplace_back(value);
      else if (auto v = need_value(name)) o.preload.push_back(*v);
      else return r;
    } else if (name == "--plugin") {
      std::string spec;
      if (has_value) spec = std::string(value);
      else if (auto v = need_value(name)) spec = *v;
      else return r;
      auto eq = spec.find('=');
      if (eq == std::string::npos || eq == 0) {
        r.error = fmt::format("{}: --plugin expects NAME=PATH, got \"{}\"", o.argv0, spec);
        return r;
      }
      o.plugin_overrides.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
    } else if (name == "--input-type") {
      if (has_value) o.input_type = std::string(value);
      else if (auto v = need_value(name)) o.input_type = *v;
      else return r;
    } else if (name == "-v" || name == "--version") {
      o.mode = Mode::kVersion; return r;
    } else if (name == "-h" || name == "--help") {
      o.mode = Mode::kHelp; return r;
    } else if (name == "--v8-options") {
      o.mode = Mode::kV8Options; return r;
    } else if (name == "--build-snapshot-to" || name == "--build-code-cache-to") {
      // Internal: used by the build to write lib/nodus/snapshot.blob and builtins.cache.
      if (has_value) o.script = std::string(value);
      else if (auto v = need_value(name)) o.script = *v;
      else return r;
      o.mode = name == "--build-snapshot-to" ? Mode::kBuildSnapshot : Mode::kBuildCodeCache;
      return r;
    } else if (name == "--test") {
      o.mode = Mode::kTest;  // the test plugin's runner; the files are the arguments that follow
      mode_set = true;
    } else if (name == "--plugins") {
      o.mode = Mode::kListPlugins;  // later options (--plugin swaps) still apply
      mode_set = true;
    } else if (name == "-i" || name == "--interactive") {
      o.force_repl = true;
    } else if (name == "-c" || name == "--check") {
      o.check_syntax = true;
    } else if (name == "--stack-trace-limit") {
      o.stack_trace_limit = std::atoi(std::string(value).c_str());
    } else if (StartsWith(name, "--inspect")) {
      o.inspect.emplace_back(a);
    } else if (IsV8Option(name)) {
      o.v8_flags.emplace_back(a);
    } else if (name == "--no-warnings" || name == "--no-deprecation" || name == "--trace-warnings" ||
               name == "--throw-deprecation" || name == "--trace-deprecation" ||
               name == "--pending-deprecation" || name == "--preserve-symlinks" ||
               name == "--trace-uncaught" || name == "--enable-source-maps" ||
               name == "--unhandled-rejections" || name == "--no-experimental-fetch" ||
               name == "--expose-internals" || name == "--experimental-vm-modules" ||
               name == "--no-addons" || name == "--title") {
      // Accepted; the JS side reads process.execArgv where the behaviour is implemented.
    } else if (StartsWith(name, "--")) {
      // Possibly one of V8's many flags (--trace-opt...): main asks V8, which rejects unknown ones.
      o.v8_flags_unchecked.emplace_back(a);
    } else {
      r.error = fmt::format("{}: bad option: {}", o.argv0, a);
      return r;
    }
  }
  if (i < argc && !mode_set) {
    std::string_view a = argv[i];
    if (a == "-") { o.mode = Mode::kStdin; o.script = "-"; }
    else { o.mode = Mode::kScript; o.script = std::string(a); }
    i++;
  } else if (!mode_set) {
    o.mode = isatty(STDIN_FILENO) || o.force_repl ? Mode::kRepl : Mode::kStdin;
  }
  if (o.force_repl && o.mode != Mode::kScript) o.mode = Mode::kRepl;
  for (; i < argc; i++) o.script_args.emplace_back(argv[i]);
  return r;
}

InspectOptions ParseInspect(const std::vector<std::string>& flags) {
  InspectOptions o;
  for (const std::string& f : flags) {
    auto eq = f.find('=');
    std::string name = f.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : f.substr(eq + 1);
    if (name == "--inspect") o.enabled = true;
    else if (name == "--inspect-brk") o.enabled = o.brk = true;
    else if (name == "--inspect-wait") o.enabled = o.wait = true;
    else if (name != "--inspect-port") continue;
    if (value.empty()) continue;
    auto colon = value.rfind(':');
    std::string port = value;
    if (colon != std::string::npos) {
      o.host = value.substr(0, colon);
      port = value.substr(colon + 1);
    } else if (value.find_first_not_of("0123456789") != std::string::npos) {
      o.host = value;
      port.clear();
    }
    if (!port.empty()) o.port = std::atoi(port.c_str());
  }
  return o;
}

const char* HelpText() {
  return "Usage: nodus [options] [ script.js | -e \"script\" | - ] [arguments]\n"
         "       nodus --plugins\n\n"
         "Options:\n"
         "  -                         script read from stdin (default if no file name is provided)\n"
         "  --                        indicate the end of node options\n"
         "  -c, --check               syntax check script without executing\n"
         "  -e, --eval=...            evaluate script\n"
         "  -h, --help                print node command line options\n"
         "  -i, --interactive         always enter the REPL even if stdin does not appear to be a terminal\n"
         "  --input-type=...          set module type for string input\n"
         "  --inspect[=[host:]port]   activate inspector on host:port (default: 127.0.0.1:9229)\n"
         "  --inspect-brk[=[host:]port]  activate inspector and break at start of user script\n"
         "  --inspect-wait[=[host:]port] activate inspector and wait for a debugger to attach\n"
         "  -p, --print [...]         evaluate script and print result\n"
         "  --plugin NAME=PATH        serve plugin NAME from the file PATH (also NODUS_PLUGIN_<NAME>=PATH)\n"
         "  --plugins                 list the plugins of this runtime and exit\n"
         "  -r, --require=...         CommonJS module to preload (option can be repeated)\n"
         "  --stack-size=...          V8 option: default size of stack region\n"
         "  --test [files...]         run the test files (default: the test files found below the current\n"
         "                            folder) with node:test, one process each, and report them as TAP\n"
         "  --max-old-space-size=...  V8 option: max size of the old space (in MiB)\n"
         "  --v8-options              print V8 command line options\n"
         "  -v, --version             print Node.js-compatible version\n\n"
         "Environment variables:\n"
         "  NODE_PATH                 ':'-separated list of directories prefixed to the module search path\n"
         "  NODUS_PLUGIN_PATH         directory holding plugins.json and the plugin files\n"
         "  NODUS_PLUGIN_<NAME>       file that serves plugin NAME (same as --plugin)\n";
}

}  // namespace nodus::cli
