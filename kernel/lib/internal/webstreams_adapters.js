'use strict';
// Bridges between Node streams and WHATWG streams: Readable/Writable/Duplex .fromWeb() and
// .toWeb(), which the embedded readable-stream leaves unimplemented. Plus stream.duplexPair().

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
} = require('internal/errors');

let webstreams;
function web() {
  if (webstreams === undefined) webstreams = require('internal/webstreams');
  return webstreams;
}

function streams() {
  return require('stream');
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function isNodeReadable(s) {
  return s != null && typeof s.pipe === 'function' && typeof s.on === 'function' &&
    s._readableState !== undefined;
}

function isNodeWritable(s) {
  return s != null && typeof s.write === 'function' && typeof s.on === 'function' &&
    s._writableState !== undefined;
}

// Byte chunks leaving a Node stream are copied into plain Uint8Arrays (detached from the Buffer
// pool), as Node does.
function toWebChunk(chunk, objectMode) {
  if (!objectMode && typeof chunk !== 'string' && ArrayBuffer.isView(chunk)) {
    return new Uint8Array(chunk);
  }
  return chunk;
}

// Readable.toWeb(streamReadable, { strategy })
function newReadableStreamFromStreamReadable(readable, options = {}) {
  if (!isNodeReadable(readable)) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', readable);
  }
  const { ReadableStream, CountQueuingStrategy } = web();
  const objectMode = readable.readableObjectMode;
  const strategy = options?.strategy ?? new CountQueuingStrategy({
    highWaterMark: readable.readableHighWaterMark,
  });
  if (readable.destroyed || readable.readableEnded) {
    const err = readable.errored;
    return new ReadableStream({
      start(c) {
        if (err) c.error(err);
        else c.close();
      },
    });
  }
  let controller;
  let done = false;
  const onData = (chunk) => {
    if (done) return;
    controller.enqueue(toWebChunk(chunk, objectMode));
    if (controller.desiredSize <= 0) readable.pause();
  };
  streams().finished(readable, (err) => {
    if (done) return;
    done = true;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && readable.readableEnded) err = undefined;
    if (err) controller.error(err);
    else controller.close();
  });
  readable.on('data', onData);
  readable.pause();
  return new ReadableStream({
    start(c) { controller = c; },
    pull() { readable.resume(); },
    cancel(reason) {
      done = true;
      streams().destroy(readable, reason);
    },
  }, strategy);
}

// Readable.fromWeb(readableStream, { highWaterMark, encoding, objectMode, signal })
function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!web().isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  const { highWaterMark, encoding, objectMode = false, signal } = options ?? {};
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new (streams().Readable)({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then(({ value, done }) => {
        if (done) readable.push(null);
        else readable.push(value);
      }, (err) => streams().destroy(readable, err));
    },
    destroy(error, callback) {
      const finish = () => callback(error);
      if (!closed) {
        reader.cancel(error).then(finish, finish);
        return;
      }
      finish();
    },
  });
  reader.closed.then(() => { closed = true; }, (error) => {
    closed = true;
    streams().destroy(readable, error);
  });
  return readable;
}

// Writable.toWeb(streamWritable)
function newWritableStreamFromStreamWritable(writable) {
  if (!isNodeWritable(writable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', writable);
  }
  const { WritableStream, CountQueuingStrategy } = web();
  let controller;
  let backpressure;
  let closing;
  writable.on('drain', () => {
    if (backpressure) backpressure.resolve();
    backpressure = undefined;
  });
  streams().finished(writable, (err) => {
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && writable.writableFinished) err = undefined;
    if (err) {
      if (backpressure) backpressure.reject(err);
      if (closing) closing.reject(err);
      try {
        controller.error(err);
      } catch {
        // already errored
      }
      return;
    }
    if (closing) closing.resolve();
  });
  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (writable.writableNeedDrain || !writable.write(chunk)) {
        backpressure = deferred();
        return backpressure.promise;
      }
      return undefined;
    },
    abort(reason) {
      streams().destroy(writable, reason);
    },
    close() {
      if (closing === undefined && !writable.writableEnded) {
        closing = deferred();
        writable.end();
        return closing.promise;
      }
      return undefined;
    },
  }, new CountQueuingStrategy({ highWaterMark: writable.writableHighWaterMark }));
}

