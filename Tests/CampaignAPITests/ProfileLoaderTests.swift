import CampaignAPI
import CampaignModel
import Foundation
import Testing

@Suite("Profiles: file, environment and flags")
struct ProfileLoaderTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("switchboard"), withIntermediateDirectories: true)
    }

    var configPath: URL { directory.appendingPathComponent("switchboard/config.yaml") }

    func write(_ text: String, mode: Int = 0o600) throws {
        try text.write(to: configPath, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: configPath.path)
    }

    static let config = """
        current: prod
        profiles:
          prod:
            host: https://platform.kore.ai
            streamId: st-prod
            accountId: acct-prod
            clientId: cs-prod
            clientSecret: {env: PROD_SECRET}
            routes:
              createCampaign: /api/v2/public/{streamId}/campaign
          staging:
            host: https://staging.kore.ai
            streamId: st-staging
            accountId: acct-staging
            iid: st-iid
            clientId: cs-staging
            clientSecret: inline-staging-secret-0123456789abcdef
        """

    @Test("the XDG config path is used, and the file's current profile is the default")
    func defaults() throws {
        try write(Self.config)
        let loader = ProfileLoader(environment: ["XDG_CONFIG_HOME": directory.path, "PROD_SECRET": "p" + String(repeating: "s", count: 40)])
        #expect(loader.configPath == configPath)
        let profile = try loader.load(profile: nil)
        #expect(profile.name == "prod")
        #expect(profile.values[.host]?.value == "https://platform.kore.ai")
        #expect(profile.values[.clientSecret]?.source == "config.yaml profile prod → env PROD_SECRET")
        #expect(profile.routeOverrides[.createCampaign] == "/api/v2/public/{streamId}/campaign")
        let api = try profile.apiProfile()
        #expect(api.iid == "st-prod", "iid defaults to the stream id")
        #expect(ProfileLoader.defaultConfigPath(environment: ["HOME": "/home/sup"]).path == "/home/sup/.config/switchboard/config.yaml")
    }

    @Test("flags beat the environment, which beats the file; --profile and SWITCHBOARD_PROFILE pick one")
    func precedence() throws {
        try write(Self.config)
        let environment = ["XDG_CONFIG_HOME": directory.path, "SWITCHBOARD_PROFILE": "staging", "KORE_ACCOUNT_ID": "acct-env",
                           "PROD_SECRET": String(repeating: "x", count: 40)]
        let loader = ProfileLoader(environment: environment)
        let staging = try loader.load(profile: nil, flags: [.host: "https://flag.example.com"])
        #expect(staging.name == "staging")
        #expect(staging.values[.host] == ProfileValue(value: "https://flag.example.com", source: "flag --host"))
        #expect(staging.values[.accountId] == ProfileValue(value: "acct-env", source: "env KORE_ACCOUNT_ID"))
        #expect(staging.values[.iid] == ProfileValue(value: "st-iid", source: "config.yaml profile staging"))
        #expect(try loader.load(profile: "prod").name == "prod")
        #expect(throws: APIError.self) { try loader.load(profile: "nope") }
    }

    @Test("a config holding a secret that others can read is refused, with the fix")
    func permissions() throws {
        try write(Self.config, mode: 0o644)
        let loader = ProfileLoader(environment: ["XDG_CONFIG_HOME": directory.path])
        let error = #expect(throws: APIError.self) { try loader.load(profile: "staging") }
        #expect(error?.summary.contains("chmod 600 \(configPath.path)") == true)
        try write("profiles:\n  p:\n    host: https://x\n    clientSecret: {env: S}\n", mode: 0o644)
        #expect(throws: Never.self) { try ProfileLoader(environment: ["XDG_CONFIG_HOME": directory.path, "S": "s"]).load(profile: nil) }
    }

    @Test("secrets may come from a private file; config shows them masked with their sources")
    func secretFileAndSummary() throws {
        let secretFile = directory.appendingPathComponent("prod.secret")
        let secret = "file-secret-" + String(repeating: "z", count: 30)
        try (secret + "\n").write(to: secretFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretFile.path)
        try write("profiles:\n  p:\n    host: https://x.example.com\n    streamId: st\n    accountId: a\n    clientId: c\n    clientSecret: {file: \(secretFile.path)}\n")
        let profile = try ProfileLoader(environment: ["XDG_CONFIG_HOME": directory.path]).load(profile: nil)
        #expect(profile.values[.clientSecret]?.value == secret)
        let summary = profile.summaryLines.joined(separator: "\n")
        #expect(!summary.contains(secret))
        #expect(summary.contains("clientSecret ••••zz  (config.yaml profile p → file \(secretFile.path))"))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: secretFile.path)
        #expect(throws: APIError.self) { try ProfileLoader(environment: ["XDG_CONFIG_HOME": directory.path]).load(profile: nil) }
    }

    @Test("environment alone is enough; a missing value is named")
    func environmentOnly() throws {
        let environment = ["XDG_CONFIG_HOME": directory.path, "KORE_HOST": "http://127.0.0.1:8710", "KORE_STREAM_ID": "st",
                           "KORE_ACCOUNT_ID": "a", "KORE_JWT": "eyJ.fixed.token"]
        let profile = try ProfileLoader(environment: environment).load(profile: nil)
        #expect(profile.name == "environment")
        let api = try profile.apiProfile()
        if case .fixed(let token) = api.auth { #expect(token.revealed == "eyJ.fixed.token") } else { Issue.record("expected a fixed token") }
        let partial = try ProfileLoader(environment: ["XDG_CONFIG_HOME": directory.path, "KORE_HOST": "https://h"]).load(profile: nil)
        let error = #expect(throws: APIError.self) { try partial.apiProfile() }
        #expect(error?.summary.contains("lacks streamId, accountId, clientId, clientSecret") == true)
    }
}

@Suite("YAML files")
struct YAMLBridgeTests {
    @Test("YAML ⇄ JSONValue keeps order and types, and quotes what needs it")
    func roundTrip() throws {
        let value: JSONValue = [
            "name": "Renewals: May", "priority": "5", "count": 3, "ratio": 1.5, "on": true, "none": nil,
            "start": "9:00 AM", "code": "no", "empty": "", "list": ["a", 1, false], "nested": ["z": 1, "a": 2],
        ]
        let text = try YAMLBridge.serialize(value)
        let back = try YAMLBridge.parse(text)
        #expect(back == value)
        #expect(back.objectValue?["nested"]?.objectValue?.keys == ["z", "a"])
        #expect(back.objectValue?.keys == value.objectValue?.keys)
        #expect(try YAMLBridge.parseAll("a: 1\n---\nb: 2\n").count == 2)
        #expect(try YAMLBridge.parse(#"{"json": [1, 2]}"#) == ["json": [1, 2]])
    }
}
