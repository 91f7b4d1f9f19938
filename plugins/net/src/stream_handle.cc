// What TCP and pipe handles share: reading into the slab and writing without copies (uv_try_write
// first, uv_write for what is left); shutdown, close and ref/unref are the SDK's generic ones.
#include <cstdlib>
#include <cstring>
#include <vector>

#include "net_binding.h"

namespace nodus_net {
namespace {

// ---- reading ------------------------------------------------------------------------------

void OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
  auto* h = static_cast<Handle*>(handle->data);
  napi_env env = h->env;
  Slab& slab = GetBinding(env)->slab;
  if (slab.ref == nullptr || kSlabSize - slab.used < kSlabMinFree) {
    napi_handle_scope scope;
    napi_open_handle_scope(env, &scope);
    napi_value ab;
    void* data = nullptr;
    if (napi_create_arraybuffer(env, kSlabSize, &data, &ab) == napi_ok) {
      if (slab.ref) napi_delete_reference(env, slab.ref);
      napi_create_reference(env, ab, 1, &slab.ref);
      slab.base = static_cast<char*>(data);
      slab.used = 0;
    }
    napi_close_handle_scope(env, scope);
  }
  if (slab.ref == nullptr) {
    *buf = uv_buf_init(nullptr, 0);  // libuv reports UV_ENOBUFS to the read callback
    return;
  }
  // At most 64 KiB per read, as Node reads: 'data' chunks keep the sizes programs expect.
  *buf = uv_buf_init(slab.base + slab.used, static_cast<unsigned>(kSlabMinFree));
}

// onread(nread, arrayBuffer, offset) with nread > 0, or onread(errno) (UV_EOF at the end).
void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t*) {
  if (nread == 0) return;  // EAGAIN: the slab space is simply reused by the next read
  auto* h = static_cast<Handle*>(stream->data);
  napi_env env = h->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self;
  napi_get_reference_value(env, h->self, &self);
  napi_value argv[3];
  argv[0] = Int(env, nread);
  size_t argc = 1;
  if (nread > 0) {
    Slab& slab = GetBinding(env)->slab;
    napi_get_reference_value(env, slab.ref, &argv[1]);
    argv[2] = Int(env, static_cast<int64_t>(slab.used));
    argc = 3;
    // Keep the next read 8-byte aligned so typed-array views over received data stay cheap.
    slab.used += (static_cast<size_t>(nread) + 7) & ~static_cast<size_t>(7);
    if (slab.used > kSlabSize) slab.used = kSlabSize;
  }
  CallMethod(env, self, "onread", argc, argv);
  napi_close_handle_scope(env, scope);
}

// ---- writing ------------------------------------------------------------------------------

// A write libuv could not finish at once. Holds the JS request object (its oncomplete is called)
// and whatever keeps the bytes alive: the Buffer(s) written, or a malloc'd copy of a string.
struct WriteReq {
  uv_write_t req{};
  napi_env env = nullptr;
  napi_ref req_obj = nullptr;
  napi_ref keep = nullptr;
  char* owned = nullptr;
  std::vector<uv_buf_t> bufs;

  ~WriteReq() {
    if (req_obj) napi_delete_reference(env, req_obj);
    if (keep) napi_delete_reference(env, keep);
    std::free(owned);
  }
};

void AfterWrite(uv_write_t* req, int status) {
  auto* w = static_cast<WriteReq*>(req->data);
  napi_env env = w->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value obj;
  napi_get_reference_value(env, w->req_obj, &obj);
  delete w;  // the bytes are no longer needed; JS may reuse its Buffers from here on
  napi_value argv[1] = {Int(env, status)};
  CallMethod(env, obj, "oncomplete", 1, argv);
  napi_close_handle_scope(env, scope);
}

void SetState(napi_env env, double bytes, bool async) {
  double* s = GetBinding(env)->stream_state;
  s[0] = bytes;
  s[1] = async ? 1 : 0;
}

// Tries to write `bufs` at once; returns <0 on error, or how many buffers were fully written and
// trims the first unfinished one in place.
int TryWrite(uv_stream_t* stream, std::vector<uv_buf_t>& bufs, size_t* first) {
  size_t total = 0;
  for (const auto& b : bufs) total += b.len;
  *first = 0;
  if (total == 0) {
    *first = bufs.size();
    return 0;
  }
  int n = uv_try_write(stream, bufs.data(), static_cast<unsigned>(bufs.size()));
  if (n == UV_EAGAIN || n == UV_ENOSYS) n = 0;
  if (n < 0) return n;
  size_t done = static_cast<size_t>(n);
  size_t i = 0;
  while (i < bufs.size() && done >= bufs[i].len) {
    done -= bufs[i].len;
    i++;
  }
  if (i < bufs.size()) {
    bufs[i].base += done;
    bufs[i].len -= done;
  }
  *first = i;
  return 0;
}

// Queues what TryWrite left over. `w` owns the keep-alive references; it is freed on failure.
int QueueRest(napi_env env, Handle* h, WriteReq* w, napi_value req_obj, size_t first) {
  if (first > 0) w->bufs.erase(w->bufs.begin(), w->bufs.begin() + static_cast<long>(first));
  w->env = env;
  w->req.data = w;
  napi_create_reference(env, req_obj, 1, &w->req_obj);
  int err = uv_write(&w->req, h->stream(), w->bufs.data(), static_cast<unsigned>(w->bufs.size()), AfterWrite);
  if (err) delete w;
  return err;
}

