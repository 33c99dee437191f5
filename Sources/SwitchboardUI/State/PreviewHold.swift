/// Navigation keys that arrive in a burst move the list only: the preview keeps what it shows
/// until the keys settle (`settleDelay` with no further move), then shows the selection once. A
/// single key press moves the preview at once. Over a slow link this is the difference between
/// redrawing the preview for every row passed and redrawing it once.
public struct PreviewHold: Equatable, Sendable {
    /// Keys closer together than this are one burst.
    public static let settleDelay: Duration = .milliseconds(120)

    /// A navigation key came less than `settleDelay` ago.
    public private(set) var inBurst = false
    /// The campaign the preview keeps showing during a burst; nil: it follows the selection.
    public private(set) var heldID: String?

    public init() {}

    /// The selection is about to move from `shown` (what the preview shows now). The first key
    /// of a burst lets the preview follow; a later one holds it on `shown`.
    mutating func moving(from shown: String?) {
        if inBurst, heldID == nil { heldID = shown }
        inBurst = true
    }

    /// The keys settled: the preview follows the selection again.
    mutating func settle() {
        inBurst = false
        heldID = nil
    }
}
