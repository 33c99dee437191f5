#!/usr/bin/env python3
"""What a terminal over a slow link receives from switchboard: the real binary on a real pty
(TERM=xterm-256color, 120x40), driven with keys. Bytes are counted as the pty delivers them;
write() calls to the tty are counted with strace when it can trace (each os.read that returns data
is at least one write(), so the reads are printed too). Prints each number beside its goal;
asserts nothing.

usage: pty_bench.py PATH/TO/switchboard [campaigns]
"""
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

COLS, ROWS = 120, 40
QUIET = 0.15  # seconds without output that end a frame's burst


def strace_command():
    """The strace prefix that records write() calls with their times, or None when it cannot trace."""
    strace = shutil.which("strace")
    if not strace:
        return None
    for extra in (["--seccomp-bpf"], []):
        command = [strace, "-f", "-qq", "-ttt", "-y", "-e", "trace=write", *extra]
        try:
            probe = subprocess.run(command + ["-o", "/dev/null", "true"], capture_output=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return command
    return None


class Writes:
    """write() calls the program made to its terminal, from an strace log (-ttt -y)."""

    CALL = re.compile(r"^\d+\s+(\d+\.\d+)\s+write\(\d+</dev/(?:pts/\d+|tty\w*)>")

    def __init__(self, path):
        self.times = []
        with open(path, errors="replace") as log:
            for entry in log:
                match = self.CALL.match(entry)
                if match:  # a call's first line (a resumed one is the same call)
                    self.times.append(float(match.group(1)))

    def between(self, start, end):
        return sum(1 for moment in self.times if start <= moment < end)


class App:
    def __init__(self, binary, campaigns, refresh=0, trace=None):
        self.home = tempfile.mkdtemp(prefix="sb-pty-")
        self.trace = os.path.join(self.home, "writes.log") if trace else None
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": self.home, "PATH": "/usr/bin:/bin",
                   "XDG_STATE_HOME": self.home, "XDG_CONFIG_HOME": self.home}
            argv = [binary, "demo", "--campaigns", str(campaigns), "--refresh", str(refresh)]
            if trace:
                argv = trace + ["-o", self.trace] + argv
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.seen = b""
        self.marks = {}

    def read(self, quiet=QUIET, limit=30.0):
        """Reads until `quiet` seconds pass without output; returns (bytes, reads)."""
        total, reads, arrived = 0, 0, []
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
            arrived.append(chunk)
            self.seen = (self.seen + chunk)[-200_000:]
        self.last = b"".join(arrived)
        return total, reads

    def capture(self, keys, quiet=QUIET):
        """Sends `keys`, reads until quiet; returns what arrived."""
        os.write(self.fd, keys.encode())
        self.read(quiet=quiet)
        return self.last

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

    def measured(self, name, keys, quiet=QUIET):
        """Like key(), remembering when it started and ended, for counting its writes later."""
        start = time.time()
        result = self.key(keys, quiet=quiet)
        self.marks.setdefault(name, []).append((start, time.time()))
        return result

    def stop(self):
        os.write(self.fd, b"q")
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        return Writes(self.trace) if self.trace and os.path.exists(self.trace) else None


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else 0


def line(label, value, goal):
    print(f"{label:<66} {value:>10}   goal {goal}")


SELECTED_TYPE = re.compile("▸(Voice|SMS)".encode())


def row_types(app, count):
    """The TYPE column of the first `count` rows, read from the selected row each `j` redraws
    (the preview must be hidden, so that a move sends only the two rows)."""
    app.key("g")
    app.settle(0.5)
    types = [None]  # row 0's: the first move redraws it unselected, without the marker
    for _ in range(count):
        found = SELECTED_TYPE.findall(app.capture("j", quiet=0.3))
        types.append(found[-1].decode() if found else None)
    return types  # types[i] is row i's (0-based)


