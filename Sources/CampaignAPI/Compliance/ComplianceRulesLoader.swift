import CampaignModel
import Foundation
import Yams

/// A rules file that cannot be used, said with the file and the line.
public struct ComplianceRulesFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let source: String
    /// 1-based; nil when the problem is not tied to a line (an unreadable file).
    public let line: Int?
    public let message: String

    public init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { source + (line.map { " line \($0)" } ?? "") + ": " + message }
}

/// Reads compliance rules: the shipped set, a user's `compliance.yaml` next to `config.yaml`
/// (which adds rules and replaces shipped ones by id), and the ids a profile selects.
///
///     rules:
///       - id: us-ca-example
///         name: Example
///         region: California (US)
///         zones: [America/Los_Angeles]
///         channel: voice              # voice, sms or both
///         hours:
///           - {days: [MO, TU, WE, TH, FR], start: "9:00 AM", end: "8:00 PM"}
///         citation: Example Code § 1
public enum ComplianceRulesLoader {
    /// The rules shipped with Switchboard.
    public static let shipped: [ComplianceRule] = {
        do { return try parse(ShippedComplianceRules.yaml, source: "shipped rules") } catch {
            preconditionFailure("the shipped compliance rules do not parse: \(error)")
        }
    }()

    /// `$XDG_CONFIG_HOME/switchboard/compliance.yaml` (default `~/.config/switchboard/compliance.yaml`).
    public static func defaultUserPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        ProfileLoader.defaultConfigPath(environment: environment).deletingLastPathComponent().appendingPathComponent("compliance.yaml")
    }

    /// The shipped rules, extended by `file` (or, when nil, the user file if there is one).
    public static func load(file: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [ComplianceRule] {
        let path = file.map { ($0 as NSString).expandingTildeInPath } ?? defaultUserPath(environment: environment).path
        guard file != nil || FileManager.default.fileExists(atPath: path) else { return shipped }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ComplianceRulesFileError(source: path, line: nil, message: "cannot be read")
        }
        return merge(shipped, with: try parse(text, source: path))
    }

    /// `base` with `extra` added; an extra rule replaces the base rule with its id, in place.
    public static func merge(_ base: [ComplianceRule], with extra: [ComplianceRule]) -> [ComplianceRule] {
        var result = base
        for rule in extra {
            if let index = result.firstIndex(where: { $0.id == rule.id }) { result[index] = rule } else { result.append(rule) }
        }
        return result
    }

    /// The rules named by `ids`, in that order; an unknown id is an error listing the known ones.
    public static func select(_ ids: [String], from rules: [ComplianceRule]) throws -> [ComplianceRule] {
        try ids.map { id in
            guard let rule = rules.first(where: { $0.id == id }) else {
                throw ComplianceRulesFileError(source: "compliance", line: nil,
                    message: "no rule \"\(id)\" (known: \(rules.map(\.id).joined(separator: ", ")))")
            }
            return rule
        }
    }

    /// Reads a rules file: `rules: [...]` or a bare list. Every problem names its line.
    public static func parse(_ text: String, source: String) throws -> [ComplianceRule] {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let description = YAMLBridge.describe(error)
            let line = (error as? YamlError).flatMap(Self.line(of:))
            throw ComplianceRulesFileError(source: source, line: line, message: "is not valid YAML: " + description)
        }
        guard let root else { return [] }
        let list: Node.Sequence
        if let sequence = root.sequence {
            list = sequence
        } else if let mapping = root.mapping, let rules = mapping["rules"] {
            guard let sequence = rules.sequence else {
                throw ComplianceRulesFileError(source: source, line: rules.mark?.line, message: "rules: must be a list of rules")
            }
            list = sequence
        } else {
            throw ComplianceRulesFileError(source: source, line: root.mark?.line, message: "must hold `rules:` with a list of rules")
        }
        var rules: [ComplianceRule] = []
        var lines: [String: Int] = [:]
        for item in list {
            let line = item.mark?.line
            let rule: ComplianceRule
            do { rule = try ComplianceRule(json: YAMLBridge.value(of: item)) } catch {
                let keyLine = item.mapping?.first { $0.key.string == error.field }?.key.mark?.line
                let id = item.mapping?["id"]?.string.map { " (rule \($0))" } ?? ""
                throw ComplianceRulesFileError(source: source, line: keyLine ?? line, message: "\(error.description)\(id)")
            }
            if let first = lines[rule.id] {
                throw ComplianceRulesFileError(source: source, line: line, message: "rule \(rule.id) is defined twice (first on line \(first))")
            }
            lines[rule.id] = line ?? 0
            rules.append(rule)
        }
        return rules
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }
}
