/// A client secret or token. It never prints: `description`, `debugDescription` and string
/// interpolation all give a mask, so it cannot leak into logs by accident.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; read it only to sign or send it.
    public let revealed: String

    public init(_ value: String) { revealed = value }

    /// "••••" and the last two characters when long enough to hint which secret it is.
    public var masked: String {
        revealed.count >= 12 ? "••••" + String(revealed.suffix(2)) : "••••"
    }

    public var description: String { masked }
    public var debugDescription: String { masked }
}

/// Removes secrets from any text before it is printed or logged.
public struct Redactor: Sendable {
    private let secrets: [String]

    public init(_ secrets: [Secret?]) {
        self.secrets = secrets.compactMap { $0?.revealed }.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by "[redacted]".
    public func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[redacted]") }
    }

    /// A redactor that also hides `more`.
    public func adding(_ more: Secret) -> Redactor { Redactor(secrets.map(Secret.init) + [more]) }
}
