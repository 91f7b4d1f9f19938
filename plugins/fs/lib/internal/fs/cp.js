'use strict';
// fs.cp / fs.cpSync / fs.promises.cp: copies files, symlinks and (with recursive) directory trees.

const { Buffer } = require('buffer');
const pathModule = require('path');
const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR, ERR_FS_CP_EEXIST, ERR_FS_CP_EINVAL, ERR_FS_CP_NON_DIR_TO_DIR,
    ERR_FS_EISDIR, ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateInteger, validateObject } = require('internal/validators');
const { constants } = require('internal/fs/utils');

const { COPYFILE_EXCL, S_IFMT, S_IFDIR, S_IFLNK } = constants;
const kDefaults = {
  dereference: false, errorOnExist: false, filter: undefined, force: true,
  preserveTimestamps: false, recursive: false, verbatimSymlinks: false, mode: 0,
};

function validateCpOptions(options) {
  if (options === undefined) return { ...kDefaults };
  validateObject(options, 'options');
  options = { ...kDefaults, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  validateInteger(options.mode, 'mode', 0, 7);
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

function toStr(path) {
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

function cpError(Ctor, message, path, errno, code) {
  return new Ctor({ message, path, syscall: 'cp', errno, code });
}

// The sync and async copies share this walk, written as a generator that yields each
// file-system call's result: the sync driver hands values straight back, the async one awaits.
function makeCopier(io) {
  function* statOrNull(path, follow) {
    try {
      return yield io.stat(path, follow);
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  }

  function* copy(src, dest, opts) {
    if (opts.filter) {
      const keep = yield opts.filter(src, dest);
      if (!keep) return;
    }
    const srcStat = yield io.stat(src, opts.dereference);
    const destStat = yield* statOrNull(dest, opts.dereference);
    if (destStat && srcStat.ino === destStat.ino && srcStat.dev === destStat.dev) {
      throw cpError(ERR_FS_CP_EINVAL, 'src and dest cannot be the same', dest, 22, 'EINVAL');
    }
    const srcIsDir = (srcStat.mode & S_IFMT) === S_IFDIR;
    if (destStat) {
      const destIsDir = (destStat.mode & S_IFMT) === S_IFDIR;
      if (srcIsDir && !destIsDir) {
        throw cpError(ERR_FS_CP_DIR_TO_NON_DIR,
                      `cannot overwrite non-directory ${dest} with directory ${src}`, dest, 21, 'EISDIR');
      }
      if (!srcIsDir && destIsDir) {
        throw cpError(ERR_FS_CP_NON_DIR_TO_DIR,
                      `cannot overwrite directory ${src} with non-directory ${dest}`, dest, 20, 'ENOTDIR');
      }
    }
    if (srcIsDir) {
      // Copying into itself is refused before the missing `recursive` is, as in Node.
      const resolvedSrc = pathModule.resolve(src);
      const resolvedDest = pathModule.resolve(dest);
      if (resolvedDest === resolvedSrc || resolvedDest.startsWith(resolvedSrc + pathModule.sep)) {
        throw cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`,
                      dest, 22, 'EINVAL');
      }
      if (!opts.recursive) {
        throw cpError(ERR_FS_EISDIR, `Recursive option is required to copy a directory: ${src}`,
                      src, 21, 'EISDIR');
      }
      if (!destStat) yield io.mkdir(dest, srcStat.mode & 0o7777);
      for (const name of yield io.readdir(src)) {
        yield* copy(pathModule.join(src, name), pathModule.join(dest, name), opts);
      }
      if (!destStat) yield io.chmod(dest, srcStat.mode & 0o7777);
      return;
    }
    if ((srcStat.mode & S_IFMT) === S_IFLNK) {
      let target = yield io.readlink(src);
      if (!opts.verbatimSymlinks && !pathModule.isAbsolute(target)) {
        target = pathModule.resolve(pathModule.dirname(src), target);
      }
      if (destStat) {
        if (!opts.force) {
          if (opts.errorOnExist) {
            throw cpError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, 17, 'EEXIST');
          }
          return;
        }
        yield io.unlink(dest);
      }
      yield io.symlink(target, dest);
      return;
    }
    if (destStat) {
      if (!opts.force) {
        if (opts.errorOnExist) {
          throw cpError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, 17, 'EEXIST');
        }
        return;
      }
      yield io.unlink(dest);
    }
    yield io.copyFile(src, dest, opts.mode & ~COPYFILE_EXCL);
    if (opts.preserveTimestamps) {
      yield io.utimes(dest, srcStat.atimeMs / 1000, srcStat.mtimeMs / 1000);
    }
  }
  return copy;
}

function fsIo(fs) {
  return {
    stat: (p, follow) => (follow ? fs.stat(p) : fs.lstat(p)),
    mkdir: (p, mode) => fs.mkdir(p, { mode, recursive: true }),
    chmod: (p, mode) => fs.chmod(p, mode),
    readdir: (p) => fs.readdir(p),
    readlink: (p) => fs.readlink(p),
    symlink: (t, p) => fs.symlink(t, p),
    unlink: (p) => fs.unlink(p),
    copyFile: (s, d, m) => fs.copyFile(s, d, m),
    utimes: (p, a, m) => fs.utimes(p, a, m),
  };
}

async function runAsync(gen) {
  let step = gen.next();
  while (!step.done) {
    let value;
    try {
      value = await step.value;
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
  return step.value;
}

function runSync(gen) {
  let step = gen.next();
  while (!step.done) step = gen.next(step.value);
  return step.value;
}

let asyncCopy;
async function cp(src, dest, options) {
  if (asyncCopy === undefined) asyncCopy = makeCopier(fsIo(require('internal/fs/promises').exports));
  return runAsync(asyncCopy(toStr(src), toStr(dest), options));
}

function cpSync(src, dest, options) {
  if (options.filter) {
    // Only the async API may be given a filter that returns a promise.
    const filter = options.filter;
    options = {
      ...options,
      filter(s, d) {
        const keep = filter(s, d);
        if (keep && typeof keep.then === 'function') {
          throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', keep);
        }
        return keep;
      },
    };
  }
  const fs = require('fs');
  const io = {
    stat: (p, follow) => (follow ? fs.statSync(p) : fs.lstatSync(p)),
    mkdir: (p, mode) => fs.mkdirSync(p, { mode, recursive: true }),
    chmod: (p, mode) => fs.chmodSync(p, mode),
    readdir: (p) => fs.readdirSync(p),
    readlink: (p) => fs.readlinkSync(p),
    symlink: (t, p) => fs.symlinkSync(t, p),
    unlink: (p) => fs.unlinkSync(p),
    copyFile: (s, d, m) => fs.copyFileSync(s, d, m),
    utimes: (p, a, m) => fs.utimesSync(p, a, m),
  };
  runSync(makeCopier(io)(toStr(src), toStr(dest), options));
}

module.exports = { cp, cpSync, validateCpOptions };
