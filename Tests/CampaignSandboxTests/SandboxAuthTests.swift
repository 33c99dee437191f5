import CampaignModel
import CampaignSandbox
import Foundation
import JWTKit
import Testing

@Suite("Sandbox authentication", .serialized)
struct SandboxAuthTests {
    static let getPath = "\(SandboxHarness.v2)/getAllCampaignDetails"

    @Test("a valid token with iid and accountId is accepted; every failure is a 401 with a reason")
    func authFailures() async throws {
        try await withSandbox(seed: 3) { harness in try await checkAuthFailures(harness) }
    }

    func checkAuthFailures(_ harness: SandboxHarness) async throws {
        let credentials = harness.credentials
        let ok = try await harness.send("POST", Self.getPath, body: ["type": "sms"])
        #expect(ok.status == 200)

        let forged = try await SandboxHarness.sign(TestClaims(appId: credentials.clientId),
                                                   secret: "an-entirely-different-secret-of-32-bytes!")
        let expired = try await SandboxHarness.sign(
            TestClaims(appId: credentials.clientId, exp: .init(value: Date().addingTimeInterval(-60))),
            secret: credentials.clientSecret)
        let wrongApp = try await SandboxHarness.sign(TestClaims(appId: "cs-someone-else"), secret: credentials.clientSecret)
        let unsignedClaims = Data(#"{"appId":"\#(credentials.clientId)"}"#.utf8).base64URLEncoded
        let algNone = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64URLEncoded + "." + unsignedClaims + "."
        let cases: [(String, [String: String], String)] = [
            ("missing auth", ["iid": credentials.streamId, "accountId": credentials.accountId], "auth header is missing"),
            ("forged", ["auth": forged, "iid": credentials.streamId, "accountId": credentials.accountId], "not valid"),
            ("alg none", ["auth": algNone, "iid": credentials.streamId, "accountId": credentials.accountId], "not valid"),
            ("garbage", ["auth": "not.a.jwt", "iid": credentials.streamId, "accountId": credentials.accountId], "not valid"),
            ("expired", ["auth": expired, "iid": credentials.streamId, "accountId": credentials.accountId], "expired"),
            ("wrong appId", ["auth": wrongApp, "iid": credentials.streamId, "accountId": credentials.accountId], "appId"),
            ("missing iid", ["auth": harness.token, "accountId": credentials.accountId], "iid"),
            ("missing accountId", ["auth": harness.token, "iid": credentials.streamId], "accountId"),
            ("wrong accountId", ["auth": harness.token, "iid": credentials.streamId, "accountId": "someone-else"], "accountId"),
        ]
        for (label, headers, reason) in cases {
            let reply = try await harness.send("POST", Self.getPath, body: ["type": "sms"], headers: headers)
            #expect(reply.status == 401, "\(label)")
            #expect(reply.message.contains(reason), "\(label): \(reply.message)")
            #expect(reply.object["status"] == "error")
        }
    }

    @Test("a client secret shorter than 32 bytes is refused at start")
    func shortSecret() async {
        var configuration = SandboxConfiguration()
        configuration.credentials.clientSecret = "short"
        await #expect(throws: SandboxSetupError.self) { _ = try await SandboxServer.start(configuration) }
    }

    @Test("the sandbox listens on loopback only")
    func loopbackOnly() async {
        var configuration = SandboxConfiguration()
        configuration.host = "0.0.0.0"
        await #expect(throws: SandboxSetupError.self) { _ = try await SandboxServer.start(configuration) }
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
