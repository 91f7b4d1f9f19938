/* Functions and classes: create_function, get_cb_info, new_target, call_function, new_instance,
 * define_class, define_properties. */
#include "test_common.h"

/* Returns {self, args, newTarget, data}. */
static napi_value Echo(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8], self, out, args, nt;
  void* data;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, &self, &data));
  NAPI_CALL(env, napi_get_new_target(env, info, &nt));
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_create_array_with_length(env, argc, &args));
  for (size_t i = 0; i < argc && i < 8; i++) NAPI_CALL(env, napi_set_element(env, args, (uint32_t)i, argv[i]));
  NAPI_CALL(env, napi_set_named_property(env, out, "self", self));
  NAPI_CALL(env, napi_set_named_property(env, out, "args", args));
  NAPI_CALL(env, napi_set_named_property(env, out, "newTarget", nt ? nt : Undefined(env)));
  NAPI_CALL(env, napi_set_named_property(env, out, "data", MakeString(env, data ? (const char*)data : "none")));
  return out;
}

static napi_value CreateFunction(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  char name[64];
  size_t len;
  napi_value fn;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len));
  NAPI_CALL(env, napi_create_function(env, name, len, Echo, (void*)"fn-data", &fn));
  return fn;
}

static napi_value Padding(napi_env env, napi_callback_info info) {
  /* Asks for 3 arguments: missing ones are undefined; argc reports the real count. */
  size_t argc = 3;
  napi_value argv[3], arr;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  NAPI_CALL(env, napi_create_array(env, &arr));
  napi_set_element(env, arr, 0, MakeInt(env, (int32_t)argc));
  for (uint32_t i = 0; i < 3; i++) napi_set_element(env, arr, i + 1, argv[i]);
  return arr;
}

static napi_value Call(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8], out;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  NAPI_ASSERT(env, argc >= 2, "call(fn, recv, ...args)");
  NAPI_CALL(env, napi_call_function(env, argv[1], argv[0], argc - 2, argv + 2, &out));
  return out;
}

static napi_value CallAndCatch(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_value undef, out, exc;
  napi_get_undefined(env, &undef);
  napi_status s = napi_call_function(env, undef, argv[0], 0, NULL, &out);
  bool pending;
  NAPI_CALL(env, napi_is_exception_pending(env, &pending));
  NAPI_ASSERT(env, pending == (s == napi_pending_exception), "pending matches status");
  /* While an exception is pending, calls that run JS refuse. */
  napi_value obj;
  napi_status again = napi_create_object(env, &obj);  /* no JS: allowed */
  napi_status refused = napi_call_function(env, undef, argv[0], 0, NULL, &out);
  NAPI_CALL(env, napi_get_and_clear_last_exception(env, &exc));
  NAPI_CALL(env, napi_create_object(env, &out));
  SetNamedInt(env, out, "status", s);
  SetNamedInt(env, out, "noJsWhilePending", again);
  SetNamedInt(env, out, "jsWhilePending", refused);
  napi_set_named_property(env, out, "exception", exc);
  return out;
}

static napi_value NewInstance(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8], out;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  NAPI_CALL(env, napi_new_instance(env, argv[0], argc - 1, argv + 1, &out));
  return out;
}

/* class Point { constructor(x, y); sum(); get x2(); set x2(v); kind = 'point'; static origin(); static dims = 2 } */
static napi_value PointCtor(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  napi_value nt;
  NAPI_CALL(env, napi_get_new_target(env, info, &nt));
  if (nt == NULL) {
    napi_throw_type_error(env, "ERR_CALL", "Point must be called with new");
    return NULL;
  }
  NAPI_CALL(env, napi_set_named_property(env, this_arg, "x", argv[0]));
  NAPI_CALL(env, napi_set_named_property(env, this_arg, "y", argv[1]));
  return NULL;
}

static double GetNum(napi_env env, napi_value obj, const char* name) {
  napi_value v;
  double d = 0;
  napi_get_named_property(env, obj, name, &v);
  napi_get_value_double(env, v, &d);
  return d;
}

static napi_value PointSum(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 0);
  napi_value out;
  NAPI_CALL(env, napi_create_double(env, GetNum(env, this_arg, "x") + GetNum(env, this_arg, "y"), &out));
  return out;
}

static napi_value PointGetX2(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 0);
  napi_value out;
  NAPI_CALL(env, napi_create_double(env, GetNum(env, this_arg, "x") * 2, &out));
  return out;
}

static napi_value PointSetX2(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  double v;
  napi_value half;
  NAPI_CALL(env, napi_get_value_double(env, argv[0], &v));
  NAPI_CALL(env, napi_create_double(env, v / 2, &half));
  NAPI_CALL(env, napi_set_named_property(env, this_arg, "x", half));
  return NULL;
}

