'use strict';

const osBinding = internalBinding('os');
const {
  codes: { ERR_SYSTEM_ERROR },
  uvErrmapGet,
} = require('internal/errors');
const { validateInt32 } = require('internal/validators');

// A negative number from the binding is a libuv error: throw Node's SystemError for it.
function check(result, syscall) {
  if (typeof result === 'number' && result < 0) {
    const entry = uvErrmapGet(result) || ['UNKNOWN', 'unknown error'];
    throw new ERR_SYSTEM_ERROR({ errno: result, code: entry[0], message: entry[1], syscall });
  }
  return result;
}

// os.hostname and friends also work where a string is expected (`${os.hostname}`), as in Node.
function primitive(fn) {
  fn[Symbol.toPrimitive] = () => fn();
  return fn;
}

const hostname = primitive(function hostname() {
  return check(osBinding.getHostname(), 'uv_os_gethostname');
});

function osInfo() {
  return check(osBinding.getOSInformation(), 'uv_os_uname');
}

const type = primitive(function type() {
  return osInfo()[0];
});

const version = primitive(function version() {
  return osInfo()[1];
});

const release = primitive(function release() {
  return osInfo()[2];
});

const machine = primitive(function machine() {
  return osInfo()[3];
});

const homedir = primitive(function homedir() {
  return check(osBinding.getHomeDirectory(), 'uv_os_homedir');
});

const uptime = primitive(function uptime() {
  return check(osBinding.getUptime(), 'uv_uptime');
});

const totalmem = primitive(function totalmem() {
  return osBinding.getTotalMem();
});

const freemem = primitive(function freemem() {
  return osBinding.getFreeMem();
});

const tmpdir = primitive(function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
});

const endianness = primitive(function endianness() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
});

function arch() {
  return process.arch;
}
arch[Symbol.toPrimitive] = () => process.arch;

function platform() {
  return process.platform;
}
platform[Symbol.toPrimitive] = () => process.platform;

const availableParallelism = primitive(function availableParallelism() {
  return osBinding.getAvailableParallelism();
});

function loadavg() {
  return osBinding.getLoadAvg();
}

function cpus() {
  const data = check(osBinding.getCPUs(), 'uv_cpu_info');
  const result = [];
  for (let i = 0; i < data.length; i += 7) {
    result.push({
      model: data[i],
      speed: data[i + 1],
      times: {
        user: data[i + 2],
        nice: data[i + 3],
        sys: data[i + 4],
        idle: data[i + 5],
        irq: data[i + 6],
      },
    });
  }
  return result;
}

// "address/prefix" when the netmask is a contiguous run of ones, else null.
function getCIDR(address, netmask, family) {
  let bits = '';
  if (family === 'IPv4') {
    for (const part of netmask.split('.')) bits += (Number(part) >>> 0).toString(2).padStart(8, '0');
  } else {
    // Expand '::' so every group is present.
    let groups = netmask.split(':');
    const empty = groups.indexOf('');
    if (empty !== -1) {
      const filled = groups.filter((g) => g !== '');
      const missing = 8 - filled.length;
      groups = [...groups.slice(0, empty).filter((g) => g !== ''),
                ...new Array(missing).fill('0'),
                ...groups.slice(empty).filter((g) => g !== '')];
    }
    for (const g of groups) bits += parseInt(g || '0', 16).toString(2).padStart(16, '0');
  }
  const ones = bits.indexOf('0') === -1 ? bits.length : bits.indexOf('0');
  if (bits.slice(ones).includes('1')) return null;
  return `${address}/${ones}`;
}

function networkInterfaces() {
  const data = check(osBinding.getInterfaceAddresses(), 'uv_interface_addresses');
  const result = {};
  for (let i = 0; i < data.length; i += 7) {
    const name = data[i];
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family: data[i + 3],
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: getCIDR(data[i + 1], data[i + 2], data[i + 3]),
    };
    if (entry.family === 'IPv6') entry.scopeid = data[i + 6];
    if (result[name] === undefined) result[name] = [entry];
    else result[name].push(entry);
  }
  return result;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  check(osBinding.setPriority(pid, priority), 'uv_os_setpriority');
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  return check(osBinding.getPriority(pid), 'uv_os_getpriority').priority;
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const info = check(osBinding.getUserInfo(), 'uv_os_get_passwd');
  if (options && options.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    for (const key of ['username', 'homedir', 'shell']) {
      if (typeof info[key] === 'string') info[key] = Buffer.from(info[key]);
    }
  }
  return info;
}

// Function names as Node's (they show in stack traces and util.inspect).
for (const [fn, name] of [[availableParallelism, 'getAvailableParallelism'], [freemem, 'getFreeMem'],
  [homedir, 'wrappedFn'], [hostname, 'wrappedFn'], [release, 'getOSRelease'],
  [totalmem, 'getTotalMem'], [type, 'getOSType'], [uptime, 'wrappedFn'], [version, 'getOSVersion'],
  [machine, 'getMachine']]) {
  Object.defineProperty(fn, 'name', { value: name, configurable: true });
}

const constants = osBinding.constants;

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, writable: false, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
