'use strict';
// util.parseEnv on dotenv edge cases; compared against Node.
const { parseEnv } = require('util');
const inputs = ['A=1\nB=2', 'export X=hello world  # comment', 'Q="quoted\\nnewline"', "S='single # not comment'", 'M="multi\nline"', 'EMPTY=', ' SPACED = value ', '# only comment', 'DUP=1\nDUP=2', 'B=`back`', 'INVALID LINE', 'K=v=w', 'U="unterminated', 'C=a#b', 'D=a #b', 'WIN=1\r\nWIN2=2\r\n', 'E="a\\tb"'];
for (const i of inputs) console.log(JSON.stringify(i), JSON.stringify(parseEnv(i)));
for (const i of ['U="x\nV=1', "U='x\nV=1", 'U=`x\nV=1', 'V=1\nU="x', 'U="x" trailing', 'U="a"b', 'U=x"y', 'U=  "x"  ', 'A=1 # c\nB="2" # c', 'X="line1\nline2"\nY=3', 'export  E2=v', '  # c\n\n\nA=1', '=novalue', 'K =  v  #x']) console.log(JSON.stringify(i), JSON.stringify(parseEnv(i)));
