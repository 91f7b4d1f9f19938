// internalBinding('process'): the native half of the process object and the hooks through which
// the bootstrap JS drives ticks, fatal exceptions, promise rejections and exit.
#include <fmt/format.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "bindings/binding_registry.h"
#include "napi/napi_host.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace nodus {

v8::Local<v8::Object> CreateEnvObject(v8::Local<v8::Context> ctx);

namespace {

v8::Local<v8::String> Str(v8::Isolate* isolate, const std::string& s) {
  return v8::String::NewFromUtf8(isolate, s.c_str(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size())).ToLocalChecked();
}

v8::Local<v8::Array> StrArray(v8::Local<v8::Context> ctx, const std::vector<std::string>& v) {
  v8::Isolate* isolate = ctx->GetIsolate();
  v8::Local<v8::Array> arr = v8::Array::New(isolate, static_cast<int>(v.size()));
  for (uint32_t i = 0; i < v.size(); i++) arr->Set(ctx, i, Str(isolate, v[i])).Check();
  return arr;
}

Runtime& Rt(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return *Runtime::From(args.GetIsolate()->GetCurrentContext());
}

void SetHook(v8::Isolate* isolate, v8::Local<v8::Context> ctx, v8::Local<v8::Object> hooks,
             const char* name, v8::Global<v8::Function>& slot) {
  v8::Local<v8::Value> v;
  if (hooks->Get(ctx, OneByte(isolate, name)).ToLocal(&v) && v->IsFunction())
    slot.Reset(isolate, v.As<v8::Function>());
}

// setup({ tickCallback, fatalException, ... }, tickInfo: Uint8Array(2), process)
void Setup(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  Runtime& rt = Rt(args);
  v8::Local<v8::Object> h = args[0].As<v8::Object>();
  auto& hooks = rt.hooks();
  SetHook(isolate, ctx, h, "tickCallback", hooks.tick_callback);
  SetHook(isolate, ctx, h, "fatalException", hooks.fatal_exception);
  SetHook(isolate, ctx, h, "promiseReject", hooks.promise_reject);
  SetHook(isolate, ctx, h, "emitBeforeExit", hooks.emit_before_exit);
  SetHook(isolate, ctx, h, "emitExit", hooks.emit_exit);
  SetHook(isolate, ctx, h, "processTimers", hooks.process_timers);
  SetHook(isolate, ctx, h, "processImmediates", hooks.process_immediates);
  SetHook(isolate, ctx, h, "importModuleDynamically", hooks.import_dynamically);
  SetHook(isolate, ctx, h, "initializeImportMeta", hooks.init_import_meta);
  if (args[2]->IsObject()) rt.SetProcessObject(args[2].As<v8::Object>());
  if (args[1]->IsUint8Array()) {
    v8::Local<v8::Uint8Array> info = args[1].As<v8::Uint8Array>();
    rt.SetTickInfo(static_cast<uint8_t*>(info->Buffer()->Data()) + info->ByteOffset());
  }
}

void RunMicrotasks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetIsolate()->PerformMicrotaskCheckpoint();
}

void TriggerUncaught(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Rt(args).TriggerUncaughtException(args[0], v8::Exception::CreateMessage(isolate, args[0]));
}

void ReallyExit(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Rt(args).Exit(args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0));
}

void Cwd(const v8::FunctionCallbackInfo<v8::Value>& args) {
  char buf[PATH_MAX];
  size_t len = sizeof(buf);
  int err = uv_cwd(buf, &len);
  if (err) return args.GetReturnValue().Set(err);
  args.GetReturnValue().Set(Str(args.GetIsolate(), std::string(buf, len)));
}

void Chdir(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::string dir = ToStdString(args.GetIsolate(), args[0]);
  args.GetReturnValue().Set(uv_chdir(dir.c_str()));
}

void Umask(const v8::FunctionCallbackInfo<v8::Value>& args) {
  mode_t old;
  if (args[0]->IsUndefined()) {
    old = umask(0);
    umask(old);
  } else {
    old = umask(static_cast<mode_t>(args[0]->Uint32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0)));
  }
  args.GetReturnValue().Set(static_cast<uint32_t>(old));
}

// hrtime(): a BigInt of nanoseconds; JS splits it for process.hrtime().
void HrtimeBigint(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(v8::BigInt::NewFromUnsigned(args.GetIsolate(), uv_hrtime()));
}

void Hrtime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uint64_t t = uv_hrtime();
  v8::Local<v8::Context> ctx = args.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Array> a = v8::Array::New(args.GetIsolate(), 2);
  a->Set(ctx, 0, v8::Number::New(args.GetIsolate(), static_cast<double>(t / 1000000000))).Check();
  a->Set(ctx, 1, v8::Number::New(args.GetIsolate(), static_cast<double>(t % 1000000000))).Check();
  args.GetReturnValue().Set(a);
}

