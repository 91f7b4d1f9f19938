'use strict';
// TLSSocket (a net.Socket whose handle is a TLSHandle over a transport), tls.Server (a net.Server
// wrapping each connection) and tls.connect.

const net = require('net');
const { Buffer } = require('buffer');
const common = require('_tls_common');
const { TLSHandle, kError } = require('internal/tls/handle');
const { checkServerIdentity } = require('internal/tls/identity');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_SOCKET_CLOSED, ERR_TLS_INVALID_CONTEXT, ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_TLS_SNI_FROM_SERVER, ERR_TLS_REQUIRED_SERVER_NAME, ERR_MULTIPLE_CALLBACK,
  },
} = require('internal/errors');
const { validateObject, validateString, validateNumber, validateFunction, validateBuffer } =
  require('internal/validators');

const { Connection, state } = binding;
const kPendingWrites = Symbol('pendingWrites');
const kTLSBytesWritten = Symbol('tlsBytesWritten');
const kHandshakeTimer = Symbol('handshakeTimer');
const kErrorEmitted = Symbol('errorEmitted');
const kPendingSession = Symbol('pendingSession');

let warnedRejectUnauthorized = false;
function allowUnauthorized() {
  const allow = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allow && !warnedRejectUnauthorized) {
    warnedRejectUnauthorized = true;
    process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to \'0\' ' +
      'makes TLS connections and HTTPS requests insecure by disabling certificate verification.');
  }
  return allow;
}

function isDuplex(s) {
  return s !== null && typeof s === 'object' && typeof s.write === 'function' &&
    typeof s.on === 'function' && typeof s.pipe === 'function';
}

// ---- TLSSocket ------------------------------------------------------------------------------

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const options = { ...opts };
  if (options.secureContext !== undefined && !(options.secureContext instanceof common.SecureContext)) {
    throw new ERR_TLS_INVALID_CONTEXT('options.secureContext');
  }
  this._tlsOptions = options;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this.encrypted = true;
  this[kPendingWrites] = [];
  this[kTLSBytesWritten] = 0;
  this[kHandshakeTimer] = null;
  this[kErrorEmitted] = false;
  this[kPendingSession] = null;

  let transport = socket;
  const wrapNew = transport === undefined || transport === null;
  if (wrapNew) {
    transport = new net.Socket({ allowHalfOpen: true });
  } else if (!isDuplex(transport)) {
    throw new ERR_INVALID_ARG_TYPE('socket', ['net.Socket', 'stream.Duplex'], transport);
  }
  const context = options.secureContext || common.createSecureContext(options);
  this.ssl = null;
  const conn = new Connection(context.context, !!options.isServer);
  const handle = new TLSHandle(this, transport, conn);
  this.ssl = conn;

  net.Socket.call(this, {
    handle,
    allowHalfOpen: !!options.allowHalfOpen,
    manualStart: true,
    readable: true,
    writable: true,
  });
  this.server = options.server || null;
  this._parent = transport;
  this._rejectUnauthorized = options.rejectUnauthorized !== false;
  this._requestCert = options.isServer ? !!options.requestCert : true;

  this._init(conn, transport, options);
  this.connecting = !!transport.connecting || (wrapNew && !transport._handle);
  if (this.connecting) {
    transport.once('connect', () => this._onTransportConnect());
  } else {
    // Over a connected socket or any Duplex, the handshake starts at once (as in Node).
    process.nextTick(() => this._start());
  }
  transport.on('error', (err) => this._transportError(err));
  transport.on('close', () => {
    if (!this.destroyed && !this._secureEstablished) this._transportLost();
    else if (!this.destroyed) this.destroy();
  });
  // Keylog lines only when someone listens for them.
  this.on('newListener', function onNewListener(event) {
    if (event === 'keylog' && this.ssl && !this._tlsOptions.isServer) this.ssl.enableKeylog();
  });
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

