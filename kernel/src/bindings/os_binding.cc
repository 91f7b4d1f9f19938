// internalBinding('os'): the libuv system queries behind lib/os.js, plus the constants
// (signals, errno, priorities, dlopen flags). Failures come back as a negative errno so the JS
// side can build Node's SystemError with the syscall name.
#include <dlfcn.h>
#include <uv.h>

#include <cerrno>
#include <csignal>

#include "bindings/binding_registry.h"

namespace nodus {
namespace {

v8::Local<v8::String> Str(v8::Isolate* isolate, const char* s) {
  return v8::String::NewFromUtf8(isolate, s).ToLocalChecked();
}

void GetHostname(const v8::FunctionCallbackInfo<v8::Value>& args) {
  char buf[UV_MAXHOSTNAMESIZE];
  size_t size = sizeof buf;
  const int err = uv_os_gethostname(buf, &size);
  if (err != 0) return args.GetReturnValue().Set(err);
  args.GetReturnValue().Set(Str(args.GetIsolate(), buf));
}

// [sysname, version, release, machine]
void GetOSInformation(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uv_utsname_t info;
  const int err = uv_os_uname(&info);
  if (err != 0) return args.GetReturnValue().Set(err);
  v8::Local<v8::Value> values[] = {Str(isolate, info.sysname), Str(isolate, info.version),
                                   Str(isolate, info.release), Str(isolate, info.machine)};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 4));
}

void GetHomeDirectory(const v8::FunctionCallbackInfo<v8::Value>& args) {
  char buf[4096];
  size_t size = sizeof buf;
  const int err = uv_os_homedir(buf, &size);
  if (err != 0) return args.GetReturnValue().Set(err);
  args.GetReturnValue().Set(Str(args.GetIsolate(), buf));
}

void GetUptime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  double uptime = 0;
  const int err = uv_uptime(&uptime);
  if (err != 0) return args.GetReturnValue().Set(err);
  args.GetReturnValue().Set(uptime);
}

void GetTotalMem(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_total_memory()));
}

void GetFreeMem(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_free_memory()));
}

void GetResidentSetMemory(const v8::FunctionCallbackInfo<v8::Value>& args) {
  size_t rss = 0;
  const int err = uv_resident_set_memory(&rss);
  if (err != 0) return args.GetReturnValue().Set(err);
  args.GetReturnValue().Set(static_cast<double>(rss));
}

void GetAvailableParallelism(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_available_parallelism()));
}

// Flat array: model, speed, user, nice, sys, idle, irq for each CPU.
void GetCPUs(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  uv_cpu_info_t* cpus = nullptr;
  int count = 0;
  const int err = uv_cpu_info(&cpus, &count);
  if (err != 0) return args.GetReturnValue().Set(err);
  v8::Local<v8::Array> out = v8::Array::New(isolate, count * 7);
  uint32_t i = 0;
  for (int c = 0; c < count; c++) {
    const uv_cpu_info_t& ci = cpus[c];
    out->Set(context, i++, Str(isolate, ci.model)).Check();
    out->Set(context, i++, v8::Number::New(isolate, ci.speed)).Check();
    out->Set(context, i++, v8::Number::New(isolate, static_cast<double>(ci.cpu_times.user))).Check();
    out->Set(context, i++, v8::Number::New(isolate, static_cast<double>(ci.cpu_times.nice))).Check();
    out->Set(context, i++, v8::Number::New(isolate, static_cast<double>(ci.cpu_times.sys))).Check();
    out->Set(context, i++, v8::Number::New(isolate, static_cast<double>(ci.cpu_times.idle))).Check();
    out->Set(context, i++, v8::Number::New(isolate, static_cast<double>(ci.cpu_times.irq))).Check();
  }
  uv_free_cpu_info(cpus, count);
  args.GetReturnValue().Set(out);
}

void GetLoadAvg(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  double avg[3] = {0, 0, 0};
  uv_loadavg(avg);
  v8::Local<v8::Value> values[] = {v8::Number::New(isolate, avg[0]),
                                   v8::Number::New(isolate, avg[1]),
                                   v8::Number::New(isolate, avg[2])};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 3));
}

