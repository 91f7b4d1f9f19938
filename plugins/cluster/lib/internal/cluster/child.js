'use strict';
// The worker's side of cluster: cluster.worker over `process`, and net servers that listen
// through the primary. A TCP listen in a worker asks the primary for the server: in round-robin
// mode the server gets a stand-in handle and its connections arrive from the primary as
// descriptors; in shared-handle mode it listens on the descriptor the primary sends.
const EventEmitter = require('events');
const childProcess = require('child_process');
const { exceptionWithHostPort } = require('internal/errors');
const { Worker } = require('internal/cluster/worker');
const { sendHelper, internal } = require('internal/cluster/messages');

const cluster = new EventEmitter();
const handles = new Map();  // key -> { server, shared }

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;

// The kernel opens the channel at startup; a runtime that does not yet is covered here.
childProcess._setupChildChannel();

const worker = new Worker({ id: Number(process.env.NODE_UNIQUE_ID) | 0, process, state: 'online' });
cluster.worker = worker;

process.once('disconnect', () => {
  worker.emit('disconnect');
  if (!worker.exitedAfterDisconnect) {
    // The primary went away without asking: nothing will ever be served again.
    process.exit(0);
  }
});
process.on('internalMessage', internal(worker, onPrimaryMessage));
sendHelper(process, { act: 'online' });

function onPrimaryMessage(message, handle) {
  if (message.act === 'newconn') onConnection(message, handle);
  else if (message.act === 'disconnect') disconnectWorker(true);
}

function onConnection(message, handle) {
  const entry = handles.get(message.key);
  if (!handle || typeof handle.fd !== 'number') return;
  if (!entry || entry.server === null) {
    require('fs').closeSync(handle.fd);
    return;
  }
  const { Socket } = require('net');
  const server = entry.server;
  const socket = new Socket({
    fd: handle.fd,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
    readable: true,
    writable: true,
  });
  server._connections++;
  socket.server = server;
  socket._server = server;
  server.emit('connection', socket);
}

// ---- servers ---------------------------------------------------------------------------------

const net = require('net');
const listen2 = net.Server.prototype._listen2;

net.Server.prototype._listen2 = function clusterListen(address, port, addressType, backlog, fd, flags) {
  // Pipes, descriptors and servers over an existing handle listen here as usual.
  if (this._handle || (typeof fd === 'number' && fd >= 0) || port === -1 || port === null) {
    return listen2.call(this, address, port, addressType, backlog, fd, flags);
  }
  const key = `${address}:${port}:${addressType}`;
  const server = this;
  const message = { act: 'queryServer', key, address, port, addressType, flags };
  sendHelper(process, message, undefined, (reply, rawFd) => {
    if (reply.errno) {
      server.emit('error', exceptionWithHostPort(reply.errno, 'bind', address, port));
      return;
    }
    handles.set(key, { server });
    server.once('listening', () => {
      // listen(0) asked for any port: the primary and its 'listening' listeners get the real one.
      const bound = server.address();
      const actual = (bound && typeof bound === 'object' && bound.port) || port;
      sendHelper(process, { act: 'listening', address, port: actual, addressType, key });
    });
    if (rawFd && typeof rawFd.fd === 'number') {
      // As listen({ fd }) does: the socket is bound already.
      listen2.call(server, null, null, null, backlog, rawFd.fd, flags);
      return;
    }
    server._handle = stubHandle(key, reply.sockname);
    listen2.call(server, address, port, addressType, backlog, undefined, flags);
  });
  return undefined;
};

// What a round-robin server holds instead of a listening socket.
function stubHandle(key, sockname) {
  return {
    close() {
      const entry = handles.get(key);
      if (entry) entry.server = null;
      handles.delete(key);
      sendHelper(process, { act: 'close', key });
    },
    getsockname(out) {
      Object.assign(out, sockname);
      return 0;
    },
    listen() { return 0; },
    ref() {},
    unref() {},
  };
}

// ---- leaving ---------------------------------------------------------------------------------

function disconnectWorker(fromPrimary) {
  worker.exitedAfterDisconnect = true;
  for (const { server } of Array.from(handles.values())) {
    if (server) server.close();
  }
  handles.clear();
  if (process.connected) process.disconnect();
  return fromPrimary;
}

Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    sendHelper(process, { act: 'exitedAfterDisconnect' }, undefined, () => disconnectWorker(false));
  }
  return this;
};

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!process.connected) {
    process.exit(0);
    return;
  }
  this.state = 'destroying';
  sendHelper(process, { act: 'exitedAfterDisconnect' }, undefined, () => process.disconnect());
  process.once('disconnect', () => process.exit(0));
};

module.exports = cluster;
