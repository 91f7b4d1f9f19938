'use strict';
// The WHATWG streams API (internal/webstreams); BYOB readers and the compression streams are not
// provided.

const webstreams = require('internal/webstreams');

module.exports = {
  ReadableStream: webstreams.ReadableStream,
  ReadableStreamDefaultReader: webstreams.ReadableStreamDefaultReader,
  ReadableStreamDefaultController: webstreams.ReadableStreamDefaultController,
  TransformStream: webstreams.TransformStream,
  TransformStreamDefaultController: webstreams.TransformStreamDefaultController,
  WritableStream: webstreams.WritableStream,
  WritableStreamDefaultWriter: webstreams.WritableStreamDefaultWriter,
  WritableStreamDefaultController: webstreams.WritableStreamDefaultController,
  ByteLengthQueuingStrategy: webstreams.ByteLengthQueuingStrategy,
  CountQueuingStrategy: webstreams.CountQueuingStrategy,
  TextEncoderStream: webstreams.TextEncoderStream,
  TextDecoderStream: webstreams.TextDecoderStream,
};
