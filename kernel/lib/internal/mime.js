'use strict';
// util.MIMEType / util.MIMEParams (WHATWG MIME Sniffing's parse and serialize).

const {
  codes: { ERR_INVALID_MIME_SYNTAX },
} = require('internal/errors');

const NOT_HTTP_TOKEN_CODE_POINT = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
const NOT_HTTP_QUOTED_STRING_CODE_POINT = /[^\t\u0020-~\u0080-\u00FF]/;
const LEADING_WHITESPACE_END = /[^\r\n\t ]|$/;
const TRAILING_WHITESPACE_START = /[\r\n\t ]*$/;
const EQUALS_SEMICOLON_OR_END = /[;=]|$/;
// Group 1: ended on a lone backslash; group 2: ended on the closing quote.
const QUOTED_VALUE_PATTERN = /^(?:([\\]$)|[\\][\s\S]|[^"])*(?:(")|$)/u;

function toASCIILower(str) {
  return str.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

function searchIn(str, re) {
  return str.search(re);
}

function parseTypeAndSubtype(str) {
  let position = searchIn(str, LEADING_WHITESPACE_END);
  const typeEnd = str.indexOf('/', position);
  const trimmedType = typeEnd === -1 ? str.slice(position) : str.slice(position, typeEnd);
  const invalidTypeIndex = searchIn(trimmedType, NOT_HTTP_TOKEN_CODE_POINT);
  if (trimmedType === '' || invalidTypeIndex !== -1 || typeEnd === -1) {
    throw new ERR_INVALID_MIME_SYNTAX('type', str, invalidTypeIndex);
  }
  position = typeEnd + 1;
  const type = toASCIILower(trimmedType);
  const subtypeEnd = str.indexOf(';', position);
  const rawSubtype = subtypeEnd === -1 ? str.slice(position) : str.slice(position, subtypeEnd);
  position += rawSubtype.length;
  if (subtypeEnd !== -1) position += 1;
  const trimmedSubtype = rawSubtype.slice(0, searchIn(rawSubtype, TRAILING_WHITESPACE_START));
  const invalidSubtypeIndex = searchIn(trimmedSubtype, NOT_HTTP_TOKEN_CODE_POINT);
  if (trimmedSubtype === '' || invalidSubtypeIndex !== -1) {
    throw new ERR_INVALID_MIME_SYNTAX('subtype', str, invalidSubtypeIndex);
  }
  return [type, toASCIILower(trimmedSubtype), position];
}

function removeBackslashes(str) {
  return str.replace(/\\([\s\S])/g, '$1');
}

function escapeQuoteOrSolidus(str) {
  return str.replace(/["\\]/g, (c) => `\\${c}`);
}

function encode(value) {
  if (value.length === 0) return '""';
  if (searchIn(value, NOT_HTTP_TOKEN_CODE_POINT) === -1) return value;
  return `"${escapeQuoteOrSolidus(value)}"`;
}

class MIMEParams {
  #data = new Map();
  #string = null;

  delete(name) {
    this.#parse();
    this.#data.delete(name);
  }

  get(name) {
    this.#parse();
    const data = this.#data;
    if (data.has(name)) return data.get(name);
    return null;
  }

  has(name) {
    this.#parse();
    return this.#data.has(name);
  }

  set(name, value) {
    this.#parse();
    const data = this.#data;
    name = `${name}`;
    value = `${value}`;
    const invalidNameIndex = searchIn(name, NOT_HTTP_TOKEN_CODE_POINT);
    if (name.length === 0 || invalidNameIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, invalidNameIndex);
    }
    const invalidValueIndex = searchIn(value, NOT_HTTP_QUOTED_STRING_CODE_POINT);
    if (invalidValueIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, invalidValueIndex);
    }
    data.set(name, value);
  }

  *entries() {
    this.#parse();
    yield* this.#data.entries();
  }

  *keys() {
    this.#parse();
    yield* this.#data.keys();
  }

  *values() {
    this.#parse();
    yield* this.#data.values();
  }

  toString() {
    this.#parse();
    let ret = '';
    for (const { 0: key, 1: value } of this.#data) {
      if (ret !== '') ret += ';';
      ret += `${key}=${encode(value)}`;
    }
    return ret;
  }

  // Parameters are parsed from the string only when first used.
  #parse() {
    if (this.#string === null) return;
    const paramsMap = this.#data;
    let position = 0;
    const str = this.#string;
    const endOfSource = searchIn(str.slice(position), TRAILING_WHITESPACE_START) + position;
    while (position < endOfSource) {
      position += searchIn(str.slice(position), LEADING_WHITESPACE_END);
      const afterParameterName = searchIn(str.slice(position), EQUALS_SEMICOLON_OR_END) + position;
      const parameterString = toASCIILower(str.slice(position, afterParameterName));
      position = afterParameterName;
      if (position < endOfSource) {
        const char = str.charAt(position);
        position += 1;
        // A parameter without '=' has no value: skipped.
        if (char === ';') continue;
      }
      if (position >= endOfSource) break;
      const char = str.charAt(position);
      let parameterValue = null;
      if (char === '"') {
        position += 1;
        const insideMatch = QUOTED_VALUE_PATTERN.exec(str.slice(position));
        position += insideMatch[0].length;
        const inside = insideMatch[1] || insideMatch[2] ? insideMatch[0].slice(0, -1) : insideMatch[0];
        parameterValue = removeBackslashes(inside);
        if (insideMatch[1]) parameterValue += '\\';
      } else {
        const valueEnd = str.indexOf(';', position);
        const rawValue = valueEnd === -1 ? str.slice(position) : str.slice(position, valueEnd);
        position += rawValue.length;
        const trimmedValue = rawValue.slice(0, searchIn(rawValue, TRAILING_WHITESPACE_START));
        if (trimmedValue === '') continue;
        parameterValue = trimmedValue;
      }
      if (parameterString !== '' &&
          searchIn(parameterString, NOT_HTTP_TOKEN_CODE_POINT) === -1 &&
          searchIn(parameterValue, NOT_HTTP_QUOTED_STRING_CODE_POINT) === -1 &&
          paramsMap.has(parameterString) === false) {
        paramsMap.set(parameterString, parameterValue);
      }
      position++;
    }
    this.#data = paramsMap;
    this.#string = null;
  }

  static parseParametersString(str, params) {
    params.#string = str;
    return params;
  }
}

const parseParametersString = MIMEParams.parseParametersString;
delete MIMEParams.parseParametersString;

MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;
MIMEParams.prototype.toJSON = MIMEParams.prototype.toString;

class MIMEType {
  #type;
  #subtype;
  #parameters;

  constructor(string) {
    string = `${string}`;
    const data = parseTypeAndSubtype(string);
    this.#type = data[0];
    this.#subtype = data[1];
    this.#parameters = new MIMEParams();
    parseParametersString(string.slice(data[2]), this.#parameters);
  }

  get type() {
    return this.#type;
  }

  set type(v) {
    v = `${v}`;
    const invalidTypeIndex = searchIn(v, NOT_HTTP_TOKEN_CODE_POINT);
    if (v.length === 0 || invalidTypeIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', v, invalidTypeIndex);
    }
    this.#type = toASCIILower(v);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(v) {
    v = `${v}`;
    const invalidSubtypeIndex = searchIn(v, NOT_HTTP_TOKEN_CODE_POINT);
    if (v.length === 0 || invalidSubtypeIndex !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', v, invalidSubtypeIndex);
    }
    this.#subtype = toASCIILower(v);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    let ret = `${this.#type}/${this.#subtype}`;
    const paramStr = this.#parameters.toString();
    if (paramStr.length) ret += `;${paramStr}`;
    return ret;
  }
}

MIMEType.prototype.toJSON = MIMEType.prototype.toString;

module.exports = { MIMEParams, MIMEType };
