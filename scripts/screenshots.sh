#!/usr/bin/env bash
# Screenshots of switchboard: run it in a detached tmux (120x40), drive it with
# keys, capture the pane with its colours and render PNGs into screenshots/.
#
#   scripts/screenshots.sh                     # needs .build/debug/switchboard
#   APP_CMD="..." scripts/screenshots.sh       # another command to shoot
#
# Needs (installed below when missing): tmux, rsvg-convert, DejaVu + WenQuanYi
# fonts (apt), and the Python package rich (in a venv: .build/screenshot-venv).
set -euo pipefail
cd "$(dirname "$0")/.."

SESSION=${SESSION:-switchboard-shots}
APP_CMD=${APP_CMD:-.build/debug/switchboard demo --campaigns 60 --refresh 0}
COLS=120 ROWS=40
OUT=${OUT:-screenshots}  # override only for trials outside the repo
VENV=.build/screenshot-venv
PY=$VENV/bin/python

# ---------------------------------------------------------------- setup ----
apt_pkgs=()
command -v tmux >/dev/null || apt_pkgs+=(tmux)
command -v rsvg-convert >/dev/null || apt_pkgs+=(librsvg2-bin)
fonts=$(fc-list 2>/dev/null || true)
[[ $fonts == *"DejaVu Sans Mono"* ]] || apt_pkgs+=(fonts-dejavu-core)
[[ $fonts == *"WenQuanYi Micro Hei Mono"* ]] || apt_pkgs+=(fonts-wqy-microhei)
# Debian's python3 ships venv without ensurepip; python3-venv adds it.
"$PY" -c 'import rich' 2>/dev/null || python3 -c 'import ensurepip' 2>/dev/null || apt_pkgs+=(python3-venv)
if ((${#apt_pkgs[@]})); then
    sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_pkgs[@]}"
fi
# A venv, not `pip install`: Debian 12's python3 refuses that (PEP 668), and
# --break-system-packages would mix rich into the system's packages. rich is
# pinned because ansi2png.py patches the SVG that this version writes.
if ! "$PY" -c 'import rich' 2>/dev/null; then
    python3 -m venv --clear "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check 'rich==15.0.0'
fi

# -------------------------------------------------------------- helpers ----
# A private tmux server (-L) without user config (-f /dev/null), so neither
# another tmux nor a ~/.tmux.conf changes the size, colours or key bindings.
t() { tmux -L "$SESSION" -f /dev/null "$@"; }

# keys ARGS...: type into the app, e.g. `keys Down Down Enter` or `keys -l 'text'`.
keys() { t send-keys -t "$SESSION" "$@"; }

# wait_for TEXT [TIMEOUT]: poll the screen every 0.1 s until TEXT is on it;
# give up after TIMEOUT whole seconds (default 20) and show the screen.
wait_for() {
    local text=$1 timeout=${2:-20} i
    for ((i = 0; i < timeout * 10; i++)); do
        [[ $(t capture-pane -p -t "$SESSION") == *"$text"* ]] && return 0
        [[ $(t display-message -p -t "$SESSION" '#{pane_dead}') == 1 ]] && break  # app exited
        sleep 0.1
    done
    echo "wait_for: \"$text\" not on screen (app exited, or ${timeout}s passed). Screen:" >&2
    t capture-pane -p -t "$SESSION" >&2 || true
    exit 1
}

# shoot NAME [TITLE]: screenshots/NAME.png of the screen as it is now. -N keeps
# trailing blanks, which matter when they are coloured (reverse status bars).
shoot() {
    local tmp=$OUT/$1.ans.tmp
    t capture-pane -p -e -N -t "$SESSION" >"$tmp"
    "$PY" scripts/ansi2png.py "$tmp" "$OUT/$1.png" --cols "$COLS" --title "${2:-switchboard}"
    rm -f "$tmp"
    echo "wrote $OUT/$1.png"
}

# ----------------------------------------------------------------- main ----
# Fill in below: wait_for what the screen must show, keys to go on, shoot NAME.
mkdir -p "$OUT"
trap 't kill-server 2>/dev/null || true' EXIT
t kill-server 2>/dev/null || true  # a leftover from an interrupted run
# (TERM in the pane is tmux's default, tmux-256color: 256 colours for ncurses.)
t new-session -d -s "$SESSION" -x "$COLS" -y "$ROWS" "LANG=C.UTF-8 $APP_CMD" \
    \; set-option -t "$SESSION" remain-on-exit on  # keep a crash message on screen

# The walk: list, full detail, help, contact lists, a filter, the forms and dialogs, the board
# and a campaign's contacts, a too-small terminal.
wait_for "60 campaigns ("
wait_for "dialing mode"             # the preview's details have arrived
keys j j j
wait_for "row 4/"
shoot 01-campaigns "switchboard demo — campaigns, list and preview"
keys Enter
wait_for "Campaigns (SMS + voice) › "
wait_for "Calling hours"
keys j j j j j j j j j j j j j j
wait_for "lower-case name"          # scrolled down to the record's fields
shoot 02-campaign-detail "switchboard — a campaign's detail and calling hours"
keys Escape '?'
wait_for "── Everywhere"
shoot 03-help "switchboard — help: every key"
keys q L
wait_for "APIContctList"
shoot 04-contact-lists "switchboard — contact lists"
keys Escape /
keys -l "status:active"
wait_for "/status:active"
shoot 05-filtered "switchboard — filtered by status"
# The form, the calling-hours grid, a new campaign with its problems, the delete dialog.
keys Escape
wait_for "row 1/60"
keys e
wait_for "Tab ⇧Tab fields"
keys End
keys -l " (EMEA)"
keys BTab BTab                      # from Name round to Calling hours
wait_for "▸Calling hours"
shoot 07-edit-form "switchboard — editing a campaign"
keys Enter j L L L v j j L L L L
wait_for "block TU–TH 12:00–16:15"
shoot 08-calling-hours-grid "switchboard — the calling-hours grid editor"
keys Escape Escape
wait_for "Discard changes?"
keys Tab Enter
wait_for "changes discarded"
keys n Down Down Down Down Enter
wait_for "New Voice progressive"
keys Tab
keys -l "Winter renewals 冬"
keys C-s
wait_for "not saved:"
shoot 09-new-campaign-problems "switchboard — a new campaign, refused while fields have problems"
keys Escape Tab Enter
wait_for "changes discarded"
keys /
keys -l "status:active"
keys Enter d
wait_for "Delete campaign"
keys -l "Billing Remind"
wait_for "Billing Remind "          # the typed part of the name, before the cursor
shoot 10-delete-dialog "switchboard — deleting needs the campaign's name"
keys Escape
# The shift board (counts paged in the background, the demo's dialer 60× real time), voice
# campaigns by progress, highest first; then the contacts of the first.
keys b
wait_for "PROGRESS"
keys t t
wait_for "Board (Voice)"
keys 4 4
wait_for "PROGRESS▼"
wait_for "100%" 90
wait_for "ATTEMPTS"
shoot 11-board "switchboard — the shift board: progress, outcomes, calling windows"
keys g Enter
wait_for "DISPOSITION CODES"
wait_for "connected"
shoot 12-contacts "switchboard — a campaign's contacts: outcomes, attempts, disposition codes"
keys Escape Escape
wait_for "CALL WINDOW"
# Marks: the active campaigns filtered, three marked, then the one confirmation for stopping them.
keys / Escape                       # the earlier filter cleared
wait_for "row 1/60"
keys /
keys -l "status:active"
keys Enter Space Space Space
wait_for "3 marked"
shoot 13-marks "switchboard — three campaigns marked for one action"
keys x
wait_for "these 3 campaigns?"
shoot 14-bulk-stop "switchboard — one confirmation for every marked campaign"
keys Escape M
t resize-window -t "$SESSION" -x 18 -y 5
wait_for "too s"
COLS=18 shoot 06-too-small "too small"

# The compliance lint in the grid: the demo again with the US federal rule (TCPA) on; the first
# campaign calls from Singapore, at night in every US zone.
t kill-session -t "$SESSION"
t new-session -d -s "$SESSION" -x "$COLS" -y "$ROWS" "LANG=C.UTF-8 $APP_CMD --compliance us-federal" \
    \; set-option -t "$SESSION" remain-on-exit on
wait_for "60 campaigns ("
keys e
wait_for "Tab ⇧Tab fields"
keys BTab BTab
wait_for "▸Calling hours"
keys Enter
wait_for "⚠ compliance"
shoot 15-lint-grid "switchboard — calling hours checked against TCPA in every US zone (warnings only)"
