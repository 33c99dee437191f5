#!/usr/bin/env python3
"""The sandbox's throughput driven from outside its process: starts `switchboard sandbox` (the
release binary) on a free loopback port, signs a demo JWT, and runs wrk against GET campaign by
id (rotating over the seeded ids) and the list endpoint (50 a page, sms and voice, skipping
through the first 1,000). Prints wrk's requests a second beside the goals; then starts one with
100,000 campaigns and prints how long seeding took and the process's resident memory. Asserts
nothing. Optionally records a perf profile of the sandbox while wrk drives it.

usage: sandbox_wrk.py PATH/TO/switchboard [--seconds 10] [--connections 32] [--seed 2000]
                      [--large 100000]   (0 skips the seeding measurement)
                      [--perf DIR]   (writes DIR/get.txt and DIR/list.txt: perf report, top symbols)
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

# The sandbox's own demo credentials (SandboxCredentials.demo), never real ones.
CLIENT_ID = "cs-5a4f7c2e-sandbox-demo-client"
SECRET = b"sandbox-demo-secret-not-for-production-use-0001"
STREAM = "st-0603182c-7ffb-53c3-b307-sandbox00001"
ACCOUNT = "67777ce93e25326494esandbox"
GOALS = {"get": 5000, "list": 1000}
SEED_GOAL_SECONDS = 5


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token():
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64url(json.dumps({"appId": CLIENT_ID, "sub": "wrk", "exp": int(time.time()) + 3600}).encode())
    signature = hmac.new(SECRET, f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{b64url(signature)}"


def start_sandbox(binary, seed):
    process = subprocess.Popen([binary, "sandbox", "--port", "0", "--seed", str(seed)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    started = time.time()
    for line in process.stdout:
        match = re.search(r"listening on (http://\S+)", line)
        if match:
            return process, match.group(1), time.time() - started
    raise SystemExit("the sandbox did not start")


def lua_script(directory, kind, ids, jwt):
    headers = "\n".join(f'wrk.headers["{name}"] = "{value}"'
                        for name, value in (("auth", jwt), ("iid", STREAM), ("accountId", ACCOUNT)))
    if kind == "get":
        body = f"""
ids = {{{",".join(json.dumps(i) for i in ids)}}}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/campaign/api/v2/public/{STREAM}/campaign/" .. ids[(counter % #ids) + 1] .. "?accountId={ACCOUNT}")
end
"""
    else:
        body = f"""
counter = 0
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local kind = (counter % 2 == 0) and "sms" or "voice"
  local payload = '{{"type":"' .. kind .. '","limit":50,"skip":' .. ((counter * 50) % 900) .. '}}'
  return wrk.format("POST", "/campaign/api/v2/public/{STREAM}/campaign/getAllCampaignDetails?accountId={ACCOUNT}", nil, payload)
end
"""
    path = os.path.join(directory, f"{kind}.lua")
    with open(path, "w") as file:
        file.write(headers + "\n" + body)
    return path


def seeded_ids(base, jwt):
    request = urllib.request.Request(
        f"{base}/campaign/api/v2/public/{STREAM}/campaign/getAllCampaignDetails?accountId={ACCOUNT}",
        data=b'{"limit":1000}', method="POST",
        headers={"auth": jwt, "iid": STREAM, "accountId": ACCOUNT, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        results = json.load(response)["data"]["results"]
    return [item.get("_id") or item.get("id") for item in results]


def resident_megabytes(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def seeding(binary, count):
    """Seconds until a sandbox seeding `count` campaigns listens, and its resident memory then."""
    process, _, seconds = start_sandbox(binary, count)
    try:
        return seconds, resident_megabytes(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def throughput(options):
    """wrk against GET by id and list pages, each beside its goal."""
    jwt = token()
    process, base, started = start_sandbox(options.binary, options.seed)
    try:
        ids = seeded_ids(base, jwt)
        print(f"Sandbox (wrk -t1 -c{options.connections}, {options.seconds} s, separate process, "
              f"{options.seed:,} seeded campaigns, started in {started:.1f} s)")
        with tempfile.TemporaryDirectory() as directory:
            for kind, label in (("get", "GET campaign by id"), ("list", "list (getAllCampaignDetails, 50)")):
                script = lua_script(directory, kind, ids, jwt)
                perf = None
                if options.perf:
                    os.makedirs(options.perf, exist_ok=True)
                    data = os.path.join(options.perf, f"{kind}.data")
                    perf = subprocess.Popen(["perf", "record", "-g", "-o", data, "-p", str(process.pid)],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    time.sleep(0.5)
                result = subprocess.run(["wrk", "-t1", f"-c{options.connections}", f"-d{options.seconds}s",
                                         "--latency", "-s", script, base], capture_output=True, text=True)
                if perf:
                    perf.send_signal(signal.SIGINT)
                    perf.wait()
                    with open(os.path.join(options.perf, f"{kind}.txt"), "w") as report:
                        subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "symbol", "--stdio"],
                                       stdout=report, stderr=subprocess.DEVNULL)
                rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
                p50 = re.search(r"50%\s+(\S+)", result.stdout)
                p99 = re.search(r"99%\s+(\S+)", result.stdout)
                errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
                value = float(rate.group(1)) if rate else 0.0
                goal = GOALS[kind]
                print(f"{label:<34} {value:8.0f} req/s   p50 {p50.group(1) if p50 else '?':>8}   "
                      f"p99 {p99.group(1) if p99 else '?':>8}   goal >= {goal:,}: {'met' if value >= goal else 'NOT met'}"
                      + (f"   ({errors.group(1)} non-2xx)" if errors else ""))
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seed", type=int, default=2000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--perf", metavar="DIR")
    options = parser.parse_args()
    if shutil.which("wrk"):
        throughput(options)
    else:
        print("sandbox (wrk): wrk is not installed (apt-get install wrk); skipped")
    if options.large:
        seconds, resident = seeding(options.binary, options.large)
        print(f"{f'seed {options.large:,} campaigns':<34} {seconds:8.2f} s       resident memory {resident:.0f} MB   "
              f"goal < {SEED_GOAL_SECONDS} s: {'met' if seconds < SEED_GOAL_SECONDS else 'NOT met'}")


if __name__ == "__main__":
    main()
