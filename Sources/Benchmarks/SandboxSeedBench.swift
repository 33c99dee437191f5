import CampaignSandbox
import Foundation

/// `switchboard-bench seed`: how long the in-process sandbox takes to seed 100,000 campaigns (what
/// `switchboard demo --campaigns 100000` waits for before its UI opens) and how much resident
/// memory the process gains. `scripts/sandbox_wrk.py` measures the same in a process of its own.
enum SandboxSeedBench {
    static let campaigns = 100_000
    static let goalSeconds = 5.0

    static func run() async throws {
        let before = residentMegabytes()
        var configuration = SandboxConfiguration()
        configuration.seedCampaigns = campaigns
        let started = ContinuousClock.now
        let sandbox = try await SandboxServer.start(configuration)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let grown = residentMegabytes() - before
        print(String(format: "seed 100,000 campaigns (in-process)   %6.2f s   goal < %.0f s: %@   resident memory +%.0f MB",
                     seconds, goalSeconds, seconds < goalSeconds ? "met" : "NOT met", grown))
        await sandbox.stop()
    }

    /// This process's resident set (VmRSS), in MB; 0 where /proc is missing.
    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}
