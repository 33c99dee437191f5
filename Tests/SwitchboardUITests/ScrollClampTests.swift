import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Scroll offsets stay within their content in the state itself (as ratatui's ListState does):
/// after G, or j past the end, one k moves the text one line back at once.
@Suite("Scrolling clamps in the update")
struct ScrollClampTests {
    static func screen(_ state: AppState) -> [String] { AppView.render(state, size: state.size).lines }

    /// `after` is `before` moved one line down: every changed row of `after` (but the last, where
    /// a "more" marker sits) shows what the row above it showed in `before`. Only the first
    /// `columns` of each row count (a dialog box has the screen behind it on its right).
    static func movedDownOneLine(from before: [String], to after: [String], columns: Int = .max) -> Bool {
        let before = before.map { String($0.prefix(columns)) }, after = after.map { String($0.prefix(columns)) }
        let changed = before.indices.filter { before[$0] != after[$0] }
        guard let first = changed.first, let last = changed.last, last - first >= 2 else { return false }
        return (first..<(last - 1)).allSatisfy { after[$0 + 1] == before[$0] }
    }

    /// Presses `key` until the state stops changing; the presses that changed it.
    static func pressUntilStill(_ state: inout AppState, _ key: Key, limit: Int = 500) -> Int {
        for count in 0..<limit {
            let before = state
            UpdateTests.press(&state, key)
            if state == before { return count }
        }
        return limit
    }

    @Test("detail: after G, k scrolls one line up at once; j past the end stays at the end")
    func detail() {
        var state = UpdateTests.loaded(10, size: Size(width: 80, height: 12))
        UpdateTests.press(&state, .character("j"), .enter)
        #expect(state.screen == .campaignDetail(id: "cd-00001"))
        UpdateTests.press(&state, .character("G"))
        let end = state.detailScroll
        #expect(end > 2 && end < 100)
        let atEnd = Self.screen(state)
        UpdateTests.press(&state, .character("j"), .character("j"))
        #expect(state.detailScroll == end)
        UpdateTests.press(&state, .character("k"))
        #expect(state.detailScroll == end - 1)
        #expect(Self.movedDownOneLine(from: atEnd, to: Self.screen(state)))
        // The end is where the text ends: j from the top gets there in exactly `end` steps.
        UpdateTests.press(&state, .character("g"))
        #expect(Self.pressUntilStill(&state, .character("j")) == end)
        #expect(Self.screen(state) == atEnd)
    }

    @Test("detail preview: G with the detail focused clamps too")
    func preview() {
        var state = UpdateTests.loaded(10, size: Size(width: 80, height: 30))
        UpdateTests.press(&state, .tab, .character("G"))
        let end = state.detailScroll
        #expect(end > 2 && end < 100)
        let atEnd = Self.screen(state)
        UpdateTests.press(&state, .character("k"))
        #expect(state.detailScroll == end - 1)
        #expect(Self.movedDownOneLine(from: atEnd, to: Self.screen(state)))
    }

    @Test("help: after G, k scrolls one line up at once")
    func help() {
        var state = UpdateTests.loaded(10, size: Size(width: 80, height: 24))
        UpdateTests.press(&state, .character("?"), .character("G"))
        let end = state.helpScroll
        #expect(end > 2 && end < 500)
        let atEnd = Self.screen(state)
        UpdateTests.press(&state, .character("j"))
        #expect(state.helpScroll == end)
        UpdateTests.press(&state, .character("k"))
        #expect(state.helpScroll == end - 1)
        #expect(Self.movedDownOneLine(from: atEnd, to: Self.screen(state)))
        UpdateTests.press(&state, .character("g"))
        #expect(Self.pressUntilStill(&state, .character("j")) == end)
    }

    @Test("a long dialog (review save, many changes): j stops at its last line, k moves back one at once")
    func dialog() throws {
        var state = UpdateTests.loaded(10, size: Size(width: 80, height: 24))
        let base = UpdateTests.campaign(1)
        var changed = base
        changed.contactLists = (1...40).map { "Changed list \($0)" }
        let changes = CampaignDiff.changes(from: base, to: changed)
        #expect(changes.count >= 40)
        state.editor = CampaignEditor(mode: .edit, base: base, variant: try #require(base.variant), draftKey: "k")
        state.stack.append(.editor)
        state.dialog = Dialog(.reviewSave(changes: changes, days: []))
        let last = try #require(changes.last?.description)
        #expect(!Self.screen(state).joined().contains(last))
        let end = Self.pressUntilStill(&state, .character("j"))
        #expect(state.dialog?.scroll == end && end > 2 && end < 100)
        let atEnd = Self.screen(state)
        #expect(atEnd.joined().contains(last), "the last line of the dialog can be read")
        UpdateTests.press(&state, .character("k"))
        #expect(state.dialog?.scroll == end - 1)
        #expect(Self.movedDownOneLine(from: atEnd, to: Self.screen(state), columns: 78))
    }

    @Test("a resize that makes the text fit pulls the offset back")
    func resize() {
        var state = UpdateTests.loaded(10, size: Size(width: 80, height: 12))
        UpdateTests.press(&state, .character("j"), .enter, .character("G"))
        #expect(state.detailScroll > 0)
        _ = AppUpdate.reduce(&state, .input(.resize(Size(width: 80, height: 60))))
        #expect(state.detailScroll == 0)
    }
}
