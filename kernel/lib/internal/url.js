'use strict';
// WHATWG URL and URLSearchParams, following the URL Standard's state-machine parser. A parsed
// URL is a record { scheme, username, password, host, port, path, opaque, query, fragment };
// the URL object serializes it on demand.

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');

const kFailure = Symbol('failure');

const specialSchemes = { __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };

function isSpecialScheme(s) {
  return s in specialSchemes;
}

// ---- UTF-8 and percent-encoding -----------------------------------------------------------

function utf8Bytes(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    } else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return out;
}

// UTF-8 decoding with U+FFFD for malformed sequences.
function utf8Decode(bytes) {
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let need;
    let cp;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0xf;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x7;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      out += '\ufffd';
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || c < lower || c > upper) break;
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (j <= need) {
      out += '\ufffd';
      i += j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

const hexTable = new Array(256);
for (let i = 0; i < 256; i++) hexTable[i] = '%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase();

function makeSet(extra) {
  const set = new Uint8Array(128);
  for (let i = 0; i < 0x20; i++) set[i] = 1;
  set[0x7f] = 1;
  for (const ch of extra) set[ch.charCodeAt(0)] = 1;
  return set;
}

const C0_CONTROL_SET = makeSet('');
const FRAGMENT_SET = makeSet(' "<>`');
const QUERY_SET = makeSet(' "#<>');
const SPECIAL_QUERY_SET = makeSet(' "#<>\'');
const PATH_SET = makeSet(' "#<>?`{}');
const USERINFO_SET = makeSet(' "#<>?`{}/:;=@[\\]^|');
const FORM_SET = makeSet(' "#<>?`{}/:;=@[\\]^|$%&+,!\'()~');

function percentEncodeString(str, set, spaceAsPlus = false) {
  let out = '';
  let plainStart = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80 && set[c] === 0) continue;
    out += str.slice(plainStart, i);
    if (spaceAsPlus && c === 0x20) {
      out += '+';
    } else {
      let ch = str[i];
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          ch += str[i + 1];
          i++;
        }
      }
      for (const byte of utf8Bytes(ch)) out += hexTable[byte];
    }
    plainStart = i + 1;
  }
  return out + str.slice(plainStart);
}

function isHexDigit(c) {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function percentDecodeBytes(str) {
  const bytes = utf8Bytes(str);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length && isHexDigit(bytes[i + 1]) && isHexDigit(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return out;
}

// ---- hosts ------------------------------------------------------------------------------------

const forbiddenHostChars = new Set(['\0', '\t', '\n', '\r', ' ', '#', '/', ':', '<', '>', '?', '@',
  '[', '\\', ']', '^', '|']);

function isForbiddenDomainChar(ch) {
  if (forbiddenHostChars.has(ch)) return true;
  const c = ch.charCodeAt(0);
  return c <= 0x1f || ch === '%' || c === 0x7f;
}

function parseIPv4Number(input) {
  if (input === '') return kFailure;
  let R = 10;
  if (input.length >= 2 && input[0] === '0' && (input[1] === 'x' || input[1] === 'X')) {
    input = input.slice(2);
    R = 16;
  } else if (input.length >= 2 && input[0] === '0') {
    input = input.slice(1);
    R = 8;
  }
  if (input === '') return 0;
  const re = R === 10 ? /^[0-9]+$/ : R === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!re.test(input)) return kFailure;
  return parseInt(input, R);
}

function endsInANumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== kFailure;
}

