import CampaignAPI
import CampaignModel
import Foundation
import Synchronization
import Testing

/// A profile for a stub server on loopback.
func stubProfile(_ url: URL) -> APIProfile {
    APIProfile(name: "stub", host: url, streamId: "st-stub", accountId: "acct-stub",
               auth: .signed(clientId: "cs-stub", clientSecret: Secret(String(repeating: "s", count: 40))))
}

/// Runs `body` with a stub server answering with `script`, stopping it afterwards.
func withStub<T>(_ script: @escaping StubServer.Script, _ body: (StubServer) async throws -> T) async throws -> T {
    let server = try StubServer(script)
    defer { server.stop() }
    return try await body(server)
}

let contactListsReply = StubServer.response(status: 200, body: #"{"status": "success", "data": []}"#)

@Suite("The client under a hostile or broken server", .serialized)
struct HostileServerTests {
    @Test("a redirect is not followed: it is an error naming the Location, and the auth header goes nowhere else")
    func redirectNotFollowed() async throws {
        try await withStub({ _, connection in connection.write(contactListsReply) }) { elsewhere in
            let target = elsewhere.url.absoluteString + "/steal"
            try await withStub({ _, connection in
                connection.reply(status: 307, headers: [("Location", target)])
            }) { server in
                let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
                let error = await #expect(throws: APIError.self) { try await client.contactLists() }
                #expect(error?.status == 307)
                #expect(error?.summary.contains(target) == true, "\(error?.summary ?? "")")
                #expect(elsewhere.requests.isEmpty, "nothing, least of all the auth header, was sent to the other host")
                #expect(server.requests.count == 1, "a redirect is not retried")
            }
        }
    }

    @Test("Retry-After nan, inf, -inf, garbage or 1e20 neither traps nor stalls", arguments: ["nan", "inf", "-inf", "soon", "-5", ""])
    func oddRetryAfter(_ header: String) async throws {
        let calls = Calls()
        try await withStub({ _, connection in
            if calls.next() == 1 {
                connection.reply(status: 429, headers: [("Retry-After", header)], body: #"{"message": "slow down"}"#)
            } else {
                connection.write(contactListsReply)
            }
        }) { server in
            var options = ClientHarness.fastRetries()
            options.maxAttempts = 2
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            let started = Date()
            #expect(try await client.contactLists().isEmpty)
            #expect(server.requests.count == 2)
            #expect(Date().timeIntervalSince(started) < 10, "the usual short backoff, not a stall")
        }
    }

    @Test("a 429 with Retry-After 1e20 that is not retried says so without trapping")
    func hugeRetryAfterInTheMessage() async throws {
        try await withStub({ _, connection in
            connection.reply(status: 429, headers: [("Retry-After", "1e20")], body: #"{"message": "slow down"}"#)
        }) { server in
            var options = ClientHarness.fastRetries()
            options.maxAttempts = 1
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            let error = await #expect(throws: APIError.self) { try await client.contactLists() }
            #expect(error?.kind == .rateLimited)
            #expect(error?.summary.contains("more than an hour") == true, "\(error?.summary ?? "")")
        }
    }

    @Test("totalResults of 9223372036854775807 sizes nothing: paging stops where hasMore says")
    func hugeTotalResults() async throws {
        try await withStub({ request, connection in
            let skip = request.skip
            let body = skip == 0
                ? StubServer.listBody(ids: ["cd-1", "cd-2"], hasMore: true, totalResults: #""9223372036854775807""#)
                : skip == 2 ? StubServer.listBody(ids: ["cd-3"], hasMore: false, totalResults: #""9223372036854775807""#)
                : StubServer.listBody(ids: [], hasMore: false, totalResults: "0")
            connection.reply(status: 200, body: body)
        }) { server in
            var options = ClientHarness.fastRetries()
            options.pageSize = 2
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            let progress = ProgressLog()
            let campaigns = try await client.listAll(CampaignListRequest(type: .sms)) { loaded, total, _ in progress.record(loaded, total) }
            #expect(campaigns.compactMap(\.id) == ["cd-1", "cd-2", "cd-3"])
            #expect(progress.last?.0 == 3 && progress.last?.1 == 3, "the last report is the true count")
            #expect(server.requests.count <= 1 + options.pageConcurrency)
        }
    }

    @Test("an empty page ends the listing even when hasMore says true")
    func emptyPageEndsListing() async throws {
        try await withStub({ request, connection in
            let skip = request.skip
            connection.reply(status: 200, body: StubServer.listBody(ids: skip == 0 ? ["cd-1", "cd-2"] : [], hasMore: true, totalResults: "40"))
        }) { server in
            var options = ClientHarness.fastRetries()
            options.pageSize = 2
            options.pageConcurrency = 1
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            #expect(try await client.listAll(CampaignListRequest(type: .sms)).count == 2)
            #expect(server.requests.count == 2)
        }
    }

    @Test("the timeout covers the body: a body that trickles times out")
    func tricklingBody() async throws {
        try await withStub({ _, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{")
            while connection.pause(0.2), connection.write(" ") {}
        }) { server in
            var options = ClientHarness.fastRetries()
            options.timeout = .seconds(1)
            options.maxAttempts = 1
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            let started = Date()
            let error = await #expect(throws: APIError.self) { try await client.contactLists() }
            #expect(error?.kind == .timeout)
            #expect(Date().timeIntervalSince(started) < 10, "gave up at the 1 s deadline, not when the body ended (80 s)")
        }
    }

    @Test("a refused connection fails at once, without retrying for minutes")
    func refusedConnection() async throws {
        let port = try StubServer.refusingPort()
        var options = ClientOptions()
        options.timeout = .seconds(30)
        options.maxAttempts = 4
        let client = try CampaignClient(profile: stubProfile(URL(string: "http://127.0.0.1:\(port)")!), options: options)
        let started = Date()
        let error = await #expect(throws: APIError.self) { try await client.contactLists() }
        #expect(error?.kind == .cannotConnect)
        #expect(error?.summary.contains("refused") == true, "\(error?.summary ?? "")")
        #expect(Date().timeIntervalSince(started) < 10, "not 4 attempts × 30 s")
    }

    @Test("the server's error text is kept as sent (the command line strips it for the terminal)")
    func serverTextKept() async throws {
        try await withStub({ _, connection in
            connection.reply(status: 500, body: #"{"message": "bad \u001b]0;pwned\u0007 thing"}"#)
        }) { server in
            var options = ClientHarness.fastRetries()
            options.maxAttempts = 1
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            let error = await #expect(throws: APIError.self) { try await client.contactLists() }
            #expect(error?.serverMessage == "bad \u{1B}]0;pwned\u{07} thing")
        }
    }
}

@Suite("Loopback is parsed, not matched by prefix")
struct LoopbackTests {
    @Test("addresses in 127.0.0.0/8, ::1 and localhost are loopback; names that merely start with 127. are not")
    func loopback() throws {
        for host in ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"] {
            #expect(APIProfile.isLoopback(host), "\(host)")
        }
        for host in ["127.evil.example", "127.0.0.1.evil.example", "localhost.evil.example", "128.0.0.1", "1.2.3.4", "::2",
                     "0x7f.0.0.1", "127.1", ""] {
            #expect(!APIProfile.isLoopback(host), "\(host)")
        }
    }

    @Test("plain http to 127.evil.example is refused")
    func evilHost() throws {
        let error = #expect(throws: APIError.self) { try CampaignClient(profile: stubProfile(URL(string: "http://127.evil.example:8710")!)) }
        #expect(error?.kind == .insecureHost)
        #expect(throws: Never.self) { try CampaignClient(profile: stubProfile(URL(string: "http://[::1]:8710")!)) }
    }
}

/// Counts calls across threads.
final class Calls: Sendable {
    private let count = Mutex(0)
    /// 1 for the first call, 2 for the second, …
    func next() -> Int { count.withLock { $0 += 1; return $0 } }
}
