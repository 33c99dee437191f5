#!/usr/bin/env python3
"""The TUI at scale, as a supervisor runs it: a sandbox seeded with N campaigns in its own process,
and `switchboard ui --refresh 0` in tmux (120x40) against it over loopback. Measures how long the
whole list takes to load (from launch until the status bar says "N campaigns" and no longer
"loading") and the TUI's resident memory once loaded. Prints each number beside its goal; asserts
nothing. The client secret the sandbox prints is passed through the environment, never printed.

usage: tui_scale.py PATH/TO/switchboard [campaigns ...]   (default: 10000 100000)
"""
import os
import re
import subprocess
import sys
import tempfile
import time

SOCKET = "sb-scale"


def start_sandbox(binary, campaigns):
    """Starts a seeded sandbox on a free port; returns (process, environment for the client)."""
    process = subprocess.Popen([binary, "sandbox", "--port", "0", "--seed", str(campaigns)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    env = {}
    deadline = time.time() + 600
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("the sandbox stopped before it listened")
        match = re.match(r"\s*export (KORE_[A-Z_]+)=(.*)$", line.rstrip("\n"))
        if match:
            env[match.group(1)] = match.group(2).strip("'\"")
        if "KORE_CLIENT_SECRET" in env and "KORE_HOST" in env:
            return process, env
    raise SystemExit("the sandbox printed no profile values")


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)


def resident(pid):
    """(VmRSS, VmHWM) in MB from /proc."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def measure(binary, campaigns):
    sandbox, env = start_sandbox(binary, campaigns)
    home = tempfile.mkdtemp(prefix="sb-scale-")
    try:
        tmux("kill-server")
        exports = " ".join(f"{key}={value}" for key, value in env.items())
        command = (f"env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME={home} "
                   f"XDG_STATE_HOME={home} XDG_CONFIG_HOME={home} {exports} {binary} ui --refresh 0")
        start = time.time()
        tmux("new", "-d", "-x", "120", "-y", "40", command)
        wanted = f"{campaigns:,} campaigns"
        loaded = None
        while time.time() - start < 300:
            screen = tmux("capture-pane", "-p").stdout
            status = screen.rstrip("\n").split("\n")[-1] if screen else ""
            if wanted in status and "loading" not in status.lower():
                loaded = time.time() - start
                break
            time.sleep(0.05)
        pid = int(tmux("display", "-p", "#{pane_pid}").stdout.strip() or 0)
        time.sleep(1.5)  # the memory given back once the load is done
        rss, peak = resident(pid) if pid else (0, 0)
        return loaded, rss, peak
    finally:
        tmux("kill-server")
        sandbox.terminate()
        sandbox.wait()


def line(label, value, goal):
    print(f"  {label:<58} {value:>12}   goal {goal}")


def main():
    binary = os.path.abspath(sys.argv[1])
    sizes = [int(arg) for arg in sys.argv[2:]] or [10_000, 100_000]
    print(f"The TUI at scale: {binary} ui against a sandbox in its own process, loopback, 120x40")
    times = {}
    for campaigns in sizes:
        loaded, rss, peak = measure(binary, campaigns)
        times[campaigns] = loaded
        shown = f"{loaded:.1f} s" if loaded else "not loaded"
        line(f"{campaigns:,} campaigns: launch to all loaded", shown, "< 15 s" if campaigns >= 100_000 else "—")
        line(f"{campaigns:,} campaigns: TUI resident memory once loaded (peak)", f"{rss:.0f} MB ({peak:.0f})",
             "< 150 MB" if campaigns >= 100_000 else "—")
    if times.get(10_000) and times.get(100_000):
        line("100,000 / 10,000 load time", f"{times[100_000] / times[10_000]:.1f}", "≤ 11 (linear)")


if __name__ == "__main__":
    main()