function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return kFailure;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === kFailure) return kFailure;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return kFailure;
  }
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return kFailure;
  let ipv4 = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift(String(n % 256));
    n = Math.floor(n / 256);
  }
  return out.join('.');
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  const cp = (i) => (i < input.length ? input.charCodeAt(i) : undefined);
  const isDigit = (c) => c !== undefined && c >= 48 && c <= 57;
  if (cp(pointer) === 58) {
    if (cp(pointer + 1) !== 58) return kFailure;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (cp(pointer) !== undefined) {
    if (pieceIndex === 8) return kFailure;
    if (cp(pointer) === 58) {
      if (compress !== null) return kFailure;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && cp(pointer) !== undefined && isHexDigit(cp(pointer))) {
      value = value * 0x10 + parseInt(input[pointer], 16);
      pointer++;
      length++;
    }
    if (cp(pointer) === 46) {
      if (length === 0) return kFailure;
      pointer -= length;
      if (pieceIndex > 6) return kFailure;
      let numbersSeen = 0;
      while (cp(pointer) !== undefined) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (cp(pointer) === 46 && numbersSeen < 4) pointer++;
          else return kFailure;
        }
        if (!isDigit(cp(pointer))) return kFailure;
        while (isDigit(cp(pointer))) {
          const number = cp(pointer) - 48;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return kFailure;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return kFailure;
          pointer++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return kFailure;
      break;
    } else if (cp(pointer) === 58) {
      pointer++;
      if (cp(pointer) === undefined) return kFailure;
    } else if (cp(pointer) !== undefined) {
      return kFailure;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return kFailure;
  }
  return address;
}

function serializeIPv6(address) {
  // The longest run (length > 1) of zero pieces is written as '::'.
  let bestStart = null;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (bestStart === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return `[${out}]`;
}

// UTS #46 mapping, approximated: compatibility mapping and case folding; ideographic full stops
// become '.', and soft hyphen and zero-width characters are removed.
// Cherokee is the exception to lower case: UTS #46 maps its small letters to the capitals.
function mapDomain(domain) {
  if (!/[^\x00-\x7f]/.test(domain)) return domain.toLowerCase();
  return domain.normalize('NFKC').toLowerCase().replace(/[\u3002\uff0e\uff61]/g, '.')
    .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[\uab70-\uabbf\u13f8-\u13fd]/g, (c) => {
      const code = c.charCodeAt(0);
      return String.fromCharCode(code >= 0xab70 ? code - 0xab70 + 0x13a0 : code - 8);
    });
}

// UTS #46 validity, approximated: no disallowed code points (C1 controls, unassigned ones,
// U+FFFD — also what a lone surrogate became) and, in a name with a right-to-left label, the
// Bidi rule of RFC 5893 reduced to its core: no label mixes left-to-right and right-to-left
// letters.
const kRtl = '\\p{Script=Hebrew}\\p{Script=Arabic}\\p{Script=Syriac}\\p{Script=Thaana}' +
  '\\p{Script=Nko}\\p{Script=Samaritan}\\p{Script=Mandaic}\\p{Script=Adlam}';
const disallowedRe = /[\u0080-\u009f\ufffd\p{Cn}]/u;
const rtlRe = new RegExp(`(?!\\p{M})[${kRtl}]`, 'u');  // marks (NSM) are not right-to-left
const ltrLetterRe = new RegExp(`[^\\P{L}${kRtl}]`, 'u');
function validLabels(domain) {
  if (!/[^\x00-\x7f]/.test(domain)) return true;
  if (disallowedRe.test(domain)) return false;
  if (!rtlRe.test(domain)) return true;
  for (const label of domain.split('.')) {
    if (rtlRe.test(label) && ltrLetterRe.test(label)) return false;
  }
  return true;
}

let punycode;
function domainToASCIIInternal(domain, beStrict = false) {
  // UTS #46 processing, approximated (mapDomain), then punycode for non-ASCII labels.
  const mapped = mapDomain(domain);
  if (!validLabels(mapped)) return kFailure;
  if (punycode === undefined) punycode = require('punycode');
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      try {
        const decoded = punycode.decode(label.slice(4));
        if (decoded === '') return kFailure;
        // UTS #46 validity: a decoded label holds only code points the mapping keeps as they are
        // ('xn--nxasmqhttpuid' decodes to text with U+03D0, which maps to U+03B2), none that are
        // disallowed, and keeps the Bidi rule with the rest of the name.
        if (mapDomain(decoded) !== decoded) return kFailure;
        if (!validLabels(labels.map((l, k) => (k === i ? decoded : l)).join('.'))) return kFailure;
      } catch {
        return kFailure;
      }
    }
    if (/[^\x00-\x7f]/.test(label)) {
      try {
        labels[i] = 'xn--' + punycode.encode(label);
      } catch {
        return kFailure;
      }
    }
  }
  const result = labels.join('.');
  if (result === '' || (beStrict && result.length > 253)) return kFailure;
  return result;
}

function parseOpaqueHost(input) {
  for (const ch of input) {
    if (ch !== '%' && forbiddenHostChars.has(ch)) return kFailure;
  }
  return percentEncodeString(input, C0_CONTROL_SET);
}

// Returns the serialized host or kFailure.
function parseHost(input, isOpaque) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return kFailure;
    const addr = parseIPv6(input.slice(1, -1));
    return addr === kFailure ? kFailure : serializeIPv6(addr);
  }
  if (isOpaque) return parseOpaqueHost(input);
  const domain = utf8Decode(percentDecodeBytes(input));
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === kFailure) return kFailure;
  for (const ch of asciiDomain) {
    if (isForbiddenDomainChar(ch)) return kFailure;
  }
  if (endsInANumber(asciiDomain)) {
    const ipv4 = parseIPv4(asciiDomain);
    return ipv4 === kFailure ? kFailure : serializeIPv4(ipv4);
  }
  return asciiDomain;
}

