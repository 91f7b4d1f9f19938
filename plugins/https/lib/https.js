'use strict';
// Node's https module: http's server and client code (the http plugin) over tls sockets (the tls
// plugin). https.Server is a tls.Server whose 'secureConnection' feeds http's connection
// listener; https.Agent is an http Agent that connects with tls.connect and keeps one TLS
// session per origin so later connections resume it.

const tls = require('tls');
const { URL, urlToHttpOptions } = require('url');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { Server: HttpServer, storeHTTPOptions, setupConnectionsTracking, _connectionListener } =
  require('_http_server');
const { validateObject } = require('internal/validators');

// ---- Server -------------------------------------------------------------------------------

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts === undefined || opts === null) {
    opts = {};
  } else {
    validateObject(opts, 'options');
  }
  opts = { ...opts };
  if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
  storeHTTPOptions.call(this, opts);
  tls.Server.call(this, {
    noDelay: true,
    allowHalfOpen: true,
    ...opts,
  }, _connectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.on('request', requestListener);
  // A failed handshake is a client error, as for http's parse errors.
  this.on('tlsClientError', function onTlsClientError(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this.on('listening', setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

for (const method of ['close', 'closeAllConnections', 'closeIdleConnections', 'setTimeout']) {
  Server.prototype[method] = HttpServer.prototype[method];
}
if (typeof Symbol.asyncDispose === 'symbol' && HttpServer.prototype[Symbol.asyncDispose]) {
  Server.prototype[Symbol.asyncDispose] = HttpServer.prototype[Symbol.asyncDispose];
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

// ---- Agent --------------------------------------------------------------------------------

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: { __proto__: null }, list: [] };
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

Agent.prototype.createConnection = function createConnection(...args) {
  let options;
  if (args[0] !== null && typeof args[0] === 'object') {
    options = { ...args[0] };
  } else {
    options = { ...args[2], port: args[0], host: args[1] };
  }
  const key = options._agentKey;
  if (key) {
    const session = this._getSession(key);
    if (session) options = { session, ...options };
  }
  const socket = tls.connect(options);
  if (key) {
    socket.on('session', (session) => this._cacheSession(key, session));
    // A connection that failed drops its session: it may be the cause.
    socket.once('close', (hadError) => {
      if (hadError) this._evictSession(key);
    });
  }
  return socket;
};

// The TLS options that make two connections to one origin incompatible are part of the name.
const kNameOptions = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
  'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve',
  'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine'];

Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  for (const field of kNameOptions) {
    name += ':';
    const value = options[field];
    if (value !== undefined && value !== null && !(field === 'servername' && value === options.host)) {
      name += field === 'rejectUnauthorized' ? String(value) : value;
    }
  }
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  const cache = this._sessionCache;
  if (cache.map[key] !== undefined) {
    cache.map[key] = session;
    return;
  }
  if (cache.list.length >= this.maxCachedSessions) {
    const oldest = cache.list.shift();
    delete cache.map[oldest];
  }
  cache.list.push(key);
  cache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const cache = this._sessionCache;
  const index = cache.list.indexOf(key);
  if (index === -1) return;
  cache.list.splice(index, 1);
  delete cache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ---- request / get ------------------------------------------------------------------------

function isURL(value) {
  return value !== null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string' && value.auth === undefined && value.path === undefined;
}

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') {
    options = urlToHttpOptions(new URL(args.shift()));
  } else if (isURL(args[0])) {
    options = urlToHttpOptions(args.shift());
  }
  if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
  options._defaultAgent = module.exports.globalAgent;
  return new ClientRequest(options, ...args);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