TLSSocket.prototype._init = function(conn, transport, options) {
  if (options.isServer) {
    conn.setVerify(!!options.requestCert, options.rejectUnauthorized !== false);
    if (options.ALPNProtocols) conn.setALPN(options.ALPNProtocols);
    if (options.SNICallback) {
      this._SNICallback = options.SNICallback;
      conn.enableSNICallback();
    }
    const server = options.server;
    if (server && server.listenerCount('keylog') > 0) conn.enableKeylog();
  } else {
    if (options.ALPNProtocols) conn.setALPN(options.ALPNProtocols);
    if (options.servername) {
      this.servername = options.servername;
      conn.setServername(options.servername);
    }
    if (options.session) conn.setSession(toBuffer(options.session, 'options.session'));
  }
};

function toBuffer(value, name) {
  if (typeof value === 'string') return Buffer.from(value, 'latin1');
  if (!(value instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], value);
  return value;
}

TLSSocket.prototype._onTransportConnect = function() {
  if (this.destroyed) return;
  this.connecting = false;
  this.emit('connect');
  this._start();
};

// Begins the handshake: a client sends its hello now, a server waits for one.
TLSSocket.prototype._start = function() {
  const handle = this._handle;
  if (!handle || handle.attached || this.destroyed) return;
  handle.attach();
  if (!this._tlsOptions.isServer) handle.feed(undefined);
};

TLSSocket.prototype._onHandshakeDone = function() {
  this._clearHandshakeTimer();
  this._secureEstablished = true;
  this.secureConnecting = false;
  const conn = this.ssl;
  this.alpnProtocol = conn.getALPN();
  if (this._tlsOptions.isServer) {
    // As in Node, the name is known only to servers that route by it (SNICallback, addContext).
    this.servername = this._SNICallback ? conn.getServername() : false;
    const verifyError = this._requestCert ? conn.verifyError() : null;
    if (verifyError) {
      this.authorizationError = verifyError[0];
      if (this._rejectUnauthorized) {
        this.destroy();
        return;
      }
    } else if (this._requestCert) {
      this.authorized = true;
    }
    this._controlReleased = true;
    this.emit('secure');
    if (this.server) this.server.emit('secureConnection', this);
  } else {
    const options = this._tlsOptions;
    let verifyError = conn.verifyError();
    if (verifyError) {
      const e = new Error(verifyError[1]);
      e.code = verifyError[0];
      verifyError = e;
    } else if (!conn.isSessionReused()) {
      const hostname = options.servername || options.host ||
        (options.socket && options.socket._host) || 'localhost';
      const check = options.checkServerIdentity || checkServerIdentity;
      verifyError = check(hostname, this.getPeerCertificate(true));
    }
    if (verifyError) {
      this.authorized = false;
      this.authorizationError = verifyError.code || verifyError.message;
      if (options.rejectUnauthorized !== false) {
        this.destroy(verifyError);
        return;
      }
    } else {
      this.authorized = true;
    }
    this._controlReleased = true;
    this.emit('secure');
    this.emit('secureConnect');
    if (this[kPendingSession] !== null) {
      const session = this[kPendingSession];
      this[kPendingSession] = null;
      this.emit('session', session);
    }
  }
  this._flushPendingWrites();
  // Reading starts now, as a net.Socket's does on connect: EOF is seen even with no reader.
  if (!this.destroyed && this._handle !== null && !this._handle.reading && this.readable) {
    this.read(0);
  }
};

TLSSocket.prototype._onSession = function(session) {
  if (session === undefined) return;
  // TLS 1.2 offers the session during the handshake: 'session' follows 'secureConnect'.
  if (!this._secureEstablished) this[kPendingSession] = session;
  else this.emit('session', session);
};

TLSSocket.prototype._onKeylog = function(lines) {
  for (const line of lines) {
    if (this._tlsOptions.isServer) {
      if (this.server) this.server.emit('keylog', line, this);
    } else {
      this.emit('keylog', line);
    }
  }
};