// ---- the parser -------------------------------------------------------------------------------

const S = {
  SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4, PATH_OR_AUTHORITY: 5,
  RELATIVE: 6, RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8, SPECIAL_AUTHORITY_IGNORE_SLASHES: 9,
  AUTHORITY: 10, HOST: 11, HOSTNAME: 12, PORT: 13, FILE: 14, FILE_SLASH: 15, FILE_HOST: 16,
  PATH_START: 17, PATH: 18, OPAQUE_PATH: 19, QUERY: 20, FRAGMENT: 21,
};

function isAlpha(ch) {
  return ch !== undefined && /^[A-Za-z]$/.test(ch);
}

function isWindowsDriveLetter(s, normalizedOnly = false) {
  return s.length === 2 && isAlpha(s[0]) && (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}

function startsWithWindowsDriveLetter(cps, pointer) {
  if (cps.length - pointer < 2) return false;
  if (!isAlpha(cps[pointer]) || (cps[pointer + 1] !== ':' && cps[pointer + 1] !== '|')) return false;
  if (cps.length - pointer === 2) return true;
  const c = cps[pointer + 2];
  return c === '/' || c === '\\' || c === '?' || c === '#';
}

function isSingleDot(s) {
  return s === '.' || s.toLowerCase() === '%2e';
}

function isDoubleDot(s) {
  s = s.toLowerCase();
  return s === '..' || s === '.%2e' || s === '%2e.' || s === '%2e%2e';
}

function newRecord() {
  return {
    scheme: '', username: '', password: '', host: null, port: null,
    path: [], opaque: false, query: null, fragment: null,
  };
}

function cloneRecord(r) {
  return { ...r, path: r.opaque ? r.path : r.path.slice() };
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true)) return;
  path.pop();
}

function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}

