/// A terminal colour: the terminal's own default, one of the 16 ANSI colours, or one of 256.
public enum Color: Hashable, Sendable {
    case `default`
    /// 0–15: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones.
    case ansi(UInt8)
    /// 0–255 in the xterm palette.
    case indexed(UInt8)

    /// The nearest of the 16 ANSI colours, for terminals without 256.
    public var sixteen: Color {
        guard case .indexed(let index) = self else { return self }
        if index < 16 { return .ansi(index) }
        if index >= 232 {
            let level = Int(index) - 232
            return .ansi(level < 6 ? 0 : level < 14 ? 8 : level < 20 ? 7 : 15)
        }
        let cube = Int(index) - 16
        let (r, g, b) = (cube / 36, (cube / 6) % 6, cube % 6)
        let bright = max(r, g, b) >= 4
        let bits = (r >= 2 ? 1 : 0) | (g >= 2 ? 2 : 0) | (b >= 2 ? 4 : 0)
        if bits == 0 { return .ansi(max(r, g, b) >= 1 ? 8 : 0) }
        return .ansi(UInt8(bits + (bright ? 8 : 0)))
    }
}

/// How a cell looks: colours and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color = .default, background: Color = .default, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()

    public func with(foreground: Color) -> Style { var copy = self; copy.foreground = foreground; return copy }
    public func with(background: Color) -> Style { var copy = self; copy.background = background; return copy }
    public var bolded: Style { var copy = self; copy.bold = true; return copy }
    public var reversed: Style { var copy = self; copy.reverse = true; return copy }
    public var underlined: Style { var copy = self; copy.underline = true; return copy }
}
