// ncursesw for Swift 6. SwiftPM drops pkg-config's -D flags, so the wide-character API is
// switched on here; C globals and macros Swift cannot import are exposed as inline getters.
#ifndef SWITCHBOARD_NCURSESW_SHIM_H
#define SWITCHBOARD_NCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline WINDOW *sb_curscr(void) { return curscr; }
static inline FILE *sb_stdout(void) { return stdout; }
static inline FILE *sb_stdin(void) { return stdin; }
static inline int sb_lines(void) { return LINES; }
static inline int sb_cols(void) { return COLS; }
static inline int sb_colors(void) { return COLORS; }
static inline int sb_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t sb_a_normal(void) { return A_NORMAL; }
static inline attr_t sb_a_bold(void) { return A_BOLD; }
static inline attr_t sb_a_dim(void) { return A_DIM; }
static inline attr_t sb_a_reverse(void) { return A_REVERSE; }
static inline attr_t sb_a_underline(void) { return A_UNDERLINE; }

static inline mmask_t sb_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t sb_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t sb_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t sb_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t sb_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t sb_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/// Writes one cell: a base character plus up to four combining marks, with attributes and a pair.
static inline int sb_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/// Reads a mouse event after KEY_MOUSE: returns OK and fills x, y and the button state.
static inline int sb_get_mouse(int *x, int *y, mmask_t *state) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x; *y = event.y; *state = event.bstate;
    return OK;
}

/// Writes a run of text in one style: attributes, colour pair, then the characters.
static inline int sb_put_run(WINDOW *win, int y, int x, const wchar_t *text, int count, attr_t attrs, short pair) {
    wattr_set(win, attrs, pair, NULL);
    return mvwaddnwstr(win, y, x, text, count);
}

/// Sets ESCDELAY (milliseconds) unless the user's environment already did.
static inline void sb_set_escdelay(int ms) { set_escdelay(ms); }

#endif
