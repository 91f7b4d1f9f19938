'use strict';
// The web-platform globals this part of the library provides, as lazy factories: the bootstrap
// installs each as a getter on globalThis that loads its module on first use.

const lazy = (id, name) => () => require(id)[name];

module.exports = {
  TextEncoder: lazy('internal/encoding', 'TextEncoder'),
  TextDecoder: lazy('internal/encoding', 'TextDecoder'),
  AbortController: lazy('internal/abort_controller', 'AbortController'),
  AbortSignal: lazy('internal/abort_controller', 'AbortSignal'),
  Event: lazy('internal/event_target', 'Event'),
  EventTarget: lazy('internal/event_target', 'EventTarget'),
  CustomEvent: lazy('internal/event_target', 'CustomEvent'),
  DOMException: () => require('internal/dom_exception'),
  atob: lazy('buffer', 'atob'),
  btoa: lazy('buffer', 'btoa'),
  Blob: lazy('buffer', 'Blob'),
  File: lazy('buffer', 'File'),
  structuredClone: lazy('internal/structured_clone', 'structuredClone'),
  performance: lazy('internal/perf', 'performance'),
  Performance: lazy('internal/perf', 'Performance'),
  PerformanceEntry: lazy('internal/perf', 'PerformanceEntry'),
  PerformanceMark: lazy('internal/perf', 'PerformanceMark'),
  PerformanceMeasure: lazy('internal/perf', 'PerformanceMeasure'),
  ReadableStream: lazy('internal/webstreams', 'ReadableStream'),
  ReadableStreamDefaultReader: lazy('internal/webstreams', 'ReadableStreamDefaultReader'),
  ReadableStreamDefaultController: lazy('internal/webstreams', 'ReadableStreamDefaultController'),
  WritableStream: lazy('internal/webstreams', 'WritableStream'),
  WritableStreamDefaultWriter: lazy('internal/webstreams', 'WritableStreamDefaultWriter'),
  WritableStreamDefaultController: lazy('internal/webstreams', 'WritableStreamDefaultController'),
  TransformStream: lazy('internal/webstreams', 'TransformStream'),
  TransformStreamDefaultController: lazy('internal/webstreams', 'TransformStreamDefaultController'),
  ByteLengthQueuingStrategy: lazy('internal/webstreams', 'ByteLengthQueuingStrategy'),
  CountQueuingStrategy: lazy('internal/webstreams', 'CountQueuingStrategy'),
  TextEncoderStream: lazy('internal/webstreams', 'TextEncoderStream'),
  TextDecoderStream: lazy('internal/webstreams', 'TextDecoderStream'),
  CompressionStream: lazy('internal/webstreams_compression', 'CompressionStream'),
  DecompressionStream: lazy('internal/webstreams_compression', 'DecompressionStream'),
};
