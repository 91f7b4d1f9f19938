'use strict';
// What require('net') exports (names and types), and the deprecated Windows-only
// _setSimultaneousAccepts (a no-op that warns once), for comparison with Node.
const net = require('net');
for (const key of Object.keys(net).sort()) console.log(key, typeof net[key]);
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
console.log(net._setSimultaneousAccepts(true), net._setSimultaneousAccepts(false), net._setSimultaneousAccepts.name);
