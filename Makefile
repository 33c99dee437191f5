# Switchboard — `make demo` runs the app on its built-in sandbox, `make test` runs every test.
# Each target first installs the Debian packages the build needs, when they are missing.

APT_PACKAGES := libsqlite3-dev libncurses-dev tmux
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_FLAGS ?=

.PHONY: deps build test demo screenshots bench bench-sandbox bench-client bench-tui bench-pty bench-scale bench-wrk wrk-deps dist install clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@command -v swift >/dev/null || { echo "swift is not on PATH: install Swift 6 (https://swift.org/install)"; exit 1; }

build: deps
	swift build $(SWIFT_FLAGS)

test: deps
	swift test $(SWIFT_FLAGS)

demo: deps
	swift build $(SWIFT_FLAGS) --product switchboard
	.build/debug/switchboard demo

# PNGs of the running app in screenshots/ (installs rsvg-convert, fonts and rich in a venv).
screenshots: deps
	swift build --product switchboard
	scripts/screenshots.sh

# Speed goals live here, as printed numbers (release build, a few minutes the first time).
bench: deps
	swift build -c release --product switchboard-bench
	swift build -c release --product switchboard
	.build/release/switchboard-bench
	@command -v strace >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace; }
	python3 scripts/pty_bench.py .build/release/switchboard
	python3 scripts/tui_scale.py .build/release/switchboard
	@$(MAKE) --no-print-directory wrk-deps
	python3 scripts/sandbox_wrk.py .build/release/switchboard

bench-sandbox: deps
	swift build -c release --product switchboard-bench
	.build/release/switchboard-bench sandbox seed

# The sandbox in its own process, driven by wrk: GET by id and list pages (req/s against their
# goals), then seeding 100,000 campaigns (time and RSS).
bench-wrk: deps wrk-deps
	swift build -c release --product switchboard
	python3 scripts/sandbox_wrk.py .build/release/switchboard

wrk-deps:
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

# The TUI against a sandbox in its own process: load time for 10,000 and 100,000 campaigns, and
# the TUI's resident memory once loaded (tmux, 120x40).
bench-scale: deps
	swift build -c release --product switchboard
	python3 scripts/tui_scale.py .build/release/switchboard

bench-client: deps
	swift build -c release --product switchboard-bench
	.build/release/switchboard-bench list

bench-tui: deps
	swift build -c release --product switchboard-bench
	.build/release/switchboard-bench tui

# Bytes and writes a terminal receives, through a real pty (the release binary, real ncurses);
# strace counts the write() calls. PTY_BINARY=.build/debug/switchboard measures a debug build instead.
PTY_BINARY ?= .build/release/switchboard
bench-pty: deps
	@command -v strace >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace; }
	@if [ "$(PTY_BINARY)" = .build/release/switchboard ]; then swift build -c release --product switchboard; fi
	python3 scripts/pty_bench.py $(PTY_BINARY)

# For a jump host without Swift: a release binary with the Swift standard library linked
# statically, stripped, packed with a man page, shell completions and the README into
# dist/switchboard-<version>-linux-<arch>.tar.gz; prints its size and ldd, and runs the packed
# binary (about 25 min the first time, in its own scratch path .build-dist).
dist: deps
	scripts/dist.sh

# Installs what `make dist` packs: `make install PREFIX=~/.local` (bin/, share/man, completions).
PREFIX ?= /usr/local
install: dist
	scripts/dist.sh install $(PREFIX)

clean:
	rm -rf .build
