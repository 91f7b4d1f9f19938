#!/usr/bin/env python3
"""Drives `nodus` (no arguments) through a real pseudo-terminal: typing, editing keys, tab
completion, multi-line input, .editor, history across two sessions, Ctrl+C twice and Ctrl+D.
usage: pty_session.py NODUS"""
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "tools"))
from pty_program import PtyProgram  # noqa: E402

NODUS = sys.argv[1]


class Session(PtyProgram):
    def __init__(self, history):
        super().__init__([NODUS], dict(os.environ, NODE_REPL_HISTORY=history, TERM="xterm", NO_COLOR="1"))

    def send(self, text):
        self.write(text)

    def wait_exit(self, timeout=10):
        return self.exit_code(timeout)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        history = os.path.join(tmp, "history")
        s = Session(history)
        s.read_until(r"Type \"\.help\" for more information")
        s.read_until(r"> $")
        s.send("1 + 2\r")
        s.read_until(r"\n3\n")
        # Editing: type, move left, insert, backspace.
        s.send("1+9")
        s.send("\x1b[D")       # left arrow
        s.send("2")            # 1+29
        s.send("x\x7f")        # typo then backspace
        s.send("\r")
        s.read_until(r"\n30\n")
        # Ctrl+A / Ctrl+E / Ctrl+U
        s.send("junk\x15")     # Ctrl+U kills the line
        s.send("5\x01")        # Ctrl+A to the start
        s.send("4\x05")        # insert at start, Ctrl+E to the end -> 45
        s.send("\r")
        s.read_until(r"\n45\n")
        # Tab completion of a global.
        s.send("globalThis.uniqueNameXyz = 5\r")
        s.read_until(r"\n5\n")
        s.send("uniqueNa\t")
        time.sleep(0.3)
        s.send("\r")
        s.read_until(r"uniqueNameXyz\n5\n")
        # Multi-line input.
        s.send("function f() {\r")
        s.read_until(r"\.\.\. $")
        s.send("return 42 }\r")
        s.read_until(r"undefined\n")
        s.send("f() + _error === undefined\r")
        s.read_until(r"\n(true|false)\n")
        s.send("f()\r")
        s.read_until(r"\n42\n")
        # History: up arrow recalls the previous line.
        s.send("\x1b[A\r")
        s.read_until(r"\n42\n")
        # Errors print and the session goes on.
        s.send("throw new Error('boom')\r")
        s.read_until(r"Uncaught Error: boom")
        # Ctrl+C breaks a busy evaluation; the session goes on.
        s.send("while (true) {}\r")
        time.sleep(0.5)
        s.send("\x03")
        s.read_until(r"Script execution was interrupted by `SIGINT`")
        s.send("6 * 7\r")
        s.read_until(r"\n42\n")
        # .editor
        s.send(".editor\r")
        s.read_until(r"Entering editor mode")
        s.send("const e = 7\r")
        s.send("e * 6\r")
        s.send("\x04")
        s.read_until(r"\n42\n")
        # Ctrl+C twice leaves.
        s.send("\x03")
        s.read_until(r"To exit, press Ctrl\+C again")
        s.send("\x03")
        code = s.wait_exit()
        assert code == 0, "exit code %r" % code

        # A second session sees the first one's history; Ctrl+D leaves.
        s = Session(history)
        s.read_until(r"> $")
        s.send("\x1b[A")
        s.read_until(r"e \* 6|\.editor|f\(\)|throw new Error")
        s.send("\x15")          # clear the recalled line
        s.send("\x04")          # Ctrl+D on an empty line
        code = s.wait_exit()
        assert code == 0, "exit code %r" % code
    print("repl pty session ok")


if __name__ == "__main__":
    main()
