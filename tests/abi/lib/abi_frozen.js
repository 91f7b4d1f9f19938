'use strict';
module.exports = { answer: () => binding.answer(), abi: 1 };
