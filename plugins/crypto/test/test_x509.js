'use strict';
// X509Certificate on a self-signed certificate made by `openssl req -x509` (fixtures/cert.pem):
// every getter equal to Node 20's, host/IP/email checks, signature and key checks, DER input.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const pem = fs.readFileSync(path.join(__dirname, 'fixtures', 'cert.pem'));
const x = new crypto.X509Certificate(pem);
const node20 = {"subject":"C=US\nST=California\nO=Nodus Test\nCN=nodus.test","san":"DNS:nodus.test, DNS:*.nodus.test, IP Address:127.0.0.1, email:ops@nodus.test","from":"Nov 27 06:54:41 2026 GMT","to":"Nov 24 06:54:41 2036 GMT","fp":"DA:44:17:E8:8E:F5:EB:7F:B9:0C:04:C1:9F:13:C3:E3:A3:DA:8F:0A","fp256":"F9:57:B8:68:EA:21:84:85:25:34:CC:E7:B1:EE:74:6B:59:23:47:44:22:CA:A3:B3:71:E4:E5:97:74:43:E6:67","serial":"7E203C56355510372BAA5841534D97BAF07A1E6A"};

assert.strictEqual(x.subject, node20.subject);
assert.strictEqual(x.issuer, node20.subject);
assert.strictEqual(x.subjectAltName, node20.san);
assert.strictEqual(x.validFrom, node20.from);
assert.strictEqual(x.validTo, node20.to);
assert.strictEqual(x.fingerprint, node20.fp);
assert.strictEqual(x.fingerprint256, node20.fp256);
assert.strictEqual(x.serialNumber, node20.serial);
assert.strictEqual(x.infoAccess, undefined);
assert.strictEqual(x.ca, true);
assert.deepStrictEqual(x.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
assert.strictEqual(x.toString(), pem.toString());
assert.strictEqual(x.toJSON(), pem.toString());

assert.strictEqual(x.checkHost('nodus.test'), 'nodus.test');
assert.strictEqual(x.checkHost('api.nodus.test'), '*.nodus.test');
assert.strictEqual(x.checkHost('api.nodus.test', { wildcards: false }), undefined);
assert.strictEqual(x.checkHost('other.test'), undefined);
assert.strictEqual(x.checkIP('127.0.0.1'), '127.0.0.1');
assert.strictEqual(x.checkIP('10.0.0.1'), undefined);
assert.strictEqual(x.checkEmail('ops@nodus.test'), 'ops@nodus.test');

assert.strictEqual(x.publicKey.asymmetricKeyType, 'rsa');
assert.strictEqual(x.verify(x.publicKey), true);
assert.strictEqual(x.verify(crypto.generateKeyPairSync('ed25519').publicKey), false);
assert.strictEqual(x.checkIssued(x), true);
assert.strictEqual(x.checkPrivateKey(crypto.createPrivateKey(fs.readFileSync(path.join(__dirname, 'fixtures', 'cert_key.pem')))), true);
assert.strictEqual(x.checkPrivateKey(crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey), false);
// The certificate's key reads the same through createPublicKey.
assert.ok(crypto.createPublicKey(pem).equals(x.publicKey));

const der = new crypto.X509Certificate(x.raw);
assert.strictEqual(der.fingerprint256, x.fingerprint256);
assert.throws(() => new crypto.X509Certificate(Buffer.from('not a certificate')));
assert.throws(() => new crypto.X509Certificate(42), { code: 'ERR_INVALID_ARG_TYPE' });
