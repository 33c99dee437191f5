import CampaignModel
import Foundation

/// One setting of a resolved profile and where it came from.
public struct ProfileValue: Sendable, Equatable {
    public let value: String
    /// "flag --host", "env KORE_HOST", "config.yaml profile prod", …
    public let source: String

    public init(value: String, source: String) {
        self.value = value
        self.source = source
    }
}

/// The settings a profile can hold.
public enum ProfileField: String, CaseIterable, Sendable {
    case host, streamId, accountId, iid, clientId, clientSecret, jwt

    /// The environment variable that sets it.
    public var environmentName: String {
        switch self {
        case .host: return "KORE_HOST"
        case .streamId: return "KORE_STREAM_ID"
        case .accountId: return "KORE_ACCOUNT_ID"
        case .iid: return "KORE_IID"
        case .clientId: return "KORE_CLIENT_ID"
        case .clientSecret: return "KORE_CLIENT_SECRET"
        case .jwt: return "KORE_JWT"
        }
    }

    public var isSecret: Bool { self == .clientSecret || self == .jwt }
}

/// A profile with every value's origin: flags beat the environment, which beats the file.
public struct ResolvedProfile: Sendable {
    public let name: String
    public let values: [ProfileField: ProfileValue]
    public let routeOverrides: [APIOperation: String]
    public let insecure: Bool
    /// The config file read, if any.
    public let configPath: String?
    /// The compliance rule ids the profile's `compliance:` lists (nil: not set, lint off).
    public var compliance: [String]? = nil

    /// The settings ready for a client; says which ones are missing.
    public func apiProfile() throws(APIError) -> APIProfile {
        let missing = [ProfileField.host, .streamId, .accountId].filter { values[$0] == nil }
            + (values[.jwt] == nil ? [ProfileField.clientId, .clientSecret].filter { values[$0] == nil } : [])
        guard missing.isEmpty else {
            throw APIError(kind: .configuration, summary: "profile \(name) lacks \(missing.map(\.rawValue).joined(separator: ", ")): "
                + "set them in \(configPath ?? ProfileLoader.defaultConfigPath().path), as KORE_* variables or flags "
                + "(or try `switchboard demo`)")
        }
        guard let hostText = values[.host]?.value, let host = URL(string: hostText.contains("://") ? hostText : "https://" + hostText) else {
            throw APIError(kind: .configuration, summary: "host \(values[.host]?.value ?? "") is not a URL")
        }
        let auth: TokenProvider.Source
        if let jwt = values[.jwt] {
            auth = .fixed(Secret(jwt.value))
        } else {
            auth = .signed(clientId: values[.clientId]!.value, clientSecret: Secret(values[.clientSecret]!.value))
        }
        return APIProfile(name: name, host: host, streamId: values[.streamId]!.value, accountId: values[.accountId]!.value,
                          iid: values[.iid]?.value, auth: auth, routeOverrides: routeOverrides, insecure: insecure)
    }

    /// "field  value  (source)" lines with secrets masked, for `switchboard config`.
    public var summaryLines: [String] {
        ["profile    \(name)" + (configPath.map { "  (config \($0))" } ?? "")]
            + ProfileField.allCases.map { field in
                guard let entry = values[field] else { return field.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0) + "—" }
                let shown = field.isSecret ? Secret(entry.value).masked : entry.value
                return field.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0) + shown + "  (\(entry.source))"
            }
            + routeOverrides.sorted { $0.key.rawValue < $1.key.rawValue }.map { "route        \($0.key.rawValue) → \($0.value)" }
    }
}

