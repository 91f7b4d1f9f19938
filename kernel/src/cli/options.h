// Command-line options, parsed the way Node parses them: runtime options first, then the script
// and its arguments (everything after the script, or after `--`, belongs to the program).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nodus::cli {

enum class Mode { kScript, kEval, kStdin, kRepl, kVersion, kHelp, kV8Options, kListPlugins, kBuildSnapshot, kBuildCodeCache,
                  kTest };

struct Options {
  Mode mode = Mode::kRepl;
  std::string script;                    // kScript: the path as given; kBuildSnapshot: output
                                         // (kTest: the files to run are script_args)
  std::string eval_source;               // -e / -p
  bool print_result = false;             // -p
  bool force_repl = false;               // -i
  bool check_syntax = false;             // -c
  std::vector<std::string> preload;      // -r
  std::vector<std::string> v8_flags;     // passed to V8
  std::vector<std::string> v8_flags_unchecked;  // unknown to nodus: V8's if V8 accepts them
  std::vector<std::pair<std::string, std::string>> plugin_overrides;  // --plugin id=path
  std::string input_type;                // --input-type
  std::string exec_path;                 // argv[0] resolved
  std::string argv0;                     // argv[0] as given
  std::vector<std::string> exec_argv;    // runtime options as given
  std::vector<std::string> script_args;  // process.argv after the script
  std::vector<std::string> inspect;      // reserved for --inspect*
  int stack_trace_limit = 10;
};

// --inspect[=[host:]port], --inspect-brk, --inspect-wait, --inspect-port.
struct InspectOptions {
  bool enabled = false;  // start the inspector at startup
  bool brk = false;      // wait for a debugger, then pause on the first line of the script
  bool wait = false;     // wait for a debugger, then run
  std::string host = "127.0.0.1";
  int port = 9229;
};
InspectOptions ParseInspect(const std::vector<std::string>& flags);

struct ParseResult {
  Options options;
  std::optional<std::string> error;  // Node-style message; exit code 9
};

ParseResult Parse(int argc, char** argv);
const char* HelpText();

}  // namespace nodus::cli