// Writable.fromWeb(writableStream, { decodeStrings, highWaterMark, objectMode, signal })
function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!web().isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options ?? {};
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new (streams().Writable)({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    write(chunk, encoding, callback) {
      writer.ready.then(() => writer.write(chunk))
        .then(() => callback(), (err) => callback(err));
    },
    destroy(error, callback) {
      const finish = () => callback(error);
      if (!closed) {
        if (error != null) writer.abort(error).then(finish, finish);
        else writer.close().then(finish, finish);
        return;
      }
      finish();
    },
    final(callback) {
      if (!closed) {
        writer.close().then(() => callback(), callback);
        return;
      }
      callback();
    },
  });
  writer.closed.then(() => {
    closed = true;
    if (!writable.writableFinished && !writable.writableEnded) {
      streams().destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
    }
  }, (error) => {
    closed = true;
    streams().destroy(writable, error);
  });
  return writable;
}

// Duplex.toWeb(duplex) -> { readable, writable }
function newReadableWritablePairFromDuplex(duplex) {
  return {
    readable: newReadableStreamFromStreamReadable(duplex),
    writable: newWritableStreamFromStreamWritable(duplex),
  };
}

// Duplex.fromWeb({ readable, writable }, options)
function newStreamDuplexFromReadableWritablePair(pair, options = {}) {
  if (pair === null || typeof pair !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('pair', 'ReadableWritablePair', pair);
  }
  const { readable: readableStream, writable: writableStream } = pair;
  if (!web().isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!web().isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  const { allowHalfOpen = false, decodeStrings = true, encoding, highWaterMark,
    objectMode = false, signal } = options ?? {};
  const reader = readableStream.getReader();
  const writer = writableStream.getWriter();
  let readerClosed = false;
  let writerClosed = false;
  const duplex = new (streams().Duplex)({
    allowHalfOpen, decodeStrings, encoding, highWaterMark, objectMode, signal,
    read() {
      reader.read().then(({ value, done }) => {
        if (done) duplex.push(null);
        else duplex.push(value);
      }, (err) => streams().destroy(duplex, err));
    },
    write(chunk, enc, callback) {
      writer.ready.then(() => writer.write(chunk))
        .then(() => callback(), (err) => callback(err));
    },
    final(callback) {
      if (writerClosed) return callback();
      writer.close().then(() => callback(), callback);
      return undefined;
    },
    destroy(error, callback) {
      const waits = [];
      if (!writerClosed) waits.push(error != null ? writer.abort(error) : writer.close());
      if (!readerClosed) waits.push(reader.cancel(error));
      const finish = () => callback(error);
      Promise.all(waits).then(finish, finish);
    },
  });
  writer.closed.then(() => { writerClosed = true; }, (err) => {
    writerClosed = true;
    streams().destroy(duplex, err);
  });
  reader.closed.then(() => { readerClosed = true; }, (err) => {
    readerClosed = true;
    streams().destroy(duplex, err);
  });
  return duplex;
}

// stream.duplexPair(options): two Duplexes, each one's writes are the other's reads.
function duplexPair(options) {
  const { Duplex } = streams();
  class DuplexSide extends Duplex {
    constructor(opts) {
      super(opts);
      this.other = null;
      this.pendingCallback = null;
    }

    _read() {
      const cb = this.pendingCallback;
      if (cb) {
        this.pendingCallback = null;
        cb();
      }
    }

    _write(chunk, encoding, callback) {
      if (chunk.length === 0) {
        process.nextTick(callback);
        return;
      }
      this.other.push(chunk);
      this.other.pendingCallback = callback;
    }

    _final(callback) {
      this.other.on('end', callback);
      this.other.push(null);
    }
  }
  const a = new DuplexSide(options);
  const b = new DuplexSide(options);
  a.other = b;
  b.other = a;
  return [a, b];
}

function install(stream) {
  const { Readable, Writable, Duplex } = stream;
  Readable.fromWeb = function fromWeb(readableStream, options) {
    return newStreamReadableFromReadableStream(readableStream, options);
  };
  Readable.toWeb = function toWeb(streamReadable, options) {
    return newReadableStreamFromStreamReadable(streamReadable, options);
  };
  Writable.fromWeb = function fromWeb(writableStream, options) {
    return newStreamWritableFromWritableStream(writableStream, options);
  };
  Writable.toWeb = function toWeb(streamWritable) {
    return newWritableStreamFromStreamWritable(streamWritable);
  };
  Duplex.fromWeb = function fromWeb(pair, options) {
    return newStreamDuplexFromReadableWritablePair(pair, options);
  };
  Duplex.toWeb = function toWeb(duplex) {
    return newReadableWritablePairFromDuplex(duplex);
  };
  stream.duplexPair = duplexPair;
  stream._isArrayBufferView = ArrayBuffer.isView;
}

module.exports = {
  install,
  duplexPair,
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
