import Foundation
import TerminalKit

/// Holds the state, applies actions through `AppUpdate`, starts effects in the background and
/// takes their answers back on the loop's thread. Tests drive it the same way the terminal does
/// and wait for it to be idle instead of sleeping.
public final class AppStore: TerminalProgram, @unchecked Sendable {
    public private(set) var state: AppState
    private let runner: EffectRunner?
    private let inbox = Locked<[Action]>([])
    private let inFlight = Locked(0)
    private var dirty = true
    private var lastTick = Date.distantPast
    /// How often the clock ticks (calling windows, auto-refresh).
    public var tickInterval: TimeInterval = 1

    public init(state: AppState, runner: EffectRunner?) {
        self.state = state
        self.runner = runner
    }

    /// Applies an action now and starts the effects it asks for.
    public func send(_ action: Action) {
        let effects = AppUpdate.reduce(&state, action)
        dirty = true
        for effect in effects { start(effect) }
    }

    /// Starts the first load.
    public func start() {
        let effects = AppUpdate.startLoad(&state)
        effects.forEach(start)
    }

    private func start(_ effect: Effect) {
        guard let runner else { return }
        var answers: [Action] = []
        if runner.runNow(effect, send: { answers.append($0) }) {
            answers.forEach(send)
            return
        }
        inFlight.withLock { $0 += 1 }
        Task.detached { [inbox, inFlight] in
            await runner.run(effect) { action in inbox.withLock { $0.append(action) } }
            inFlight.withLock { $0 -= 1 }
        }
    }

    /// True when no effect runs and no answer waits.
    public var isIdle: Bool { inFlight.withLock { $0 } == 0 && inbox.withLock { $0.isEmpty } }

    /// Applies every answer that arrived; true if there were any.
    @discardableResult
    public func drain() -> Bool {
        let actions = inbox.withLock { inbox in
            defer { inbox.removeAll() }
            return inbox
        }
        for action in actions { send(action) }
        return !actions.isEmpty
    }

    /// Waits until every effect has finished and its answers are applied, up to `timeout`.
    public func waitUntilIdle(timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            drain()
            if isIdle { return }
            guard ContinuousClock.now < deadline else { throw UIError("the app did not settle within \(timeout)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    // MARK: TerminalProgram

    public func handle(_ event: InputEvent) { send(.input(event)) }

    public func poll(now: Date) {
        drain()
        if now.timeIntervalSince(lastTick) >= tickInterval {
            lastTick = now
            send(.tick(now))
        }
    }

    public var needsFrame: Bool { dirty }

    public func render(size: Size) -> Canvas {
        dirty = false
        return AppView.render(state, size: size)
    }

    public var isFinished: Bool { state.finished }

    public func received(signal: Int32) { send(.signal(signal)) }

    public func takeRepaintRequest() -> Bool {
        defer { state.repaintRequested = false }
        return state.repaintRequested
    }

    public func takeSuspendRequest() -> Bool {
        defer { state.suspendRequested = false }
        return state.suspendRequested
    }
}
