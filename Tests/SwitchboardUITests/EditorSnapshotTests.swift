import CampaignModel
import Foundation
import SnapshotTesting
import SwitchboardUI
import TerminalKit
import Testing

/// The form, the grid editor, the pickers and every dialog as text at 80×24 and 160×48.
/// Reference files are in __Snapshots__; delete one and run again to re-record it.
@Suite("Editor snapshots", .serialized)
struct EditorSnapshotTests {
    /// The same driver as the screen snapshots; the files land under this file's name.
    let shots = ScreenSnapshotTests()

    @Test func editForm() async throws {
        try await shots.snapshot("form-edit") { app in
            try await app.press(.character("j"), .character("e"))
            try await app.focus(.name)
            try await app.type(" 春")
        }
    }

    @Test func newFormWithProblems() async throws {
        try await shots.snapshot("form-new-problems") { app in
            try await app.press(.character("n"), .down, .down, .down, .down, .down, .enter)  // voice preview
            try await app.focus(.maxAttempts)
            try await app.replace(with: "0")
            try await app.press(.control("s"))
        }
    }

    @Test func gridEditor() async throws {
        try await shots.snapshot("grid") { app in
            try await app.press(.character("e"))
            try await app.focus(.callingHours)
            try await app.press(.enter, .character("j"), .character("L"), .character("v"), .character("j"), .character("j"),
                                .character("L"), .character("L"))
        }
    }

    @Test func timezonePicker() async throws {
        try await shots.snapshot("picker-timezone") { app in
            try await app.press(.character("e"))
            try await app.focus(.timezone)
            try await app.press(.enter)
            try await app.type("kolk")
        }
    }

    @Test func contactListPicker() async throws {
        try await shots.snapshot("picker-contact-lists") { app in
            try await app.press(.character("e"))
            try await app.focus(.contactLists)
            try await app.press(.enter, .down, .tab)
        }
    }

    @Test func deleteActiveCampaign() async throws {
        try await shots.snapshot("dialog-delete-active") { app in
            try await app.select("status:active")
            try await app.press(.character("d"))
            try await app.type("Part of the na")
        }
    }

    @Test func startConfirmation() async throws {
        try await shots.snapshot("dialog-start") { app in try await app.press(.character("s")) }
    }

    @Test func discardChanges() async throws {
        try await shots.snapshot("dialog-discard") { app in
            try await app.press(.character("e"))
            try await app.type("x")
            try await app.press(.escape)
        }
    }

    @Test func reviewBeforeSave() async throws {
        try await shots.snapshot("dialog-review") { app in
            try await app.press(.character("e"))
            try await app.focus(.callingHours)
            try await app.press(.enter)
            for _ in 0..<9 { try await app.press(.character("L")) }  // 6 PM, the end of MO's window
            try await app.press(.character("h"), .character("x"), .escape)
            try await app.focus(.priority)
            try await app.replace(with: "1")
            try await app.press(.control("s"))
        }
    }

    @Test func conflict() async throws {
        try await shots.snapshot("dialog-conflict") { app in
            let id = try #require(app.state.list.selectedRow?.id)
            try await app.press(.character("e"))
            var theirs = try await app.client.get(id)
            theirs.description = "Changed by a colleague"
            _ = try await app.client.update(theirs)
            try await app.type(" (mine)")
            try await app.press(.control("s"), .enter)
        }
    }

    @Test func timezoneChange() async throws {
        try await shots.snapshot("dialog-timezone") { app in
            try await app.press(.character("e"))
            try await app.focus(.timezone)
            try await app.press(.enter)
            try await app.type("kolkata")
            try await app.press(.enter)
        }
    }

    @Test func draftOffered() async throws {
        try await shots.snapshot("dialog-draft") { app in
            let id = try #require(app.state.list.selectedRow?.id)
            let base = try await app.client.get(id)
            var working = base
            working.name = "Renamed before the connection dropped"
            working.priority = 1
            let draft = CampaignDraft(key: "demo-\(id)", profile: "demo", mode: .edit, variant: base.variant!,
                                      savedAt: UIHarness.now.addingTimeInterval(-600), base: base, working: working)
            app.store.send(.draftsFound([draft]))
            try await app.settle()
        }
    }

    @Test func newCampaignKind() async throws {
        try await shots.snapshot("dialog-new") { app in try await app.press(.character("n"), .down, .down) }
    }
}
