'use strict';
// Node's streams, from npm's readable-stream v4 embedded at build time (docs/streams.md), plus
// what the package leaves out: the web-stream adapters (fromWeb/toWeb) and duplexPair, and Node's
// property layout (internal/stream_shape).

const { load } = require('internal/deps/readable_stream');

const Stream = load('lib/stream');
require('internal/webstreams_adapters').install(Stream);
require('internal/stream_shape').install(Stream);

module.exports = Stream;
