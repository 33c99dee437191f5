import CampaignModel
@testable import CampaignSandbox
import Foundation
import Testing

@Suite("Sandbox: verified tokens are checked once, until they expire", .serialized)
struct SandboxTokenCacheTests {
    static let listPath = "\(SandboxHarness.v2)/getAllCampaignDetails"

    @Test("a token accepted before is refused as expired once its exp passes")
    func expiryStillApplies() async throws {
        try await withSandbox(seed: 2) { harness in
            let credentials = harness.credentials
            // Long enough for two requests on a busy 2-core machine (2 s was not, under load 8).
            let expires = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 5).rounded(.up))
            let token = try await SandboxHarness.sign(TestClaims(appId: credentials.clientId, exp: .init(value: expires)),
                                                      secret: credentials.clientSecret)
            let headers = ["auth": token, "iid": credentials.streamId, "accountId": credentials.accountId]
            #expect(try await harness.send("POST", Self.listPath, body: [:], headers: headers).status == 200)
            #expect(try await harness.send("POST", Self.listPath, body: [:], headers: headers).status == 200)
            #expect(harness.sandbox.service.authenticator.verified.count == 1)
            while Date() <= expires { try await Task.sleep(for: .milliseconds(100)) }
            let late = try await harness.send("POST", Self.listPath, body: [:], headers: headers)
            #expect(late.status == 401)
            #expect(late.message.contains("expired"), "\(late.message)")
        }
    }

    @Test("a cached token still needs the right accountId, and a bad token is never cached")
    func otherChecksStillApply() async throws {
        try await withSandbox(seed: 2) { harness in
            let credentials = harness.credentials
            #expect(try await harness.send("POST", Self.listPath, body: [:]).status == 200)
            let wrongAccount = try await harness.send("POST", Self.listPath, body: [:],
                                                      headers: ["auth": harness.token, "iid": credentials.streamId, "accountId": "someone-else"])
            #expect(wrongAccount.status == 401 && wrongAccount.message.contains("accountId"))
            let forged = try await SandboxHarness.sign(TestClaims(appId: credentials.clientId),
                                                       secret: "an-entirely-different-secret-of-32-bytes!")
            for _ in 0..<2 {
                let reply = try await harness.send("POST", Self.listPath, body: [:],
                                                   headers: ["auth": forged, "iid": credentials.streamId, "accountId": credentials.accountId])
                #expect(reply.status == 401 && reply.message.contains("not valid"))
            }
            #expect(harness.sandbox.service.authenticator.verified.count == 1)
        }
    }

    @Test("entries are used only before their expiry, and the cache never grows past its capacity")
    func cacheUnit() {
        let cache = VerifiedTokenCache(capacity: 2)
        let now = Date()
        cache.remember("a", appId: "app", expires: now.addingTimeInterval(10))
        #expect(cache.appId(of: "a", now: now) == "app")
        #expect(cache.appId(of: "a", now: now.addingTimeInterval(10)) == nil, "at exp the token is expired")
        #expect(cache.appId(of: "a", now: now) == nil, "and forgotten")
        cache.remember("b", appId: "app", expires: nil)
        cache.remember("c", appId: "app", expires: nil)
        cache.remember("d", appId: "app", expires: nil)
        #expect(cache.count <= 2)
        #expect(cache.appId(of: "d", now: now) == "app")
    }
}