// The basic URL parser. Returns the record or kFailure; with a state override it updates `url`
// in place (returning undefined) the way the URL setters need.
function basicParse(input, base, url, stateOverride) {
  if (!url) {
    url = newRecord();
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  const cps = Array.from(input);
  let state = stateOverride || S.SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;

  for (let pointer = 0; pointer <= cps.length; pointer++) {
    const c = cps[pointer]; // undefined is EOF
    switch (state) {
      case S.SCHEME_START:
        if (isAlpha(c)) {
          buffer += c.toLowerCase();
          state = S.SCHEME;
        } else if (!stateOverride) {
          state = S.NO_SCHEME;
          pointer--;
        } else {
          return kFailure;
        }
        break;

      case S.SCHEME:
        if (c !== undefined && /^[A-Za-z0-9+\-.]$/.test(c)) {
          buffer += c.toLowerCase();
        } else if (c === ':') {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return;
            if (url.scheme === 'file' && url.host === '') return;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === specialSchemes[url.scheme]) url.port = null;
            return;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = S.FILE;
          } else if (isSpecialScheme(url.scheme) && base && base.scheme === url.scheme) {
            state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = S.SPECIAL_AUTHORITY_SLASHES;
          } else if (cps[pointer + 1] === '/') {
            state = S.PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.opaque = true;
            url.path = '';
            state = S.OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = S.NO_SCHEME;
          pointer = -1;
        } else {
          return kFailure;
        }
        break;

      case S.NO_SCHEME:
        if (!base || (base.opaque && c !== '#')) return kFailure;
        if (base.opaque && c === '#') {
          url.scheme = base.scheme;
          url.path = base.path;
          url.opaque = true;
          url.query = base.query;
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = S.RELATIVE;
          pointer--;
        } else {
          state = S.FILE;
          pointer--;
        }
        break;

      case S.SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === '/' && cps[pointer + 1] === '/') {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = S.RELATIVE;
          pointer--;
        }
        break;

      case S.PATH_OR_AUTHORITY:
        if (c === '/') {
          state = S.AUTHORITY;
        } else {
          state = S.PATH;
          pointer--;
        }
        break;

      case S.RELATIVE:
        url.scheme = base.scheme;
        if (c === '/') {
          state = S.RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme) && c === '\\') {
          state = S.RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = S.QUERY;
          } else if (c === '#') {
            url.fragment = '';
            state = S.FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            shortenPath(url);
            state = S.PATH;
            pointer--;
          }
        }
        break;

      case S.RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (c === '/' || c === '\\')) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === '/') {
          state = S.AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = S.PATH;
          pointer--;
        }
        break;

      case S.SPECIAL_AUTHORITY_SLASHES:
        if (c === '/' && cps[pointer + 1] === '/') {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;

      case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== '/' && c !== '\\') {
          state = S.AUTHORITY;
          pointer--;
        }
        break;

      case S.AUTHORITY:
        if (c === '@') {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          for (const ch of buffer) {
            if (ch === ':' && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const encoded = percentEncodeString(ch, USERINFO_SET);
            if (passwordTokenSeen) url.password += encoded;
            else url.username += encoded;
          }
          buffer = '';
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\')) {
          if (atSignSeen && buffer === '') return kFailure;
          pointer -= Array.from(buffer).length + 1;
          buffer = '';
          state = S.HOST;
        } else {
          buffer += c;
        }
        break;

      case S.HOST:
      case S.HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          pointer--;
          state = S.FILE_HOST;
        } else if (c === ':' && !insideBrackets) {
          if (buffer === '') return kFailure;
          if (stateOverride === S.HOSTNAME) return;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === kFailure) return kFailure;
          url.host = host;
          buffer = '';
          state = S.PORT;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\')) {
          pointer--;
          if (isSpecialScheme(url.scheme) && buffer === '') return kFailure;
          if (stateOverride && buffer === '' && (includesCredentials(url) || url.port !== null)) return;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === kFailure) return kFailure;
          url.host = host;
          buffer = '';
          state = S.PATH_START;
          if (stateOverride) return;
        } else {
          if (c === '[') insideBrackets = true;
          if (c === ']') insideBrackets = false;
          buffer += c;
        }
        break;

      case S.PORT:
        if (c !== undefined && c >= '0' && c <= '9' && c.length === 1) {
          buffer += c;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\') || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return kFailure;
            url.port = port === specialSchemes[url.scheme] ? null : port;
            buffer = '';
          }
          if (stateOverride) return;
          state = S.PATH_START;
          pointer--;
        } else {
          return kFailure;
        }
        break;

      case S.FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === '/' || c === '\\') {
          state = S.FILE_SLASH;
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = S.QUERY;
          } else if (c === '#') {
            url.fragment = '';
            state = S.FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, pointer)) shortenPath(url);
            else url.path = [];
            state = S.PATH;
            pointer--;
          }
        } else {
          state = S.PATH;
          pointer--;
        }
        break;

      case S.FILE_SLASH:
        if (c === '/' || c === '\\') {
          state = S.FILE_HOST;
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, pointer) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = S.PATH;
          pointer--;
        }
        break;

      case S.FILE_HOST:
        if (c === undefined || c === '/' || c === '\\' || c === '?' || c === '#') {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            state = S.PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return;
            state = S.PATH_START;
          } else {
            let host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === kFailure) return kFailure;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return;
            buffer = '';
            state = S.PATH_START;
          }
        } else {
          buffer += c;
        }
        break;

      case S.PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = S.PATH;
          if (c !== '/' && c !== '\\') pointer--;
        } else if (!stateOverride && c === '?') {
          url.query = '';
          state = S.QUERY;
        } else if (!stateOverride && c === '#') {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (c !== undefined) {
          state = S.PATH;
          if (c !== '/') pointer--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case S.PATH: {
        const special = isSpecialScheme(url.scheme);
        if (c === undefined || c === '/' || (special && c === '\\') ||
            (!stateOverride && (c === '?' || c === '#'))) {
          const slash = c === '/' || (special && c === '\\');
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(buffer) && !slash) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = buffer[0] + ':';
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === '?') {
            url.query = '';
            state = S.QUERY;
          }
          if (c === '#') {
            url.fragment = '';
            state = S.FRAGMENT;
          }
        } else {
          buffer += percentEncodeString(c, PATH_SET);
        }
        break;
      }

      case S.OPAQUE_PATH:
        if (c === '?') {
          url.query = '';
          state = S.QUERY;
        } else if (c === '#') {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (c !== undefined) {
          url.path += percentEncodeString(c, C0_CONTROL_SET);
        }
        break;

      case S.QUERY:
        if ((!stateOverride && c === '#') || c === undefined) {
          const set = isSpecialScheme(url.scheme) ? SPECIAL_QUERY_SET : QUERY_SET;
          url.query += percentEncodeString(buffer, set);
          buffer = '';
          if (c === '#') {
            url.fragment = '';
            state = S.FRAGMENT;
          }
        } else {
          buffer += c;
        }
        break;

      case S.FRAGMENT:
        if (c !== undefined) url.fragment += percentEncodeString(c, FRAGMENT_SET);
        break;
    }
  }
  if (stateOverride) return;
  return url;
}

