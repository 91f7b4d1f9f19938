'use strict';
// tls.checkServerIdentity: does the certificate name the host? DNS names in subjectAltName win
// over the subject's CN; a wildcard covers exactly one left-most label (not IDNA labels and not a
// bare second-level domain); an IP address must be listed as one.

const { isIP } = require('net');
const { codes: { ERR_TLS_CERT_ALTNAME_INVALID } } = require('internal/errors');

function hostLabels(name) {
  return String(name).toLowerCase().replace(/\.$/, '').split('.');
}

// Only printable ASCII is allowed in a pattern.
function hasBadChar(label) {
  return /[^\u0021-\u007F]/u.test(label);
}

function matches(hostParts, pattern, wildcards) {
  if (!pattern) return false;
  const patternParts = hostLabels(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (patternParts.includes('') || patternParts.some(hasBadChar)) return false;
  for (let i = hostParts.length - 1; i > 0; i--) {
    if (hostParts[i] !== patternParts[i]) return false;
  }
  const host = hostParts[0];
  const first = patternParts[0];
  const pieces = first.split('*');
  if (pieces.length === 1 || first.includes('xn--')) return host === first;
  if (!wildcards || pieces.length > 2 || patternParts.length <= 2) return false;
  const [prefix, suffix] = pieces;
  return prefix.length + suffix.length <= host.length && host.startsWith(prefix) &&
    host.endsWith(suffix);
}

// IPv6 text in one canonical form so '::1' and '0:0:0:0:0:0:0:1' compare equal.
function canonicalIP(ip) {
  if (isIP(ip) !== 6) return ip;
  let [head, tail] = ip.toLowerCase().split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail !== undefined && tail !== '' ? tail.split(':') : [];
  let groups = headParts;
  if (tail !== undefined) {
    groups = headParts.concat(new Array(8 - headParts.length - tailParts.length).fill('0'), tailParts);
  }
  return groups.map((g) => parseInt(g, 16).toString(16)).join(':');
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of altNames.split(', ')) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  if (isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || (subject && subject.CN)) {
    const hostParts = hostLabels(hostname);
    const test = (pattern) => matches(hostParts, pattern, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(test);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some(test) : test(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (valid) return undefined;
  return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
}

module.exports = { checkServerIdentity };