// Flat array: name, address, netmask, family, mac, internal, scopeid for each address.
void GetInterfaceAddresses(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  uv_interface_address_t* addrs = nullptr;
  int count = 0;
  const int err = uv_interface_addresses(&addrs, &count);
  if (err != 0) return args.GetReturnValue().Set(err);
  v8::Local<v8::Array> out = v8::Array::New(isolate);
  uint32_t i = 0;
  for (int n = 0; n < count; n++) {
    const uv_interface_address_t& a = addrs[n];
    char ip[INET6_ADDRSTRLEN] = "";
    char mask[INET6_ADDRSTRLEN] = "";
    const bool v4 = a.address.address4.sin_family == AF_INET;
    if (v4) {
      uv_ip4_name(&a.address.address4, ip, sizeof ip);
      uv_ip4_name(&a.netmask.netmask4, mask, sizeof mask);
    } else if (a.address.address4.sin_family == AF_INET6) {
      uv_ip6_name(&a.address.address6, ip, sizeof ip);
      uv_ip6_name(&a.netmask.netmask6, mask, sizeof mask);
    } else {
      continue;
    }
    char mac[18];
    const auto* p = reinterpret_cast<const unsigned char*>(a.phys_addr);
    snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
    out->Set(context, i++, Str(isolate, a.name)).Check();
    out->Set(context, i++, Str(isolate, ip)).Check();
    out->Set(context, i++, Str(isolate, mask)).Check();
    out->Set(context, i++, OneByte(isolate, v4 ? "IPv4" : "IPv6")).Check();
    out->Set(context, i++, Str(isolate, mac)).Check();
    out->Set(context, i++, v8::Boolean::New(isolate, a.is_internal != 0)).Check();
    out->Set(context, i++, v8::Integer::New(isolate, v4 ? -1 : static_cast<int>(a.address.address6.sin6_scope_id))).Check();
  }
  uv_free_interface_addresses(addrs, count);
  args.GetReturnValue().Set(out);
}

// (uid?) -> { uid, gid, username, homedir, shell } or a negative errno.
void GetUserInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  uv_passwd_t pwd;
  const int err = uv_os_get_passwd(&pwd);
  if (err != 0) return args.GetReturnValue().Set(err);
  v8::Local<v8::Object> out = v8::Object::New(isolate);
  out->Set(context, OneByte(isolate, "uid"), v8::Number::New(isolate, static_cast<double>(pwd.uid))).Check();
  out->Set(context, OneByte(isolate, "gid"), v8::Number::New(isolate, static_cast<double>(pwd.gid))).Check();
  out->Set(context, OneByte(isolate, "username"), Str(isolate, pwd.username)).Check();
  out->Set(context, OneByte(isolate, "homedir"), Str(isolate, pwd.homedir)).Check();
  out->Set(context, OneByte(isolate, "shell"),
           pwd.shell ? v8::Local<v8::Value>(Str(isolate, pwd.shell)) : v8::Local<v8::Value>(v8::Null(isolate))).Check();
  uv_os_free_passwd(&pwd);
  args.GetReturnValue().Set(out);
}

// (pid, priority) -> 0 or a negative errno
void SetPriority(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  const int pid = args[0]->Int32Value(context).FromMaybe(0);
  const int priority = args[1]->Int32Value(context).FromMaybe(0);
  args.GetReturnValue().Set(uv_os_setpriority(pid, priority));
}

// (pid) -> { priority } or a negative errno
void GetPriority(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  const int pid = args[0]->Int32Value(context).FromMaybe(0);
  int priority = 0;
  const int err = uv_os_getpriority(pid, &priority);
  if (err != 0) return args.GetReturnValue().Set(err);
  v8::Local<v8::Object> out = v8::Object::New(isolate);
  out->Set(context, OneByte(isolate, "priority"), v8::Integer::New(isolate, priority)).Check();
  args.GetReturnValue().Set(out);
}

void SetConst(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
              int value) {
  v8::Isolate* isolate = context->GetIsolate();
  target->Set(context, OneByte(isolate, name), v8::Integer::New(isolate, value)).Check();
}

v8::Local<v8::Object> NullProtoObject(v8::Isolate* isolate) {
  return v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
}

void Init(Runtime&, v8::Local<v8::Context> context, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "getHostname", GetHostname);
  SetMethod(context, target, "getOSInformation", GetOSInformation);
  SetMethod(context, target, "getHomeDirectory", GetHomeDirectory);
  SetMethod(context, target, "getUptime", GetUptime);
  SetMethod(context, target, "getTotalMem", GetTotalMem);
  SetMethod(context, target, "getFreeMem", GetFreeMem);
  SetMethod(context, target, "getResidentSetMemory", GetResidentSetMemory);
  SetMethod(context, target, "getAvailableParallelism", GetAvailableParallelism);
  SetMethod(context, target, "getCPUs", GetCPUs);
  SetMethod(context, target, "getLoadAvg", GetLoadAvg);
  SetMethod(context, target, "getInterfaceAddresses", GetInterfaceAddresses);
  SetMethod(context, target, "getUserInfo", GetUserInfo);
  SetMethod(context, target, "setPriority", SetPriority);
  SetMethod(context, target, "getPriority", GetPriority);

  v8::Local<v8::Object> signals = NullProtoObject(isolate);
