import CampaignAPI
import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Editing, creating, deleting, start and stop through keys, against the sandbox; what the app
/// did is checked through the API with a client of the test's own.
@Suite("Edit, create, delete: flows against the sandbox", .serialized)
struct EditFlowTests {
    @Test("e, change a field, Ctrl-S, review, Enter: the server has that change and no other")
    func editAndSave() async throws {
        try await withApp { app in
            try await app.start()
            let id = try #require(app.state.list.selectedRow?.id)
            let before = try await app.client.get(id)
            try await app.press(.character("e"))
            #expect(app.state.screen == .editor)
            guard let changes = try await app.reviewDescription("Changed from the form — 春") else { return }
            #expect(changes.map(\.path) == ["description"])
            try await app.press(.enter)
            #expect(app.state.editor == nil && app.state.screen == .campaigns)
            #expect(app.state.notice?.hasPrefix("saved “") == true)
            let after = try await app.client.get(id)
            #expect(CampaignDiff.changes(from: before, to: after).map(\.path) == ["description"])
            #expect(after.description == "Changed from the form — 春")
        }
    }

    @Test("a save is refused while a field has a problem, and the focus goes to that field")
    func refusedWhileInvalid() async throws {
        try await withApp { app in
            try await app.start()
            try await app.press(.character("e"))
            try await app.focus(.name)
            try await app.replace(with: "")  // a documented rule on a changed field blocks
            try await app.press(.tab, .control("s"))
            #expect(app.state.dialog == nil)
            #expect(app.state.editor?.focusedField?.id == .name)
            #expect(app.state.lastError?.contains("1 problem") == true)
            #expect(app.screen.contains("Give the campaign a name."))
        }
    }

    @Test("someone else saved first: the diff shows theirs; back to editing merges, overwrite writes ours")
    func conflict() async throws {
        try await withApp { app in
            try await app.start()
            let id = try #require(app.state.list.selectedRow?.id)
            try await app.press(.character("e"))
            var theirs = try await app.client.get(id)
            theirs.priority = theirs.priority == 5 ? 1 : 5
            _ = try await app.client.update(theirs)
            try await app.focus(.name)
            try await app.replace(with: "Ours")
            try await app.press(.control("s"), .enter)
            guard case .conflict(_, let changes)? = app.state.dialog?.kind else {
                Issue.record("no conflict dialog: \(app.screen)")
                return
            }
            #expect(changes.map(\.path) == ["priority"])
            #expect(app.screen.contains("Someone changed"))
            // Back to editing: their priority is now the base, our name stays.
            try await app.press(.escape)
            #expect(app.state.editor?.text(.name) == "Ours")
            try await app.press(.control("s"), .enter)
            var saved = try await app.client.get(id)
            #expect(saved.name == "Ours" && saved.priority == theirs.priority)
            // A second conflict, overwritten: our form's priority wins.
            try await app.press(.character("e"))
            let ourPriority = saved.priority
            saved.priority = ourPriority == 5 ? 1 : 5
            _ = try await app.client.update(saved)
            try await app.focus(.name)
            try await app.replace(with: "Ours again")
            try await app.press(.control("s"), .enter)
            #expect(app.state.dialog?.buttons == ["Back to editing", "Reload theirs", "Overwrite"])
            try await app.press(.backTab, .enter)
            let overwritten = try await app.client.get(id)
            #expect(overwritten.name == "Ours again" && overwritten.priority == ourPriority)
        }
    }

    @Test("a 400 lands on its field and a 500 says to retry; the form keeps what was typed")
    func failedSaves() async throws {
        try await withApp { app in
            try await app.start()
            try await app.press(.character("n"), .enter)  // SMS simple
            try await app.focus(.name)
            try await app.type("Kept through failures")
            try await app.focus(.contactLists)
            try await app.press(.enter)
            try await app.type("No Such List")
            try await app.press(.enter)
            try await app.focus(.message)
            try await app.type("Hello")
            try await app.focus(.callerId)
            try await app.type("+14155550123")
            try await app.press(.control("s"), .enter)
            let owned = try #require(app.state.editor?.issuesByField.byField)
            #expect(owned[.contactLists]?.first?.message == "There is no contact list named No Such List.")
            #expect(app.state.editor?.text(.name) == "Kept through failures")
            #expect(app.screen.contains("✖ There is no contact list named No Such List."))
            // Choose a real list; then the server fails once (creates are sent once, never retried).
            try await app.focus(.contactLists)
            try await app.press(.enter)
            try await app.type("no such")
            try await app.press(.tab, .control("u"))  // unchoose the name typed by hand
            try await app.type("VIP")
            try await app.press(.tab)
            try await app.press(.enter)
            #expect(app.state.editor?.contactLists == ["VIP Concierge"])
            app.sandbox.failNextRequests(1)
            try await app.press(.control("s"))
            try await app.press(.enter)
            #expect(app.state.editor?.failure?.contains("Ctrl-S tries again") == true)
            #expect(app.state.editor?.text(.message) == "Hello")
            try await app.press(.control("s"), .enter)
            #expect(app.state.editor == nil)
            let created = try #require(try await app.fetch(named: "Kept through failures"))
            #expect(created.message?.text == "Hello")
        }
    }

