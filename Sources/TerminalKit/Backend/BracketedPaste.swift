/// xterm's bracketed paste: while it is on, the terminal wraps pasted text in `ESC [ 200 ~` …
/// `ESC [ 201 ~`, so that a paste arrives as one piece of text and never as keys.
public enum BracketedPaste {
    public static let enable = "\u{1B}[?2004h"
    public static let disable = "\u{1B}[?2004l"
    public static let start = "\u{1B}[200~"
    public static let end = "\u{1B}[201~"
    /// A paste whose closing bracket does not come within this long ends there.
    static let silenceMilliseconds: Int32 = 1_000
    /// Characters kept of one paste; the rest is dropped.
    public static let maximumScalars = 1_000_000
}
