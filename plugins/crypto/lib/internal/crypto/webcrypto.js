'use strict';
// The Web Crypto API (globalThis.crypto): getRandomValues, randomUUID and SubtleCrypto.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const random = require('internal/crypto/random');
const subtleImpl = require('internal/crypto/subtle');

const kInternal = Symbol('kInternal');

class SubtleCrypto {
  constructor(token) {
    if (token !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}
for (const name of Object.keys(subtleImpl.methods)) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: subtleImpl.methods[name], writable: true, configurable: true, enumerable: true,
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

const subtle = new SubtleCrypto(kInternal);

class Crypto {
  constructor(token) {
    if (token !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });

const crypto = new Crypto(kInternal);
// The classes ride along (not enumerable) so globals and util.types can reach them from
// require('crypto').webcrypto.
for (const [name, value] of [['Crypto', Crypto], ['CryptoKey', subtleImpl.CryptoKey], ['SubtleCrypto', SubtleCrypto]]) {
  Object.defineProperty(crypto, name, { value, writable: true, configurable: true, enumerable: false });
}

module.exports = {
  Crypto,
  CryptoKey: subtleImpl.CryptoKey,
  SubtleCrypto,
  crypto,
  keyObjectOf: subtleImpl.keyObjectOf,
};
