#!/usr/bin/env python3
"""What a terminal over a slow link receives from switchboard: the real binary on a real pty
(TERM=xterm-256color, 120x40), driven with keys; every os.read that returns data is at least one
write() of the program. Prints each number beside its goal; asserts nothing.

usage: pty_bench.py PATH/TO/switchboard [campaigns]
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import tempfile
import termios
import time

COLS, ROWS = 120, 40
QUIET = 0.15  # seconds without output that end a frame's burst


class App:
    def __init__(self, binary, campaigns):
        self.home = tempfile.mkdtemp(prefix="sb-pty-")
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": self.home, "PATH": "/usr/bin:/bin",
                   "XDG_STATE_HOME": self.home, "XDG_CONFIG_HOME": self.home}
            os.execve(binary, [binary, "demo", "--campaigns", str(campaigns), "--refresh", "0"], env)
        self.pid, self.fd = pid, fd
        self.seen = b""

    def read(self, quiet=QUIET, limit=30.0):
        """Reads until `quiet` seconds pass without output; returns (bytes, reads)."""
        total, reads = 0, 0
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            total += len(chunk)
            reads += 1
            self.seen = (self.seen + chunk)[-200_000:]
        return total, reads

    def wait_for(self, text, limit=60.0):
        deadline = time.monotonic() + limit
        while text.encode() not in self.seen:
            if time.monotonic() > deadline:
                raise SystemExit(f"pty bench: “{text}” never arrived; last output: {self.seen[-300:]!r}")
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                self.seen = (self.seen + os.read(self.fd, 65536))[-200_000:]

    def settle(self, quiet=1.0):
        return self.read(quiet=quiet, limit=120)

    def key(self, keys, quiet=QUIET):
        os.write(self.fd, keys.encode())
        return self.read(quiet=quiet)

    def stop(self):
        os.write(self.fd, b"q")
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else 0


def line(label, value, goal):
    print(f"{label:<58} {value:>14}   goal {goal}")


def main():
    binary = sys.argv[1]
    campaigns = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    app = App(binary, campaigns)
    # ncurses sends only the cells that change, so the final count may never pass as whole text:
    # wait for the first count, then for the output to rest (all pages and visible details in).
    app.wait_for(" campaigns (")
    app.settle(1.5)
    print(f"Through a pty: {binary} demo --campaigns {campaigns} --refresh 0, {COLS}x{ROWS}, TERM=xterm-256color")

    # Idle: nothing changes on screen with --refresh 0 (the clock ticks every second).
    idle_seconds = 10
    idle, _ = app.read(quiet=idle_seconds + 1, limit=idle_seconds)
    line("idle, bytes a minute (--refresh 0)", f"{idle * 60 // idle_seconds:,}", "0")

    # One row with the preview hidden.
    app.key("p")
    app.settle(0.5)
    moves = [app.key("j")[0] for _ in range(10)]
    line("one-row move, preview hidden: bytes (median of 10)", f"{median(moves):,}", "≤ 230")

    # The preview shown: 20 rows at key-repeat speed (30 a second), then the keys stop.
    app.key("p")
    app.key("g")
    app.settle(1.0)
    single = [app.key("j", quiet=0.4)[0] for _ in range(5)]
    line("one-row move with the preview: bytes (median of 5)", f"{median(single):,}", "—")
    app.key("g")
    app.settle(1.0)
    total, reads = 0, 0
    for _ in range(20):
        os.write(app.fd, b"j")
        got, count = app.read(quiet=1 / 30, limit=1 / 30)
        total, reads = total + got, reads + count
    got, count = app.read(quiet=0.5)
    total, reads = total + got, reads + count
    line("20 rows at 30 keys/s with the preview: bytes", f"{total:,}", "≤ 8,192")
    line("20 rows at 30 keys/s with the preview: reads of the pty", f"{reads:,}", "≤ 60")
    app.stop()


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    main()