/// Reads profiles from `$XDG_CONFIG_HOME/switchboard/config.yaml` (default
/// `~/.config/switchboard/config.yaml`), the `KORE_*` environment and flags.
///
///     current: prod
///     profiles:
///       prod:
///         host: https://platform.kore.ai
///         streamId: st-…
///         accountId: 6777…
///         iid: st-…
///         clientId: cs-…
///         clientSecret: {env: KORE_PROD_SECRET}   # or {file: ~/.kore/prod.secret}, or inline
///         routes: {createCampaign: /api/v2/public/{streamId}/campaign}
///         compliance: [us-federal, us-fl]   # rules `lint` and `apply` check (none: lint off)
///
/// A config file holding an inline secret must not be readable by group or others.
public struct ProfileLoader: Sendable {
    public let environment: [String: String]
    public let configPath: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, configPath: URL? = nil) {
        self.environment = environment
        self.configPath = configPath ?? Self.defaultConfigPath(environment: environment)
    }

    public static func defaultConfigPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return base.appendingPathComponent("switchboard/config.yaml")
    }

    /// Resolves a profile: `--profile`, else `SWITCHBOARD_PROFILE`, else the file's `current`,
    /// else its only profile, else environment and flags alone.
    public func load(profile requested: String?, flags: [ProfileField: String] = [:], insecure: Bool = false) throws -> ResolvedProfile {
        let file = try readConfig()
        let profiles = file?.objectValue?["profiles"]?.objectValue ?? JSONObject()
        let chosen = requested ?? environment["SWITCHBOARD_PROFILE"] ?? file?.objectValue?["current"]?.stringValue
            ?? (profiles.count == 1 ? profiles.keys.first : nil)
        var entry = JSONObject()
        if let chosen {
            guard let found = profiles[chosen]?.objectValue else {
                if requested != nil || environment["SWITCHBOARD_PROFILE"] != nil {
                    let known = profiles.keys.isEmpty ? "none defined" : profiles.keys.joined(separator: ", ")
                    throw APIError(kind: .configuration, summary: "no profile named \(chosen) in \(configPath.path) (\(known))")
                }
                return try merge(name: chosen, entry: JSONObject(), flags: flags, insecure: insecure, fileRead: file != nil)
            }
            entry = found
        }
        return try merge(name: chosen ?? "environment", entry: entry, flags: flags, insecure: insecure, fileRead: file != nil)
    }

    private func merge(name: String, entry: JSONObject, flags: [ProfileField: String], insecure: Bool, fileRead: Bool) throws -> ResolvedProfile {
        var values: [ProfileField: ProfileValue] = [:]
        for field in ProfileField.allCases {
            if let flag = flags[field], !flag.isEmpty {
                values[field] = ProfileValue(value: flag, source: "flag --\(flagName(field))")
            } else if let env = environment[field.environmentName], !env.isEmpty {
                values[field] = ProfileValue(value: env, source: "env \(field.environmentName)")
            } else if let raw = entry[field.rawValue] {
                values[field] = try fileValue(raw, field: field, profile: name)
            }
        }
        var routes: [APIOperation: String] = [:]
        for (key, value) in entry["routes"]?.objectValue ?? JSONObject() {
            guard let operation = APIOperation(rawValue: key), let path = value.stringValue else {
                throw APIError(kind: .configuration, summary: "profile \(name): routes.\(key) is not an operation "
                    + "(\(APIOperation.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            routes[operation] = path
        }
        return ResolvedProfile(name: name, values: values, routeOverrides: routes,
                               insecure: insecure || entry["insecure"]?.boolValue == true,
                               configPath: fileRead ? configPath.path : nil,
                               compliance: try complianceIds(entry["compliance"], profile: name))
    }

    /// `compliance: [us-federal, us-fl]` (or one id): the rules `lint` and `apply` check.
    private func complianceIds(_ raw: JSONValue?, profile: String) throws -> [String]? {
        guard let raw, !raw.isNull else { return nil }
        if let one = raw.stringValue { return [one] }
        if let list = raw.arrayValue, case let ids = list.compactMap(\.stringValue), ids.count == list.count { return ids }
        throw APIError(kind: .configuration, summary: "profile \(profile): compliance must list rule ids, such as [us-federal, us-fl]")
    }

    private func flagName(_ field: ProfileField) -> String {
        field.rawValue.reduce(into: "") { out, character in
            if character.isUppercase { out += "-" + character.lowercased() } else { out.append(character) }
        }
    }

    /// A value in the file: inline, `{env: NAME}` or `{file: PATH}`.
    private func fileValue(_ raw: JSONValue, field: ProfileField, profile: String) throws -> ProfileValue {
        let origin = "config.yaml profile \(profile)"
        if let text = raw.stringValue ?? raw.intValue.map(String.init) { return ProfileValue(value: text, source: origin) }
        if let reference = raw.objectValue {
            if let variable = reference["env"]?.stringValue {
                guard let value = environment[variable], !value.isEmpty else {
                    throw APIError(kind: .configuration, summary: "profile \(profile): \(field.rawValue) comes from $\(variable), which is not set")
                }
                return ProfileValue(value: value, source: "\(origin) → env \(variable)")
            }
            if let path = reference["file"]?.stringValue {
                let expanded = (path as NSString).expandingTildeInPath
                try FileSafety.check(expanded, what: "the \(field.rawValue) file \(expanded)", holdsSecret: true)
                guard let text = try? String(contentsOfFile: expanded, encoding: .utf8) else {
                    throw APIError(kind: .configuration, summary: "profile \(profile): cannot read \(field.rawValue) from \(expanded)")
                }
                return ProfileValue(value: text.trimmingCharacters(in: .whitespacesAndNewlines), source: "\(origin) → file \(expanded)")
            }
        }
        throw APIError(kind: .configuration, summary: "profile \(profile): \(field.rawValue) must be text, {env: NAME} or {file: PATH}")
    }

    /// The `keys:` section of the config file: binding name → the key names bound to it (one
    /// name or a list). Entries of any other shape come back as problems, never as a failure.
    ///
    ///     keys:
    ///       quit: Ctrl-Q        # Ctrl-C still works as SIGINT
    ///       page-down: [PgDn, Space]
    public func keyBindings() throws -> (bindings: [String: [String]], problems: [String]) {
        guard let section = try readConfig()?.objectValue?["keys"] else { return ([:], []) }
        guard let entries = section.objectValue else { return ([:], ["keys: must map binding names to keys"]) }
        var bindings: [String: [String]] = [:]
        var problems: [String] = []
        for (name, value) in entries {
            if let one = value.stringValue ?? value.intValue.map(String.init) {
                bindings[name] = [one]
            } else if let list = value.arrayValue, case let names = list.compactMap({ $0.stringValue ?? $0.intValue.map(String.init) }),
                      names.count == list.count {
                bindings[name] = names
            } else {
                problems.append("keys: \(name) must be a key name or a list of them")
            }
        }
        return (bindings, problems)
    }

    /// Reads the config file, if there is one. It is refused when group or others may write it
    /// (wherever the secret comes from: its `host` decides where credentials go) and, when it
    /// holds an inline secret, when they may read it. Errors never quote the file's text.
    private func readConfig() throws -> JSONValue? {
        guard FileManager.default.fileExists(atPath: configPath.path) else { return nil }
        try FileSafety.check(configPath.path, what: configPath.path, holdsSecret: false)
        let text: String
        do { text = try String(contentsOf: configPath, encoding: .utf8) } catch {
            throw APIError(kind: .configuration, summary: "cannot read \(configPath.path): \(error.localizedDescription)")
        }
        let json: JSONValue
        do { json = try YAMLBridge.parse(text) } catch {
            let message = "\(configPath.path) is not valid YAML: \(YAMLBridge.describe(error))"
            throw APIError(kind: .configuration, summary: Redactor(FileSafety.inlineSecrets(in: text)).redact(message))
        }
        let holdsSecret = (json.objectValue?["profiles"]?.objectValue ?? JSONObject()).contains { _, profile in
            ProfileField.allCases.filter(\.isSecret).contains { profile.objectValue?[$0.rawValue]?.stringValue != nil }
        }
        if holdsSecret { try FileSafety.check(configPath.path, what: configPath.path, holdsSecret: true) }
        return json
    }
}
