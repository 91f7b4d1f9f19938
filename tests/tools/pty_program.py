"""A program on a real pseudo-terminal, for tests that drive nodus (or node) as a person at a
terminal would: bounded reads of what it printed, key-by-key typing, tagged JSON events, the exit
code. Imported by tests/tty/pty_tty.py, plugins/readline/test/pty_readline.py and the REPL's pty tests."""
import fcntl
import json
import os
import pty
import re
import select
import struct
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def set_size(fd, cols, rows):
    """Sets a terminal's window size (on the master, the kernel sends SIGWINCH to the program)."""
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def expect(what, got, want):
    if got != want:
        raise AssertionError("%s: got %r, want %r" % (what, got, want))


class PtyProgram:
    def __init__(self, argv, env, size=None):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            if size:
                set_size(0, *size)
            os.execve(argv[0], argv, env)
        self.out = b""

    def _read_once(self, wait):
        """One bounded read; False once the terminal is closed."""
        r, _, _ = select.select([self.fd], [], [], wait)
        if not r:
            return True
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            return False
        self.out += data
        return bool(data)

    def pump(self, until, timeout=15):
        """Reads until until(output) holds or `timeout` seconds pass; returns whether it held."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if until(self.out):
                return True
            if not self._read_once(0.2):
                break
        return bool(until(self.out))

    def quiet(self, gap=0.1, limit=2):
        """Reads until the program has written nothing for `gap` seconds (pacing only)."""
        deadline = time.time() + limit
        while time.time() < deadline:
            before = len(self.out)
            if not self._read_once(gap) or len(self.out) == before:
                return

    def screen_shows(self, text):
        return self.pump(lambda out: text.encode() in ANSI.sub(b"", out))

    def event(self, tag):
        """The JSON of the next line 'TAG <json>'; what it printed before is consumed."""
        pattern = re.compile(rb"(?:^|\n)" + tag.encode() + rb" (.*?)\r?\n")
        if not self.pump(lambda out: pattern.search(out)):
            raise AssertionError("no %s event; output so far: %r" % (tag, self.out))
        m = pattern.search(self.out)
        self.out = self.out[m.end() - 1:]
        return json.loads(m.group(1).decode("latin1"))

    def between(self, start, end):
        """The raw bytes printed between two markers."""
        s, e = start.encode(), end.encode()
        pattern = re.compile(re.escape(s) + rb"(.*?)" + re.escape(e), re.S)
        if not self.pump(lambda out: pattern.search(out)):
            raise AssertionError("no %s...%s in %r" % (start, end, self.out))
        return pattern.search(self.out).group(1)

    def read_until(self, pattern, timeout=15):
        """Reads until the screen text since the last call (escapes and CRs left out) matches the
        regex `pattern`; returns that text and consumes it."""
        def clean(out):
            return ANSI.sub(b"", out).replace(b"\r", b"").decode("utf-8", "replace")
        if not self.pump(lambda out: re.search(pattern, clean(out)), timeout):
            raise AssertionError("timed out waiting for %r; got %r" % (pattern, clean(self.out)))
        text = clean(self.out)
        self.out = b""
        return text

    def write(self, data):
        os.write(self.fd, data if isinstance(data, bytes) else data.encode())

    def type(self, *parts):
        """Types key by key, as a person does: each plain character and each escape sequence is one
        write, and the next waits until the terminal has shown the effect (writes that merged into
        one chunk would be taken for pasted text)."""
        for part in parts:
            for key in ([part] if part.startswith("\x1b") else list(part)):
                before = len(self.out)
                self.write(key)
                self.pump(lambda out: len(out) > before, 2)
                self.quiet()

    def exit_code(self, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            if not self._read_once(0.1):
                time.sleep(0.05)  # the terminal is closed: only the exit is left to wait for
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        raise AssertionError("the program did not exit; output: %r" % self.out)
