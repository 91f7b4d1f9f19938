'use strict';
// IP address checks (net.isIP/isIPv4/isIPv6). IPv4 is the dotted-quad form without leading zeros
// (as Node accepts); IPv6 is whatever inet_pton accepts, with an optional zone index after '%'.

const v4Part = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Re = new RegExp(`^${v4Part}(?:\\.${v4Part}){3}$`);

function isIPv4(input) {
  return v4Re.test(input);
}

function isIPv6(input) {
  if (typeof input !== 'string') input = `${input}`;
  // Cheap rejection first: every IPv6 literal has a colon and only these characters.
  if (input.length < 2 || input.length > 100 || input.indexOf(':') === -1) return false;
  return binding.isIPv6(input);
}

function isIP(input) {
  if (typeof input !== 'string') input = `${input}`;
  if (isIPv4(input)) return 4;
  if (isIPv6(input)) return 6;
  return 0;
}

module.exports = { isIP, isIPv4, isIPv6 };
