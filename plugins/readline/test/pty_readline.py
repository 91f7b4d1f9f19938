#!/usr/bin/env python3
"""readline on a real pseudo-terminal: line editing keys (arrows, Home/End, Ctrl+A/E/K/U/W),
tab completion (one match; a list on a second Tab), history up/down with duplicates removed,
question(), Ctrl+C as 'SIGINT', Ctrl+D to close, and the program's exit after the close.
usage: pty_readline.py RUNTIME (nodus, or node for comparison)"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "tools"))
from pty_program import ANSI, PtyProgram, expect  # noqa: E402

RUNTIME = sys.argv[1]
PROBE = os.path.join(HERE, "fixtures", "rl_probe.js")
LEFT, RIGHT, UP, DOWN, HOME, END = "\x1b[D", "\x1b[C", "\x1b[A", "\x1b[B", "\x1b[H", "\x1b[F"


def settled(p, tag, prompt="rl> "):
    """The next TAG event, once the prompt that follows it is on the screen (typing before it
    would merge keys with the prompt's output)."""
    value = p.event(tag)
    if not p.screen_shows(prompt):
        raise AssertionError("no prompt %r after %s: %r" % (prompt, tag, p.out))
    return value


def main():
    p = PtyProgram([RUNTIME, PROBE], dict(os.environ, TERM="xterm", NO_COLOR="1"))
    expect("start", settled(p, "START"), {"terminal": True, "raw": True})
    cases = [
        (("hello", LEFT, LEFT, "X\r"), "helXlo"),                  # insert in the middle
        (("world", HOME, ">", END, "<\r"), ">world<"),             # Home / End
        (("one two three\x17\r",), "one two "),                    # Ctrl+W: word back
        (("abcdef\x01", RIGHT, RIGHT, "\x0b\r"), "ab"),            # Ctrl+A, right, Ctrl+K
        (("xyz\x01\x05!\r",), "xyz!"),                              # Ctrl+A then Ctrl+E
        (("zzz\x15ok\r",), "ok"),                                   # Ctrl+U kills the line
        (("apr\t\r",), "apricot"),                                  # one completion
        (("ok\r",), "ok"),                                          # a duplicate for history
    ]
    for keys, line in cases:
        p.type(*keys)
        expect("line for %r" % (keys,), settled(p, "LINE"), line)

    # Two candidates: a first Tab adds nothing (no longer common prefix), a second one lists them
    # on the screen; the line stays as typed.
    p.type("ap\t")
    assert b"apple" not in ANSI.sub(b"", p.out), "a single Tab listed the candidates: %r" % p.out
    p.type("\t")
    assert p.screen_shows("apple") and p.screen_shows("apricot"), "no completion list: %r" % p.out
    p.type("\x15\r")
    expect("line after the list", settled(p, "LINE"), "")

    # History, newest first, without the duplicate "ok": up twice, down once.
    p.type(UP, UP, DOWN, "\r")
    expect("history up/up/down", settled(p, "LINE"), "ok")
    p.type(UP, UP, UP, "\r")
    expect("history up x3", settled(p, "LINE"), "xyz!")

    p.type("ask\r")
    expect("ask", settled(p, "LINE", "name? "), "ask")
    p.type("Bob\r")
    expect("answer", settled(p, "ANSWER"), "Bob")

    p.type("half\x03")                                              # Ctrl+C with a 'SIGINT' listener
    expect("sigint", settled(p, "SIGINT"), "half")
    # prompt() put the cursor at the start (as Node's does): Ctrl+E, Ctrl+U, then Ctrl+D on the
    # empty line closes the interface, and with it the program.
    p.type("\x05\x15\x04")
    history = p.event("CLOSE")
    # Newest first; the answer to question() is in it too, as in Node.
    expect("history head", history[:5], ["Bob", "ask", "xyz!", "ok", "apricot"])
    expect("no duplicates", len(history), len(set(history)))
    expect("exit code", p.exit_code(), 0)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