TLSSocket.prototype._onSNI = function() {
  const servername = this.ssl.getServername();
  const done = (err, context) => {
    if (this.destroyed || this._handle === null) return;
    if (err) {
      this._tlsError(err);
      return;
    }
    if (context !== undefined && context !== null && !(context instanceof common.SecureContext)) {
      context = common.createSecureContext(context);
    }
    this.ssl.setContext(context ? context.context : undefined);
    this._handle.feed(undefined);
  };
  let called = false;
  this._SNICallback(servername || '', (err, context) => {
    if (called) {
      this._tlsError(new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    done(err, context);
  });
};

// A failure of the TLS layer (handshake or record): servers report it as 'tlsClientError'.
TLSSocket.prototype._tlsError = function(err) {
  if (this.destroyed) return;
  if (this._tlsOptions.isServer && !this._controlReleased) {
    if (!this[kErrorEmitted]) {
      this[kErrorEmitted] = true;
      if (this.server) this.server.emit('tlsClientError', err, this);
    }
    this.destroy();
    return;
  }
  this.destroy(err);
};

TLSSocket.prototype._transportError = function(err) {
  if (this.destroyed) return;
  if (this._tlsOptions.isServer && !this._controlReleased) {
    this._tlsError(err);
    return;
  }
  this.destroy(err);
};

// The transport ended or closed before the handshake finished.
TLSSocket.prototype._transportLost = function() {
  if (this.destroyed) return;
  const err = new Error('Client network socket disconnected before secure TLS connection was established');
  err.code = 'ECONNRESET';
  // Node's fields: where the client was connecting to.
  err.path = this._tlsOptions.path;
  err.host = this._tlsOptions.host;
  err.port = this._tlsOptions.port;
  err.localAddress = this._tlsOptions.localAddress;
  this._tlsError(err);
};

TLSSocket.prototype._clearHandshakeTimer = function() {
  if (this[kHandshakeTimer] !== null) {
    clearTimeout(this[kHandshakeTimer]);
    this[kHandshakeTimer] = null;
  }
};

TLSSocket.prototype._flushPendingWrites = function() {
  const pending = this[kPendingWrites];
  this[kPendingWrites] = [];
  for (const w of pending) this._writeGeneric(w.writev, w.data, w.encoding, w.cb);
};

TLSSocket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (!this._secureEstablished) {
    this[kPendingWrites].push({ writev, data, encoding, cb });
    return;
  }
  const handle = this._handle;
  if (!handle) {
    cb(new ERR_SOCKET_CLOSED());
    return;
  }
  let payload;
  let bytes = 0;
  if (writev) {
    payload = new Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const { chunk, encoding: enc } = data[i];
      payload[i] = typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk;
      bytes += payload[i].length;
    }
  } else if (typeof data !== 'string') {
    payload = data;
    bytes = data.length;
  } else if (encoding === 'latin1' || encoding === 'binary') {
    payload = data;  // encoded natively
    bytes = data.length;
  } else if (!encoding || encoding === 'utf8' || encoding === 'utf-8') {
    payload = data;
    bytes = Buffer.byteLength(data);
  } else {
    payload = Buffer.from(data, encoding);
    bytes = payload.length;
  }
  const out = handle.conn.write(payload, encoding === 'latin1' || encoding === 'binary');
  if ((state[0] & kError) !== 0) {
    cb(handle.conn.takeError());
    return;
  }
  this[kTLSBytesWritten] += bytes;
  this._unrefTimer();
  if (out === undefined) cb();
  else handle.send(out, cb);
};

TLSSocket.prototype._final = function(cb) {
  if (!this._secureEstablished && !this.destroyed) {
    this.once('secure', () => this._final(cb));
    return;
  }
  const handle = this._handle;
  if (!handle) {
    cb();
    return;
  }
  handle.conn.shutdown();
  handle.flush();
  if (!handle.transport.writableEnded) handle.transport.end();
  cb();
};

TLSSocket.prototype._destroy = function(err, cb) {
  this._clearHandshakeTimer();
  const pending = this[kPendingWrites];
  this[kPendingWrites] = [];
  for (const w of pending) w.cb(err || new ERR_SOCKET_CLOSED());
  return net.Socket.prototype._destroy.call(this, err, cb);
};