#define S(name) SetConst(context, signals, #name, name);
  S(SIGHUP) S(SIGINT) S(SIGQUIT) S(SIGILL) S(SIGTRAP) S(SIGABRT) S(SIGIOT) S(SIGBUS) S(SIGFPE)
  S(SIGKILL) S(SIGUSR1) S(SIGSEGV) S(SIGUSR2) S(SIGPIPE) S(SIGALRM) S(SIGTERM) S(SIGCHLD)
#ifdef SIGSTKFLT
  S(SIGSTKFLT)
#endif
  S(SIGCONT) S(SIGSTOP) S(SIGTSTP) S(SIGTTIN) S(SIGTTOU) S(SIGURG) S(SIGXCPU) S(SIGXFSZ)
  S(SIGVTALRM) S(SIGPROF) S(SIGWINCH) S(SIGIO) S(SIGPOLL)
#ifdef SIGPWR
  S(SIGPWR)
#endif
  S(SIGSYS)
#undef S

  v8::Local<v8::Object> errnos = NullProtoObject(isolate);
#define E(name) SetConst(context, errnos, #name, name);
  E(E2BIG) E(EACCES) E(EADDRINUSE) E(EADDRNOTAVAIL) E(EAFNOSUPPORT) E(EAGAIN) E(EALREADY)
  E(EBADF) E(EBADMSG) E(EBUSY) E(ECANCELED) E(ECHILD) E(ECONNABORTED) E(ECONNREFUSED)
  E(ECONNRESET) E(EDEADLK) E(EDESTADDRREQ) E(EDOM) E(EDQUOT) E(EEXIST) E(EFAULT) E(EFBIG)
  E(EHOSTUNREACH) E(EIDRM) E(EILSEQ) E(EINPROGRESS) E(EINTR) E(EINVAL) E(EIO) E(EISCONN)
  E(EISDIR) E(ELOOP) E(EMFILE) E(EMLINK) E(EMSGSIZE) E(EMULTIHOP) E(ENAMETOOLONG) E(ENETDOWN)
  E(ENETRESET) E(ENETUNREACH) E(ENFILE) E(ENOBUFS) E(ENODATA) E(ENODEV) E(ENOENT) E(ENOEXEC)
  E(ENOLCK) E(ENOLINK) E(ENOMEM) E(ENOMSG) E(ENOPROTOOPT) E(ENOSPC) E(ENOSR) E(ENOSTR)
  E(ENOSYS) E(ENOTCONN) E(ENOTDIR) E(ENOTEMPTY) E(ENOTSOCK) E(ENOTSUP) E(ENOTTY) E(ENXIO)
  E(EOPNOTSUPP) E(EOVERFLOW) E(EPERM) E(EPIPE) E(EPROTO) E(EPROTONOSUPPORT) E(EPROTOTYPE)
  E(ERANGE) E(EROFS) E(ESPIPE) E(ESRCH) E(ESTALE) E(ETIME) E(ETIMEDOUT) E(ETXTBSY)
  E(EWOULDBLOCK) E(EXDEV)
#undef E

  v8::Local<v8::Object> priority = NullProtoObject(isolate);
  SetConst(context, priority, "PRIORITY_LOW", UV_PRIORITY_LOW);
  SetConst(context, priority, "PRIORITY_BELOW_NORMAL", UV_PRIORITY_BELOW_NORMAL);
  SetConst(context, priority, "PRIORITY_NORMAL", UV_PRIORITY_NORMAL);
  SetConst(context, priority, "PRIORITY_ABOVE_NORMAL", UV_PRIORITY_ABOVE_NORMAL);
  SetConst(context, priority, "PRIORITY_HIGH", UV_PRIORITY_HIGH);
  SetConst(context, priority, "PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST);

  v8::Local<v8::Object> dlopen = NullProtoObject(isolate);
  SetConst(context, dlopen, "RTLD_LAZY", RTLD_LAZY);
  SetConst(context, dlopen, "RTLD_NOW", RTLD_NOW);
  SetConst(context, dlopen, "RTLD_GLOBAL", RTLD_GLOBAL);
  SetConst(context, dlopen, "RTLD_LOCAL", RTLD_LOCAL);
#ifdef RTLD_DEEPBIND
  SetConst(context, dlopen, "RTLD_DEEPBIND", RTLD_DEEPBIND);
#endif

  v8::Local<v8::Object> constants = NullProtoObject(isolate);
  SetConst(context, constants, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
  constants->Set(context, OneByte(isolate, "dlopen"), dlopen).Check();
  constants->Set(context, OneByte(isolate, "errno"), errnos).Check();
  constants->Set(context, OneByte(isolate, "signals"), signals).Check();
  constants->Set(context, OneByte(isolate, "priority"), priority).Check();
  target->Set(context, OneByte(isolate, "constants"), constants).Check();
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(os, nodus::Init);
