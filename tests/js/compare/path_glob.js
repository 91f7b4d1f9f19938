const path = require('path');
const cases = [['a/b.js', '**/*.js'], ['a/b.js', '*.js'], ['x.ts', '*.{js,ts}'], ['.hidden', '*'], ['a/.b/c', 'a/**/c'], ['a/b/c/d.txt', 'a/**/d.txt'], ['a/d.txt', 'a/**/d.txt'],
  ['abc', 'a?c'], ['abc', 'a[bx]c'], ['abc', 'a[!b]c'], ['a/b', 'a/b/'], ['/abs/x', '/abs/*'], ['x', '!y'], ['src/lib/a.test.js', 'src/**/*.test.{js,mjs}'], ['.git/x', '**'], ['a/b', '**'], ['a', 'a/**'], ['a/b/c', 'a/*/c'], ['a/b/c', 'a/*']];
for (const [p, g] of cases) console.log(p, g, path.matchesGlob(p, g), path.posix.matchesGlob(p, g), path.win32.matchesGlob(p.replace(/\//g, '\\'), g));