function serializePath(url) {
  if (url.opaque) return url.path;
  let out = '';
  for (const segment of url.path) out += '/' + segment;
  return out;
}

function serializeURL(url, excludeFragment = false) {
  let output = url.scheme + ':';
  if (url.host !== null) {
    output += '//';
    if (includesCredentials(url)) {
      output += url.username;
      if (url.password !== '') output += ':' + url.password;
      output += '@';
    }
    output += url.host;
    if (url.port !== null) output += ':' + url.port;
  } else if (!url.opaque && url.path.length > 1 && url.path[0] === '') {
    output += '/.';
  }
  output += serializePath(url);
  if (url.query !== null) output += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) output += '#' + url.fragment;
  return output;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = basicParse(serializePath(url), null);
      if (inner !== kFailure && (inner.scheme === 'http' || inner.scheme === 'https')) {
        return serializeOrigin(inner);
      }
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${url.scheme}://${url.host}${url.port !== null ? ':' + url.port : ''}`;
    default:
      return 'null';
  }
}

// ---- application/x-www-form-urlencoded -------------------------------------------------------

function parseUrlencoded(input) {
  const out = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    let name = eq === -1 ? sequence : sequence.slice(0, eq);
    let value = eq === -1 ? '' : sequence.slice(eq + 1);
    name = utf8Decode(percentDecodeBytes(name.replace(/\+/g, ' ')));
    value = utf8Decode(percentDecodeBytes(value.replace(/\+/g, ' ')));
    out.push(name, value);
  }
  return out;
}

function serializeUrlencoded(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += percentEncodeString(list[i], FORM_SET, true) + '=' + percentEncodeString(list[i + 1], FORM_SET, true);
  }
  return out;
}

// ---- URLSearchParams ------------------------------------------------------------------------

const kList = Symbol('query');
const kURL = Symbol('context');

function toUSV(value) {
  const str = `${value}`;
  return typeof str.toWellFormed === 'function' ? str.toWellFormed() : require('internal/util').toUSVString(str);
}

function isURLSearchParams(self) {
  return self !== null && typeof self === 'object' && Array.isArray(self[kList]);
}

function checkThis(self) {
  if (!isURLSearchParams(self)) throw new ERR_INVALID_THIS('URLSearchParams');
}

class URLSearchParams {
  constructor(init = undefined) {
    Object.defineProperty(this, kList, { value: [], writable: true, enumerable: false, configurable: false });
    Object.defineProperty(this, kURL, { value: null, writable: true, enumerable: false, configurable: false });
    if (init === undefined || init === null) {
      // Empty.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && isURLSearchParams(init)) {
        this[kList] = init[kList].slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const tuple = Array.from(pair);
          if (tuple.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          this[kList].push(toUSV(tuple[0]), toUSV(tuple[1]));
        }
      } else {
        const visited = new Map();
        for (const key of Reflect.ownKeys(init)) {
          if (typeof key !== 'string') continue;
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const typedKey = toUSV(key);
          const typedValue = toUSV(init[key]);
          if (visited.has(typedKey)) {
            this[kList][visited.get(typedKey)] = typedValue;
          } else {
            visited.set(typedKey, this[kList].length + 1);
            this[kList].push(typedKey, typedValue);
          }
        }
      }
    } else {
      init = toUSV(init);
      if (init[0] === '?') init = init.slice(1);
      this[kList] = parseUrlencoded(init);
    }
  }

  get size() {
    checkThis(this);
    return this[kList].length / 2;
  }

  append(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this[kList].push(toUSV(name), toUSV(value));
    updateURL(this);
  }

  delete(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSV(name);
    if (value !== undefined) {
      value = toUSV(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    updateURL(this);
  }

  get(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    const values = [];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSV(name);
    if (value !== undefined) value = toUSV(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this[kList];
    name = toUSV(name);
    value = toUSV(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    updateURL(this);
  }

  sort() {
    checkThis(this);
    const list = this[kList];
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Stable sort by UTF-16 code units of the names.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this[kList] = pairs.flat();
    updateURL(this);
  }

  entries() {
    checkThis(this);
    return createSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkThis(this);
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    let list = this[kList];
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      // The callback may replace the list (e.g. through sort()).
      list = this[kList];
    }
  }

  keys() {
    checkThis(this);
    return createSearchParamsIterator(this, 'key');
  }

  values() {
    checkThis(this);
    return createSearchParamsIterator(this, 'value');
  }

  toString() {
    checkThis(this);
    return serializeUrlencoded(this[kList]);
  }

  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    checkThis(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = require('internal/util/inspect');
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = this[kList];
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce((prev, cur) => prev + cur.length + separator.length, -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }
}

Object.defineProperties(URLSearchParams.prototype, {
  [Symbol.iterator]: { configurable: true, writable: true, value: URLSearchParams.prototype.entries },
  [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams' },
});
for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'size', 'sort', 'entries',
  'forEach', 'keys', 'values', 'toString']) {
  Object.defineProperty(URLSearchParams.prototype, name, { enumerable: true });
}

const URLSearchParamsIteratorPrototype = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      enumerable: true,
      configurable: true,
      writable: true,
      value: function next() {
        const { target, kind } = this[kContext];
        const list = target[kList];
        const index = this[kContext].index;
        if (index >= list.length) return { value: undefined, done: true };
        this[kContext].index = index + 2;
        const name = list[index];
        const value = list[index + 1];
        return {
          value: kind === 'key' ? name : kind === 'value' ? value : [name, value],
          done: false,
        };
      },
    },
    [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams Iterator' },
    [Symbol.for('nodejs.util.inspect.custom')]: {
      configurable: true,
      writable: true,
      value(recurseTimes, ctx) {
        const { inspect } = require('internal/util/inspect');
        const { target, kind, index } = this[kContext];
        const list = target[kList];
        const output = [];
        for (let i = index; i < list.length; i += 2) {
          const v = kind === 'key' ? list[i] : kind === 'value' ? list[i + 1] : [list[i], list[i + 1]];
          output.push(inspect(v, { ...ctx, depth: recurseTimes === null ? null : recurseTimes - 1 }));
        }
        return `URLSearchParams Iterator { ${output.join(', ')} }`;
      },
    },
  });

