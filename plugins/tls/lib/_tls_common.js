'use strict';
// SecureContext and createSecureContext: options validated here, applied by the binding's
// SecureContext (one SSL_CTX). Also the TLS error codes the kernel does not declare.

const { Buffer } = require('buffer');
const errors = require('internal/errors');
const { validateObject, validateString, validateNumber } = require('internal/validators');

const { E, codes } = errors;
function declare(code, message, Base) {
  if (codes[code] === undefined) E(code, message, Base);
}
declare('ERR_TLS_CERT_ALTNAME_INVALID', function(reason, host, cert) {
  this.reason = reason;
  this.host = host;
  this.cert = cert;
  return `Hostname/IP does not match certificate's altnames: ${reason}`;
}, Error);
declare('ERR_TLS_INVALID_PROTOCOL_VERSION', '%j is not a valid %s TLS protocol version', TypeError);
declare('ERR_TLS_PROTOCOL_VERSION_CONFLICT', 'TLS protocol version %j conflicts with secureProtocol %j', TypeError);
declare('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
declare('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
declare('ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established', Error);
declare('ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket', Error);
declare('ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext', Error);
declare('ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected', Error);

const { ERR_INVALID_ARG_TYPE, ERR_TLS_INVALID_PROTOCOL_VERSION, ERR_INVALID_ARG_VALUE } = codes;

const DEFAULT_CIPHERS = [
  'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-GCM-SHA384', 'DHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-SHA256',
  'DHE-RSA-AES128-SHA256', 'ECDHE-RSA-AES256-SHA384', 'DHE-RSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA256', 'DHE-RSA-AES256-SHA256', 'HIGH', '!aNULL', '!eNULL', '!EXPORT',
  '!DES', '!RC4', '!MD5', '!PSK', '!SRP', '!CAMELLIA',
].join(':');

// OpenSSL's protocol numbers.
const kVersions = { 'TLSv1': 0x301, 'TLSv1.1': 0x302, 'TLSv1.2': 0x303, 'TLSv1.3': 0x304 };
const kSecureProtocols = {
  TLS_method: [0, 0], TLS_client_method: [0, 0], TLS_server_method: [0, 0],
  SSLv23_method: [0, 0], SSLv23_client_method: [0, 0], SSLv23_server_method: [0, 0],
  TLSv1_method: [0x301, 0x301], TLSv1_1_method: [0x302, 0x302], TLSv1_2_method: [0x303, 0x303],
  TLSv1_client_method: [0x301, 0x301], TLSv1_1_client_method: [0x302, 0x302],
  TLSv1_2_client_method: [0x303, 0x303], TLSv1_server_method: [0x301, 0x301],
  TLSv1_1_server_method: [0x302, 0x302], TLSv1_2_server_method: [0x303, 0x303],
};

const defaults = {
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
};

function toVersion(value, which) {
  if (value === undefined) return undefined;
  validateString(value, `options.${which}Version`);
  const v = kVersions[value];
  if (v === undefined) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(value, which === 'min' ? 'minimum' : 'maximum');
  return v;
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  this.context = new binding.SecureContext();
  let min = toVersion(minVersion, 'min');
  let max = toVersion(maxVersion, 'max');
  if (secureProtocol !== undefined) {
    validateString(secureProtocol, 'options.secureProtocol');
    const range = kSecureProtocols[secureProtocol];
    if (range === undefined) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(secureProtocol, 'secure');
    if (range[0] !== 0) {
      if (minVersion !== undefined || maxVersion !== undefined) {
        throw new codes.ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion || maxVersion, secureProtocol);
      }
      [min, max] = range;
    }
  }
  if (secureOptions !== undefined && secureOptions !== 0) {
    validateNumber(secureOptions, 'options.secureOptions');
    this.context.setOptions(secureOptions);
  }
  this.context.setProtoRange(min ?? kVersions[defaults.DEFAULT_MIN_VERSION],
                             max ?? kVersions[defaults.DEFAULT_MAX_VERSION]);
}

function isBytes(v) {
  return typeof v === 'string' || v instanceof Uint8Array || v instanceof ArrayBuffer;
}

function validateKeyOrCert(name, value) {
  if (!isBytes(value)) {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

function forEachValue(value, fn) {
  if (Array.isArray(value)) value.forEach(fn);
  else fn(value);
}

function createSecureContext(options) {
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  const { ca, cert, key, pfx, passphrase, ciphers, ecdhCurve, dhparam, sessionIdContext,
    sessionTimeout, ticketKeys } = options;
  const c = new SecureContext(options.secureProtocol, options.secureOptions, options.minVersion,
                              options.maxVersion);
  const ctx = c.context;
  if (ca !== undefined && ca !== null) {
    forEachValue(ca, (v) => {
      validateKeyOrCert('ca', v);
      ctx.addCACert(v);
    });
  } else {
    ctx.addRootCerts();
  }
  if (cert !== undefined && cert !== null) {
    forEachValue(cert, (v) => {
      validateKeyOrCert('cert', v);
      ctx.setCert(v);
    });
  }
  if (key !== undefined && key !== null) {
    forEachValue(key, (v) => {
      const pem = v !== null && typeof v === 'object' && !isBytes(v) ? v.pem : v;
      const pass = v !== null && typeof v === 'object' && !isBytes(v) && v.passphrase !== undefined ?
        v.passphrase : passphrase;
      validateKeyOrCert('key', pem);
      ctx.setKey(pem, pass);
    });
  }
  if (pfx !== undefined && pfx !== null) {
    forEachValue(pfx, (v) => {
      const buf = v !== null && typeof v === 'object' && !isBytes(v) ? v.buf : v;
      const pass = v !== null && typeof v === 'object' && !isBytes(v) && v.passphrase !== undefined ?
        v.passphrase : passphrase;
      ctx.loadPKCS12(typeof buf === 'string' ? Buffer.from(buf) : buf, pass);
    });
  }
  const cipherText = ciphers === undefined ? defaults.DEFAULT_CIPHERS : ciphers;
  validateString(cipherText, 'options.ciphers');
  const parts = cipherText.split(':');
  const suites = parts.filter((p) => p.startsWith('TLS_')).join(':');
  const list = parts.filter((p) => !p.startsWith('TLS_')).join(':');
  if (suites === '' && list === '') throw new ERR_INVALID_ARG_VALUE('options.ciphers', ciphers);
  // A list naming only TLS 1.3 suites (or only TLS 1.2 ciphers) turns the other kind off.
  ctx.setCiphers(list === '' ? undefined : list, suites);
  const curve = ecdhCurve === undefined ? defaults.DEFAULT_ECDH_CURVE : ecdhCurve;
  validateString(curve, 'options.ecdhCurve');
  ctx.setEcdhCurve(curve);
  if (dhparam !== undefined && dhparam !== null && dhparam !== 'auto') ctx.setDHParam(dhparam);
  if (sessionIdContext !== undefined) {
    validateString(sessionIdContext, 'options.sessionIdContext');
    ctx.setSessionIdContext(sessionIdContext);
  }
  if (sessionTimeout !== undefined) {
    validateNumber(sessionTimeout, 'options.sessionTimeout');
    ctx.setSessionTimeout(sessionTimeout);
  }
  if (ticketKeys !== undefined) {
    validateTicketKeys(ticketKeys);
    ctx.setTicketKeys(ticketKeys);
  }
  return c;
}

function validateTicketKeys(keys) {
  if (!(keys instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('options.ticketKeys', 'Buffer', keys);
  if (keys.length !== 48) throw new ERR_INVALID_ARG_VALUE('options.ticketKeys', keys, 'must be exactly 48 bytes');
}

// ['h2', 'http/1.1'] (or a Buffer already in wire format) to the ALPN wire format.
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (const p of protocols) {
      const b = Buffer.from(p);
      if (b.length > 255) throw new ERR_INVALID_ARG_VALUE('ALPNProtocols', protocols, 'contains a protocol longer than 255 bytes');
      parts.push(Buffer.from([b.length]), b);
    }
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (protocols instanceof Uint8Array) {
    out.ALPNProtocols = Buffer.from(protocols);
  }
}

module.exports = {
  validateTicketKeys,
  SecureContext,
  createSecureContext,
  convertALPNProtocols,
  defaults,
  kVersions,
};
