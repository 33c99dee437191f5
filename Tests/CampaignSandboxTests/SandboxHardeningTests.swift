import CampaignModel
@testable import CampaignSandbox
import Foundation
import Logging
import Synchronization
import Testing

/// Keeps every log line, to check what `--verbose` prints.
final class SandboxLogLines: Sendable {
    let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }

    func logger(level: Logger.Level = .debug) -> Logger {
        var logger = Logger(label: "sandbox-test") { _ in Handler(sink: self) }
        logger.logLevel = level
        return logger
    }

    struct Handler: LogHandler {
        let sink: SandboxLogLines
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            sink.lines.withLock { $0.append("\(event.level) \(event.message) \(event.metadata ?? [:])") }
        }
    }
}

@Suite("The sandbox under odd requests", .serialized)
struct SandboxHardeningTests {
    @Test("verbose logs every request: method, path, status and time, never the JWT")
    func verboseLogsRequests() async throws {
        let logs = SandboxLogLines()
        try await withSandbox(seed: 3, logger: logs.logger()) { harness in
            _ = try await harness.list(["type": "sms"])
            _ = try await harness.send("GET", "\(SandboxHarness.v2)/cd-missing")
            _ = try await harness.send("GET", "\(SandboxHarness.v2)/cd-x", headers: [:])
            let lines = logs.all
            let path = "/campaign/api/v2/public/\(harness.credentials.streamId)/campaign"
            #expect(lines.contains { $0.contains("POST \(path)/getAllCampaignDetails → 200 in ") && $0.contains(" ms") }, "\(lines)")
            #expect(lines.contains { $0.contains("GET \(path)/cd-missing → 404") }, "\(lines)")
            #expect(lines.contains { $0.contains("GET \(path)/cd-x → 401") }, "\(lines)")
            #expect(!lines.joined().contains(harness.token))
            #expect(!lines.joined().contains(String(harness.token.prefix(20))))
        }
        let quiet = SandboxLogLines()
        try await withSandbox(seed: 1, logger: quiet.logger(level: .warning)) { harness in
            _ = try await harness.list(["type": "sms"])
            #expect(quiet.all.isEmpty, "without --verbose, requests are not logged")
        }
    }

    @Test("a request path holding escape sequences is logged with them percent-encoded")
    func logLineEscapesControls() {
        let line = SandboxServer.requestLogLine(method: "GET", path: "/x\u{1B}]0;owned\u{07}\u{9B}", status: 404, duration: .milliseconds(2))
        #expect(line == "GET /x%1B]0;owned%07%9B → 404 in 2.0 ms")
    }

    @Test("paging numbers that would overflow are a 400, and the sandbox keeps answering", arguments: [
        #"{"type": "sms", "page": "9223372036854775807"}"#,
        #"{"type": "sms", "page": "9223372036854775807", "limit": 1000}"#,
        #"{"type": "sms", "page": 4611686018427387904, "limit": "2"}"#,
        #"{"type": "sms", "skip": "9223372036854775807"}"#,
        #"{"type": "sms", "limit": "9223372036854775807"}"#,
        #"{"type": "sms", "limit": "-9223372036854775808"}"#,
        #"{"type": "sms", "page": 1e300}"#,
    ])
    func overflowingPages(_ body: String) async throws {
        try await withSandbox(seed: 4) { harness in
            let reply = try await harness.send("POST", "\(SandboxHarness.v2)/getAllCampaignDetails", rawBody: body)
            #expect(reply.status == 400, "\(reply.json)")
            #expect(!reply.errorPaths.isEmpty)
            let after = try await harness.list(["type": "sms"])
            #expect(after.status == 200)
        }
    }

    @Test("a large but sane page still answers, empty")
    func farPage() async throws {
        try await withSandbox(seed: 4) { harness in
            let reply = try await harness.list(["type": "sms", "page": 1_000_000, "limit": 1000])
            #expect(reply.status == 200)
            #expect(reply.data?.objectValue?["results"]?.arrayValue?.isEmpty == true)
            #expect(reply.data?.objectValue?["hasMore"] == false)
        }
    }

    @Test("the sandbox listens on ::1, with a bracketed URL")
    func ipv6Loopback() async throws {
        try await withSandbox(seed: 2, configure: { $0.host = "::1" }) { harness in
            #expect(harness.sandbox.baseURL.absoluteString == "http://[::1]:\(harness.sandbox.port)")
            let reply = try await harness.list(["type": "sms"])
            #expect(reply.status == 200)
        }
        #expect(SandboxServer.baseURL(host: "[::1]", port: 80).absoluteString == "http://[::1]:80")
        #expect(SandboxServer.baseURL(host: "127.0.0.1", port: 80).absoluteString == "http://127.0.0.1:80")
        #expect(!SandboxServer.isLoopback("127.evil.example"))
    }

    @Test("an in-process sandbox answers while every thread of the cooperative pool is blocked")
    func answersWhilePoolBlocked() async throws {
        try await withSandbox(seed: 1) { harness in
            let port = harness.sandbox.port
            let answer = Mutex<String?>(nil)
            let done = DispatchSemaphore(value: 0)
            // A plain thread asks, as a child `switchboard` process would.
            Thread {
                answer.withLock { $0 = rawGet(port: port, path: "/campaign/api/v2/public/st/campaign/cd-1", timeout: 5) }
                for _ in 0..<64 { done.signal() }
            }.start()
            // Meanwhile every cooperative thread waits for that answer, as a test blocked on a child process does.
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<max(2, ProcessInfo.processInfo.activeProcessorCount) {
                    group.addTask { done.wait() }
                }
            }
            #expect(answer.withLock { $0 }?.hasPrefix("HTTP/1.1 401") == true, "\(answer.withLock { $0 } ?? "no answer within 5 s")")
        }
    }

    @Test("two concurrent creates with one name: exactly one succeeds, the other is a 409")
    func concurrentCreates() async throws {
        try await withSandbox(seed: 0) { harness in
            let sample = try Samples.valid("create-sms-campaign-without-template-v2")
            for round in 0..<12 {
                let name = "Race \(round)"
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for variant in [name, name.uppercased(), name.lowercased()] {
                        group.addTask { try await harness.create(sample, type: "sms", name: variant).status }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(statuses.sorted() == [200, 409, 409], "round \(round): \(statuses)")
            }
            let all = try await harness.list(["type": "sms", "limit": 100])
            #expect(all.data?.objectValue?["results"]?.arrayValue?.count == 12)
        }
    }
}

/// A GET over a plain socket with a receive timeout: the status line, or nil.
func rawGet(port: Int, path: String, timeout: Int) -> String? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var wait = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return nil }
    let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    guard send(fd, request, request.utf8.count, Int32(MSG_NOSIGNAL)) > 0 else { return nil }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = recv(fd, &buffer, buffer.count, 0)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count], as: UTF8.self).components(separatedBy: "\r\n").first
}
