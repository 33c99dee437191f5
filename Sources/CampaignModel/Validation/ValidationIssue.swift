/// How much a problem weighs: whether it stops a save or is only said.
public enum IssueSeverity: String, Hashable, Sendable, Codable {
    /// What the API docs state (required fields, documented lengths, enums and ranges, the time
    /// format, an end after its start) or what cannot be sent at all: the save is refused.
    case blocking
    /// What Switchboard believes but the docs do not state (E.164 strictness, one window a day on
    /// WEEKLY, control characters in a name, …): shown, never a refusal.
    case warning
}

/// One problem with a campaign, pinned to its field (`dialingStrategy.callingHours.days[2].end`)
/// and told in a sentence a supervisor understands.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    /// Blocking unless said otherwise: the server's own problems and the documented rules.
    public let severity: IssueSeverity

    public init(path: String, message: String, severity: IssueSeverity = .blocking) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    /// A problem Switchboard believes but the docs do not state.
    public static func warning(path: String, message: String) -> ValidationIssue {
        ValidationIssue(path: path, message: message, severity: .warning)
    }

    public var isBlocking: Bool { severity == .blocking }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The issue moved under `prefix` ("dialingStrategy.callingHours" + "days[0].end").
    public func prefixed(_ prefix: String) -> ValidationIssue {
        ValidationIssue(path: path.isEmpty ? prefix : (prefix.isEmpty ? path : "\(prefix).\(path)"), message: message,
                        severity: severity)
    }

    /// The same problem, said but not refused (its field was not changed).
    public var asWarning: ValidationIssue { ValidationIssue(path: path, message: message, severity: .warning) }

    /// Whether `path` is `prefix` or lies under it: "contactLists[0]" and "message.message" lie
    /// under "contactLists" and "message".
    public static func path(_ path: String, isUnder prefix: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + ".") || path.hasPrefix(prefix + "[")
    }
}

/// Every problem found at once.
public struct ValidationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }

    /// The issues whose path is `path` or lies under it.
    public func issues(at path: String) -> [ValidationIssue] {
        issues.filter { ValidationIssue.path($0.path, isUnder: path) }
    }
}

/// The verdict on a campaign about to be written: what stops the save and what is only said.
public struct ValidationReport: Equatable, Sendable {
    /// Problems that refuse the save.
    public var blocking: [ValidationIssue]
    /// Problems shown beside the field, in the review and by `apply`; never a refusal.
    public var warnings: [ValidationIssue]

    public init(blocking: [ValidationIssue] = [], warnings: [ValidationIssue] = []) {
        self.blocking = blocking
        self.warnings = warnings
    }

    public var canSave: Bool { blocking.isEmpty }
    /// Every issue, blocking first.
    public var all: [ValidationIssue] { blocking + warnings }
}