const kContext = Symbol('context');

function createSearchParamsIterator(target, kind) {
  const it = Object.create(URLSearchParamsIteratorPrototype);
  Object.defineProperty(it, kContext, { value: { target, kind, index: 0 }, enumerable: false });
  return it;
}

function updateURL(params) {
  const url = params[kURL];
  if (!url) return;
  const record = url[kRecord];
  const serialized = serializeUrlencoded(params[kList]);
  record.query = serialized === '' ? null : serialized;
}

// ---- URL -----------------------------------------------------------------------------------

const kRecord = Symbol('url');
const kSearchParams = Symbol('searchParams');

// Duck-typed like Node's check, so URL objects from elsewhere are accepted too.
function isURL(self) {
  return Boolean(self != null && self.href && self.protocol &&
    self.auth === undefined && self.path === undefined);
}

function checkURL(self) {
  if (self == null || self[kRecord] === undefined) throw new ERR_INVALID_THIS('URL');
}

function cannotHaveCredentialsOrPort(r) {
  return r.host === null || r.host === '' || r.scheme === 'file';
}

// The record for input against an optional base, or kFailure (a bad base fails too).
function parseWithBase(input, base) {
  input = toUSV(input);
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(toUSV(base), null);
    if (baseRecord === kFailure) return kFailure;
  }
  return basicParse(input, baseRecord);
}

