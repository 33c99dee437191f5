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

    @Option(help: "Seconds before a request times out.")
    var timeout = 30.0

    @Flag(help: "Allow plain http to hosts other than loopback.")
    var insecure = false

    @Flag(help: "Log every request (secrets are redacted).")
    var verbose = false

    func resolve() throws -> ResolvedProfile {
        let flags: [ProfileField: String] = [
            .host: host, .streamId: streamId, .accountId: accountId, .iid: iid,
            .clientId: clientId, .clientSecret: clientSecret, .jwt: jwt,
        ].compactMapValues { $0 }
        return try ProfileLoader().load(profile: profile, flags: flags, insecure: insecure)
    }

    /// A client for the resolved profile, logging to stderr when --verbose.
    func client() throws -> CampaignClient {
        let resolved = try resolve()
        let profile = try resolved.apiProfile()
        var options = ClientOptions()
        options.timeout = .milliseconds(Int(timeout * 1000))
        let secrets = [resolved.values[.clientSecret], resolved.values[.jwt]].compactMap { $0.map { Secret($0.value) } }
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
    case .json, .table: print(value.serialized(pretty: true))
    case .yaml: print(try YAMLBridge.serialize(value), terminator: "")
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
        let text = Self.maskTokens(redactor.redact("\(level): \(message)"))
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Replaces anything that looks like a JWT (three base64url parts starting "eyJ").
    static func maskTokens(_ text: String) -> String {
        text.replacingOccurrences(of: #"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"#, with: "[redacted-jwt]",
                                  options: .regularExpression)
    }
}
