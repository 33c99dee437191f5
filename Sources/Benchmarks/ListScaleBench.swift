import CampaignModel
import Foundation
import SwitchboardUI
import TerminalKit

/// The list at 100,000 campaigns, in the update alone (no network): what each arriving page
/// costs, whether that grows linearly, what a filter keystroke costs, and the memory the state holds.
enum ListScaleBench {
    /// Resident memory of this process, from /proc (Linux); 0 elsewhere.
    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    /// Applies `count` campaigns as 50-campaign pages, as a first load receives them; seconds.
    static func load(_ campaigns: [Campaign], size: Size) -> (seconds: Double, state: AppState) {
        var state = AppState(connection: ConnectionInfo(profile: "bench", host: "http://127.0.0.1"), now: Date())
        _ = AppUpdate.reduce(&state, .input(.resize(size)))
        _ = AppUpdate.startLoad(&state)
        let start = DispatchTime.now().uptimeNanoseconds
        var loaded = 0
        for page in stride(from: 0, to: campaigns.count, by: 50) {
            let slice = Array(campaigns[page..<min(campaigns.count, page + 50)])
            loaded += slice.count
            _ = AppUpdate.reduce(&state, .campaignsPage(generation: 1, campaigns: slice, loaded: loaded, total: campaigns.count))
        }
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: 1, .success(campaigns.count)))
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, state)
    }

    static func run() {
        let size = Size(width: 120, height: 40)
        let small = TerminalUIBench.campaigns(10_000)
        // The quickest of a few runs each: a busy machine slows a run, it never speeds one up.
        let tenThousand = (0..<3).map { _ in load(small, size: size).seconds }.min()!
        let large = TerminalUIBench.campaigns(100_000)
        let before = residentMegabytes()
        var (hundredThousand, state) = load(large, size: size)
        let held = residentMegabytes() - before
        hundredThousand = min(hundredThousand, load(large, size: size).seconds)
        print(String(format: "list pages into the UI (update only): 10,000 in %.2f s, 100,000 in %.2f s — ratio %.1f (goal ≤ 11, linear)",
                     tenThousand, hundredThousand, hundredThousand / max(tenThousand, 1e-9)))
        print(String(format: "memory the 100,000-campaign state holds: %.0f MB (process RSS %.0f MB)", held, residentMegabytes()))
        var samples: [Double] = []
        _ = AppUpdate.reduce(&state, .input(.key(.character("/"))))
        for _ in 0..<20 {
            for key in "bench 9".map(Key.character) + Array(repeating: Key.backspace, count: 7) {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = AppUpdate.reduce(&state, .input(.key(key)))
                _ = AppView.render(state, size: size)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        let (p50, p99) = TerminalUIBench.percentiles(samples)
        print(String(format: "filter keystroke → frame at 100,000 campaigns: p50 %.1f ms   p99 %.1f ms   (goal p99 < 30 ms)", p50, p99))
    }
}
