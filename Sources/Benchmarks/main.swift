import AsyncHTTPClient
import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1

// `make bench`: the sandbox's requests per second and latency on loopback, the client's time to
// list 10,000 campaigns through paging, and the terminal UI's keystroke → frame time, bytes per
// selection move and start-up. Prints numbers; asserts nothing. Built in release.
// Modes: `sandbox`, `list`, `tui` (default: all); numbers: seconds per test, concurrency.

struct BenchClaims: JWTPayload {
    var appId: String
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

struct Measurement {
    let label: String
    let seconds: Double
    let latencies: [Double]
    let failures: Int

    var rate: Double { Double(latencies.count) / seconds }

    func report() {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print(String(format: "%-34@ %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d requests, %d failed)",
                     label as NSString, rate, percentile(0.5) * 1000, percentile(0.99) * 1000, latencies.count, failures))
    }
}

func run(_ label: String, client: HTTPClient, concurrency: Int, duration: Double,
         makeRequest: @escaping @Sendable (Int) -> HTTPClientRequest) async -> Measurement {
    let start = Date()
    let deadline = start.addingTimeInterval(duration)
    let results = await withTaskGroup(of: ([Double], Int).self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                var latencies: [Double] = []
                var failures = 0
                var counter = worker
                while Date() < deadline {
                    let began = DispatchTime.now().uptimeNanoseconds
                    do {
                        let response = try await client.execute(makeRequest(counter), timeout: .seconds(10))
                        _ = try await response.body.collect(upTo: 16 << 20)
                        if response.status.code != 200 { failures += 1 }
                    } catch { failures += 1 }
                    latencies.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
                    counter += concurrency
                }
                return (latencies, failures)
            }
        }
        var all: ([Double], Int) = ([], 0)
        for await (latencies, failures) in group {
            all.0 += latencies
            all.1 += failures
        }
        return all
    }
    return Measurement(label: label, seconds: Date().timeIntervalSince(start), latencies: results.0, failures: results.1)
}

let arguments = CommandLine.arguments
let numbers = arguments.dropFirst().compactMap(Double.init)
let seconds = numbers.first ?? 5
let concurrency = numbers.dropFirst().first.map { Int($0) } ?? 32

func sandboxThroughput() async throws {
    var configuration = SandboxConfiguration()
    configuration.seedCampaigns = 2_000
    let sandbox = try await SandboxServer.start(configuration)
    let credentials = configuration.credentials
    let keys = JWTKeyCollection()
    await keys.add(hmac: HMACKey(from: credentials.clientSecret), digestAlgorithm: .sha256)
    let token = try await keys.sign(BenchClaims(appId: credentials.clientId))
    var clientConfiguration = HTTPClient.Configuration()
    clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
    let base = "\(sandbox.baseURL.absoluteString)/campaign/api/v2/public/\(credentials.streamId)/campaign"

    @Sendable func request(_ url: String, method: HTTPMethod = .GET, body: String? = nil) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "auth", value: token)
        request.headers.add(name: "iid", value: credentials.streamId)
        request.headers.add(name: "accountId", value: credentials.accountId)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        return request
    }

    let listRequest = request("\(base)/getAllCampaignDetails?accountId=\(credentials.accountId)", method: .POST, body: #"{"limit":1000}"#)
    let listResponse = try await client.execute(listRequest, timeout: .seconds(30))
    let listBody = try await listResponse.body.collect(upTo: 64 << 20)
    let page = try CampaignPage(json: APIEnvelope(json: JSONValue.parse(Data(listBody.readableBytesView))).data ?? .null)
    let ids = page.results.compactMap(\.id)

    print("Sandbox: \(Int(seconds)) s per test, \(concurrency) concurrent connections, 2,000 seeded campaigns, client in the same process")
    let gets = await run("GET campaign by id", client: client, concurrency: concurrency, duration: seconds) { index in
        request("\(base)/\(ids[index % ids.count])?accountId=\(credentials.accountId)")
    }
    gets.report()
    print("  goal ≥ 5,000 GET/s: \(gets.rate >= 5_000 ? "met" : "NOT met") (the client shares this process's cores; make bench-wrk drives it from outside)")
    let lists = await run("list (getAllCampaignDetails, 50)", client: client, concurrency: concurrency, duration: seconds) { index in
        request("\(base)/getAllCampaignDetails?accountId=\(credentials.accountId)", method: .POST,
                body: #"{"type":"\#(index % 2 == 0 ? "sms" : "voice")","limit":50,"skip":\#((index * 50) % 900)}"#)
    }
    lists.report()
    print("  goal ≥ 1,000 list pages/s: \(lists.rate >= 1_000 ? "met" : "NOT met")")
    try await client.shutdown()
    await sandbox.stop()
}

func clientListing() async throws {
    var configuration = SandboxConfiguration()
    configuration.seedCampaigns = 10_000
    let seeding = ContinuousClock.now
    let sandbox = try await SandboxServer.start(configuration)
    print("Client: sandbox seeded with 10,000 campaigns in \(ContinuousClock.now - seeding)")
    let credentials = configuration.credentials
    let profile = APIProfile(name: "bench", host: sandbox.baseURL, streamId: credentials.streamId, accountId: credentials.accountId,
                             auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret)))
    let client = try CampaignClient(profile: profile)
    for run in 1...3 {
        let started = ContinuousClock.now
        let sms = try await client.listAll(CampaignListRequest(type: .sms))
        let voice = try await client.listAll(CampaignListRequest(type: .voice))
        let elapsed = ContinuousClock.now - started
        print("list all 10,000 campaigns through paging (500 a page, 4 in flight), run \(run): \(elapsed) (\(sms.count + voice.count) campaigns)")
    }
    await sandbox.stop()
}

let modes = Set(arguments.dropFirst().filter { Double($0) == nil })
if modes.isEmpty || modes.contains("sandbox") { try await sandboxThroughput() }
if modes.isEmpty || modes.contains("seed") { try await SandboxSeedBench.run() }
if modes.isEmpty || modes.contains("list") { try await clientListing() }
if modes.isEmpty || modes.contains("tui") { try await TerminalUIBench.run() }
if modes.isEmpty || modes.contains("board") { try await BoardBench.run() }
if modes.contains("board-keys") { BoardBench.keystrokesWhileCounting() }
