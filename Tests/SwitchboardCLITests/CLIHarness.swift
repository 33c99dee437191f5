import CampaignModel
import CampaignSandbox
import Foundation

/// What a run of the `switchboard` binary produced.
struct CLIResult {
    let code: Int32
    let stdout: String
    let stderr: String
    var all: String { stdout + stderr }
}

/// Runs the built `switchboard` binary against an in-process sandbox.
struct CLI {
    let sandbox: RunningSandbox
    let home: URL
    var extraEnvironment: [String: String] = [:]

    /// The binary next to the test bundle, as `swift build` lays them out.
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug"),
        ].map { $0.appendingPathComponent("switchboard") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    var environment: [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
                           "LANG": "C.UTF-8", "COLUMNS": "100",
                           "KORE_HOST": sandbox.baseURL.absoluteString, "KORE_STREAM_ID": sandbox.credentials.streamId,
                           "KORE_ACCOUNT_ID": sandbox.credentials.accountId, "KORE_CLIENT_ID": sandbox.credentials.clientId,
                           "KORE_CLIENT_SECRET": sandbox.credentials.clientSecret]
        environment.merge(extraEnvironment) { $1 }
        return environment.filter { !$0.value.isEmpty }
    }

    /// Runs `switchboard ARGS`, feeding `input` to stdin. The wait happens on a thread of its
    /// own: blocking one of Swift's few shared threads here would starve the other tests running
    /// in parallel (and the app harnesses whose effects run there).
    func run(_ arguments: [String], input: String? = nil) async throws -> CLIResult {
        let binary = Self.binary, environment = environment
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try Self.runBlocking(binary, arguments, environment: environment, input: input)
                })
            }
        }
    }

    private static func runBlocking(_ binary: URL, _ arguments: [String], environment: [String: String],
                                    input: String?) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Both pipes are drained at once, so a chatty stderr cannot stall the program.
        let stderrRead = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var stderr = Data()
        Thread.detachNewThread {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            stderrRead.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        stderrRead.wait()
        process.waitUntilExit()
        return CLIResult(code: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
    }

    func file(_ name: String, _ contents: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

/// A sandbox and a CLI runner with its own empty home.
func withCLI<T>(seed: Int = 12, configure: (inout SandboxConfiguration) -> Void = { _ in },
                _ body: (CLI) async throws -> T) async throws -> T {
    var configuration = SandboxConfiguration()
    configuration.seedCampaigns = seed
    configuration.preparingDelay = .milliseconds(50)
    configure(&configuration)
    let sandbox = try await SandboxServer.start(configuration)
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    do {
        let result = try await body(CLI(sandbox: sandbox, home: home))
        await sandbox.stop()
        try? FileManager.default.removeItem(at: home)
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}

import JWTKit

struct CLITestClaims: JWTPayload {
    var appId: String
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// An app JWT signed as a user would make one.
func makeToken(clientId: String, secret: String) async throws -> String {
    let keys = JWTKeyCollection()
    await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    return try await keys.sign(CLITestClaims(appId: clientId))
}
