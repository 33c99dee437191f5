import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// The update driven one step at a time, as The Composable Architecture's `TestStore` does:
/// every action sent states the exact change it makes (a closure that edits the expected state)
/// and the exact effects it returns. Effects run to their end through the real `EffectRunner` on
/// a test `CampaignService`, and the actions they answer are received and checked the same way.
/// No network, no clock, no sleeps.
final class TestStore {
    private(set) var state: AppState
    let runner: EffectRunner

    init(_ state: AppState, service: CampaignService = CampaignService(), drafts: DraftStore? = nil) {
        self.state = state
        runner = EffectRunner(service: service, drafts: drafts)
    }

    /// Applies `action`; the state must then equal the state before with `change` applied, and
    /// the effects must be `effects`, in order. Returns the effects.
    @discardableResult
    func send(_ action: Action, effects expected: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
              _ change: (inout AppState) throws -> Void = { _ in }) rethrows -> [Effect] {
        var expectedState = state
        try change(&expectedState)
        let effects = AppUpdate.reduce(&state, action)
        let matches = state == expectedState
        #expect(matches, "\(String(describing: action).prefix(120)): \(Self.difference(state, expectedState))",
                sourceLocation: sourceLocation)
        let sameEffects = effects == expected
        #expect(sameEffects, "effects \(Self.brief(effects)), expected \(Self.brief(expected))", sourceLocation: sourceLocation)
        return effects
    }

    /// A key, sent as the terminal sends it.
    @discardableResult
    func press(_ key: Key, effects expected: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
               _ change: (inout AppState) throws -> Void = { _ in }) rethrows -> [Effect] {
        try send(.input(.key(key)), effects: expected, sourceLocation: sourceLocation, change)
    }

    /// Runs `effect` to its end on the test service; the actions it answered, in order.
    func run(_ effect: Effect) async -> [Action] {
        let answers = Locked<[Action]>([])
        if runner.runNow(effect, send: { action in answers.withLock { $0.append(action) } }) {
            return answers.withLock { $0 }
        }
        await runner.run(effect) { action in answers.withLock { $0.append(action) } }
        return answers.withLock { $0 }
    }

    /// Runs `effect`, expects it to answer exactly `action`, and applies it as `send` does.
    @discardableResult
    func receive(_ action: Action, from effect: Effect, effects expected: [Effect] = [],
                 sourceLocation: SourceLocation = #_sourceLocation,
                 _ change: (inout AppState) throws -> Void = { _ in }) async rethrows -> [Effect] {
        let answers = await run(effect)
        let sameAnswers = answers == [action]
        #expect(sameAnswers, "answered \(Self.brief(answers)), expected \(Self.brief([action]))", sourceLocation: sourceLocation)
        return try send(action, effects: expected, sourceLocation: sourceLocation, change)
    }

    /// The state's top-level fields that differ, each as it is and as expected (cut short).
    static func difference(_ actual: AppState, _ expected: AppState) -> String {
        let lines = zip(Mirror(reflecting: actual).children, Mirror(reflecting: expected).children).compactMap { pair -> String? in
            guard !isEqual(pair.0.value, pair.1.value) else { return nil }
            return "\(pair.0.label ?? "?"): \(String(describing: pair.0.value).prefix(300)) — expected "
                + String(String(describing: pair.1.value).prefix(300))
        }
        return lines.isEmpty ? "no difference" : lines.joined(separator: "\n")
    }

    static func brief<T>(_ values: [T]) -> String {
        "[" + values.map { String(String(describing: $0).prefix(160)) }.joined(separator: ", ") + "]"
    }

    private static func isEqual(_ lhs: Any, _ rhs: Any) -> Bool {
        guard let lhs = lhs as? any Equatable else { return false }
        return lhs.isEqual(to: rhs)
    }
}

private extension Equatable {
    func isEqual(to other: Any) -> Bool { (other as? Self).map { $0 == self } ?? false }
}
