// internalBinding('modules'): what the CommonJS loader needs from native code — the resolver,
// file reads for .js/.json sources, and compiling module wrappers.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "bindings/binding_registry.h"
#include "modules/resolver.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

v8::Local<v8::String> Str(v8::Isolate* isolate, const std::string& s) {
  return v8::String::NewFromUtf8(isolate, s.c_str(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size())).ToLocalChecked();
}

modules::Resolver& ResolverOf(v8::Isolate* isolate) {
  return Runtime::From(isolate->GetCurrentContext())->resolver();
}

// Result convention: a string (found), false (not found), or an array [code, message, kind].
void Return(const v8::FunctionCallbackInfo<v8::Value>& args, const modules::ResolveResult& r) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  if (r.error) {
    v8::Local<v8::Array> e = v8::Array::New(isolate, 3);
    e->Set(ctx, 0, Str(isolate, r.error->code)).Check();
    e->Set(ctx, 1, Str(isolate, r.error->message)).Check();
    e->Set(ctx, 2, Str(isolate, r.error->kind)).Check();
    return args.GetReturnValue().Set(e);
  }
  if (r.found()) return args.GetReturnValue().Set(Str(isolate, r.path));
  args.GetReturnValue().Set(false);
}

void FindPath(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  std::string request = ToStdString(isolate, args[0]);
  std::vector<std::string> paths;
  if (args[1]->IsArray()) {
    v8::Local<v8::Array> arr = args[1].As<v8::Array>();
    for (uint32_t i = 0; i < arr->Length(); i++) {
      v8::Local<v8::Value> v;
      if (arr->Get(ctx, i).ToLocal(&v)) paths.push_back(ToStdString(isolate, v));
    }
  }
  Return(args, ResolverOf(isolate).FindPath(request, paths, args[2]->IsTrue()));
}

void ResolveImports(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Return(args, ResolverOf(isolate).ResolveImports(ToStdString(isolate, args[0]), ToStdString(isolate, args[1])));
}

void ResolveSelf(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Return(args, ResolverOf(isolate).ResolveSelf(ToStdString(isolate, args[0]), ToStdString(isolate, args[1])));
}

void EsmResolvePackage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Return(args, ResolverOf(isolate).ResolveEsmPackage(ToStdString(isolate, args[0]), ToStdString(isolate, args[1])));
}

void EsmResolveImports(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Return(args, ResolverOf(isolate).ResolveEsmImports(ToStdString(isolate, args[0]), ToStdString(isolate, args[1])));
}

void NodeModulePaths(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  auto paths = modules::Resolver::NodeModulePaths(ToStdString(isolate, args[0]));
  v8::Local<v8::Array> arr = v8::Array::New(isolate, static_cast<int>(paths.size()));
  for (uint32_t i = 0; i < paths.size(); i++) arr->Set(ctx, i, Str(isolate, paths[i])).Check();
  args.GetReturnValue().Set(arr);
}

// { dir, type, name } of the package scope of a file, or undefined.
void PackageScope(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  const modules::PackageJson* pkg =
      ResolverOf(isolate).FindPackageScope(modules::PathDirname(ToStdString(isolate, args[0])));
  if (!pkg) return;
  v8::Local<v8::Object> o = v8::Object::New(isolate);
  o->Set(ctx, OneByte(isolate, "path"), Str(isolate, pkg->path)).Check();
  o->Set(ctx, OneByte(isolate, "valid"), v8::Boolean::New(isolate, pkg->valid)).Check();
  if (pkg->type) o->Set(ctx, OneByte(isolate, "type"), Str(isolate, *pkg->type)).Check();
  if (pkg->name) o->Set(ctx, OneByte(isolate, "name"), Str(isolate, *pkg->name)).Check();
  args.GetReturnValue().Set(o);
}

// stat(path) -> 0 file, 1 directory, negative errno.
void Stat(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string path = ToStdString(isolate, args[0]);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return args.GetReturnValue().Set(-errno);
  args.GetReturnValue().Set(S_ISDIR(st.st_mode) ? 1 : 0);
}

void RealPath(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  args.GetReturnValue().Set(Str(isolate, modules::Resolver::RealPath(ToStdString(isolate, args[0]))));
}

// readFile(path) -> UTF-8 string, or a negative errno.
void ReadFile(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string path = ToStdString(isolate, args[0]);
  // "/dev/stdin" is read as fd 0 itself: a socket (libuv gives children socketpairs for pipes)
  // cannot be opened by that name.
  int fd = path == "/dev/stdin" ? ::fcntl(0, F_DUPFD_CLOEXEC, 0) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return args.GetReturnValue().Set(-errno);
  struct stat st;
  std::string data;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return args.GetReturnValue().Set(-EISDIR);
  }
  if (st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof(buf))) > 0) data.append(buf, static_cast<size_t>(n));
  int err = n < 0 ? errno : 0;
  ::close(fd);
  if (err) return args.GetReturnValue().Set(-err);
  size_t skip = data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // BOM
  v8::Local<v8::String> s;
  if (!v8::String::NewFromUtf8(isolate, data.data() + skip, v8::NewStringType::kNormal,
                               static_cast<int>(data.size() - skip)).ToLocal(&s))
    return;
  args.GetReturnValue().Set(s);
}

// compileFunction(source, filename, params[]) -> Function (the CommonJS wrapper).
void CompileWrapper(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  std::vector<std::string> names;
  if (args[2]->IsArray()) {
    v8::Local<v8::Array> arr = args[2].As<v8::Array>();
    for (uint32_t i = 0; i < arr->Length(); i++)
      names.push_back(ToStdString(isolate, arr->Get(ctx, i).ToLocalChecked()));
  }
  std::vector<const char*> params;
  for (const auto& n : names) params.push_back(n.c_str());
  v8::Local<v8::Function> fn;
  if (CompileFunction(ctx, args[0].As<v8::String>(), args[1].As<v8::String>(), params).ToLocal(&fn))
    args.GetReturnValue().Set(fn);
}

// runScript(source, filename) -> completion value (for -e/-p and stdin).
void RunScript(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::ScriptOrigin origin(isolate, args[1]);
  v8::ScriptCompiler::Source src(args[0].As<v8::String>(), origin);
  v8::Local<v8::Script> script;
  if (!v8::ScriptCompiler::Compile(ctx, &src).ToLocal(&script)) return;
  v8::Local<v8::Value> result;
  if (script->Run(ctx).ToLocal(&result)) args.GetReturnValue().Set(result);
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  SetMethod(ctx, target, "findPath", FindPath);
  SetMethod(ctx, target, "resolveImports", ResolveImports);
  SetMethod(ctx, target, "resolveSelf", ResolveSelf);
  SetMethod(ctx, target, "nodeModulePaths", NodeModulePaths);
  SetMethod(ctx, target, "esmResolvePackage", EsmResolvePackage);
  SetMethod(ctx, target, "esmResolveImports", EsmResolveImports);
  SetMethod(ctx, target, "packageScope", PackageScope);
  SetMethod(ctx, target, "stat", Stat);
  SetMethod(ctx, target, "realpath", RealPath);
  SetMethod(ctx, target, "readFile", ReadFile);
  SetMethod(ctx, target, "compileFunction", CompileWrapper);
  SetMethod(ctx, target, "runScript", RunScript);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(modules, nodus::Init);
