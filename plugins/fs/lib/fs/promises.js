'use strict';
// fs/promises: the promise API, shared with fs.promises.

module.exports = require('internal/fs/promises').exports;
