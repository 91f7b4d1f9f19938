'use strict';
// Blob and File kept simply: the bytes are copied once into one Buffer at construction, slices
// share it. stream() returns a web ReadableStream when stream/web provides one.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');

const kData = Symbol('kData');
const kType = Symbol('kType');

let BufferRef;
function B() {
  if (BufferRef === undefined) BufferRef = require('buffer').Buffer;
  return BufferRef;
}

function isBlob(v) {
  return v != null && typeof v === 'object' && v[kData] !== undefined;
}

function partToBuffer(part) {
  const Buffer = B();
  if (isBlob(part)) return part[kData];
  if (part instanceof ArrayBuffer || part instanceof SharedArrayBuffer) {
    return Buffer.from(new Uint8Array(part.slice(0)));
  }
  if (ArrayBuffer.isView(part)) {
    return Buffer.from(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  }
  return Buffer.from(`${part}`, 'utf8');
}

function normalizeType(type) {
  type = `${type}`;
  return /[^\u0020-\u007E]/.test(type) ? '' : type.toLowerCase();
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' ||
        typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const endings = options?.endings ?? 'transparent';
    if (endings !== 'transparent' && endings !== 'native') {
      const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    for (const part of sources) {
      if (endings === 'native' && typeof part === 'string') {
        parts.push(partToBuffer(part.replace(/\r?\n/g, '\n')));
      } else {
        parts.push(partToBuffer(part));
      }
    }
    this[kData] = B().concat(parts);
    this[kType] = options?.type === undefined ? '' : normalizeType(options.type);
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kData].length;
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kType];
  }

  slice(start = 0, end = this.size, contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const size = this[kData].length;
    const rel = (v) => {
      v = Math.trunc(Number(v)) || 0;
      return v < 0 ? Math.max(size + v, 0) : Math.min(v, size);
    };
    const s = rel(start);
    const e = rel(end);
    const blob = new Blob([], { type: contentType });
    blob[kData] = this[kData].subarray(s, Math.max(s, e));
    return blob;
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const d = this[kData];
    // Node reads a blob as a stream of chunks, one microtask apart; settling as late keeps the
    // order of promise callbacks the same.
    return new Promise((resolve) => {
      queueMicrotask(() => queueMicrotask(() => {
        const ab = new ArrayBuffer(d.length);
        new Uint8Array(ab).set(d);
        resolve(ab);
      }));
    });
  }

  async text() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return B().from(await this.arrayBuffer()).toString('utf8');
  }

  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const { ReadableStream } = require('stream/web');
    const data = this[kData];
    return new ReadableStream({
      type: 'bytes',
      start(controller) {
        if (data.length) controller.enqueue(new Uint8Array(data));
        controller.close();
      },
    });
  }

  get [Symbol.toStringTag]() { return 'Blob'; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const fn = inspect || require('internal/util/inspect').inspect;
    return `Blob ${fn({ size: this.size, type: this.type }, opts)}`;
  }
}

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) {
      const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
      throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    }
    super(fileBits, options);
    this.#name = `${fileName}`;
    const lm = options?.lastModified;
    this.#lastModified = lm === undefined ? Date.now() : Number(lm);
  }

  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }
  get [Symbol.toStringTag]() { return 'File'; }
}

// A new Blob over the same bytes and type (what buffer.resolveObjectURL hands out, as Node does).
function copyBlob(blob) {
  const copy = new Blob([], { type: blob[kType] });
  copy[kData] = blob[kData];
  return copy;
}

const { exposeMembers } = require('internal/util');
exposeMembers(Blob.prototype, ['type', 'size', 'slice', 'arrayBuffer', 'text', 'stream']);
exposeMembers(File.prototype, ['name', 'lastModified']);

module.exports = { Blob, File, isBlob, copyBlob };
