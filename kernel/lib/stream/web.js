'use strict';
// The WHATWG streams API (internal/webstreams); BYOB readers are not provided. The compression
// streams load the zlib plugin when first constructed.

const webstreams = require('internal/webstreams');
const { CompressionStream, DecompressionStream } = require('internal/webstreams_compression');

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
  CompressionStream,
  DecompressionStream,
};