    @Test("delete: Enter on the focused Cancel keeps it; Delete stays off until the name is typed")
    func delete() async throws {
        try await withApp { app in
            try await app.start()
            let row = try #require(app.state.list.selectedRow)
            try await app.press(.character("d"))
            #expect(app.state.dialog?.focus == 0)
            try await app.press(.enter)
            #expect(app.state.dialog == nil)
            _ = try await app.client.get(row.id)
            try await app.press(.control("d"), .tab, .enter)
            #expect(app.state.dialog != nil, "Delete must not work before the name is typed")
            try await app.type(String(row.name.dropLast()))
            #expect(app.state.dialog?.isEnabled(1) == false)
            try await app.type(String(row.name.last!))
            try await app.press(.enter)
            #expect(app.state.dialog == nil)
            await #expect(throws: APIError.self) { try await app.client.get(row.id) }
            #expect(!app.state.list.rows.contains { $0.id == row.id })
            #expect(app.state.notice == "deleted “\(row.name)”")
        }
    }

    @Test("s and x ask first, then start and stop the campaign")
    func startAndStop() async throws {
        try await withApp { app in
            try await app.start()
            let ready = try #require(app.state.list.rows.first { $0.status == "Ready" })
            let id = ready.id
            try await app.select(ready.name)
            #expect(app.state.list.selectedRow?.id == id)
            try await app.press(.character("s"))
            #expect(app.screen.contains("Start campaign"))
            try await app.press(.escape)
            #expect(try await app.client.get(id).status == .ready)
            try await app.press(.character("s"), .tab, .enter)
            #expect(try await app.client.get(id).status != .ready)
            try await app.press(.character("x"))
            // The stop dialog knows the campaign is running now: a running voice campaign's stop
            // resets its data, so its name must be typed first.
            let running = try await app.client.get(id)
            #expect(app.state.dialog?.requiresTypedName == (running.type == .voice && running.status == .active))
            if app.state.dialog?.requiresTypedName == true { try await app.type(ready.name) }
            try await app.press(.tab, .enter)
            #expect(try await app.client.get(id).status == .stopped)
        }
    }

    @Test("--readonly: editing, deleting, start and stop are refused and gone from the help")
    func readOnly() async throws {
        try await withApp(readOnly: true) { app in
            try await app.start()
            for key in [Key.character("e"), .character("n"), .character("d"), .control("d"), .character("s"), .character("x")] {
                try await app.press(key)
                #expect(app.state.dialog == nil && app.state.editor == nil)
                #expect(app.state.notice?.contains("read-only") == true)
            }
            try await app.press(.character("?"))
            #expect(!app.screen.contains("delete the campaign") && app.screen.contains("Read-only"))
        }
    }

    @Test("every change writes a draft; the next start offers it back and Restore reopens the form")
    func draftOfferedBack() async throws {
        let drafts = temporaryDrafts()
        try await withApp(drafts: drafts) { app in
            try await app.start()
            try await app.press(.character("e"))
            try await app.focus(.name)
            try await app.replace(with: "Unsaved 春")
            let found = drafts.load(profile: "demo").drafts
            #expect(found.map(\.working.name) == ["Unsaved 春"])
            app.store.send(.signal(SIGHUP))
            #expect(app.store.isFinished)
        }
        try await withApp(drafts: drafts) { app in
            try await app.start()
            app.store.send(.draftsFound(drafts.load(profile: "demo").drafts))
            #expect(app.screen.contains("Unsaved draft found") && app.screen.contains("Unsaved 春"))
            #expect(app.state.dialog?.focus == 0)
            try await app.press(.tab, .enter)
            #expect(app.state.editor?.text(.name) == "Unsaved 春")
            #expect(app.state.editor?.isDirty == true)
            try await app.press(.escape, .tab, .enter)  // discard
            #expect(app.state.editor == nil)
            #expect(drafts.load(profile: "demo").drafts.isEmpty)
        }
    }
}