void Uptime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  double now = static_cast<double>(uv_hrtime()) / 1e6;
  args.GetReturnValue().Set((now - Rt(args).loop_start_ms()) / 1000.0);
}

// memoryUsage() -> [rss, heapTotal, heapUsed, external, arrayBuffers]
void MemoryUsage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  v8::HeapStatistics hs;
  isolate->GetHeapStatistics(&hs);
  double vals[] = {static_cast<double>(rss), static_cast<double>(hs.total_heap_size()),
                   static_cast<double>(hs.used_heap_size()), static_cast<double>(hs.external_memory()),
                   static_cast<double>(hs.external_memory())};
  v8::Local<v8::Array> a = v8::Array::New(isolate, 5);
  for (uint32_t i = 0; i < 5; i++) a->Set(ctx, i, v8::Number::New(isolate, vals[i])).Check();
  args.GetReturnValue().Set(a);
}

void Rss(const v8::FunctionCallbackInfo<v8::Value>& args) {
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  args.GetReturnValue().Set(static_cast<double>(rss));
}

// cpuUsage() -> [user µs, system µs]
void CpuUsage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  uv_rusage_t ru;
  if (uv_getrusage(&ru) != 0) return;
  v8::Local<v8::Array> a = v8::Array::New(isolate, 2);
  a->Set(ctx, 0, v8::Number::New(isolate, ru.ru_utime.tv_sec * 1e6 + ru.ru_utime.tv_usec)).Check();
  a->Set(ctx, 1, v8::Number::New(isolate, ru.ru_stime.tv_sec * 1e6 + ru.ru_stime.tv_usec)).Check();
  args.GetReturnValue().Set(a);
}

void ResourceUsage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  uv_rusage_t ru;
  if (uv_getrusage(&ru) != 0) return;
  double v[] = {ru.ru_utime.tv_sec * 1e6 + ru.ru_utime.tv_usec, ru.ru_stime.tv_sec * 1e6 + ru.ru_stime.tv_usec,
                double(ru.ru_maxrss), double(ru.ru_ixrss), double(ru.ru_idrss), double(ru.ru_isrss),
                double(ru.ru_minflt), double(ru.ru_majflt), double(ru.ru_nswap), double(ru.ru_inblock),
                double(ru.ru_oublock), double(ru.ru_msgsnd), double(ru.ru_msgrcv), double(ru.ru_nsignals),
                double(ru.ru_nvcsw), double(ru.ru_nivcsw)};
  v8::Local<v8::Array> a = v8::Array::New(isolate, 16);
  for (uint32_t i = 0; i < 16; i++) a->Set(ctx, i, v8::Number::New(isolate, v[i])).Check();
  args.GetReturnValue().Set(a);
}

void Kill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> ctx = args.GetIsolate()->GetCurrentContext();
  int pid = args[0]->Int32Value(ctx).FromMaybe(0);
  int sig = args[1]->Int32Value(ctx).FromMaybe(SIGTERM);
  args.GetReturnValue().Set(uv_kill(pid, sig));
}

void Abort(const v8::FunctionCallbackInfo<v8::Value>&) { std::abort(); }

// writeSync(fd, string): whole-string synchronous write (used before stdio streams exist).
void WriteSync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int fd = args[0]->Int32Value(isolate->GetCurrentContext()).FromMaybe(1);
  v8::String::Utf8Value s(isolate, args[1]);
  const char* p = *s;
  size_t left = s.length();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) { usleep(1000); continue; }
      return args.GetReturnValue().Set(-errno);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
}

void GetIds(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Array> a = v8::Array::New(isolate, 4);
  uint32_t ids[] = {getuid(), geteuid(), getgid(), getegid()};
  for (uint32_t i = 0; i < 4; i++) a->Set(ctx, i, v8::Integer::NewFromUnsigned(isolate, ids[i])).Check();
  args.GetReturnValue().Set(a);
}

void GetGroups(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  gid_t groups[NGROUPS_MAX];
  int n = getgroups(NGROUPS_MAX, groups);
  v8::Local<v8::Array> a = v8::Array::New(isolate, n > 0 ? n : 0);
  for (int i = 0; i < n; i++) a->Set(ctx, static_cast<uint32_t>(i), v8::Integer::NewFromUnsigned(isolate, groups[i])).Check();
  args.GetReturnValue().Set(a);
}

void GetTitle(const v8::FunctionCallbackInfo<v8::Value>& args) {
  char buf[512];
  if (uv_get_process_title(buf, sizeof(buf)) != 0) buf[0] = 0;
  args.GetReturnValue().Set(Str(args.GetIsolate(), buf[0] ? buf : "nodus"));
}

void SetTitle(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uv_set_process_title(ToStdString(args.GetIsolate(), args[0]).c_str());
}