Object.defineProperty(TLSSocket.prototype, 'bytesWritten', {
  configurable: true,
  get() { return this[kTLSBytesWritten] + this.writableLength; },
});

TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
  this.ssl.setServername(name);
};

// Node's certificate objects have null-prototype subject and issuer.
function legacyCert(cert) {
  for (let c = cert, seen = new Set(); c && !seen.has(c); c = c.issuerCertificate) {
    seen.add(c);
    Object.setPrototypeOf(c.subject, null);
    Object.setPrototypeOf(c.issuer, null);
  }
  return cert;
}

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  if (!this.ssl || this._handle === null) return null;
  return legacyCert(this.ssl.getPeerCertificate(!!detailed)) || {};
};

TLSSocket.prototype.getCertificate = function() {
  if (!this.ssl || this._handle === null) return null;
  return legacyCert(this.ssl.getCertificate()) || {};
};

TLSSocket.prototype.getPeerX509Certificate = function() {
  const cert = this.getPeerCertificate();
  if (!cert || !cert.raw) return undefined;
  const { X509Certificate } = require('crypto');
  return new X509Certificate(cert.raw);
};

TLSSocket.prototype.getX509Certificate = function() {
  const cert = this.getCertificate();
  if (!cert || !cert.raw) return undefined;
  const { X509Certificate } = require('crypto');
  return new X509Certificate(cert.raw);
};

function whenOpen(name, fallback) {
  TLSSocket.prototype[name] = function(...args) {
    if (!this.ssl || this._handle === null) return fallback;
    return this.ssl[name](...args);
  };
}
whenOpen('getCipher', null);
whenOpen('getSession', undefined);
whenOpen('isSessionReused', false);
whenOpen('getTLSTicket', undefined);

TLSSocket.prototype.getProtocol = function() {
  if (!this.ssl || this._handle === null) return null;
  return this.ssl.getProtocol();
};

TLSSocket.prototype.setSession = function(session) {
  this.ssl.setSession(toBuffer(session, 'session'));
};

TLSSocket.prototype.exportKeyingMaterial = function(length, label, context) {
  validateNumber(length, 'length');
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw new (require('internal/errors').codes.ERR_TLS_INVALID_STATE)();
  return this.ssl.exportKeyingMaterial(length, label, context);
};

TLSSocket.prototype.getEphemeralKeyInfo = function() { return {}; };
TLSSocket.prototype.getFinished = function() { return undefined; };
TLSSocket.prototype.getPeerFinished = function() { return undefined; };
TLSSocket.prototype.getSharedSigalgs = function() { return []; };
TLSSocket.prototype.setMaxSendFragment = function() { return true; };
TLSSocket.prototype.disableRenegotiation = function() {};
TLSSocket.prototype.enableTrace = function() {};
TLSSocket.prototype.renegotiate = function(options, callback) {
  if (typeof callback === 'function') {
    const err = new Error('TLS renegotiation is not supported');
    err.code = 'ERR_TLS_RENEGOTIATION_DISABLED';
    process.nextTick(callback, err);
  }
  return false;
};

// ---- tls.Server ----------------------------------------------------------------------------

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  if (options.handshakeTimeout !== undefined) validateNumber(options.handshakeTimeout, 'options.handshakeTimeout');
  this.handshakeTimeout = options.handshakeTimeout || (120 * 1000);
  if (options.SNICallback !== undefined) validateFunction(options.SNICallback, 'options.SNICallback');
  this._SNICallback = options.SNICallback;
  this.ALPNProtocols = undefined;
  const alpn = {};
  common.convertALPNProtocols(options.ALPNProtocols, alpn);
  this.ALPNProtocols = alpn.ALPNProtocols;
  this.setSecureContext(options);
  net.Server.call(this, options, tlsConnectionListener);
  if (typeof listener === 'function') this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setSecureContext = function(options) {
  validateObject(options, 'options');
  this._sharedCreds = common.createSecureContext(options);
  this._options = options;
};

Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const pattern = servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replace(/\*/g, '[^.]*');
  const re = new RegExp(`^${pattern}$`, 'i');
  const secureContext = context instanceof common.SecureContext ? context :
    common.createSecureContext(context);
  this._contexts.push([re, secureContext]);
};

