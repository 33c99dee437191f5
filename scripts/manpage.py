#!/usr/bin/env python3
"""A man page (roff, section 1) for switchboard made from its argument parser's own help: the
top-level help, then each subcommand's (and their subcommands'), so it never drifts from the code.

usage: manpage.py PATH/TO/switchboard > switchboard.1
"""
import datetime
import re
import subprocess
import sys


def help_text(binary, path):
    result = subprocess.run([binary, *path, "--help"], capture_output=True, text=True, env={"COLUMNS": "78"})
    return result.stdout.rstrip()


def subcommands(text):
    """The names listed under SUBCOMMANDS: in a help text."""
    names, inside = [], False
    for line in text.splitlines():
        if line.startswith("SUBCOMMANDS:"):
            inside = True
            continue
        if inside:
            if line and not line.startswith(" "):
                break
            match = re.match(r"^  ([a-z][a-z0-9-]*)", line)
            if match and not line.strip().startswith("See "):
                names.append(match.group(1))
    return names


def roff(text):
    """Text as roff lines shown as they are (no filling), special characters escaped."""
    out = []
    for line in text.splitlines():
        line = line.replace("\\", "\\e")
        if line.startswith((".", "'")):
            line = "\\&" + line
        out.append(line)
    return "\n".join(out)


def main():
    binary = sys.argv[1]
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    top = help_text(binary, [])
    overview = top.split("\n\n")[0].replace("OVERVIEW: ", "")
    date = datetime.date.today().isoformat()
    page = [
        f'.TH SWITCHBOARD 1 "{date}" "switchboard {version}" "User Commands"',
        ".SH NAME",
        f"switchboard \\- {roff(overview)}",
        ".SH SYNOPSIS",
        ".B switchboard",
        "[\\fIsubcommand\\fR] [\\fIoptions\\fR]",
        ".SH DESCRIPTION",
        ".nf",
        roff(top),
        ".fi",
    ]
    queue = [[name] for name in subcommands(top)]
    while queue:
        path = queue.pop(0)
        text = help_text(binary, path)
        page += [f".SH {' '.join(path).upper()}", ".nf", roff(text), ".fi"]
        queue += [path + [name] for name in subcommands(text)]
    page += [".SH FILES", "$XDG_CONFIG_HOME/switchboard/config.yaml (profiles),",
             "$XDG_STATE_HOME/switchboard/drafts/ (unsaved forms).",
             ".SH SEE ALSO", "The README.md shipped beside this page."]
    print("\n".join(page))


if __name__ == "__main__":
    main()
