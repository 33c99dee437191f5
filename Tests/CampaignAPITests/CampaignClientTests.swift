import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import Testing

@Suite("The API client against the sandbox", .serialized)
struct CampaignClientTests {
    @Test("every operation works end to end")
    func everyOperation() async throws {
        try await withClient(seed: 30) { harness in
            let client = harness.client
            let sms = try await client.create(Make.sms("Client SMS"))
            #expect(sms.status == .ready && sms.id != nil)
            var voice = try await client.create(Make.voice("Client voice"))
            #expect(voice.status == .preparing && voice.dncList?.id?.hasPrefix("cl-") == true)

            let fetched = try await client.get(sms.id!)
            #expect(fetched.message?.text == "Hello from the tests")

            var edited = fetched
            edited.dialingStrategy?.callingHours?.days[0].end = "5:10 PM"
            let updated = try await client.update(edited)
            #expect(updated.dialingStrategy?.callingHours?.days[0].end == "5:10 PM")
            #expect(CampaignDiff.changes(from: edited, to: updated).isEmpty)

            let deadline = Date().addingTimeInterval(10)
            while try await client.status(voice.id!).status != .ready, Date() < deadline { try await Task.sleep(for: .milliseconds(30)) }
            let started = try await client.start(voice.id!, type: .voice)
            #expect(started.status == .active)
            let stopped = try await client.stop(voice.id!, type: .voice)
            #expect(stopped.status == .stopped)
            voice = try await client.get(voice.id!)
            #expect(voice.status == .stopped)

            let lists = try await client.contactLists()
            #expect(lists.contains { $0.name == "CL Only 2020 Dec 4" })
            #expect(try await client.contactList(lists[0].id!).name == lists[0].name)
            let newList = try await client.createContactList(name: "Client list", description: "made by tests", allowDuplicates: true)
            #expect(newList.id?.hasPrefix("cl-") == true)

            let schedule = RecurringSchedule(startDateTime: "2030-01-01 09:00:00", endDateTime: "2030-02-01 09:00:00",
                                             recurrence: .weekly(everyNWeeks: 1, days: [.monday, .wednesday]))
            #expect(try await client.enableSchedule(campaignName: "Client SMS", schedule) == "Campaign Client SMS scheduled successfully")
            #expect(try await client.disableSchedule(campaignName: "Client SMS").hasSuffix("disabled successfully"))

            let deleted = try await client.delete(sms.id!, type: .sms)
            #expect(deleted.name == "Client SMS")
            await #expect(throws: APIError.self) { try await client.get(sms.id!) }
        }
    }

    @Test("listAll pages with bounded concurrency and returns each campaign once")
    func listAll() async throws {
        var options = ClientHarness.fastRetries()
        options.pageSize = 97
        options.pageConcurrency = 3
        try await withClient(seed: 1_000, options: options) { harness in
            let progress = ProgressLog()
            let sms = try await harness.client.listAll(CampaignListRequest(type: .sms)) { loaded, total, _ in progress.record(loaded, total) }
            let voice = try await harness.client.listAll(CampaignListRequest(type: .voice))
            #expect(sms.count + voice.count == 1_000)
            #expect(Set((sms + voice).compactMap(\.id)).count == 1_000)
            #expect(sms.compactMap(\.createdAt) == sms.compactMap(\.createdAt).sorted(by: >), "the server's order is kept")
            #expect(progress.last?.0 == sms.count && progress.last?.1 == sms.count)
            #expect(progress.count == (sms.count + 96) / 97)
        }
    }

    @Test("401: credentials rejected, with a message a supervisor can act on")
    func unauthorized() async throws {
        try await withClient(secret: "a-wrong-secret-that-is-long-enough-0000") { harness in
            let error = await #expect(throws: APIError.self) { try await harness.client.get("cd-1") }
            #expect(error?.kind == .unauthorized)
            #expect(error?.summary == "credentials rejected: check clientId, clientSecret and the app's API scope")
            #expect(error?.serverMessage?.contains("JWT") == true)
        }
    }

    @Test("404 and 400 carry the server's text and field paths")
    func notFoundAndInvalid() async throws {
        try await withClient { harness in
            let missing = await #expect(throws: APIError.self) { try await harness.client.get("cd-missing") }
            #expect(missing?.kind == .notFound && missing?.status == 404)
            var bad = Make.voice("Bad one")
            bad.dialingStrategy?.maxRingTime = 999
            bad.contactLists = ["Nope"]
            let invalid = await #expect(throws: APIError.self) { try await harness.client.create(bad) }
            #expect(invalid?.kind == .invalid)
            #expect(Set(invalid?.issues.map(\.path) ?? []) == ["dialingStrategy.maxRingTime", "contactLists[0]"])
            #expect(invalid?.summary.contains("2 fields invalid") == true)
        }
    }

    @Test("429 is retried after Retry-After, then succeeds")
    func rateLimitedThenSuccess() async throws {
        try await withClient(configure: { $0.rateLimitPerMinute = 1; $0.rateLimitWindow = .seconds(1) }) { harness in
            _ = try await harness.client.contactLists()
            let started = Date()
            let lists = try await harness.client.contactLists()
            #expect(!lists.isEmpty)
            #expect(Date().timeIntervalSince(started) >= 0.5, "waited for the window to pass")
            #expect(harness.sandbox.requestCount == 3)
            #expect(harness.logs.text.contains("retrying listContactLists after HTTP 429"))
        }
    }

