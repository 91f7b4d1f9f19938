'use strict';
// Node's cluster module: the primary's side or the worker's side, chosen by NODE_UNIQUE_ID
// (set by cluster.fork for each worker), as in Node.
module.exports = process.env.NODE_UNIQUE_ID !== undefined
  ? require('internal/cluster/child')
  : require('internal/cluster/primary');