// Non-enumerable, so spreading or assigning a URL copies no internals.
function initURL(url, record) {
  Object.defineProperty(url, kRecord, { value: record, writable: true, enumerable: false, configurable: false });
  Object.defineProperty(url, kSearchParams, { value: undefined, writable: true, enumerable: false, configurable: false });
  return url;
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSV(input);
    let baseRecord = null;
    if (base !== undefined) {
      const baseStr = toUSV(base);
      baseRecord = basicParse(baseStr, null);
      if (baseRecord === kFailure) throw new ERR_INVALID_URL(input, baseStr);
    }
    const record = basicParse(input, baseRecord);
    if (record === kFailure) {
      throw new ERR_INVALID_URL(input, base !== undefined ? toUSV(base) : undefined);
    }
    initURL(this, record);
  }

  // A URL, or null where the constructor would throw ERR_INVALID_URL.
  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const record = parseWithBase(input, base);
    return record === kFailure ? null : initURL(Object.create(URL.prototype), record);
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    return parseWithBase(input, base) !== kFailure;
  }

  static createObjectURL(obj) {
    const { isBlob } = require('internal/blob');
    if (!isBlob(obj)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = randomUUID();
    blobRegistry.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const id = blobIdOf(url);
    if (id !== undefined) blobRegistry.delete(id);
  }

  get href() {
    checkURL(this);
    return serializeURL(this[kRecord]);
  }

  set href(value) {
    checkURL(this);
    value = toUSV(value);
    const record = basicParse(value, null);
    if (record === kFailure) throw new ERR_INVALID_URL(value);
    this[kRecord] = record;
    if (this[kSearchParams]) {
      this[kSearchParams][kList] = record.query ? parseUrlencoded(record.query) : [];
    }
  }

  get origin() {
    checkURL(this);
    return serializeOrigin(this[kRecord]);
  }

  get protocol() {
    checkURL(this);
    return this[kRecord].scheme + ':';
  }

  set protocol(value) {
    checkURL(this);
    basicParse(toUSV(value) + ':', null, this[kRecord], S.SCHEME_START);
  }

  get username() {
    checkURL(this);
    return this[kRecord].username;
  }

  set username(value) {
    checkURL(this);
    const r = this[kRecord];
    if (cannotHaveCredentialsOrPort(r)) return;
    r.username = percentEncodeString(toUSV(value), USERINFO_SET);
  }

  get password() {
    checkURL(this);
    return this[kRecord].password;
  }

  set password(value) {
    checkURL(this);
    const r = this[kRecord];
    if (cannotHaveCredentialsOrPort(r)) return;
    r.password = percentEncodeString(toUSV(value), USERINFO_SET);
  }

  get host() {
    checkURL(this);
    const r = this[kRecord];
    if (r.host === null) return '';
    return r.port === null ? r.host : `${r.host}:${r.port}`;
  }

  set host(value) {
    checkURL(this);
    const r = this[kRecord];
    if (r.opaque) return;
    // In place, as the standard parses: a host that parsed stays even when the port after it
    // fails ('h:65536' sets the host 'h' and keeps the port).
    basicParse(toUSV(value), null, r, S.HOST);
  }

  get hostname() {
    checkURL(this);
    const r = this[kRecord];
    return r.host === null ? '' : r.host;
  }

  set hostname(value) {
    checkURL(this);
    const r = this[kRecord];
    if (r.opaque) return;
    const copy = cloneRecord(r);
    if (basicParse(toUSV(value), null, copy, S.HOSTNAME) !== kFailure) this[kRecord] = copy;
  }

  get port() {
    checkURL(this);
    const r = this[kRecord];
    return r.port === null ? '' : String(r.port);
  }

  set port(value) {
    checkURL(this);
    const r = this[kRecord];
    if (cannotHaveCredentialsOrPort(r)) return;
    value = toUSV(value);
    if (value === '') {
      r.port = null;
      return;
    }
    const copy = cloneRecord(r);
    if (basicParse(value, null, copy, S.PORT) !== kFailure) this[kRecord] = copy;
  }

  get pathname() {
    checkURL(this);
    return serializePath(this[kRecord]);
  }

  set pathname(value) {
    checkURL(this);
    const r = this[kRecord];
    if (r.opaque) return;
    const copy = cloneRecord(r);
    copy.path = [];
    if (basicParse(toUSV(value), null, copy, S.PATH_START) !== kFailure) this[kRecord] = copy;
  }

  get search() {
    checkURL(this);
    const q = this[kRecord].query;
    return q === null || q === '' ? '' : '?' + q;
  }

  set search(value) {
    checkURL(this);
    const r = this[kRecord];
    value = toUSV(value);
    if (value === '') {
      r.query = null;
      if (this[kSearchParams]) this[kSearchParams][kList] = [];
      return;
    }
    const input = value[0] === '?' ? value.slice(1) : value;
    r.query = '';
    basicParse(input, null, r, S.QUERY);
    if (this[kSearchParams]) this[kSearchParams][kList] = parseUrlencoded(input);
  }

  get searchParams() {
    checkURL(this);
    if (this[kSearchParams] === undefined) {
      // The query as it is: the constructor would strip a leading '?' that belongs to it.
      const params = new URLSearchParams();
      params[kList] = this[kRecord].query ? parseUrlencoded(this[kRecord].query) : [];
      params[kURL] = this;
      this[kSearchParams] = params;
    }
    return this[kSearchParams];
  }

  get hash() {
    checkURL(this);
    const f = this[kRecord].fragment;
    return f === null || f === '' ? '' : '#' + f;
  }

  set hash(value) {
    checkURL(this);
    const r = this[kRecord];
    value = toUSV(value);
    if (value === '') {
      r.fragment = null;
      return;
    }
    const input = value[0] === '#' ? value.slice(1) : value;
    r.fragment = '';
    basicParse(input, null, r, S.FRAGMENT);
  }

  toString() {
    checkURL(this);
    return this.href;
  }

  toJSON() {
    checkURL(this);
    return this.href;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const constructor = Object.getPrototypeOf(this).constructor || URL;
    const obj = { __proto__: { constructor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[kRecord] = this[kRecord];
    return `${constructor.name} ${inspect(obj, { ...opts, customInspect: true })}`;
  }
}

Object.defineProperties(URL.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'URL' },
});
// WebIDL members are enumerable, in Node's order.
const { exposeMembers } = require('internal/util');
exposeMembers(URL.prototype, ['toString', 'href', 'origin', 'protocol', 'username', 'password',
  'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']);
