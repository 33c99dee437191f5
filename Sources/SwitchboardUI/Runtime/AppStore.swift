import Foundation
import TerminalKit

/// Holds the state, applies actions through `AppUpdate`, starts effects in the background and
/// takes their answers back on the loop's thread. Tests drive it the same way the terminal does
/// and wait for it to be idle instead of sleeping.
///
/// The store never writes the state: quitting, repainting and suspending arrive as effects and
/// are kept here for the loop; cancellable work runs as one task per `EffectID`, which a
/// `.cancel` effect (or newer work under the same id) cancels.
public final class AppStore: TerminalProgram, @unchecked Sendable {
    public private(set) var state: AppState
    private let runner: EffectRunner?
    private let inbox = Locked<[Action]>([])
    private let inFlight = Locked(0)
    /// The running cancellable work, by id; `token` tells a task from its successor.
    private let running = Locked<[EffectID: (token: Int, task: Task<Void, Never>)]>([:])
    private var nextToken = 0
    private var dirty = true
    /// A whole list arrived: once its action is gone, the memory its pages took goes back.
    private var trimPending = false
    private var finished = false
    private var repaintWanted = false
    private var suspendWanted = false
    private var lastTick = Date.distantPast
    /// How often the clock ticks (calling windows, auto-refresh).
    public var tickInterval: TimeInterval = 1

    public init(state: AppState, runner: EffectRunner?) {
        self.state = state
        self.runner = runner
    }

    /// Applies an action now and starts the effects it asks for. An action that leaves the state
    /// as it was asks for no frame.
    public func send(_ action: Action) {
        let effects: [Effect]
        if action.carriesBulkData {
            effects = AppUpdate.reduce(&state, action)
            dirty = true
        } else {
            let before = state
            effects = AppUpdate.reduce(&state, action)
            if state != before { dirty = true }
        }
        if case .campaignsLoaded = action { trimPending = true }
        if case .input(.resize) = action {
            // After a resize the terminal may show anything: a frame follows, drawn whole, even
            // at the same size.
            repaintWanted = false
            dirty = true
        }
        for effect in effects { start(effect) }
    }

    /// Starts the first load.
    public func start() {
        let effects = AppUpdate.startLoad(&state)
        dirty = true
        effects.forEach(start)
    }

    private func start(_ effect: Effect) {
        switch effect {
        case .quit:
            finished = true
            return
        case .repaint:
            repaintWanted = true
            return
        case .suspend:
            suspendWanted = true
            return
        case .cancel(let id):
            running.withLock { $0.removeValue(forKey: id) }?.task.cancel()
            return
        default:
            break
        }
        guard let runner else { return }
        var answers: [Action] = []
        if runner.runNow(effect, send: { answers.append($0) }) {
            answers.forEach(send)
            return
        }
        inFlight.withLock { $0 += 1 }
        guard let id = effect.cancelID else {
            Task.detached { [inbox, inFlight] in
                await runner.run(effect) { action in inbox.withLock { $0.append(action) } }
                inFlight.withLock { $0 -= 1 }
            }
            return
        }
        nextToken += 1
        let token = nextToken
        // Registered under the lock the task takes to remove itself, so it cannot finish first.
        let older = running.withLock { table -> Task<Void, Never>? in
            let task = Task.detached { [inbox, inFlight, running] in
                await runner.run(effect) { action in inbox.withLock { $0.append(action) } }
                running.withLock { if $0[id]?.token == token { $0[id] = nil } }
                inFlight.withLock { $0 -= 1 }
            }
            defer { table[id] = (token, task) }
            return table[id]?.task
        }
        older?.cancel()
    }

    /// Hands an action over from any thread (say, a journal failure reported during a write);
    /// the loop applies it on its next turn.
    public func post(_ action: Action) { inbox.withLock { $0.append(action) } }

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
        // Once nothing runs: the load's own task has let go of its pages too.
        if trimPending, isIdle {
            trimPending = false
            MemoryTrim.afterBulkWork()
        }
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

    public var isFinished: Bool { finished }

    public func received(signal: Int32) { send(.signal(signal)) }

    public func takeRepaintRequest() -> Bool {
        defer { repaintWanted = false }
        return repaintWanted
    }

    public func takeSuspendRequest() -> Bool {
        defer { suspendWanted = false }
        return suspendWanted
    }
}

extension Action {
    /// A whole list or page of campaigns: it always changes the state, and keeping a copy of the
    /// state to compare with would make its large arrays copy on write.
    var carriesBulkData: Bool {
        switch self {
        case .campaignsPage, .campaignsLoaded, .detailLoaded: return true
        default: return false
        }
    }
}
