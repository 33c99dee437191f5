#!/usr/bin/env python3
"""Render a `tmux capture-pane -p -e -N` capture (text with SGR escapes) to a PNG.

usage: python3 scripts/ansi2png.py CAPTURE.ans OUT.png --cols 120 [--title TEXT]

Pipeline: rich parses the ANSI text and exports an SVG, which is patched for
librsvg and then rasterised with `rsvg-convert` (Debian: librsvg2-bin).
Fonts: fonts-dejavu-core (DejaVu Sans Mono) and fonts-wqy-microhei (CJK).
"""
import argparse
import html
import io
import itertools
import os
import re
import subprocess
import sys

try:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text
except ImportError:  # fall back to the venv that scripts/screenshots.sh sets up
    venv_py = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "screenshot-venv", "bin", "python")
    if os.path.exists(venv_py) and not os.environ.get("ANSI2PNG_REEXEC"):
        os.environ["ANSI2PNG_REEXEC"] = "1"
        os.execv(venv_py, [venv_py] + sys.argv)
    sys.exit("ansi2png: python package 'rich' is missing; run scripts/screenshots.sh once or `pip install rich`")

FONT = "DejaVu Sans Mono, WenQuanYi Micro Hei Mono, monospace"
ASPECT = 0.602        # advance/em of DejaVu Sans Mono (1233/2048)
CHAR_W = 20 * ASPECT  # rich's export_svg uses a 20px font, rows 1.22em apart


def render_svg(capture: str, cols: int, title: str) -> str:
    # tmux ends every row with "\n"; drop only the last one so trailing blank
    # rows stay (full terminal height) and no extra empty row appears.
    if capture.endswith("\n"):
        capture = capture[:-1]
    # One Text for the whole capture: tmux emits SGR only on changes, so a
    # colour set on one row can still be in force on the next ones.
    text = Text.from_ansi(capture)
    console = Console(record=True, width=cols, file=io.StringIO())
    console.print(text, no_wrap=True, overflow="crop")
    return console.export_svg(title=title, font_aspect_ratio=ASPECT)


def fix_text(m: "re.Match[str]") -> str:
    """Rewrite one <text> element (one styled run of one row) of rich's SVG.

    rich sets textLength=char_width*len(text), wrong for CJK (it must be
    cell_len), and librsvg 2.54 ignores textLength anyway: glyphs sit at the
    font's own advance, 1em (20px) for a CJK glyph instead of two cells
    (24.08px). So split the run into pieces (narrow text, box drawing, each
    wide char) and place every piece at its own cell column.
    """
    attrs_before, x, attrs_after, content = m.group(1), float(m.group(2)), m.group(3), m.group(4)
    attrs_after = re.sub(r' textLength="[^"]*"', "", attrs_after)
    baseline = float(re.search(r' y="([^"]+)"', attrs_after).group(1))
    pieces, col = [], 0
    for kind, run in split_runs(html.unescape(content)):
        width = cell_len(run)
        px, extra = x + col * CHAR_W, ""
        if kind == "wide":  # centre the 1em glyph in its two cells
            px += (2 * CHAR_W - 20) / 2
        elif kind == "box":  # DejaVu's box glyphs are 1.164em tall, rows 1.22em:
            mid = baseline - 6.6  # stretch them about the row's middle so borders join
            extra = f' transform="translate(0 {mid:g}) scale(1 1.07) translate(0 {-mid:g})"'
        if run.strip("\xa0 "):
            pieces.append(f'<text{attrs_before} x="{px:g}"{attrs_after} textLength="{width * CHAR_W:g}"{extra}>'
                          f"{html.escape(run, quote=False)}</text>")
        col += width
    return "".join(pieces)


def split_runs(s: str):
    """Yield (kind, text): runs of plain narrow text, runs of box drawing/block
    characters (U+2500-U+259F), and every wide character on its own."""
    def kind(ch: str) -> str:
        return "wide" if cell_len(ch) == 2 else "box" if "\u2500" <= ch <= "\u259f" else "text"
    for k, group in itertools.groupby(s, kind):
        run = "".join(group)
        yield from (((k, ch) for ch in run) if k == "wide" else [(k, run)])


def patch_svg(svg: str) -> str:
    # Our fonts instead of Fira Code (rich's @font-face points at a CDN).
    svg = re.sub(r"@font-face \{.*?\}", "", svg, flags=re.S)
    svg = svg.replace("font-family: Fira Code, monospace", f"font-family: {FONT}")
    # librsvg collapses leading blanks without this.
    svg = svg.replace("<svg ", '<svg xml:space="preserve" ', 1)
    # Each styled run of a row: cell-exact x/textLength (see fix_text).
    svg = re.sub(r'<text( class="[^"]*-r\d+") x="([\d.e+-]+)"([^>]*)>(.*?)</text>', fix_text, svg)
    return svg


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("capture")
    ap.add_argument("out")
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--title", default="")
    a = ap.parse_args()
    with open(a.capture, encoding="utf-8", errors="replace") as f:
        svg = patch_svg(render_svg(f.read(), a.cols, a.title))
    svg_path = os.path.splitext(a.out)[0] + ".svg"
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write(svg)
    try:
        subprocess.run(["rsvg-convert", "-o", a.out, svg_path], check=True)
    finally:
        os.remove(svg_path)


if __name__ == "__main__":
    main()
