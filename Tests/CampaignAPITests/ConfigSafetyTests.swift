import CampaignAPI
import Foundation
import Testing

@Suite("Config files that others could change or read, and errors that could quote secrets")
struct ConfigSafetyTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("config-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("switchboard"), withIntermediateDirectories: true)
    }

    var configPath: URL { directory.appendingPathComponent("switchboard/config.yaml") }
    var loader: ProfileLoader { ProfileLoader(environment: ["XDG_CONFIG_HOME": directory.path, "S": String(repeating: "e", count: 40)]) }

    func write(_ text: String, to url: URL? = nil, mode: Int) throws -> URL {
        let url = url ?? configPath
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url
    }

    static let envSecretConfig = "profiles:\n  p:\n    host: https://x.example.com\n    streamId: st\n    accountId: a\n    clientId: c\n    clientSecret: {env: S}\n"
    static let inlineSecret = "inline-secret-that-must-never-print-0123456789"

    @Test("a YAML syntax error on the line of an inline clientSecret names the line, never the secret", arguments: [
        "    clientSecret: \(inlineSecret): oops\n",
        "    clientSecret: \"\(inlineSecret)\n",
        "    clientSecret: \(inlineSecret)\n   bad: [\n",
        "    jwt: \(inlineSecret)\n  - x\n",
    ])
    func yamlErrorHidesSecret(_ tail: String) throws {
        _ = try write("profiles:\n  p:\n    host: https://x.example.com\n" + tail, mode: 0o600)
        let error = #expect(throws: APIError.self) { try loader.load(profile: nil) }
        let text = error.map { "\($0.summary) \($0.description)" } ?? ""
        #expect(text.contains("is not valid YAML: line "), "\(text)")
        #expect(!text.contains(Self.inlineSecret), "\(text)")
        #expect(!text.contains(String(Self.inlineSecret.prefix(12))), "\(text)")
    }

    @Test("a config writable by group or others is refused even when the secret comes from env:", arguments: [0o620, 0o602, 0o666])
    func writableRefused(_ mode: Int) throws {
        _ = try write(Self.envSecretConfig, mode: mode)
        let error = #expect(throws: APIError.self) { try loader.load(profile: nil) }
        #expect(error?.summary.contains("writable by group or others") == true, "\(error?.summary ?? "")")
        #expect(error?.summary.contains("chmod 600 \(configPath.path)") == true)
        _ = try write(Self.envSecretConfig, mode: 0o644)
        #expect(throws: Never.self) { try loader.load(profile: nil) }
    }

    @Test("a symlinked config is judged by its target's mode, and the message names the target")
    func symlinkedConfig() throws {
        let target = try write("profiles:\n  p:\n    host: https://x.example.com\n    clientSecret: \(Self.inlineSecret)\n",
                               to: directory.appendingPathComponent("real.yaml"), mode: 0o644)
        try FileManager.default.createSymbolicLink(at: configPath, withDestinationURL: target)
        let readable = #expect(throws: APIError.self) { try loader.load(profile: nil) }
        #expect(readable?.summary.contains("is a symlink to \(target.path)") == true, "\(readable?.summary ?? "")")
        #expect(readable?.summary.contains("readable by others (mode 644)") == true)
        #expect(readable?.summary.contains("chmod 600 \(target.path)") == true)

        _ = try write(Self.envSecretConfig, to: target, mode: 0o664)
        let writable = #expect(throws: APIError.self) { try loader.load(profile: nil) }
        #expect(writable?.summary.contains("is a symlink to \(target.path), which is writable by group or others") == true,
                "\(writable?.summary ?? "")")

        _ = try write(Self.envSecretConfig, to: target, mode: 0o600)
        #expect(try loader.load(profile: nil).values[.host]?.value == "https://x.example.com", "a private target is fine")
    }

    @Test("a symlinked secret file is judged by its target too")
    func symlinkedSecretFile() throws {
        let target = try write(Self.inlineSecret + "\n", to: directory.appendingPathComponent("secret.real"), mode: 0o644)
        let link = directory.appendingPathComponent("secret.link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        _ = try write("profiles:\n  p:\n    host: https://x.example.com\n    clientSecret: {file: \(link.path)}\n", mode: 0o600)
        let error = #expect(throws: APIError.self) { try loader.load(profile: nil) }
        #expect(error?.summary.contains("is a symlink to \(target.path)") == true, "\(error?.summary ?? "")")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        #expect(try loader.load(profile: nil).values[.clientSecret]?.value == Self.inlineSecret)
    }
}
