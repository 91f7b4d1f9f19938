'use strict';
// path: POSIX and Windows flavours. Both work on any host; `path` itself is the POSIX one.
// The algorithms work on segments between separators; the quirks Node has at the edges
// (trailing separators, UNC roots, drive-relative paths, basename suffix matching) are kept
// because programs depend on them.

const { validateObject, validateString } = require('internal/validators');

const SLASH = 47; // '/'
const BACKSLASH = 92; // '\\'
const DOT = 46; // '.'
const COLON = 58; // ':'

function isPosixSep(code) {
  return code === SLASH;
}

function isWinSep(code) {
  return code === SLASH || code === BACKSLASH;
}

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// Resolves '.' and '..' in a path without its root. Empty segments vanish. '..' above the start
// is kept only when allowAboveRoot (relative paths).
function normalizeSegments(path, allowAboveRoot, sep, isSep) {
  const out = [];
  let segStart = 0;
  const len = path.length;
  for (let i = 0; i <= len; i++) {
    if (i < len && !isSep(path.charCodeAt(i))) continue;
    const segLen = i - segStart;
    if (segLen === 0 || (segLen === 1 && path.charCodeAt(segStart) === DOT)) {
      // empty or '.'
    } else if (segLen === 2 && path.charCodeAt(segStart) === DOT &&
               path.charCodeAt(segStart + 1) === DOT) {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
    } else {
      out.push(path.slice(segStart, i));
    }
    segStart = i + 1;
  }
  return out.join(sep);
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// The last path component of path[start..], trailing separators ignored, with Node's suffix
// matching: the suffix is compared against the component's characters from its end.
function basenameFrom(path, start, suffix, isSep) {
  let end = path.length;
  while (end > start && isSep(path.charCodeAt(end - 1))) end--;
  let baseStart = end;
  while (baseStart > start && !isSep(path.charCodeAt(baseStart - 1))) baseStart--;
  if (end === start) {
    // Only separators (or nothing) after the root.
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length &&
        path.length > start) {
      // Nothing to match the suffix against: Node answers with the separators themselves.
      return path.slice(start);
    }
    return '';
  }
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) {
    return path.slice(baseStart, end);
  }
  let si = suffix.length - 1;
  let i = end - 1;
  for (; i >= baseStart && si >= 0; i--, si--) {
    if (path.charCodeAt(i) !== suffix.charCodeAt(si)) return path.slice(baseStart, end);
  }
  if (si >= 0) {
    // The whole component matched the tail of a longer suffix.
    return path.slice(baseStart);
  }
  const cut = i + 1;
  if (cut === baseStart) return path.slice(baseStart, end);
  return path.slice(baseStart, cut);
}

function extOf(base) {
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || base === '..') return '';
  return base.slice(dot);
}

// ---- glob matching (path.matchesGlob) ---------------------------------------------------------

let globWarned = false;

// {a,b} alternatives are expanded first; the result is a list of plain patterns.
function expandBraces(pattern) {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '{') {
      if (depth++ === 0) start = i;
    } else if (ch === '}' && depth > 0 && --depth === 0) {
      const inner = pattern.slice(start + 1, i);
      const parts = [];
      let d = 0;
      let last = 0;
      for (let j = 0; j < inner.length; j++) {
        if (inner[j] === '\\') j++;
        else if (inner[j] === '{') d++;
        else if (inner[j] === '}') d--;
        else if (inner[j] === ',' && d === 0) {
          parts.push(inner.slice(last, j));
          last = j + 1;
        }
      }
      parts.push(inner.slice(last));
      if (parts.length < 2) continue;
      const head = pattern.slice(0, start);
      const tail = pattern.slice(i + 1);
      const out = [];
      for (const part of parts) out.push(...expandBraces(head + part + tail));
      return out;
    }
  }
  return [pattern];
}

