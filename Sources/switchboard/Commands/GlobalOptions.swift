import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation
import Logging

/// Connection options every API command takes. Flags beat KORE_* variables, which beat the
/// config file.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Profile in the config file (default: SWITCHBOARD_PROFILE, then the file's `current`).")
    var profile: String?

    @Option(help: "API host, e.g. https://platform.kore.ai.")
    var host: String?

    @Option(help: "Stream (bot) id.")
    var streamId: String?

    @Option(help: "Account id.")
    var accountId: String?

    @Option(help: "The iid header (defaults to the stream id).")
    var iid: String?

    @Option(help: "App client id (the JWT's appId).")
    var clientId: String?

    @Option(help: "App client secret. Prefer KORE_CLIENT_SECRET or the config file: flags show in `ps`.")
    var clientSecret: String?

    @Option(help: "A ready-made JWT instead of clientId and clientSecret.")
    var jwt: String?

    @Option(help: "Seconds a request may take, reply included (more than 0, at most 3600).")
    var timeout = 30.0

    @Flag(help: "Allow plain http to hosts other than loopback.")
    var insecure = false

    @Flag(help: "Log every request (secrets are redacted).")
    var verbose = false

    /// The longest `--timeout`, in seconds.
    static let maxTimeout = 3_600.0

    /// `--timeout nan`, `inf` or `1e10` is a usage error, never a trap converting it.
    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= Self.maxTimeout else {
            throw ValidationError("--timeout must be a number of seconds more than 0 and at most \(Int(Self.maxTimeout)), such as 30.")
        }
    }

    /// The profile from flags, environment and file; its secrets are remembered so that no
    /// later error can print them.
    func resolve() throws -> ResolvedProfile {
        ErrorOutput.remember([clientSecret, jwt].compactMap { $0.map(Secret.init) })
        let flags: [ProfileField: String] = [
            .host: host, .streamId: streamId, .accountId: accountId, .iid: iid,
            .clientId: clientId, .clientSecret: clientSecret, .jwt: jwt,
        ].compactMapValues { $0 }
        let resolved = try ProfileLoader().load(profile: profile, flags: flags, insecure: insecure)
        ErrorOutput.remember([resolved.values[.clientSecret], resolved.values[.jwt]].compactMap { $0.map { Secret($0.value) } })
        return resolved
    }

    /// A client for the resolved profile, logging to stderr when --verbose.
    func client() throws -> CampaignClient {
        let resolved = try resolve()
        let profile = try resolved.apiProfile()
        var options = ClientOptions()
        options.timeout = timeout.isFinite ? .milliseconds(Int(min(max(timeout, 0.001), Self.maxTimeout) * 1000)) : .seconds(30)
        let secrets = [resolved.values[.clientSecret], resolved.values[.jwt]].compactMap { $0.map { Secret($0.value) } }
        options.journal = JournalSetup.journal(configPath: resolved.configPath.map(URL.init(fileURLWithPath:))
            ?? ProfileLoader.defaultConfigPath(), secrets: secrets)
        var logger = Logger(label: "switchboard.api") { _ in RedactingStderrLogHandler(redactor: Redactor(secrets)) }
        logger.logLevel = verbose ? .debug : .error
        return try CampaignClient(profile: profile, options: options, logger: logger)
    }
}

/// Output formats for listing and reading commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, yaml
}

/// Writes JSON or YAML of a value to stdout.
func printStructured(_ value: JSONValue, as format: OutputFormat) throws {
    switch format {
    case .json, .table: Swift.print(value.serialized(pretty: true))
    case .yaml: Swift.print(try YAMLBridge.serialize(value), terminator: "")
    }
}

/// Logs to stderr with every known secret and anything shaped like a JWT removed.
struct RedactingStderrLogHandler: LogHandler {
    let redactor: Redactor
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        let text = TerminalText.clean(Self.maskTokens(redactor.redact("\(level): \(message)")))
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Replaces anything that looks like a JWT (three base64url parts starting "eyJ").
    static func maskTokens(_ text: String) -> String {
        text.replacingOccurrences(of: #"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"#, with: "[redacted-jwt]",
                                  options: .regularExpression)
    }
}