static napi_value PointOrigin(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 0);
  napi_value args[2] = {MakeInt(env, 0), MakeInt(env, 0)}, out;
  /* `this` is the class itself for static methods. */
  NAPI_CALL(env, napi_new_instance(env, this_arg, 2, args, &out));
  return out;
}

static napi_value DefineClass(napi_env env, napi_callback_info info) {
  napi_value cls;
  napi_property_descriptor props[] = {
      {"sum", NULL, PointSum, NULL, NULL, NULL, napi_default_method, NULL},
      {"x2", NULL, NULL, PointGetX2, PointSetX2, NULL, napi_enumerable | napi_configurable, NULL},
      {"kind", NULL, NULL, NULL, NULL, MakeString(env, "point"), napi_enumerable, NULL},
      {"answer", NULL, NULL, NULL, NULL, MakeInt(env, 42), napi_writable, NULL},
      {"origin", NULL, PointOrigin, NULL, NULL, NULL, napi_static | napi_default_method, NULL},
      {"dims", NULL, NULL, NULL, NULL, MakeInt(env, 2), napi_static | napi_enumerable, NULL},
  };
  NAPI_CALL(env, napi_define_class(env, "Point", NAPI_AUTO_LENGTH, PointCtor, NULL,
                                   COUNT_OF(props), props, &cls));
  return cls;
}

static napi_value DefineProps(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_value sym;
  NAPI_CALL(env, napi_create_symbol(env, NULL, &sym));
  napi_property_descriptor props[] = {
      {"ro", NULL, NULL, NULL, NULL, MakeInt(env, 1), napi_enumerable, NULL},
      {"rw", NULL, NULL, NULL, NULL, MakeInt(env, 2), napi_default_jsproperty, NULL},
      {"hidden", NULL, NULL, NULL, NULL, MakeInt(env, 3), napi_writable, NULL},
      {"method", NULL, Echo, NULL, NULL, NULL, napi_default_method, (void*)"method-data"},
      {"getter", NULL, NULL, PointGetX2, NULL, NULL, napi_enumerable, NULL},
      {NULL, sym, NULL, NULL, NULL, MakeString(env, "by symbol"), napi_enumerable, NULL},
  };
  NAPI_CALL(env, napi_define_properties(env, argv[0], COUNT_OF(props), props));
  return sym;
}

static napi_value BadArgs(napi_env env, napi_callback_info info) {
  napi_value out, fn, obj, num, undef;
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_create_object(env, &obj));
  NAPI_CALL(env, napi_create_int32(env, 1, &num));
  napi_get_undefined(env, &undef);
  SetNamedInt(env, out, "createFunctionNullCb", napi_create_function(env, "f", 1, NULL, NULL, &fn));
  SetNamedInt(env, out, "createFunctionNullResult", napi_create_function(env, "f", 1, Echo, NULL, NULL));
  SetNamedInt(env, out, "callNonFunction", napi_call_function(env, undef, num, 0, NULL, &fn));
  SetNamedInt(env, out, "callNullRecv", napi_call_function(env, NULL, num, 0, NULL, &fn));
  SetNamedInt(env, out, "callNullArgv", napi_call_function(env, undef, num, 2, NULL, &fn));
  SetNamedInt(env, out, "newInstanceNullCtor", napi_new_instance(env, NULL, 0, NULL, &fn));
  SetNamedInt(env, out, "newInstanceNonFunction", napi_new_instance(env, obj, 0, NULL, &fn));
  SetNamedInt(env, out, "defineClassNullCtor",
              napi_define_class(env, "C", NAPI_AUTO_LENGTH, NULL, NULL, 0, NULL, &fn));
  SetNamedInt(env, out, "defineClassNullProps",
              napi_define_class(env, "C", NAPI_AUTO_LENGTH, PointCtor, NULL, 1, NULL, &fn));
  napi_property_descriptor number_name = {NULL, num, NULL, NULL, NULL, num, napi_default, NULL};
  SetNamedInt(env, out, "defineNumberName", napi_define_properties(env, obj, 1, &number_name));
  SetNamedInt(env, out, "cbInfoNull", napi_get_cb_info(env, NULL, NULL, NULL, NULL, NULL));
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      DECLARE_METHOD("createFunction", CreateFunction), DECLARE_METHOD("padding", Padding),
      DECLARE_METHOD("call", Call),                     DECLARE_METHOD("callAndCatch", CallAndCatch),
      DECLARE_METHOD("newInstance", NewInstance),       DECLARE_METHOD("defineClass", DefineClass),
      DECLARE_METHOD("defineProps", DefineProps),       DECLARE_METHOD("badArgs", BadArgs),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

TEST_ADDON(Init)