// The default SNICallback: the last added context whose name pattern matches.
function defaultSNICallback(servername, cb) {
  let ctx;
  for (const [re, context] of this._contexts) {
    if (re.test(servername)) ctx = context;
  }
  cb(null, ctx);
}

Server.prototype.getTicketKeys = function() {
  return this._sharedCreds.context.getTicketKeys();
};

Server.prototype.setTicketKeys = function(keys) {
  validateBuffer(keys, 'keys');
  common.validateTicketKeys(keys);
  this._sharedCreds.context.setTicketKeys(keys);
};

function tlsConnectionListener(rawSocket) {
  const options = this._options;
  let sni = this._SNICallback;
  if (!sni && this._contexts.length > 0) sni = defaultSNICallback.bind(this);
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    ALPNProtocols: this.ALPNProtocols,
    SNICallback: sni,
    allowHalfOpen: options.allowHalfOpen,
  });
  // As in Node, a server's sockets always have an 'error' listener: errors before
  // 'secureConnection' go to 'tlsClientError', later ones to the user's listeners if any.
  socket.on('error', onServerSocketError);
  if (this.handshakeTimeout > 0) {
    const timer = setTimeout(() => {
      socket[kHandshakeTimer] = null;
      socket._tlsError(new ERR_TLS_HANDSHAKE_TIMEOUT());
    }, this.handshakeTimeout);
    if (timer.unref) timer.unref();
    socket[kHandshakeTimer] = timer;
  }
  socket._start();
}

function onServerSocketError(err) {
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    if (this.server) this.server.emit('tlsClientError', err, this);
  }
}

// ---- tls.connect --------------------------------------------------------------------------

function normalizeConnectArgs(listArgs) {
  const args = net._normalizeArgs(listArgs);
  const options = args[0];
  const cb = args[1];
  if (listArgs[1] !== null && typeof listArgs[1] === 'object') Object.assign(options, listArgs[1]);
  else if (listArgs[2] !== null && typeof listArgs[2] === 'object') Object.assign(options, listArgs[2]);
  return cb ? [options, cb] : [options];
}

function connect(...args) {
  args = normalizeConnectArgs(args);
  let options = args[0];
  const cb = args[1];
  options = {
    rejectUnauthorized: !allowUnauthorized(),
    ciphers: common.defaults.DEFAULT_CIPHERS,
    checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (!options.keepAlive) options.singleUse = true;
  if (options.checkServerIdentity !== undefined) validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  const context = options.secureContext || common.createSecureContext(options);
  const alpn = {};
  common.convertALPNProtocols(options.ALPNProtocols, alpn);
  let servername = options.servername;
  if (servername === undefined) {
    const host = options.host || 'localhost';
    servername = net.isIP(host) ? '' : host;
  }
  validateString(servername, 'options.servername');
  const tlssock = new TLSSocket(options.socket, {
    ...options,
    secureContext: context,
    isServer: false,
    servername: servername || undefined,
    ALPNProtocols: alpn.ALPNProtocols,
    requestCert: true,
  });
  if (cb) tlssock.once('secureConnect', cb);
  if (!options.socket) {
    const connectOptions = {
      path: options.path,
      port: options.port,
      host: options.host,
      family: options.family,
      localAddress: options.localAddress,
      localPort: options.localPort,
      lookup: options.lookup,
      hints: options.hints,
      autoSelectFamily: options.autoSelectFamily,
      autoSelectFamilyAttemptTimeout: options.autoSelectFamilyAttemptTimeout,
    };
    if (options.timeout) tlssock.setTimeout(options.timeout);
    tlssock.connecting = true;
    tlssock._parent.connect(connectOptions);
  }
  return tlssock;
}

module.exports = { TLSSocket, Server, connect, normalizeConnectArgs };