def main():
    binary = sys.argv[1]
    campaigns = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    trace = strace_command()
    app = App(binary, campaigns, trace=trace)
    # ncurses sends only the cells that change, so the final count may never pass as whole text:
    # wait for the first count, then for the output to rest (all pages and visible details in).
    app.wait_for(" campaigns (")
    app.settle(1.5)
    print(f"Through a pty: {binary} demo --campaigns {campaigns} --refresh 0, {COLS}x{ROWS}, TERM=xterm-256color")
    print("write() calls counted with strace" if trace else "write() calls not counted: strace is missing or cannot trace here")

    # Idle: nothing changes on screen with --refresh 0 (the clock ticks every second).
    idle_seconds = 10
    idle, _ = app.read(quiet=idle_seconds + 1, limit=idle_seconds)
    line("idle, bytes a minute (--refresh 0)", f"{idle * 60 // idle_seconds:,}", "0")

    # One row with the preview hidden.
    app.key("p")
    app.settle(0.5)
    moves = [app.measured("move", "j")[0] for _ in range(10)]
    line("one-row move, preview hidden: bytes (median of 10)", f"{median(moves):,}", "≤ 230")

    # A full repaint (Ctrl-L): the largest frame.
    repaint, repaint_reads = app.measured("repaint", "\x0c", quiet=0.4)
    line("full repaint (Ctrl-L): bytes", f"{repaint:,}", "—")

    # Which neighbouring rows share a type, for the preview change below.
    types = row_types(app, 12)
    same = next((i for i in range(len(types) - 1) if types[i] and types[i] == types[i + 1]), None)
    other = next((i for i in range(len(types) - 1) if types[i] and types[i + 1] and types[i] != types[i + 1]), None)

    # The preview shown.
    app.key("p")
    app.key("g")
    app.settle(1.0)
    single = [app.key("j", quiet=0.4)[0] for _ in range(5)]
    line("one-row move with the preview: bytes (median of 5)", f"{median(single):,}", "—")
    for label, row in (("same campaign type", same), ("another type", other)):
        if row is None:
            line(f"preview change, {label}: bytes (with the row move)", "n/a", "—")
            continue
        app.key("g")
        app.settle(0.5)
        if row:
            app.key("j" * row, quiet=0.6)
        app.settle(0.5)
        # From row `row` to row `row + 1`: the pair whose types were compared.
        changed, _ = app.measured("preview", "j", quiet=0.6)
        line(f"preview change, {label}: bytes (with the row move)", f"{changed:,}", "—")

    # 20 rows at key-repeat speed (30 a second), then the keys stop.
    app.key("g")
    app.settle(1.0)
    total, reads = 0, 0
    start = time.time()
    for _ in range(20):
        os.write(app.fd, b"j")
        got, count = app.read(quiet=1 / 30, limit=1 / 30)
        total, reads = total + got, reads + count
    got, count = app.read(quiet=0.5)
    total, reads = total + got, reads + count
    app.marks["scroll"] = [(start, time.time())]
    line("20 rows at 30 keys/s with the preview: bytes", f"{total:,}", "≤ 8,192")
    line("20 rows at 30 keys/s with the preview: reads of the pty", f"{reads:,}", "—")
    writes = app.stop()

    if writes:
        def counts(name):
            return [writes.between(start, end) for start, end in app.marks.get(name, [])]
        line("one-row move, preview hidden: write() calls (most of 10)", f"{max(counts('move'), default=0)}", "1")
        line("full repaint (Ctrl-L): write() calls", f"{max(counts('repaint'), default=0)}", "1")
        line("preview change: write() calls (most)", f"{max(counts('preview'), default=0)}", "1")
        scroll = sum(counts("scroll"))
        line("20 rows at 30 keys/s with the preview: write() calls", f"{scroll:,}", "≤ 60 (≤ 3 a key)")

    # Idle with refreshes on: only what changed may be sent (the demo data does not change).
    refresh = 2
    app = App(binary, campaigns, refresh=refresh)
    app.wait_for(" campaigns (")
    app.settle(1.5)
    idle, _ = app.read(quiet=idle_seconds + 1, limit=idle_seconds)
    line(f"idle, bytes a minute (--refresh {refresh})", f"{idle * 60 // idle_seconds:,}", "changed cells only")
    app.stop()


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    main()
