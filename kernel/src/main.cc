// nodus: parse the command line, start V8, run one Runtime, return its exit code.
#include <libplatform/libplatform.h>
#include <v8.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <vector>

#include "cli/options.h"
#include "runtime/runtime.h"

int main(int argc, char** argv) {
  argv = uv_setup_args(argc, argv);
  // As Node: writing to a closed pipe or socket is an EPIPE error on the stream, not death by
  // signal. Children get the default disposition back (uv_spawn resets signals).
  std::signal(SIGPIPE, SIG_IGN);
  nodus::cli::ParseResult parsed = nodus::cli::Parse(argc, argv);
  if (parsed.error) {
    std::fprintf(stderr, "%s\n", parsed.error->c_str());
    return 9;
  }
  nodus::cli::Options& options = parsed.options;
  if (options.mode == nodus::cli::Mode::kVersion) {
    std::printf("%s\n", NODUS_NODE_VERSION);
    return 0;
  }
  if (options.mode == nodus::cli::Mode::kHelp) {
    std::fputs(nodus::cli::HelpText(), stdout);
    return 0;
  }

  std::unique_ptr<v8::Platform> platform = v8::platform::NewDefaultPlatform(2);
  v8::V8::InitializePlatform(platform.get());
  // What Node 20 enables by default on this V8: import assertions (`assert { type: 'json' }`,
  // which the ESM loader also uses for Node 20's `with { type: 'json' }`).
  static const char kDefaultFlags[] = "--harmony-import-assertions";
  v8::V8::SetFlagsFromString(kDefaultFlags, sizeof(kDefaultFlags) - 1);
  for (const std::string& flag : options.v8_flags) v8::V8::SetFlagsFromString(flag.c_str(), flag.size());
  if (!options.v8_flags_unchecked.empty()) {
    // V8 removes the flags it knows; whatever is left is a bad option, as in Node.
    std::vector<char*> args{argv[0]};
    for (std::string& flag : options.v8_flags_unchecked) args.push_back(flag.data());
    int count = static_cast<int>(args.size());
    v8::V8::SetFlagsFromCommandLine(&count, args.data(), true);
    if (count > 1) {
      std::fprintf(stderr, "%s: bad option: %s\n", options.argv0.c_str(), args[1]);
      return 9;
    }
    options.v8_flags.insert(options.v8_flags.end(), options.v8_flags_unchecked.begin(),
                            options.v8_flags_unchecked.end());
  }
  if (options.mode == nodus::cli::Mode::kV8Options) {
    v8::V8::SetFlagsFromString("--help");
    return 0;
  }
  v8::V8::Initialize();
  int code;
  if (options.mode == nodus::cli::Mode::kBuildSnapshot) {
    code = nodus::Runtime::BuildSnapshot(options, options.script);
  } else if (options.mode == nodus::cli::Mode::kBuildCodeCache) {
    code = nodus::Runtime::BuildCodeCache(options, options.script);
  } else {
    nodus::Runtime runtime(options);
    runtime.set_platform(platform.get());
    code = runtime.Run();
  }
  v8::V8::Dispose();
  v8::V8::DisposePlatform();
  return code;
}
