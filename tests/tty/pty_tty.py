#!/usr/bin/env python3
"""tty on a real pseudo-terminal: isatty, ReadStream/WriteStream, window size and 'resize',
colour depth, the cursor helpers' escape sequences, raw mode (bytes at once, Ctrl+C as a byte)
and back to cooked lines. usage: pty_tty.py RUNTIME (nodus, or node for comparison)"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from pty_program import PtyProgram, expect, set_size  # noqa: E402

RUNTIME = sys.argv[1]
PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tty_probe.js")


def main():
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "COLORTERM", "NODE_DISABLE_COLORS", "CI", "TMUX")}
    env["TERM"] = "xterm-256color"
    p = PtyProgram([RUNTIME, PROBE], env, size=(100, 30))
    state = p.event("STATE")
    expect("isatty", state["isatty"], [True, True, True, False, False, False])
    expect("classes", state["classes"], [True, True])
    expect("isTTY", state["isTTY"], [True, True])
    expect("size", state["size"], [100, 30, [100, 30]])
    # xterm-256color: 8 bits; TERM=dumb: 1 bit; COLORTERM=truecolor: 24 bits.
    expect("colors", state["colors"], [8, 1, 24, True, True, False])
    expect("isRaw", state["isRaw"], False)
    expect("highWaterMark", state["highWaterMark"], 0)

    cursor = p.between("CURSOR<", ">END")
    expect("cursor sequences", cursor, b"\x1b[5G\x1b[4;3H\x1b[2D\x1b[1B\x1b[1K\x1b[2K\x1b[0K\x1b[0J")

    expect("raw mode on", p.event("RAW"), True)
    p.write("q")                      # no Enter: raw mode delivers the byte at once
    expect("raw byte", p.event("RAWDATA"), "q")
    p.write("\x03")                   # Ctrl+C is data in raw mode, not SIGINT
    expect("raw ctrl-c", p.event("RAWDATA"), "\x03")
    expect("raw mode off", p.event("COOKED"), False)
    p.write("ab\x7fc\r")              # cooked: the terminal edits the line (backspace) before JS sees it
    expect("cooked line", p.event("LINE"), "ac\n")
    p.event("WAITRESIZE")
    set_size(p.fd, 120, 40)           # the kernel sends SIGWINCH to the foreground process
    expect("resize", p.event("RESIZED"), [120, 40, [120, 40]])
    expect("exit code", p.exit_code(), 0)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