// writeBuffer(req, buffer) -> 0 or errno; streamState = [bytes, async]
napi_value WriteBuffer(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  Handle* h = ThisHandle(env, info, &argc, argv);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  void* data = nullptr;
  size_t len = 0;
  if (napi_get_buffer_info(env, argv[1], &data, &len) != napi_ok) {
    napi_get_typedarray_info(env, argv[1], nullptr, &len, &data, nullptr, nullptr);
  }
  std::vector<uv_buf_t> bufs{uv_buf_init(static_cast<char*>(data), static_cast<unsigned>(len))};
  size_t first;
  int err = TryWrite(h->stream(), bufs, &first);
  if (err) return Int(env, err);
  if (first == bufs.size()) {
    SetState(env, static_cast<double>(len), false);
    return Int(env, 0);
  }
  auto* w = new WriteReq;
  w->bufs = std::move(bufs);
  napi_create_reference(env, argv[1], 1, &w->keep);
  err = QueueRest(env, h, w, argv[0], first);
  SetState(env, static_cast<double>(len), err == 0);
  return Int(env, err);
}

// writev(req, buffers) -> 0 or errno: several Buffers in one system call.
napi_value Writev(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  Handle* h = ThisHandle(env, info, &argc, argv);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  uint32_t n = 0;
  napi_get_array_length(env, argv[1], &n);
  std::vector<uv_buf_t> bufs;
  bufs.reserve(n);
  double total = 0;
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    napi_get_element(env, argv[1], i, &item);
    void* data = nullptr;
    size_t len = 0;
    if (napi_get_buffer_info(env, item, &data, &len) != napi_ok) {
      napi_get_typedarray_info(env, item, nullptr, &len, &data, nullptr, nullptr);
    }
    bufs.push_back(uv_buf_init(static_cast<char*>(data), static_cast<unsigned>(len)));
    total += static_cast<double>(len);
  }
  size_t first;
  int err = TryWrite(h->stream(), bufs, &first);
  if (err) return Int(env, err);
  if (first == bufs.size()) {
    SetState(env, total, false);
    return Int(env, 0);
  }
  auto* w = new WriteReq;
  w->bufs = std::move(bufs);
  napi_create_reference(env, argv[1], 1, &w->keep);  // the array holds every Buffer
  err = QueueRest(env, h, w, argv[0], first);
  SetState(env, total, err == 0);
  return Int(env, err);
}

// writeUtf8String(req, string) / writeLatin1String(req, string): the string is encoded once,
// into a stack buffer when small (nothing is allocated when the kernel takes it all at once),
// otherwise into one malloc'd block handed to uv_write.
template <bool kLatin1>
napi_value WriteString(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  Handle* h = ThisHandle(env, info, &argc, argv);
  if (!h) return nullptr;
  if (h->closing) return Int(env, UV_EBADF);
  size_t units = 0;
  if (napi_get_value_string_utf16(env, argv[1], nullptr, 0, &units) != napi_ok) return Int(env, UV_EINVAL);
  size_t cap = (kLatin1 ? units : units * 3) + 1;
  char stack[16384];
  char* data = cap <= sizeof(stack) ? stack : static_cast<char*>(std::malloc(cap));
  if (data == nullptr) return Int(env, UV_ENOMEM);
  size_t len = 0;
  if (kLatin1)
    napi_get_value_string_latin1(env, argv[1], data, cap, &len);
  else
    napi_get_value_string_utf8(env, argv[1], data, cap, &len);
  std::vector<uv_buf_t> bufs{uv_buf_init(data, static_cast<unsigned>(len))};
  size_t first;
  int err = TryWrite(h->stream(), bufs, &first);
  if (err || first == bufs.size()) {
    if (data != stack) std::free(data);
    SetState(env, static_cast<double>(len), false);
    return Int(env, err);
  }
  auto* w = new WriteReq;
  if (data == stack) {
    // Only the unwritten tail needs to outlive this call.
    w->owned = static_cast<char*>(std::malloc(bufs[0].len));
    std::memcpy(w->owned, bufs[0].base, bufs[0].len);
    bufs[0].base = w->owned;
  } else {
    w->owned = data;
  }
  w->bufs = std::move(bufs);
  err = QueueRest(env, h, w, argv[0], first);
  SetState(env, static_cast<double>(len), err == 0);
  return Int(env, err);
}

}  // namespace

void DefineStreamMethods(napi_property_descriptor* out, size_t* count) {
  const napi_property_descriptor methods[] = {
      Method("readStart", UvReadStartMethod<Handle, OnAlloc, OnRead>),
      Method("readStop", UvReadStopMethod<Handle>),
      Method("writeBuffer", WriteBuffer),
      Method("writev", Writev),
      Method("writeUtf8String", WriteString<false>),
      Method("writeLatin1String", WriteString<true>),
      // the same for every wrapped libuv handle (nodus/napi_uv_handle.h)
      Method("shutdown", UvShutdownMethod<Handle>),
      Method("close", UvCloseMethod<Handle>),
      Method("ref", UvRefMethod<Handle, true>),
      Method("unref", UvRefMethod<Handle, false>),
      Method("hasRef", UvHasRefMethod<Handle>),
      Method("getWriteQueueSize", UvWriteQueueSizeMethod<Handle>),
      Method("getFd", UvGetFdMethod<Handle>),
      Getter("fd", UvGetFdMethod<Handle>),  // as Node's handles
  };
  for (const auto& m : methods) out[(*count)++] = m;
}

}  // namespace nodus_net
