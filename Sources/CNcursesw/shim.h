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
#include <fcntl.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

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

/// The terminal description setupterm() or newterm() made current.
static inline TERMINAL *sb_cur_term(void) { return cur_term; }

/// A file in memory (memfd on Linux, an unlinked temporary file elsewhere) that collects what
/// ncurses writes until it goes to the terminal whole; -1 when neither can be made.
static inline int sb_memory_file(void) {
#if defined(__linux__) && defined(SYS_memfd_create)
    int memory = (int)syscall(SYS_memfd_create, "switchboard-frame", 1u /* MFD_CLOEXEC */);
    if (memory >= 0) return memory;
#endif
    FILE *file = tmpfile();
    if (file == NULL) return -1;
    int copy = dup(fileno(file));
    fclose(file);
    return copy;
}

/// For tests (Linux): a pipe in packet mode, where each read() returns exactly one write(), with
/// room for 256 of them. Returns 0, or -1 where packet mode is not available.
static inline int sb_packet_pipe(int fds[2]) {
#if defined(__linux__) && defined(SYS_pipe2) && (defined(__x86_64__) || defined(__i386__))
    if (syscall(SYS_pipe2, fds, 040000 /* O_DIRECT */) != 0) return -1;
#elif defined(__linux__) && defined(SYS_pipe2) && (defined(__aarch64__) || defined(__arm__))
    if (syscall(SYS_pipe2, fds, 0200000 /* O_DIRECT */) != 0) return -1;
#else
    (void)fds;
    return -1;
#endif
    (void)fcntl(fds[1], 1031 /* F_SETPIPE_SZ */, 1 << 20);
    return 0;
}

/// For tests: a new pseudo-terminal pair, neither end the controlling terminal. Returns 0 and
/// fills `master` and `slave`, or -1.
extern int grantpt(int);
extern int unlockpt(int);
extern char *ptsname(int);
static inline int sb_open_pty(int *master, int *slave) {
    int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (m < 0) return -1;
    char *name = (grantpt(m) == 0 && unlockpt(m) == 0) ? ptsname(m) : NULL;
    int s = name ? open(name, O_RDWR | O_NOCTTY) : -1;
    if (s < 0) { close(m); return -1; }
    *master = m;
    *slave = s;
    return 0;
}

#endif
