'use strict';
// Run on a real pseudo-terminal by pty_tty.py (not a test by itself). Prints what the tty module
// and process.stdin/stdout report, writes the cursor helpers' sequences between markers, then
// follows the driver's script: raw bytes, cooked lines, a window resize.
const tty = require('tty');
const { stdin, stdout } = process;

const report = (tag, value) => stdout.write(`${tag} ${JSON.stringify(value)}\n`);
report('STATE', {
  isatty: [tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(99), tty.isatty(-1), tty.isatty('1')],
  classes: [stdin instanceof tty.ReadStream, stdout instanceof tty.WriteStream],
  isTTY: [stdin.isTTY, stdout.isTTY],
  size: [stdout.columns, stdout.rows, stdout.getWindowSize()],
  colors: [stdout.getColorDepth(), stdout.getColorDepth({ TERM: 'dumb' }), stdout.getColorDepth({ COLORTERM: 'truecolor' }),
    stdout.hasColors(), stdout.hasColors(256), stdout.hasColors(2 ** 24)],
  isRaw: stdin.isRaw,
  highWaterMark: stdin.readableHighWaterMark,  // 0: a terminal is not read ahead
});

stdout.write('CURSOR<');
stdout.cursorTo(4);
stdout.cursorTo(2, 3);
stdout.moveCursor(-2, 1);
stdout.clearLine(-1);
stdout.clearLine(0);
stdout.clearLine(1);
stdout.clearScreenDown();
stdout.write('>END\n');

let phase = 'raw';
stdin.setRawMode(true);
report('RAW', stdin.isRaw);
stdin.on('data', (chunk) => {
  const text = chunk.toString('latin1');
  if (phase === 'raw') {
    report('RAWDATA', text);
    if (text.includes('\x03')) {
      stdin.setRawMode(false);
      phase = 'cooked';
      report('COOKED', stdin.isRaw);
    }
  } else if (phase === 'cooked') {
    report('LINE', text);
    phase = 'resize';
    stdout.once('resize', () => {
      report('RESIZED', [stdout.columns, stdout.rows, stdout.getWindowSize()]);
      stdin.pause();
    });
    report('WAITRESIZE', true);
  }
});
