'use strict';
// The primary's side of cluster: forking workers, their lifecycle events, and the servers workers
// share. In round-robin mode (SCHED_RR, the default) the primary listens and hands each accepted
// connection to the next worker; in shared-handle mode (SCHED_NONE) it gives every worker the
// listening socket and the kernel spreads the connections.
const EventEmitter = require('events');
const { fork, _RawFd: RawFd } = require('child_process');
const { Worker } = require('internal/cluster/worker');
const { sendHelper, internal, reply } = require('internal/cluster/messages');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
const intercom = new EventEmitter();
const handles = new Map();
let ids = 0;
let initialized = false;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

const policyFromEnv = process.env.NODE_CLUSTER_SCHED_POLICY;
cluster.schedulingPolicy = policyFromEnv === 'none' ? SCHED_NONE
  : policyFromEnv === 'rr' ? SCHED_RR : SCHED_RR;

let net;
function getNet() {
  if (net === undefined) net = require('net');
  return net;
}

// ---- shared servers -------------------------------------------------------------------------

// One listening server per (address, port, addressType), created on the first worker's request.
class SharedServer {
  constructor(key, { address, port, addressType }, policy) {
    this.key = key;
    this.policy = policy;
    this.workers = new Map();
    this.pending = [];
    this.errno = 0;
    this.sockname = null;
    this.fd = -1;
    this.next = 0;
    this.server = getNet().createServer({ pauseOnConnect: true });
    this.server.on('connection', (socket) => this.distribute(socket));
    this.server.once('error', (err) => {
      this.errno = err.errno || -22;
      this.flush();
    });
    this.server.once('listening', () => {
      this.sockname = this.server.address();
      if (policy === SCHED_NONE) {
        // The primary keeps a duplicate of the socket to hand out and stops accepting itself.
        this.fd = internalDup(this.server._handle.getFd());
        this.server.close();
        this.server = null;
      }
      this.flush();
    });
    const options = { port, exclusive: true };
    if (address) options.host = address;
    this.server.listen(options);
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    this.pending.push(send);
    if (this.errno || this.sockname) this.flush();
  }

  flush() {
    for (const send of this.pending.splice(0)) {
      if (this.errno) send(this.errno, null, null);
      else send(0, this.sockname, this.policy === SCHED_NONE ? new RawFd(this.fd) : null);
    }
  }

  // Returns true when no worker uses the server any more (it is then closed).
  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.server) this.server.close();
    this.server = null;
    if (this.fd >= 0) binding.close(this.fd);
    this.fd = -1;
    return true;
  }

  distribute(socket) {
    const list = Array.from(this.workers.values()).filter((w) => w.isConnected());
    if (list.length === 0) {
      socket.destroy();
      return;
    }
    const worker = list[this.next++ % list.length];
    const fd = socket._handle && socket._handle.getFd ? socket._handle.getFd() : -1;
    if (fd < 0) {
      socket.destroy();
      return;
    }
    // The worker gets its own copy of the descriptor; the primary's goes once it travelled.
    worker.process.send({ cmd: 'NODE_CLUSTER', act: 'newconn', key: this.key }, new RawFd(fd),
      undefined, () => socket.destroy());
  }
}

function internalDup(fd) {
  const out = binding.dup(fd);
  return out < 0 ? -1 : out;
}

function removeHandlesForWorker(worker) {
  for (const [key, shared] of handles) {
    if (shared.remove(worker)) handles.delete(key);
  }
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
}

// ---- the primary's API ----------------------------------------------------------------------

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (initialized) {
    process.nextTick(() => cluster.emit('setup', settings));
    return;
  }
  initialized = true;
  const policy = cluster.schedulingPolicy;
  if (policy !== SCHED_NONE && policy !== SCHED_RR) {
    throw new Error(`Bad cluster.schedulingPolicy: ${policy}`);
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

cluster.fork = function forkWorker(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const settings = cluster.settings;
  const child = fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    execArgv: settings.execArgv,
    execPath: settings.execPath,
    gid: settings.gid,
    serialization: settings.serialization,
    silent: settings.silent,
    stdio: settings.stdio,
    uid: settings.uid,
    windowsHide: settings.windowsHide,
  });
  const worker = new Worker({ id, process: child });

  worker.on('message', function onMessage(message, handle) {
    cluster.emit('message', this, message, handle);
  });
  child.once('exit', (exitCode, signalCode) => {
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    if (worker.state !== 'disconnected') removeHandlesForWorker(worker);
    removeWorker(worker);
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });
  child.once('disconnect', () => {
    worker.state = 'disconnected';
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  child.on('internalMessage', internal(worker, onWorkerMessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[id] = worker;
  return worker;
};

cluster.disconnect = function disconnect(callback) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) process.nextTick(() => intercom.emit('disconnect'));
  else for (const worker of workers) if (worker.isConnected()) worker.disconnect();
  if (typeof callback === 'function') intercom.once('disconnect', callback);
};

Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  sendHelper(this.process, { act: 'disconnect' });
  removeHandlesForWorker(this);
  return this;
};

// kill(): the channel closes first, then the signal goes (exitedAfterDisconnect stays false, as
// in Node: the worker did not leave on request).
Worker.prototype.destroy = function destroy(signal = 'SIGTERM') {
  removeHandlesForWorker(this);
  if (this.isConnected()) {
    this.process.once('disconnect', () => this.process.kill(signal));
    this.process.disconnect();
  } else {
    this.process.kill(signal);
  }
};

// ---- requests from workers ------------------------------------------------------------------

function onWorkerMessage(message, handle, worker) {
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer':
      queryServer(worker, message);
      break;
    case 'listening': {
      const info = {
        addressType: message.addressType,
        address: message.address,
        port: message.port,
        fd: message.fd,
      };
      worker.state = 'listening';
      worker.emit('listening', info);
      cluster.emit('listening', worker, info);
      break;
    }
    case 'close': {
      const shared = handles.get(message.key);
      if (shared && shared.remove(worker)) handles.delete(message.key);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      reply(worker.process, message, {});
      break;
    default:
      break;
  }
}

function queryServer(worker, message) {
  if (worker.exitedAfterDisconnect) return;
  const { key, address, port, addressType } = message;
  let shared = handles.get(key);
  if (shared === undefined) {
    // A port of 0 in round-robin mode still means one port for all workers (as in Node);
    // shared-handle mode also shares the one socket.
    shared = new SharedServer(key, { address, port, addressType }, cluster.schedulingPolicy);
    handles.set(key, shared);
  }
  shared.add(worker, (errno, sockname, rawFd) => {
    if (errno) handles.delete(key);
    reply(worker.process, message, { errno, sockname }, rawFd || undefined);
  });
}

module.exports = cluster;
