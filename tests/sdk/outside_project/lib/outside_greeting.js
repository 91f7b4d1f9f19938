'use strict';
module.exports = { greet: (name) => binding.shout(`hello, ${name}`) };
