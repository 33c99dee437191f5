/// How many colours the terminal shows, after the user's wishes (`NO_COLOR`).
public enum ColorMode: Sendable, Equatable {
    case none, sixteen, full256

    /// Picks the mode from the terminal's colour count and the environment: `NO_COLOR` set to
    /// anything non-empty turns colour off (https://no-color.org).
    public static func choose(colors: Int, hasColors: Bool, environment: [String: String]) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors, colors >= 8 else { return .none }
        return colors >= 256 ? .full256 : .sixteen
    }

    /// `color` as this mode can show it; nil means the terminal's default.
    public func map(_ color: Color, colors: Int) -> Int16? {
        switch (self, color) {
        case (.none, _), (_, .default): return nil
        case (.full256, .ansi(let n)), (.full256, .indexed(let n)): return Int16(n)
        case (.sixteen, _):
            guard case .ansi(let n) = color.sixteen else { return nil }
            return Int16(colors >= 16 ? n : n % 8)
        }
    }
}
