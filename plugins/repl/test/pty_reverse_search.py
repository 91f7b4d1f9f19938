#!/usr/bin/env python3
"""Reverse history search in the nodus REPL on a real pseudo-terminal: Ctrl+R finds older
entries holding the query (again: the next older one), a failed search says so, Enter runs the
entry found, Ctrl+C and Escape give the line back, another key keeps the entry for editing."""
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "tools"))
from pty_program import PtyProgram  # noqa: E402

NODUS = sys.argv[1]


class Session(PtyProgram):
    def __init__(self):
        super().__init__([NODUS], dict(os.environ, NODE_REPL_HISTORY="", TERM="xterm", NO_COLOR="1"))

    def send(self, text):
        self.write(text)
        time.sleep(0.05)


def main():
    s = Session()
    try:
        s.read_until(r"> $")
        for line, out in [("var alphaValue = 1", r"undefined\n"), ("var betaValue = 2", r"undefined\n"),
                          ("alphaValue + betaValue", r"\n3\n")]:
            s.send(line + "\r")
            s.read_until(out)
        # The most recent entry holding the query, then the next older one; Enter runs it.
        s.send("\x12beta")
        s.read_until(r"alphaValue \+ betaValue\nbck-i-search: beta_")
        s.send("\x12")
        s.read_until(r"var betaValue = 2\nbck-i-search: beta_")
        s.send("\r")
        s.read_until(r"var betaValue = 2\nundefined\n")
        # A query found nowhere; Ctrl+C gives back the (empty) line.
        s.send("\x12zzz")
        s.read_until(r"failed-bck-i-search: zzz_")
        s.send("\x03")
        s.send("6*7\r")
        s.read_until(r"\n42\n")
        # Escape gives back what was typed before the search.
        s.send("1+\x12alpha\x1b")
        time.sleep(0.6)  # a lone Escape is told apart from a sequence by time
        s.send("1\r")
        s.read_until(r"\n2\n")
        # Another key keeps the entry found and edits it.
        s.send("\x12alphaValue =\x1b[F")  # End
        s.send(" * 10\r")
        s.read_until(r"undefined\n")
        s.send("alphaValue\r")
        s.read_until(r"\n10\n")
        s.send(".exit\r")
        code = s.exit_code()
        assert code == 0, "exit code %r" % code
    finally:
        try:
            os.kill(s.pid, 9)
        except ProcessLookupError:
            pass
    print("repl reverse search ok")


if __name__ == "__main__":
    main()
