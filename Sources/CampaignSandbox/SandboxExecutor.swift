import Foundation
import Synchronization

/// A few threads of the sandbox's own, on which its server tasks run (as their task executor
/// preference). The sandbox runs in-process beside callers that may block Swift's small
/// cooperative pool — a test waiting on a child `switchboard` process that talks to this very
/// sandbox, the terminal UI of `demo` — and would otherwise wait for a free thread until the
/// client times out. Its own blocking work (SQLite) then stays off the shared pool too.
final class SandboxExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = SandboxExecutor(threads: 4)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int) {
        for index in 0..<max(1, threads) {
            let thread = Thread { [unowned self] in self.run() }
            thread.name = "sandbox-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
