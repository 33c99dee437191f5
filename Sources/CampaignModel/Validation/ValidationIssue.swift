/// One problem with a campaign, pinned to its field (`dialingStrategy.callingHours.days[2].end`)
/// and told in a sentence a supervisor understands.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The issue moved under `prefix` ("dialingStrategy.callingHours" + "days[0].end").
    public func prefixed(_ prefix: String) -> ValidationIssue {
        ValidationIssue(path: path.isEmpty ? prefix : (prefix.isEmpty ? path : "\(prefix).\(path)"), message: message)
    }
}

/// Every problem found at once.
public struct ValidationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }

    /// The issues whose path is `path` or lies under it.
    public func issues(at path: String) -> [ValidationIssue] {
        issues.filter { $0.path == path || $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }
    }
}