function segmentRegExp(seg) {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '\\' && i + 1 < seg.length) {
      re += seg[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (ch === '*') {
      re += '[^/]*';
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
      } else {
        let body = seg.slice(i + 1, close);
        if (body[0] === '!' || body[0] === '^') body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else {
      re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

function matchSegments(parts, pi, segs, si) {
  for (; si < segs.length; si++, pi++) {
    const seg = segs[si];
    if (seg === '**') {
      // Zero or more non-hidden segments; a trailing '**' needs at least one.
      const first = si === segs.length - 1 ? pi + 1 : pi;
      if (first > parts.length) return false;
      for (let k = pi; k < first; k++) {
        if (parts[k][0] === '.') return false;
      }
      for (let k = first; k <= parts.length; k++) {
        if (matchSegments(parts, k, segs, si + 1)) return true;
        if (k < parts.length && parts[k][0] === '.') return false;
      }
      return false;
    }
    if (pi >= parts.length) return false;
    const part = parts[pi];
    if (part[0] === '.' && seg[0] !== '.') return false;
    if (!segmentRegExp(seg).test(part)) return false;
  }
  return pi === parts.length;
}

function matchesGlob(isWindows, path, pattern) {
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  if (!globWarned) {
    globWarned = true;
    process.emitWarning('glob is an experimental feature and might change at any time',
                        'ExperimentalWarning');
  }
  if (isWindows) {
    path = path.replace(/\\/g, '/');
    pattern = pattern.replace(/\\(?![*?[\]{}\\])/g, '/');
  }
  const parts = path.split('/').filter((p, i, a) => p !== '' || i === 0 || i === a.length - 1);
  let matched = false;
  for (const p of expandBraces(pattern)) {
    const segs = p.split('/').filter((x, i, a) => x !== '' || i === 0 || i === a.length - 1);
    if (matchSegments(parts, 0, segs, 0)) {
      matched = true;
      break;
    }
  }
  return matched;
}

// ---- POSIX ----------------------------------------------------------------------------------

const posix = {
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else {
        path = posixCwd();
      }
      resolved = `${path}/${resolved}`;
      absolute = path.charCodeAt(0) === SLASH;
    }
    resolved = normalizeSegments(resolved, !absolute, '/', isPosixSep);
    if (absolute) return `/${resolved}`;
    return resolved.length > 0 ? resolved : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path.charCodeAt(0) === SLASH;
    const trailing = path.charCodeAt(path.length - 1) === SLASH;
    let out = normalizeSegments(path, !absolute, '/', isPosixSep);
    if (out.length === 0) {
      if (absolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) out += '/';
    return absolute ? `/${out}` : out;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) common++;
    const up = [];
    for (let i = common; i < fromParts.length; i++) up.push('..');
    return up.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === SLASH;
    let end = path.length;
    while (end > 1 && path.charCodeAt(end - 1) === SLASH) end--;
    // Skip the last component, then take the separator right before it.
    let i = end - 1;
    while (i >= 1 && path.charCodeAt(i) !== SLASH) i--;
    if (i < 1) return hasRoot ? '/' : '.';
    if (hasRoot && i === 1) return '//';
    return path.slice(0, i);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    if (suffix !== undefined && suffix.length > 0 && suffix === path) return '';
    return basenameFrom(path, 0, suffix, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    return extOf(basenameFrom(path, 0, undefined, isPosixSep));
  },

  format: _format.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === SLASH;
    if (absolute) ret.root = '/';
    let end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === SLASH) end--;
    let baseStart = end;
    while (baseStart > 0 && path.charCodeAt(baseStart - 1) !== SLASH) baseStart--;
    const base = path.slice(baseStart, end);
    if (base.length > 0) {
      const start = absolute && baseStart === 0 ? 1 : baseStart;
      ret.base = path.slice(start, end);
      ret.ext = extOf(ret.base);
      ret.name = ret.ext.length > 0 ? ret.base.slice(0, ret.base.length - ret.ext.length) : ret.base;
    }
    if (baseStart > 1) ret.dir = path.slice(0, baseStart - 1);
    else if (absolute) ret.dir = '/';
    return ret;
  },

  matchesGlob(path, pattern) {
    return matchesGlob(false, path, pattern);
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

function posixCwd() {
  return process.cwd();
}

const reservedNames = new Set(['CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'COM\u00b9', 'COM\u00b2', 'COM\u00b3', 'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3']);

function isReservedName(s) {
  return s.length >= 3 && s.length <= 4 && reservedNames.has(s.toUpperCase());
}

// ---- Windows --------------------------------------------------------------------------------

// The root of a Windows path: { device, rootEnd, absolute, unc } where device is 'C:' or
// '\\\\server\\share' (or '' when none) and rootEnd the index after the root.
// With `namespaces`, '\\\\?\\' and '\\\\.\\' prefixes are roots of their own (resolve and
// normalize treat what follows as an ordinary path).
function winRoot(path, namespaces = false) {
  const len = path.length;
  const r = { device: '', rootEnd: 0, absolute: false, unc: false };
  if (len === 0) return r;
  const c0 = path.charCodeAt(0);
  if (len === 1) {
    if (isWinSep(c0)) {
      r.absolute = true;
      r.rootEnd = 1;
    }
    return r;
  }
  if (isWinSep(c0)) {
    r.absolute = true;
    if (!isWinSep(path.charCodeAt(1))) {
      r.rootEnd = 1;
      return r;
    }
    // '\\\\server\\share': needs a server name, separators, then a share name.
    let j = 2;
    while (j < len && !isWinSep(path.charCodeAt(j))) j++;
    if (j < len && j !== 2) {
      const server = path.slice(2, j);
      let k = j;
      while (k < len && isWinSep(path.charCodeAt(k))) k++;
      if (k < len && k !== j) {
        let m = k;
        while (m < len && !isWinSep(path.charCodeAt(m))) m++;
        if (namespaces && (server === '?' || server === '.')) {
          r.device = `\\\\${server}`;
          r.rootEnd = j + 1;
          r.absolute = true;
          return r;
        }
        r.device = `\\\\${server}\\${path.slice(k, m)}`;
        r.rootEnd = m;
        r.unc = true;
        return r;
      }
    }
    r.rootEnd = 1;
    return r;
  }
  if (isDriveLetter(c0) && path.charCodeAt(1) === COLON) {
    r.device = path.slice(0, 2);
    r.rootEnd = 2;
    if (len > 2 && isWinSep(path.charCodeAt(2))) {
      r.absolute = true;
      r.rootEnd = 3;
    }
  }
  return r;
}

const win32 = {
  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (device.length === 0) {
        path = process.cwd();
      } else {
        // The current directory of that drive, as cmd.exe keeps it in the environment.
        path = process.env[`=${device}`] || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
             path.charCodeAt(2) === BACKSLASH)) {
          path = `${device}\\`;
        }
      }
      const root = winRoot(path, true);
      if (root.device.length > 0) {
        if (device.length > 0) {
          if (root.device.toLowerCase() !== device.toLowerCase()) continue;
        } else {
          device = root.device;
        }
      }
      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${path.slice(root.rootEnd)}\\${tail}`;
        absolute = root.absolute;
        if (absolute && device.length > 0) break;
      }
    }
    tail = normalizeSegments(tail, !absolute, '\\', isWinSep);
    if (absolute) return `${device}\\${tail}`;
    return `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return path.charCodeAt(0) === SLASH ? '\\' : path;
    const root = winRoot(path, true);
    // A bare UNC root gets its trailing separator.
    if (root.unc && root.rootEnd === len) return `${root.device}\\`;
    // Reserved DOS device names (CON, AUX:, ...) in front must not survive as a device.
    let reserved = false;
    if (root.rootEnd === 0 && !root.absolute && root.device.length === 0) {
      const colon = path.indexOf(':');
      if (isReservedName(path.slice(0, colon))) {
        reserved = true;
        root.device = path.slice(0, colon + 1);
        root.rootEnd = colon + 1;
      }
    }
    let tail = root.rootEnd < len ?
      normalizeSegments(path.slice(root.rootEnd), !root.absolute, '\\', isWinSep) : '';
    if (tail.length === 0 && !root.absolute) tail = '.';
    if (tail.length > 0 && isWinSep(path.charCodeAt(len - 1))) tail += '\\';
    if (reserved) return `.\\${root.device}${tail}`;
    // A relative result must not read as a drive or a stream ('c:' from 'a/../c:', 'x/a:').
    if (!root.absolute && root.device.length === 0 && path.includes(':')) {
      if (tail.length >= 2 && isDriveLetter(tail.charCodeAt(0)) && tail.charCodeAt(1) === COLON) {
        return `.\\${tail}`;
      }
      for (let c = path.indexOf(':'); c !== -1; c = path.indexOf(':', c + 1)) {
        if (c === len - 1 || isWinSep(path.charCodeAt(c + 1))) return `.\\${tail}`;
      }
    }
    if (root.device.length === 0 && !root.unc) return root.absolute ? `\\${tail}` : tail;
    return root.absolute ? `${root.device}\\${tail}` : `${root.device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const c0 = path.charCodeAt(0);
    return isWinSep(c0) ||
      (len > 2 && isDriveLetter(c0) && path.charCodeAt(1) === COLON && isWinSep(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let first;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = first = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';
    // Only the first argument may make a UNC root; separators that come from joining
    // ('' + '\\\\x') must not.
    let firstSeps = 0;
    while (firstSeps < first.length && firstSeps < 3 && isWinSep(first.charCodeAt(firstSeps))) {
      firstSeps++;
    }
    const firstIsUncStart = firstSeps === 2 && first.length > 2;
    if (!firstIsUncStart) {
      let n = 0;
      while (n < joined.length && isWinSep(joined.charCodeAt(n))) n++;
      if (n >= 2) joined = `\\${joined.slice(n)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    const fromL = fromOrig.toLowerCase();
    const toL = toOrig.toLowerCase();
    if (fromL === toL) return '';
    const trimStart = (s) => {
      let i = 0;
      while (i < s.length && s.charCodeAt(i) === BACKSLASH) i++;
      return i;
    };
    const trimEnd = (s, start) => {
      let e = s.length;
      while (e - 1 > start && s.charCodeAt(e - 1) === BACKSLASH) e--;
      return e;
    };
    const fromStart = trimStart(fromL);
    const fromEnd = trimEnd(fromL, fromStart);
    const fromLen = fromEnd - fromStart;
    let toStart = trimStart(toL);
    const toEnd = trimEnd(toL, toStart);
    const toLen = toEnd - toStart;
    const length = Math.min(fromLen, toLen);
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const c = fromL.charCodeAt(fromStart + i);
      if (c !== toL.charCodeAt(toStart + i)) break;
      if (c === BACKSLASH) lastCommonSep = i;
    }
    if (i !== length) {
      // Different drives or UNC roots: no relative path exists.
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        if (toL.charCodeAt(toStart + i) === BACKSLASH) return toOrig.slice(toStart + i + 1);
        if (i === 2) return toOrig.slice(toStart + i); // from is a drive root 'C:\\'
      }
      if (fromLen > length) {
        if (fromL.charCodeAt(fromStart + i) === BACKSLASH) lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || fromL.charCodeAt(i) === BACKSLASH) out += out.length === 0 ? '..' : '\\..';
    }
    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === BACKSLASH) ++toStart;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved.charCodeAt(0) === BACKSLASH) {
      if (resolved.charCodeAt(1) === BACKSLASH) {
        const c2 = resolved.charCodeAt(2);
        if (c2 !== 63 /* ? */ && c2 !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
      }
    } else if (isDriveLetter(resolved.charCodeAt(0)) && resolved.charCodeAt(1) === COLON &&
               resolved.charCodeAt(2) === BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return resolved;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    const root = winRoot(path);
    let rootEnd = root.rootEnd;
    if (root.unc) {
      // dirname of a UNC root (with or without a trailing separator) is the root itself.
      if (root.rootEnd === len) return path;
      rootEnd = root.rootEnd + 1;
    }
    if (len === 1) return isWinSep(path.charCodeAt(0)) ? path : '.';
    // Remove trailing separators, then the last component, then the separator before it.
    let end = len;
    while (end > rootEnd && isWinSep(path.charCodeAt(end - 1))) end--;
    let i = end - 1;
    while (i >= rootEnd && !isWinSep(path.charCodeAt(i))) i--;
    if (i < rootEnd || i < 1) {
      if (rootEnd === 0) return '.';
      return path.slice(0, rootEnd);
    }
    return path.slice(0, i);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    let start = 0;
    if (path.length >= 2 && isDriveLetter(path.charCodeAt(0)) && path.charCodeAt(1) === COLON) {
      start = 2;
    }
    if (suffix !== undefined && suffix.length > 0 && suffix === path) return '';
    return basenameFrom(path, start, suffix, isWinSep);
  },

  extname(path) {
    validateString(path, 'path');
    let start = 0;
    if (path.length >= 2 && path.charCodeAt(1) === COLON && isDriveLetter(path.charCodeAt(0))) {
      start = 2;
    }
    return extOf(basenameFrom(path, start, undefined, isWinSep));
  },

  format: _format.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    const r = winRoot(path);
    let rootEnd = r.rootEnd;
    if (r.unc) {
      rootEnd = Math.min(len, r.rootEnd + 1);
    } else if (len === 1 && !r.absolute) {
      ret.base = ret.name = path;
      return ret;
    }
    if (r.unc && r.rootEnd + 1 >= len && (r.rootEnd === len || isWinSep(path.charCodeAt(len - 1)))) {
      ret.root = ret.dir = path;
      return ret;
    }
    if (!r.unc && rootEnd === len) {
      ret.root = ret.dir = path;
      return ret;
    }
    ret.root = path.slice(0, rootEnd);
    let end = len;
    while (end > rootEnd && isWinSep(path.charCodeAt(end - 1))) end--;
    let baseStart = end;
    while (baseStart > rootEnd && !isWinSep(path.charCodeAt(baseStart - 1))) baseStart--;
    if (end > baseStart) {
      ret.base = path.slice(baseStart, end);
      ret.ext = extOf(ret.base);
      ret.name = ret.ext.length > 0 ? ret.base.slice(0, ret.base.length - ret.ext.length) : ret.base;
    }
    if (baseStart > rootEnd) ret.dir = path.slice(0, baseStart - 1);
    else ret.dir = ret.root;
    return ret;
  },

  matchesGlob(path, pattern) {
    return matchesGlob(true, path, pattern);
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;
