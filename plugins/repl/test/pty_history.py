#!/usr/bin/env python3
"""REPL history without NODE_REPL_HISTORY: kept in ~/.node_repl_history (newest first), and not
kept at all when NODE_REPL_HISTORY is empty. A real pseudo-terminal, HOME in a temporary folder.
usage: pty_history.py RUNTIME (nodus, or node for comparison)"""
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "tools"))
from pty_program import PtyProgram, expect  # noqa: E402

RUNTIME = sys.argv[1]


def session(home, extra_env, lines):
    env = {k: v for k, v in os.environ.items() if k != "NODE_REPL_HISTORY"}
    env.update(HOME=home, TERM="xterm", NO_COLOR="1", **extra_env)
    p = PtyProgram([RUNTIME], env)
    if not p.screen_shows("> "):
        raise AssertionError("no prompt: %r" % p.out)
    for line in lines:
        p.type(line + "\r")
    p.type("\x04")                       # Ctrl+D on an empty line leaves
    expect("exit code", p.exit_code(), 0)


def main():
    with tempfile.TemporaryDirectory() as home:
        path = os.path.join(home, ".node_repl_history")
        session(home, {}, ["1 + 1", "'second'"])
        with open(path) as f:
            expect("history file", f.read().splitlines()[:2], ["'second'", "1 + 1"])
    with tempfile.TemporaryDirectory() as home:
        session(home, {"NODE_REPL_HISTORY": ""}, ["3 + 3"])
        expect("no history file", os.path.exists(os.path.join(home, ".node_repl_history")), False)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
