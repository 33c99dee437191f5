import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// The form keeps its verdict (`validation`, the issues by field, `isDirty`) and works it out
/// again only when something it depends on changes.
@Suite("Campaign form: the verdict is kept, not recomputed per look")
struct EditorValidationCacheTests {
    static func editor() -> CampaignEditor { CampaignEditorTests.editor() }

    @Test("moving the focus, a text cursor or the grid's cursor and block does not revalidate")
    func cursorMovesDoNotRevalidate() {
        var editor = Self.editor()
        let start = editor.revalidations.value
        editor.moveFocus(by: 1)
        editor.moveFocus(by: -3)
        editor.focus(on: .name)
        for key in [Key.left, .left, .right, .home, .end] {
            let handled = editor.edit(key)
            #expect(handled)
        }
        editor.grid.move(days: 1)
        editor.grid.move(cells: 3, extending: true)
        editor.grid.toggleBlock()
        editor.showsGrid = true
        editor.phase = .saving
        editor.phase = .editing
        _ = (editor.issues, editor.issuesByField, editor.warningsByField, editor.isDirty, editor.validation)
        #expect(editor.revalidations.value == start)
    }

    @Test("a typed character, the lists, the hours, the kind, the server's issues and a rebase revalidate")
    func editsRevalidate() throws {
        var editor = Self.editor()
        var count = editor.revalidations.value
        func changed(_ what: Comment) {
            #expect(editor.revalidations.value > count, what)
            count = editor.revalidations.value
        }
        editor.focus(on: .name)
        _ = editor.edit(.control("u"))
        changed("name cleared")
        #expect(editor.issuesByField.byField[.name] != nil && editor.isDirty)
        _ = editor.edit(.character("N"))
        changed("a character typed")
        #expect(editor.issuesByField.byField[.name] == nil)
        editor.setContactLists([])
        changed("contact lists")
        #expect(editor.issuesByField.byField[.contactLists] != nil)
        editor.grid.toggle()
        changed("a grid cell")
        editor.setTimezone("Europe/Paris", keepLocalTimes: false, at: UpdateTests.now)
        changed("timezone")
        editor.serverIssues = [ValidationIssue(path: "priority", message: "the server says no")]
        changed("server issues")
        #expect(editor.issuesByField.byField[.priority]?.first?.message == "the server says no")
        editor.rebase(on: CampaignEditorTests.preview())
        changed("rebase")
        let undone = editor.grid.undo()
        #expect(undone)
        changed("undo")
    }

    @Test("after random edits the kept verdict always equals one worked out afresh", arguments: [1, 2, 3, 4])
    func randomEditsMatchAFreshReview(seed: UInt64) {
        var random = SplitMix(seed: seed)
        var editor = seed % 2 == 0 ? Self.editor()
            : CampaignEditor.creating(CampaignVariant.allCases[Int(seed) % 6], timezone: "America/Chicago", draftKey: "new")
        let keys: [Key] = [.character("a"), .character("7"), .character("+"), .character(" "), .backspace, .left, .right,
                           .control("u"), .delete, .home, .end]
        let zones = ["UTC", "America/New_York", "Asia/Kolkata", "Not/AZone"]
        for step in 0..<400 {
            switch random.next(14) {
            case 0: editor.moveFocus(by: random.next(2) == 0 ? 1 : -1)
            case 1, 2, 3: _ = editor.edit(keys[random.next(keys.count)])
            case 4: editor.cycle(random.next(2) == 0 ? 1 : -1)
            case 5: editor.setContactLists(Array(["A", "B", "VIP Concierge"].prefix(random.next(4))))
            case 6: editor.grid.move(days: random.next(7) - 3, cells: random.next(41) - 20, extending: random.next(3) == 0)
            case 7:
                let before = editor.grid.schedule
                if random.next(2) == 0 { editor.grid.toggle() } else { editor.grid.set(random.next(2) == 0) }
                editor.grid.recordChange(from: before)
                editor.gridChanged()
            case 8: _ = editor.grid.undo()
            case 9: editor.setTimezone(zones[random.next(zones.count)], keepLocalTimes: random.next(2) == 0, at: UpdateTests.now)
            case 10: editor.serverIssues = random.next(2) == 0 ? [] : [ValidationIssue(path: "name", message: "taken")]
            case 11: if random.next(6) == 0 { editor.set(.kind, to: CampaignVariant.allCases[random.next(6)].rawValue) }
            case 12:
                var theirs = editor.base
                theirs.priority = random.next(7)
                editor.rebase(on: theirs)
            default:
                editor.grid.apply(GridPreset.allCases[random.next(3)])
                editor.gridChanged()
            }
            var fresh = CampaignValidator.review(editor.campaign, comparedTo: editor.mode == .edit ? editor.base : nil)
            fresh.blocking += editor.serverIssues
            #expect(editor.validation == fresh, "step \(step)")
            #expect(editor.issuesByField == editor.grouped(fresh.blocking), "step \(step)")
            #expect(editor.warningsByField == editor.grouped(fresh.warnings), "step \(step)")
            #expect(editor.isDirty == editor.freshIsDirty(), "step \(step)")
            if editor.validation != fresh { return }
        }
    }
}

/// A small seeded generator, so a failing sequence runs the same again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
