#!/bin/sh
# `make dist`: switchboard for a host without a Swift toolchain (a jump host). A release build
# with the Swift standard library linked statically, stripped, packed with a man page (made from
# the argument parser's help), bash/zsh/fish completions and the README into
# dist/switchboard-<version>-linux-<arch>.tar.gz. Prints the size and `ldd`, fails when the binary
# needs a library beyond the system ones a Debian host has (libc, libm, libstdc++, libgcc_s, zlib,
# ncursesw/tinfo, sqlite3), and runs the packed binary's --version and demo --help in a bare
# environment.
#
# usage: scripts/dist.sh                 build and pack
#        scripts/dist.sh install PREFIX  install the packed files under PREFIX (bin/, share/)
# SCRATCH (default .build-dist) is the build's own scratch path; NICE (default "nice -n 19").
set -eu

SCRATCH=${SCRATCH:-.build-dist}
NICE=${NICE:-nice -n 19}
ARCH=$(uname -m)

stage_dir() {
    version=$(cat dist/VERSION 2>/dev/null) || { echo "run make dist first" >&2; exit 1; }
    echo "dist/switchboard-$version-linux-$ARCH"
}

if [ "${1:-}" = install ]; then
    prefix=${2:?usage: scripts/dist.sh install PREFIX}
    stage=$(stage_dir)
    install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
        "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d" "$prefix/share/doc/switchboard"
    install -m 755 "$stage/bin/switchboard" "$prefix/bin/switchboard"
    install -m 644 "$stage/share/man/man1/switchboard.1" "$prefix/share/man/man1/switchboard.1"
    install -m 644 "$stage/share/bash-completion/completions/switchboard" "$prefix/share/bash-completion/completions/switchboard"
    install -m 644 "$stage/share/zsh/site-functions/_switchboard" "$prefix/share/zsh/site-functions/_switchboard"
    install -m 644 "$stage/share/fish/vendor_completions.d/switchboard.fish" "$prefix/share/fish/vendor_completions.d/switchboard.fish"
    install -m 644 "$stage/README.md" "$prefix/share/doc/switchboard/README.md"
    echo "installed switchboard $(cat dist/VERSION) under $prefix"
    exit 0
fi

started=$(date +%s)
$NICE swift build -c release --static-swift-stdlib --product switchboard --scratch-path "$SCRATCH"
binary="$SCRATCH/release/switchboard"
version=$("$binary" --version)
name="switchboard-$version-linux-$ARCH"
stage="dist/$name"

rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
cp "$binary" "$stage/bin/switchboard"
strip "$stage/bin/switchboard"
"$stage/bin/switchboard" --generate-completion-script bash > "$stage/share/bash-completion/completions/switchboard"
"$stage/bin/switchboard" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_switchboard"
"$stage/bin/switchboard" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/switchboard.fish"
python3 scripts/manpage.py "$stage/bin/switchboard" > "$stage/share/man/man1/switchboard.1"
cp README.md "$stage/README.md"
echo "$version" > dist/VERSION
tar -C dist -czf "dist/$name.tar.gz" "$name"

echo
echo "dist/$name.tar.gz: $(du -h "dist/$name.tar.gz" | cut -f1) packed; binary $(du -h "$binary" | cut -f1) unstripped, $(du -h "$stage/bin/switchboard" | cut -f1) stripped; built in $(( $(date +%s) - started )) s"
echo "ldd bin/switchboard:"
ldd "$stage/bin/switchboard" | sed 's/^/  /'
unexpected=$(ldd "$stage/bin/switchboard" | awk '{print $1}' | sed 's|.*/||' \
    | grep -Ev '^(linux-vdso|ld-linux[^ ]*|libc|libm|libstdc\+\+|libgcc_s|libz|libncursesw|libtinfo|libsqlite3|libpthread|libdl|librt|libutil)\.so' || true)
if [ -n "$unexpected" ]; then
    echo "the binary needs libraries a bare Debian host may not have: $unexpected" >&2
    exit 1
fi
echo "needs only system libraries (libc, libm, libstdc++, libgcc_s, zlib, ncursesw, tinfo, sqlite3)"

# The packed binary, unpacked elsewhere, in a bare environment: no toolchain on the PATH.
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
tar -C "$check" -xzf "dist/$name.tar.gz"
packed="$check/$name/bin/switchboard"
got=$(env -i PATH=/usr/bin:/bin HOME="$check" "$packed" --version)
[ "$got" = "$version" ] || { echo "packed --version said '$got', not '$version'" >&2; exit 1; }
env -i PATH=/usr/bin:/bin HOME="$check" "$packed" demo --help | grep -q -- "--campaigns" \
    || { echo "packed demo --help did not describe --campaigns" >&2; exit 1; }
echo "packed binary: --version says $got; demo --help works"
