'use strict';
// fs.rm and recursive fs.rmdir: removes files and whole trees, retrying the errors a busy file
// system gives transiently (maxRetries, retryDelay with linear backoff).

const { Buffer } = require('buffer');
const pathModule = require('path');
const { codes: { ERR_FS_EISDIR } } = require('internal/errors');
const { constants, callPromise } = require('internal/fs/utils');

const { S_IFMT, S_IFDIR, UV_DIRENT_DIR, UV_DIRENT_UNKNOWN } = constants;
const kRetryCodes = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);
const kEISDIR = 21;

function toStr(path) {
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

function eisdir(path) {
  return new ERR_FS_EISDIR({
    code: 'EISDIR', message: 'is a directory', path: toStr(path), syscall: 'rm', errno: kEISDIR,
  });
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function retrySync(fn, options) {
  for (let i = 1; ; i++) {
    try {
      return fn();
    } catch (err) {
      if (!kRetryCodes.has(err.code) || i > options.maxRetries) throw err;
      sleepSync(i * options.retryDelay);
    }
  }
}

async function retry(fn, options) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (!kRetryCodes.has(err.code) || i > options.maxRetries) throw err;
      await new Promise((resolve) => setTimeout(resolve, i * options.retryDelay));
    }
  }
}

// Read when the lstat completes: the shared stat array belongs to whoever stats next.
function lstatMode() {
  return binding.statValues[1];
}

function isDirType(dir, name, type) {
  if (type !== UV_DIRENT_UNKNOWN) return type === UV_DIRENT_DIR;
  return binding.lstat(pathModule.join(dir, name), false, undefined, false) === true &&
    (binding.statValues[1] & S_IFMT) === S_IFDIR;
}

// Removes the tree at `path`, which lstat said is a directory.
function rimrafDirSync(path, options) {
  let listing;
  try {
    listing = binding.readdir(path, true, false);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code === 'ENOTDIR') return retrySync(() => binding.unlink(path), options);
    throw err;
  }
  const [names, types] = listing;
  for (let i = 0; i < names.length; i++) {
    const child = pathModule.join(path, names[i]);
    if (isDirType(path, names[i], types[i])) {
      rimrafDirSync(child, options);
    } else {
      try {
        retrySync(() => binding.unlink(child), options);
      } catch (err) {
        if (err.code !== 'ENOENT') throw err;
      }
    }
  }
  try {
    retrySync(() => binding.rmdir(path), options);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
}

async function rimrafDir(path, options) {
  let listing;
  try {
    listing = await callPromise(binding.readdir, [path, true, false], path);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code === 'ENOTDIR') return retry(() => callPromise(binding.unlink, [path, false], path), options);
    throw err;
  }
  const [names, types] = listing;
  await Promise.all(names.map(async (name, i) => {
    const child = pathModule.join(path, name);
    if (isDirType(path, name, types[i])) return rimrafDir(child, options);
    try {
      await retry(() => callPromise(binding.unlink, [child, false], child), options);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }));
  try {
    await retry(() => callPromise(binding.rmdir, [path, false], path), options);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
}

function rmSync(path, options) {
  path = toStr(path);
  let found;
  try {
    found = binding.lstat(path, false);
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  if (found && (binding.statValues[1] & S_IFMT) === S_IFDIR) {
    if (!options.recursive) throw eisdir(path);
    return rimrafDirSync(path, options);
  }
  try {
    retrySync(() => binding.unlink(path), options);
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
}

async function rm(path, options) {
  path = toStr(path);
  let mode;
  try {
    mode = await callPromise(binding.lstat, [path, false], path, undefined, lstatMode);
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
  if ((mode & S_IFMT) === S_IFDIR) {
    if (!options.recursive) throw eisdir(path);
    return rimrafDir(path, options);
  }
  try {
    await retry(() => callPromise(binding.unlink, [path, false], path), options);
  } catch (err) {
    if (err.code === 'ENOENT' && options.force) return;
    throw err;
  }
}

// rmdir(path, { recursive: true }): like rm -r, but a missing path is an error.
function rimrafSync(path, options) {
  path = toStr(path);
  binding.lstat(path, false);
  if ((binding.statValues[1] & S_IFMT) !== S_IFDIR) {
    return binding.rmdir(path);
  }
  rimrafDirSync(path, options);
}

async function rimraf(path, options) {
  path = toStr(path);
  const mode = await callPromise(binding.lstat, [path, false], path, undefined, lstatMode);
  if ((mode & S_IFMT) !== S_IFDIR) {
    return callPromise(binding.rmdir, [path, false], path);
  }
  return rimrafDir(path, options);
}

module.exports = { rm, rmSync, rimraf, rimrafSync };
