'use strict';
// The cluster's internal messages over the IPC channel: { cmd: 'NODE_CLUSTER', act, seq, ... }.
// A request may carry a callback; the other side answers with { act: 'reply', ack: seq }.
const callbacks = new Map();
let seq = 0;

function sendHelper(target, message, handle, callback) {
  if (!target.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof callback === 'function') callbacks.set(seq, callback);
  seq += 1;
  return target.send(message, handle);
}

// Wraps an 'internalMessage' listener: replies go to their callbacks, the rest to `cb`.
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    if (message.ack !== undefined && callbacks.has(message.ack)) {
      const fn = callbacks.get(message.ack);
      callbacks.delete(message.ack);
      fn(message, handle);
      return;
    }
    cb.call(this, message, handle, worker);
  };
}

function reply(target, request, message, handle) {
  return sendHelper(target, { ...message, act: 'reply', ack: request.seq }, handle);
}

module.exports = { sendHelper, internal, reply };
