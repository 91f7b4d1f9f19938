'use strict';
// Node-API binary data: ArrayBuffers, TypedArrays, DataViews and Buffers. Run with --expose-gc.
const { assert, load, gcAndSettle, isNodus } = require('./common');
const addon = load('buffers');

async function main() {
  const ab = addon.newArrayBuffer(16);
  assert.ok(ab instanceof ArrayBuffer);
  assert.deepStrictEqual([...new Uint8Array(ab, 0, 4)], [0, 1, 2, 3]);
  assert.deepStrictEqual(addon.arrayBufferInfo(ab), [16, 15]);
  assert.deepStrictEqual(addon.arrayBufferInfo(addon.newArrayBuffer(0)), [0, -1]);

  // External ArrayBuffers: zero copy, finalized after GC, detachable.
  const before = addon.finalized();
  let ext = addon.externalArrayBuffer(4);
  assert.strictEqual(Buffer.from(ext).toString(), 'abcd');
  assert.strictEqual(addon.isDetached(ext), false);
  assert.strictEqual(addon.detach(ext), 0);
  assert.strictEqual(addon.isDetached(ext), true);
  assert.strictEqual(ext.byteLength, 0);
  assert.strictEqual(addon.isDetached({}), false);
  ext = null;
  (() => { addon.externalArrayBuffer(8); })();
  await gcAndSettle();
  assert.strictEqual(addon.finalized(), before + 2);

  // TypedArrays over an ArrayBuffer
  const buf = addon.newArrayBuffer(32);
  const types = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
                 Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
  types.forEach((Type, type) => {
    const ta = addon.typedArray(type, buf, 8, 2);
    assert.ok(ta instanceof Type, Type.name);
    assert.strictEqual(ta.length, 2);
    assert.strictEqual(ta.byteOffset, 8);
    assert.strictEqual(ta.buffer, buf);
    const info = addon.typedArrayInfo(ta);
    assert.strictEqual(info.type, type);
    assert.strictEqual(info.length, 2);
    assert.strictEqual(info.byteOffset, 8);
    assert.strictEqual(info.firstByte, 8);
    assert.strictEqual(info.buffer, buf);
  });
  assert.strictEqual(addon.typedArrayInfo([1, 2]), false);
  assert.strictEqual(addon.typedArrayInfo(new DataView(buf)), false);
  assert.throws(() => addon.typedArray(3 /* Int16 */, buf, 1, 1), {
    name: 'RangeError', code: 'ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT',
    message: 'start offset of Int16Array should be a multiple of 2',
  });
  assert.throws(() => addon.typedArray(5 /* Int32 */, buf, 4, 8), {
    name: 'RangeError', code: 'ERR_NAPI_INVALID_TYPEDARRAY_LENGTH',
    message: 'Invalid typed array length',
  });
  // A typed array made in JS (possibly on-heap) gives a stable data pointer.
  assert.strictEqual(addon.typedArrayInfo(new Uint8Array([9, 8])).firstByte, 9);

  // DataViews
  const dv = addon.dataView(buf, 4, 8);
  assert.ok(dv instanceof DataView);
  assert.deepStrictEqual([dv.byteOffset, dv.byteLength], [4, 8]);
  const dvi = addon.dataViewInfo(dv);
  assert.deepStrictEqual([dvi.byteLength, dvi.byteOffset, dvi.firstByte], [8, 4, 4]);
  assert.strictEqual(dvi.buffer, buf);
  assert.throws(() => addon.dataView(buf, 30, 4), {
    name: 'RangeError', code: 'ERR_NAPI_INVALID_DATAVIEW_ARGS',
  });

  // Buffers
  const b = addon.newBuffer(3);
  assert.ok(Buffer.isBuffer(b));
  assert.strictEqual(b.toString(), 'zzz');
  const copy = addon.bufferCopy('hello');
  assert.ok(Buffer.isBuffer(copy));
  assert.strictEqual(copy.toString(), 'hello');
  assert.strictEqual(addon.bufferInfo(copy), 'hello');
  assert.strictEqual(addon.bufferInfo(Buffer.from('from js')), 'from js');
  assert.strictEqual(addon.bufferInfo(new Uint8Array([104, 105])), 'hi', 'any TypedArray counts');
  assert.strictEqual(addon.bufferInfo(new DataView(new Uint8Array([111, 107]).buffer)), 'ok');
  assert.strictEqual(addon.bufferInfo({}), false);
  const sliced = Buffer.from('abcdef').subarray(2, 5);
  assert.strictEqual(addon.bufferInfo(sliced), 'cde');
  const shared = Buffer.from('make me loud');
  addon.uppercase(shared);
  assert.strictEqual(shared.toString(), 'MAKE ME LOUD', 'get_buffer_info is zero-copy');
  const before2 = addon.finalized();
  (() => {
    const e = addon.externalBuffer('external bytes');
    assert.ok(Buffer.isBuffer(e));
    assert.strictEqual(e.toString(), 'external bytes');
    assert.strictEqual(e.toString('hex').length, 28);
  })();
  await gcAndSettle();
  assert.strictEqual(addon.finalized(), before2 + 1);

  // node_api_create_buffer_from_arraybuffer (Node-API 10; Node 20 lacks it)
  if (isNodus || Number(process.versions.napi) >= 10) {
    const src = new Uint8Array([1, 2, 3, 4, 5]).buffer;
    const view = addon.bufferFromArrayBuffer(src, 1, 3);
    assert.ok(Buffer.isBuffer(view));
    assert.deepStrictEqual([...view], [2, 3, 4]);
    view[0] = 42;
    assert.strictEqual(new Uint8Array(src)[1], 42, 'shares memory');
    assert.throws(() => addon.bufferFromArrayBuffer(src, 4, 3), { name: 'RangeError' });
    assert.throws(() => addon.bufferFromArrayBuffer({}, 0, 0), /status 19/);
  }

  assert.deepStrictEqual(addon.badArgs(), {
    createNullResult: 1,
    infoOfObject: 1,
    detachObject: 19,
    typedArrayOfObject: 1,
    typedArrayBadType: 1,
    typedArrayInfoOfObject: 1,
    dataViewOfObject: 1,
    dataViewInfoOfObject: 1,
    bufferInfoOfObject: 1,
    isBufferNull: 1,
    bufferNullResult: 1,
  });
}

main().catch((err) => {
  process.exitCode = 1;
  throw err;
});
