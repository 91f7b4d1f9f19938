'use strict';
// A tiny app bundled by nodus-pack --app: uses a dependency from its own node_modules and fs.
const pad = require('leftpad-lite');
const fs = require('fs');
console.log(pad(String(fs.readdirSync(__dirname).includes('server.js')), 6), process.argv.slice(2).join(' '));
