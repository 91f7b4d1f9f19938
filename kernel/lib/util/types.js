'use strict';

const types = require('internal/util/types');

const exported = { ...types };
delete exported.typedArrayTag;

// KeyObject and CryptoKey live in the crypto plugin: ask it only when it is there.
function cryptoCheck(name) {
  // Named `value` like Node's (they come from property descriptors there).
  return { value(obj) {
    if (obj == null || typeof obj !== 'object') return false;
    let crypto;
    try {
      crypto = require('crypto');
    } catch {
      return false;
    }
    const ctor = name === 'isKeyObject' ? crypto.KeyObject : crypto.webcrypto && crypto.webcrypto.CryptoKey;
    return typeof ctor === 'function' && obj instanceof ctor;
  } }.value;
}

exported.isKeyObject = cryptoCheck('isKeyObject');
exported.isCryptoKey = cryptoCheck('isCryptoKey');

module.exports = exported;
