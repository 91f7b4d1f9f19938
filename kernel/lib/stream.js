'use strict';
// Node's streams, from npm's readable-stream v4 embedded at build time (docs/streams.md).

const { load } = require('internal/deps/readable_stream');

module.exports = load('lib/stream');
