// internalBinding('performance'): the monotonic clock behind performance.now() and the wall-clock
// time of the process start (performance.timeOrigin). Times are milliseconds as doubles.
#include <uv.h>

#include <sys/time.h>

#include "bindings/binding_registry.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

// Taken while the executable's static objects are constructed: as close to the process start as
// the kernel can get without asking the OS.
const uint64_t kStartHr = uv_hrtime();

double NowMs() { return static_cast<double>(uv_hrtime() - kStartHr) / 1e6; }

void Now(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(NowMs());
}

// The wall-clock time of kStartHr, fixed on first use. A function rather than a value so that a
// startup snapshot taken in another process never bakes in its time.
void TimeOrigin(const v8::FunctionCallbackInfo<v8::Value>& args) {
  static const double origin = [] {
    timeval tv{};
    gettimeofday(&tv, nullptr);
    const double wall_ms =
        static_cast<double>(tv.tv_sec) * 1e3 + static_cast<double>(tv.tv_usec) / 1e3;
    return wall_ms - NowMs();
  }();
  args.GetReturnValue().Set(origin);
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  SetMethod(ctx, target, "now", Now);
  SetMethod(ctx, target, "timeOrigin", TimeOrigin);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(performance, nodus::Init);
