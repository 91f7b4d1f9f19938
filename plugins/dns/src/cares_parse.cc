// Turns raw DNS answers into the JS values Node's resolve* functions return, with c-ares's
// parsers. ANY answers run every parser over the same buffer and tag each record with its type.
#include <arpa/inet.h>
#include <netdb.h>

#include <string>

#include "dns_binding.h"

namespace nodus_dns {
namespace {

constexpr int kA = 1, kNs = 2, kCname = 5, kSoa = 6, kPtr = 12, kMx = 15, kTxt = 16, kAaaa = 28,
              kSrv = 33, kNaptr = 35, kAny = 255, kCaa = 257;
constexpr int kMaxAddr = 256;

void Set(napi_env env, napi_value obj, const char* key, napi_value v) {
  napi_set_named_property(env, obj, key, v);
}

napi_value NewArray(napi_env env) {
  napi_value a;
  napi_create_array(env, &a);
  return a;
}

void Push(napi_env env, napi_value arr, napi_value v) {
  uint32_t n = 0;
  napi_get_array_length(env, arr, &n);
  napi_set_element(env, arr, n, v);
}

// A/AAAA: addresses, and their TTLs. With `any`, objects {address, ttl, type} go to `out`.
int ParseAddresses(napi_env env, bool v6, const unsigned char* buf, int len, napi_value out,
                   napi_value ttls, bool any) {
  int n = kMaxAddr;
  char ip[INET6_ADDRSTRLEN];
  int status;
  if (v6) {
    ares_addr6ttl list[kMaxAddr];
    status = ares_parse_aaaa_reply(buf, len, nullptr, list, &n);
    if (status != ARES_SUCCESS) return status;
    for (int i = 0; i < n; i++) {
      inet_ntop(AF_INET6, &list[i].ip6addr, ip, sizeof(ip));
      if (any) {
        napi_value o;
        napi_create_object(env, &o);
        Set(env, o, "address", Str(env, ip));
        Set(env, o, "ttl", Int(env, list[i].ttl));
        Set(env, o, "type", Str(env, "AAAA"));
        Push(env, out, o);
      } else {
        Push(env, out, Str(env, ip));
        if (ttls) Push(env, ttls, Int(env, list[i].ttl));
      }
    }
  } else {
    ares_addrttl list[kMaxAddr];
    status = ares_parse_a_reply(buf, len, nullptr, list, &n);
    if (status != ARES_SUCCESS) return status;
    for (int i = 0; i < n; i++) {
      inet_ntop(AF_INET, &list[i].ipaddr, ip, sizeof(ip));
      if (any) {
        napi_value o;
        napi_create_object(env, &o);
        Set(env, o, "address", Str(env, ip));
        Set(env, o, "ttl", Int(env, list[i].ttl));
        Set(env, o, "type", Str(env, "A"));
        Push(env, out, o);
      } else {
        Push(env, out, Str(env, ip));
        if (ttls) Push(env, ttls, Int(env, list[i].ttl));
      }
    }
  }
  return n == 0 ? ARES_ENODATA : ARES_SUCCESS;
}

// A name-valued answer (CNAME, NS, PTR): strings, or {value, type} objects for ANY.
napi_value NameRecord(napi_env env, const char* name, const char* type, bool any) {
  if (!any) return Str(env, name);
  napi_value o;
  napi_create_object(env, &o);
  Set(env, o, "value", Str(env, name));
  Set(env, o, "type", Str(env, type));
  return o;
}

int ParseCname(napi_env env, const unsigned char* buf, int len, napi_value out, bool any) {
  hostent* host = nullptr;
  int status = ares_parse_a_reply(buf, len, &host, nullptr, nullptr);
  if (status != ARES_SUCCESS && status != ARES_ENODATA) return status;
  if (host == nullptr) return ARES_ENODATA;
  // The answer's owner names form the alias chain; h_name is where it ends.
  bool found = host->h_aliases && host->h_aliases[0];
  if (found) Push(env, out, NameRecord(env, host->h_name, "CNAME", any));
  ares_free_hostent(host);
  return found ? ARES_SUCCESS : ARES_ENODATA;
}

int ParseNs(napi_env env, const unsigned char* buf, int len, napi_value out, bool any) {
  hostent* host = nullptr;
  int status = ares_parse_ns_reply(buf, len, &host);
  if (status != ARES_SUCCESS) return status;
  int n = 0;
  for (char** a = host->h_aliases; a && *a; a++, n++) Push(env, out, NameRecord(env, *a, "NS", any));
  ares_free_hostent(host);
  return n ? ARES_SUCCESS : ARES_ENODATA;
}

int ParsePtr(napi_env env, const unsigned char* buf, int len, napi_value out, bool any) {
  hostent* host = nullptr;
  int status = ares_parse_ptr_reply(buf, len, nullptr, 0, AF_INET, &host);
  if (status != ARES_SUCCESS) return status;
  int n = 0;
  for (char** a = host->h_aliases; a && *a; a++, n++) Push(env, out, NameRecord(env, *a, "PTR", any));
  ares_free_hostent(host);
  return n ? ARES_SUCCESS : ARES_ENODATA;
}

int ParseMx(napi_env env, const unsigned char* buf, int len, napi_value out, bool any) {
  ares_mx_reply* mx = nullptr;
  int status = ares_parse_mx_reply(buf, len, &mx);
  if (status != ARES_SUCCESS) return status;
  int n = 0;
  for (ares_mx_reply* p = mx; p; p = p->next, n++) {
    napi_value o;
    napi_create_object(env, &o);
    Set(env, o, "exchange", Str(env, p->host));
    Set(env, o, "priority", Int(env, p->priority));
    if (any) Set(env, o, "type", Str(env, "MX"));
    Push(env, out, o);
  }
  ares_free_data(mx);
  return n ? ARES_SUCCESS : ARES_ENODATA;
}

// TXT: each record is an array of its character-strings (chunks).
int ParseTxt(napi_env env, const unsigned char* buf, int len, napi_value out, bool any) {
  ares_txt_ext* txt = nullptr;
  int status = ares_parse_txt_reply_ext(buf, len, &txt);
  if (status != ARES_SUCCESS) return status;
  napi_value record = nullptr;
  int n = 0;
  auto flush = [&]() {
    if (record == nullptr) return;
    if (any) {
      napi_value o;
      napi_create_object(env, &o);
      Set(env, o, "entries", record);
      Set(env, o, "type", Str(env, "TXT"));
      Push(env, out, o);
    } else {
      Push(env, out, record);
    }
    record = nullptr;
  };
  for (ares_txt_ext* p = txt; p; p = p->next) {
    if (p->record_start || record == nullptr) {
      flush();
      record = NewArray(env);
      n++;
    }
    napi_value s;
    napi_create_string_utf8(env, reinterpret_cast<const char*>(p->txt), p->length, &s);
    Push(env, record, s);
  }
  flush();
  ares_free_data(txt);
  return n ? ARES_SUCCESS : ARES_ENODATA;
}

int ParseSrv(napi_env env, const unsigned char* buf, int len, napi_value out, bool any) {
  ares_srv_reply* srv = nullptr;
  int status = ares_parse_srv_reply(buf, len, &srv);
  if (status != ARES_SUCCESS) return status;
  int n = 0;
  for (ares_srv_reply* p = srv; p; p = p->next, n++) {
    napi_value o;
    napi_create_object(env, &o);
    Set(env, o, "name", Str(env, p->host));
    Set(env, o, "port", Int(env, p->port));
    Set(env, o, "priority", Int(env, p->priority));
    Set(env, o, "weight", Int(env, p->weight));
    if (any) Set(env, o, "type", Str(env, "SRV"));
    Push(env, out, o);
  }
  ares_free_data(srv);
  return n ? ARES_SUCCESS : ARES_ENODATA;
}

int ParseNaptr(napi_env env, const unsigned char* buf, int len, napi_value out, bool any) {
  ares_naptr_reply* naptr = nullptr;
  int status = ares_parse_naptr_reply(buf, len, &naptr);
  if (status != ARES_SUCCESS) return status;
  int n = 0;
  for (ares_naptr_reply* p = naptr; p; p = p->next, n++) {
    napi_value o;
    napi_create_object(env, &o);
    Set(env, o, "flags", Str(env, reinterpret_cast<const char*>(p->flags)));
    Set(env, o, "service", Str(env, reinterpret_cast<const char*>(p->service)));
    Set(env, o, "regexp", Str(env, reinterpret_cast<const char*>(p->regexp)));
    Set(env, o, "replacement", Str(env, p->replacement));
    Set(env, o, "order", Int(env, p->order));
    Set(env, o, "preference", Int(env, p->preference));
    if (any) Set(env, o, "type", Str(env, "NAPTR"));
    Push(env, out, o);
  }
  ares_free_data(naptr);
  return n ? ARES_SUCCESS : ARES_ENODATA;
}

// SOA: one object (not an array), as Node returns it.
int ParseSoa(napi_env env, const unsigned char* buf, int len, napi_value* result, bool any) {
  ares_soa_reply* soa = nullptr;
  int status = ares_parse_soa_reply(buf, len, &soa);
  if (status != ARES_SUCCESS) return status;
  napi_value o;
  napi_create_object(env, &o);
  Set(env, o, "nsname", Str(env, soa->nsname));
  Set(env, o, "hostmaster", Str(env, soa->hostmaster));
  Set(env, o, "serial", Int(env, soa->serial));
  Set(env, o, "refresh", Int(env, soa->refresh));
  Set(env, o, "retry", Int(env, soa->retry));
  Set(env, o, "expire", Int(env, soa->expire));
  Set(env, o, "minttl", Int(env, soa->minttl));
  if (any) Set(env, o, "type", Str(env, "SOA"));
  ares_free_data(soa);
  *result = o;
  return ARES_SUCCESS;
}

int ParseCaa(napi_env env, const unsigned char* buf, int len, napi_value out, bool any) {
  ares_caa_reply* caa = nullptr;
  int status = ares_parse_caa_reply(buf, len, &caa);
  if (status != ARES_SUCCESS) return status;
  int n = 0;
  for (ares_caa_reply* p = caa; p; p = p->next, n++) {
    napi_value o, v;
    napi_create_object(env, &o);
    Set(env, o, "critical", Int(env, p->critical));
    napi_create_string_utf8(env, reinterpret_cast<const char*>(p->value), p->length, &v);
    std::string prop(reinterpret_cast<const char*>(p->property), p->plength);
    Set(env, o, prop.c_str(), v);
    if (any) Set(env, o, "type", Str(env, "CAA"));
    Push(env, out, o);
  }
  ares_free_data(caa);
  return n ? ARES_SUCCESS : ARES_ENODATA;
}

}  // namespace

int ParseReply(napi_env env, int type, const unsigned char* buf, int len, napi_value* result,
               napi_value* ttls) {
  napi_value out = NewArray(env);
  *result = out;
  switch (type) {
    case kA:
    case kAaaa:
      *ttls = NewArray(env);
      return ParseAddresses(env, type == kAaaa, buf, len, out, *ttls, false);
    case kCname: return ParseCname(env, buf, len, out, false);
    case kNs: return ParseNs(env, buf, len, out, false);
    case kPtr: return ParsePtr(env, buf, len, out, false);
    case kMx: return ParseMx(env, buf, len, out, false);
    case kTxt: return ParseTxt(env, buf, len, out, false);
    case kSrv: return ParseSrv(env, buf, len, out, false);
    case kNaptr: return ParseNaptr(env, buf, len, out, false);
    case kSoa: return ParseSoa(env, buf, len, result, false);
    case kCaa: return ParseCaa(env, buf, len, out, false);
    case kAny: {
      // Every parser skips records of other types; a type absent from the answer is fine.
      ParseAddresses(env, false, buf, len, out, nullptr, true);
      ParseAddresses(env, true, buf, len, out, nullptr, true);
      ParseCname(env, buf, len, out, true);
      ParseMx(env, buf, len, out, true);
      ParseNs(env, buf, len, out, true);
      ParseTxt(env, buf, len, out, true);
      ParseSrv(env, buf, len, out, true);
      ParsePtr(env, buf, len, out, true);
      ParseNaptr(env, buf, len, out, true);
      napi_value soa;
      if (ParseSoa(env, buf, len, &soa, true) == ARES_SUCCESS) Push(env, out, soa);
      ParseCaa(env, buf, len, out, true);
      uint32_t n = 0;
      napi_get_array_length(env, out, &n);
      return n ? ARES_SUCCESS : ARES_ENODATA;
    }
    default:
      return ARES_ENOTIMP;
  }
}

}  // namespace nodus_dns