    @Test("500 is retried for a GET but a create is sent once")
    func serverErrors() async throws {
        try await withClient { harness in
            let before = harness.sandbox.requestCount
            harness.sandbox.failNextRequests(2)
            let lists = try await harness.client.contactLists()
            #expect(!lists.isEmpty)
            #expect(harness.sandbox.requestCount - before == 3, "two failures, then success")

            harness.sandbox.failNextRequests(1)
            let beforeCreate = harness.sandbox.requestCount
            let error = await #expect(throws: APIError.self) { try await harness.client.create(Make.sms("Once only")) }
            #expect(error?.kind == .server && error?.status == 500)
            #expect(harness.sandbox.requestCount - beforeCreate == 1, "a create is never sent twice")
            let all = try await harness.client.listAll(CampaignListRequest(type: .sms))
            #expect(!all.contains { $0.name == "Once only" })

            harness.sandbox.failNextRequests(10)
            let gaveUp = await #expect(throws: APIError.self) { try await harness.client.contactLists() }
            #expect(gaveUp?.kind == .server, "gives up after maxAttempts")
            harness.sandbox.failNextRequests(0)
        }
    }

    @Test("a slow server times out; a server that is down cannot be reached")
    func timeoutAndDown() async throws {
        var options = ClientHarness.fastRetries()
        options.timeout = .milliseconds(300)
        options.maxAttempts = 2
        try await withClient(configure: { $0.latency = .seconds(2) }, options: options) { harness in
            let error = await #expect(throws: APIError.self) { try await harness.client.get("cd-1") }
            #expect(error?.kind == .timeout)
            #expect(error?.summary.hasPrefix("timed out") == true)
        }
        var configuration = SandboxConfiguration()
        configuration.seedCampaigns = 0
        let sandbox = try await SandboxServer.start(configuration)
        let profile = ClientHarness.profile(for: sandbox)
        await sandbox.stop()
        let client = try CampaignClient(profile: profile, options: options)
        let down = await #expect(throws: APIError.self) { try await client.contactLists() }
        #expect(down?.kind == .cannotConnect)
        #expect(down?.summary.contains("cannot reach http://127.0.0.1:") == true)
    }

    @Test("cancelling a call stops it")
    func cancellation() async throws {
        try await withClient(configure: { $0.latency = .seconds(3) }) { harness in
            let task = Task { try await harness.client.get("cd-1") }
            try await Task.sleep(for: .milliseconds(100))
            let started = Date()
            task.cancel()
            let result = await task.result
            #expect(Date().timeIntervalSince(started) < 2)
            #expect(throws: (any Error).self) { try result.get() }
        }
    }

    @Test("plain http is refused except to loopback, unless insecure")
    func transportRules() throws {
        let auth = TokenProvider.Source.signed(clientId: "cs", clientSecret: Secret(String(repeating: "s", count: 40)))
        let remote = APIProfile(name: "p", host: URL(string: "http://platform.example.com")!, streamId: "st", accountId: "a", auth: auth)
        let error = #expect(throws: APIError.self) { try CampaignClient(profile: remote) }
        #expect(error?.kind == .insecureHost)
        var insecure = remote
        insecure.insecure = true
        #expect(throws: Never.self) { try CampaignClient(profile: insecure) }
        #expect(throws: Never.self) {
            try CampaignClient(profile: APIProfile(name: "p", host: URL(string: "https://platform.kore.ai")!, streamId: "st", accountId: "a", auth: auth))
        }
        let short = APIProfile(name: "p", host: URL(string: "https://platform.kore.ai")!, streamId: "st", accountId: "a",
                               auth: .signed(clientId: "cs", clientSecret: Secret("short")))
        #expect(throws: APIError.self) { try CampaignClient(profile: short) }
    }

    @Test("a profile may override a route: the bare create path works too")
    func routeOverride() async throws {
        try await withClient { harness in
            var profile = ClientHarness.profile(for: harness.sandbox)
            profile.routeOverrides[.createCampaign] = "/api/v2/public/{streamId}/campaign"
            profile.routeOverrides[.deleteCampaign] = "/agentassist/api/v1/public/{streamId}/campaign/{campaignId}"
            let client = try CampaignClient(profile: profile, options: ClientHarness.fastRetries())
            let created = try await client.create(Make.sms("Bare path"))
            try await client.delete(created.id!, type: .sms)
            await #expect(throws: APIError.self) { try await client.get(created.id!) }
        }
    }

    @Test("tokens are renewed before they expire, and never logged")
    func tokens() async throws {
        let provider = try TokenProvider(source: .signed(clientId: "cs-x", clientSecret: Secret(String(repeating: "k", count: 32))), lifetime: 120)
        let now = Date()
        let first = try await provider.token(now: now)
        #expect(try await provider.token(now: now.addingTimeInterval(30)) == first, "reused while fresh")
        #expect(try await provider.token(now: now.addingTimeInterval(70)) != first, "renewed within a minute of expiry")
        #expect("\(first)".hasPrefix("••••") && !"\(first)".contains(first.revealed))

        try await withClient { harness in
            _ = try await harness.client.contactLists()
            let text = harness.logs.text
            #expect(text.contains("→ POST"))
            #expect(!text.contains(harness.sandbox.credentials.clientSecret))
            #expect(text.range(of: #"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\."#, options: .regularExpression) == nil, "no JWT in the logs")
        }
    }
}

/// Records progress callbacks.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(Int, Int)] = []
    func record(_ loaded: Int, _ total: Int) { lock.withLock { entries.append((loaded, total)) } }
    var last: (Int, Int)? { lock.withLock { entries.last } }
    var count: Int { lock.withLock { entries.count } }
}