exposeMembers(URL, ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']);

// ---- blob: URLs ------------------------------------------------------------------------------

const blobRegistry = new Map();

function randomUUID() {
  const hex = [];
  for (let i = 0; i < 16; i++) hex.push(Math.floor(Math.random() * 256));
  hex[6] = (hex[6] & 0x0f) | 0x40;
  hex[8] = (hex[8] & 0x3f) | 0x80;
  const h = hex.map((b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// The registry id in 'blob:nodedata:<id>', or undefined.
function blobIdOf(url) {
  const record = basicParse(toUSV(url), null);
  if (record === kFailure || record.scheme !== 'blob') return undefined;
  const parts = serializePath(record).split(':');
  if (parts.length !== 2 || parts[0] !== 'nodedata') return undefined;
  return parts[1];
}

// buffer.resolveObjectURL: a Blob over the one registered by URL.createObjectURL, or undefined.
function resolveObjectURL(url) {
  const id = blobIdOf(`${url}`);
  const blob = id === undefined ? undefined : blobRegistry.get(id);
  return blob === undefined ? undefined : require('internal/blob').copyBlob(blob);
}

// ---- file URLs, http options, domains --------------------------------------------------------

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) || (pathname[n + 1] === '5' && third === 99)) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = pathname.replace(/\//g, '\\');
  pathname = decodeURIComponent(pathname);
  if (hostname !== '') return `\\\\${domainToUnicode(hostname)}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  const sep = pathname[2];
  if (letter < 97 || letter > 122 || sep !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options = undefined) {
  const windows = options && options.windows !== undefined ? options.windows : process.platform === 'win32';
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

function encodePathChars(filepath, windows) {
  if (filepath.includes('%')) filepath = filepath.replace(/%/g, '%25');
  if (!windows && filepath.includes('\\')) filepath = filepath.replace(/\\/g, '%5C');
  if (filepath.includes('\n')) filepath = filepath.replace(/\n/g, '%0A');
  if (filepath.includes('\r')) filepath = filepath.replace(/\r/g, '%0D');
  if (filepath.includes('\t')) filepath = filepath.replace(/\t/g, '%09');
  return filepath;
}

function pathToFileURL(filepath, options = undefined) {
  const windows = options && options.windows !== undefined ? options.windows : process.platform === 'win32';
  const path = require('path');
  if (windows && filepath.startsWith('\\\\')) {
    const outURL = new URL('file://');
    const isExtendedUNC = filepath.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEndIndex = filepath.indexOf('\\', prefixLength);
    if (hostnameEndIndex === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    }
    const hostname = filepath.slice(prefixLength, hostnameEndIndex);
    outURL.hostname = domainToASCII(hostname);
    outURL.pathname = encodePathChars(filepath.slice(hostnameEndIndex).replace(/\\/g, '/'), windows);
    return outURL;
  }
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  const last = filepath.charCodeAt(filepath.length - 1);
  if ((last === 47 || (windows && last === 92)) &&
      resolved[resolved.length - 1] !== (windows ? '\\' : '/')) {
    resolved += '/';
  }
  resolved = encodePathChars(resolved, windows);
  if (resolved.includes('?')) resolved = resolved.replace(/\?/g, '%3F');
  if (resolved.includes('#')) resolved = resolved.replace(/#/g, '%23');
  if (windows) resolved = resolved.replace(/\\/g, '/');
  return new URL(`file://${windows ? '/' : ''}${resolved}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    ...url, // keeps properties a caller added to the URL object
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ?
      url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = parseHost(`${domain}`, false);
  return host === kFailure ? '' : host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const ascii = domainToASCII(domain);
  if (ascii === '') return '';
  if (punycode === undefined) punycode = require('punycode');
  return ascii.split('.').map((label) => {
    if (label.startsWith('xn--')) {
      try {
        return punycode.decode(label.slice(4));
      } catch {
        return label;
      }
    }
    return label;
  }).join('.');
}

// IDNA only (no IPv4 parsing), for the legacy url.parse.
function idnaToASCII(domain) {
  const r = domainToASCIIInternal(domain);
  return r === kFailure ? '' : r;
}

module.exports = {
  URL,
  URLSearchParams,
  idnaToASCII,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  isURL,
  resolveObjectURL,
  // Shared with the legacy url module.
  percentEncodeString,
  parseHost,
  kFailure,
};
