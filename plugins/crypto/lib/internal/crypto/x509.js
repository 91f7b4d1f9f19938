'use strict';
// X509Certificate over the binding's X509 objects; getters are computed once and cached.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
const { isArrayBufferView } = require('internal/crypto/util');
const keys = require('internal/crypto/keys');

const kHandle = Symbol('kHandle');
const kCache = Symbol('kCache');

const kCheckAlwaysSubject = 0x1;
const kCheckNoWildcards = 0x2;
const kCheckNoPartialWildcards = 0x4;
const kCheckMultiLabelWildcards = 0x8;
const kCheckSingleLabelSubdomains = 0x10;
const kCheckNeverSubject = 0x20;

function checkFlags(options) {
  if (options === undefined) return 0;
  validateObject(options, 'options');
  const {
    subject = 'default', wildcards = true, partialWildcards = true,
    multiLabelWildcards = false, singleLabelSubdomains = false,
  } = options;
  let flags = 0;
  if (subject === 'always') flags |= kCheckAlwaysSubject;
  else if (subject === 'never') flags |= kCheckNeverSubject;
  else if (subject !== 'default') throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  if (!wildcards) flags |= kCheckNoWildcards;
  if (!partialWildcards) flags |= kCheckNoPartialWildcards;
  if (multiLabelWildcards) flags |= kCheckMultiLabelWildcards;
  if (singleLabelSubdomains) flags |= kCheckSingleLabelSubdomains;
  return flags;
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    this[kHandle] = new binding.X509(buffer);
    this[kCache] = new Map();
  }

  cached(name, compute) {
    if (!this[kCache].has(name)) this[kCache].set(name, compute());
    return this[kCache].get(name);
  }

  get subject() { return this.cached('subject', () => this[kHandle].subject()); }
  get issuer() { return this.cached('issuer', () => this[kHandle].issuer()); }
  get subjectAltName() { return this.cached('san', () => this[kHandle].subjectAltName()); }
  get infoAccess() {
    return this.cached('infoAccess', () => {
      const v = this[kHandle].infoAccess();
      return v === undefined ? undefined : `${v.replace(/\n/g, '\n').trimEnd()}\n`;
    });
  }
  get validFrom() { return this.cached('validFrom', () => this[kHandle].validFrom()); }
  get validTo() { return this.cached('validTo', () => this[kHandle].validTo()); }
  get validFromDate() { return new Date(this[kHandle].validity()[0] * 1000); }
  get validToDate() { return new Date(this[kHandle].validity()[1] * 1000); }
  get fingerprint() { return this.cached('fp1', () => this[kHandle].fingerprint('sha1')); }
  get fingerprint256() { return this.cached('fp256', () => this[kHandle].fingerprint('sha256')); }
  get fingerprint512() { return this.cached('fp512', () => this[kHandle].fingerprint('sha512')); }
  get serialNumber() { return this.cached('serial', () => this[kHandle].serialNumber()); }
  get raw() { return this.cached('raw', () => this[kHandle].raw()); }
  get publicKey() { return this.cached('publicKey', () => keys.wrapHandle(this[kHandle].publicKey(), false)); }
  get ca() { return this.cached('ca', () => this[kHandle].isCA()); }
  get keyUsage() { return this.cached('keyUsage', () => this[kHandle].keyUsage()); }
  get issuerCertificate() { return undefined; }

  checkHost(name, options) {
    validateString(name, 'name');
    return this[kHandle].check(0, name, checkFlags(options));
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    return this[kHandle].check(1, email, checkFlags(options));
  }

  checkIP(ip) {
    validateString(ip, 'ip');
    return this[kHandle].check(2, ip, 0);
  }

  checkIssued(otherCert) {
    if (!(otherCert instanceof X509Certificate)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return this[kHandle].checkIssued(otherCert[kHandle]);
  }

  checkPrivateKey(pkey) {
    if (!(pkey instanceof keys.KeyObject)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    }
    const mine = this.publicKey.export({ type: 'spki', format: 'der' });
    return mine.equals(keys.createPublicKey(pkey).export({ type: 'spki', format: 'der' }));
  }

  verify(pkey) {
    if (!(pkey instanceof keys.KeyObject)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return this[kHandle].verify(pkey[keys.kHandle]);
  }

  toString() {
    return this.cached('pem', () => this[kHandle].pem());
  }

  toJSON() {
    return this.toString();
  }

  toLegacyObject() {
    return {
      subject: this.subject,
      issuer: this.issuer,
      subjectaltname: this.subjectAltName,
      infoAccess: this.infoAccess,
      valid_from: this.validFrom,
      valid_to: this.validTo,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      serialNumber: this.serialNumber,
      raw: this.raw,
    };
  }
}

module.exports = { X509Certificate };