v8::Local<v8::Object> Signals(v8::Isolate* isolate, v8::Local<v8::Context> ctx) {
  v8::Local<v8::Object> o = v8::Object::New(isolate);
#define SIG(name) o->Set(ctx, OneByte(isolate, #name), v8::Integer::New(isolate, name)).Check();
  SIG(SIGHUP) SIG(SIGINT) SIG(SIGQUIT) SIG(SIGILL) SIG(SIGTRAP) SIG(SIGABRT) SIG(SIGIOT) SIG(SIGBUS)
  SIG(SIGFPE) SIG(SIGKILL) SIG(SIGUSR1) SIG(SIGSEGV) SIG(SIGUSR2) SIG(SIGPIPE) SIG(SIGALRM)
  SIG(SIGTERM) SIG(SIGCHLD) SIG(SIGSTKFLT) SIG(SIGCONT) SIG(SIGSTOP) SIG(SIGTSTP) SIG(SIGTTIN)
  SIG(SIGTTOU) SIG(SIGURG) SIG(SIGXCPU) SIG(SIGXFSZ) SIG(SIGVTALRM) SIG(SIGPROF) SIG(SIGWINCH)
  SIG(SIGIO) SIG(SIGPOLL) SIG(SIGPWR) SIG(SIGSYS)
#undef SIG
  return o;
}

void Init(Runtime& rt, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = ctx->GetIsolate();
  const cli::Options& o = rt.options();
  SetMethod(ctx, target, "setup", Setup);
  SetMethod(ctx, target, "runMicrotasks", RunMicrotasks);
  SetMethod(ctx, target, "triggerUncaughtException", TriggerUncaught);
  SetMethod(ctx, target, "reallyExit", ReallyExit);
  SetMethod(ctx, target, "cwd", Cwd);
  SetMethod(ctx, target, "chdir", Chdir);
  SetMethod(ctx, target, "umask", Umask);
  SetMethod(ctx, target, "hrtime", Hrtime);
  SetMethod(ctx, target, "hrtimeBigint", HrtimeBigint);
  SetMethod(ctx, target, "uptime", Uptime);
  SetMethod(ctx, target, "memoryUsage", MemoryUsage);
  SetMethod(ctx, target, "rss", Rss);
  SetMethod(ctx, target, "cpuUsage", CpuUsage);
  SetMethod(ctx, target, "resourceUsage", ResourceUsage);
  SetMethod(ctx, target, "kill", Kill);
  SetMethod(ctx, target, "abort", Abort);
  SetMethod(ctx, target, "writeSync", WriteSync);
  SetMethod(ctx, target, "getIds", GetIds);
  SetMethod(ctx, target, "getGroups", GetGroups);
  SetMethod(ctx, target, "getTitle", GetTitle);
  SetMethod(ctx, target, "setTitle", SetTitle);
  SetMethod(ctx, target, "dlopen", napi::DLOpen);
  auto set = [&](const char* k, v8::Local<v8::Value> v) { target->Set(ctx, OneByte(isolate, k), v).Check(); };
  set("pid", v8::Integer::New(isolate, getpid()));
  set("ppid", v8::Integer::New(isolate, getppid()));
  set("execPath", Str(isolate, o.exec_path));
  set("argv0", Str(isolate, o.argv0));
  set("execArgv", StrArray(ctx, o.exec_argv));
  set("scriptArgs", StrArray(ctx, o.script_args));
  set("env", CreateEnvObject(ctx));
  set("signals", Signals(isolate, ctx));
  set("uvVersion", Str(isolate, uv_version_string()));
  set("v8Version", Str(isolate, v8::V8::GetVersion()));
  set("nodusVersion", Str(isolate, NODUS_VERSION));
  // The entry point chosen on the command line.
  static const char* const kModes[] = {"script", "eval", "stdin", "repl", "version", "help", "v8options", "plugins", "snapshot", "codecache", "test"};
  v8::Local<v8::Object> opts = v8::Object::New(isolate);
  auto opt = [&](const char* k, v8::Local<v8::Value> v) { opts->Set(ctx, OneByte(isolate, k), v).Check(); };
  opt("mode", OneByte(isolate, kModes[static_cast<int>(o.mode)]));
  opt("script", Str(isolate, o.script));
  opt("evalSource", Str(isolate, o.eval_source));
  opt("print", v8::Boolean::New(isolate, o.print_result));
  opt("forceRepl", v8::Boolean::New(isolate, o.force_repl));
  opt("checkSyntax", v8::Boolean::New(isolate, o.check_syntax));
  opt("preload", StrArray(ctx, o.preload));
  opt("inputType", Str(isolate, o.input_type));
  opt("stackTraceLimit", v8::Integer::New(isolate, o.stack_trace_limit));
  cli::InspectOptions inspect = cli::ParseInspect(o.inspect);
  opt("inspectBrk", v8::Boolean::New(isolate, inspect.brk));
  opt("inspectPort", v8::Integer::New(isolate, inspect.port));
  set("options", opts);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(process, nodus::Init);

