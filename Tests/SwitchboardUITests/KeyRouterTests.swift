import Foundation
import TerminalKit
import Testing
@testable import SwitchboardUI

/// Issue 12, items 1 and 2: one router, binding tables that also make the help and the hints,
/// and keys the user rebinds by name.
@Suite("Key router and keymap")
struct KeyRouterTests {
    typealias U = UpdateTests

    static func keymap(_ config: [String: [String]]) -> (Keymap, [String]) {
        let made = Keymap.make(from: config)
        return (made.keymap, made.problems)
    }

    static func helpText(_ keymap: Keymap) -> [String] {
        HelpText.lines(keymap: keymap).map { $0.spans.map(\.0).joined() }
    }

    @Test("The default tables hold no conflict and every binding has its own name")
    func defaultsAreConsistent() {
        #expect(Keymap.standard.conflicts() == [])
        let names = KeyTables.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test("Every key name help prints reads back as the same key")
    func keyNamesRoundTrip() {
        let keys: [Key] = [.character("j"), .character("G"), .character(" "), .character("?"), .control("a"), .up, .down, .left,
                           .right, .shiftUp, .shiftLeft, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                           .backspace, .delete, .insert, .function(1), .function(12)]
        for key in keys { #expect(Key(name: key.description) == key, "\(key)") }
        #expect(Key(name: "ctrl-q") == .control("q"))
        #expect(Key(name: "C-b") == .control("b"))
        #expect(Key(name: "^A") == .control("a"))
        #expect(Key(name: "esc") == .escape)
        #expect(Key(name: "PageDown") == .pageDown)
        #expect(Key(name: "Ctrl-") == nil)
        #expect(Key(name: "Hyper-x") == nil)
        #expect(Key(name: "F99") == nil)
    }

    @Test("Ctrl-C quits from every context, and nothing but the router handles it")
    func controlCQuitsEverywhere() throws {
        var list = U.loaded(5)
        #expect(U.press(&list, .control("c")) == [.quit])
        var filter = U.loaded(5)
        #expect(U.press(&filter, .character("/"), .control("c")).contains(.quit))
        var dialog = U.loaded(5)
        #expect(U.press(&dialog, .character("d"), .control("c")).contains(.quit))
        var form = try KeysTests.withForm()
        #expect(U.press(&form, .control("c")) == [.quit])
        U.press(&form, .tab, .tab)
        var loading = U.loaded(5)
        U.press(&loading, .character("e"))
        #expect(AppUpdate.focusedContext(loading) == .loading)
        #expect(U.press(&loading, .control("c")) == [.quit])
        #expect(loading.typeAhead.isEmpty)
    }

    @Test("The source handles Ctrl-C only in the global table")
    func noControlCOutsideTheRouter() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SwitchboardUI")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            if text.contains(".control(\"c\")") { found.append(file) }
        }
        #expect(found == ["Keys/ScreenKeys.swift"])
    }

    @Test("A rebinding works where its context has focus, the old key stops, and help and hints show the new key")
    func rebindingDispatchesAndShows() throws {
        let (keymap, problems) = Self.keymap(["quit": ["Ctrl-Q"], "page-up": ["PgUp"], "editor.save": ["F2"], "grid.undo": ["U"]])
        #expect(problems == [])
        var state = U.loaded(50)
        state.keymap = keymap
        #expect(U.press(&state, .control("q")) == [.quit])
        #expect(U.press(&state, .control("c")) == [])
        // Ctrl-B (tmux's prefix) no longer pages up: it says so.
        U.press(&state, .pageDown)
        let selected = state.list.selected
        U.press(&state, .control("b"))
        #expect(state.list.selected == selected)
        #expect(state.notice?.contains("does nothing here") == true)
        let help = Self.helpText(keymap)
        #expect(help.contains { $0.contains("Ctrl-Q") && $0.contains("quit") })
        #expect(!help.contains { $0.contains("Ctrl-C") })

        var form = try KeysTests.withForm()
        form.keymap = keymap
        let formScreen = AppView.render(form, size: form.size).text
        #expect(formScreen.contains("F2 save") && !formScreen.contains("Ctrl-S save"))
        U.press(&form, .control("u"))
        U.press(&form, .character("Z"))
        U.press(&form, .function(2))
        if case .reviewSave = form.dialog?.kind {} else { Issue.record("F2 did not ask to save: \(String(describing: form.dialog))") }
    }

    @Test("The grid's undo rebound to U: its hint and help say U, and u is no longer undo")
    func gridRebinding() throws {
        let (keymap, _) = Self.keymap(["grid.undo": ["U"]])
        var state = try KeysTests.withForm()
        state.keymap = keymap
        U.press(&state, .character("?"))
        state.editor?.focus(on: .callingHours)
        U.press(&state, .enter)
        #expect(state.editor?.showsGrid == true)
        U.press(&state, .character(" "))
        let changed = state.editor?.grid.schedule
        U.press(&state, .character("u"))
        #expect(state.editor?.grid.schedule == changed)
        #expect(state.notice?.contains("does nothing in the grid") == true)
        U.press(&state, .character("U"))
        #expect(state.editor?.grid.schedule != changed)
        #expect(AppView.render(state, size: state.size).text.contains("U undo"))
    }

    @Test("Conflicts, unknown names and unknown keys are reported, each in a sentence")
    func conflictsAreReported() {
        let (_, twice) = Self.keymap(["down": ["k"]])
        #expect(twice.contains { $0.contains("k means both down and up") || $0.contains("k means both up and down") })
        let (_, shadowed) = Self.keymap(["grid.undo": ["Ctrl-L"]])
        #expect(shadowed.contains("keys: Ctrl-L of grid.undo is taken everywhere by repaint"))
        let (_, text) = Self.keymap(["form.next": ["n"]])
        #expect(text.contains { $0.contains("would no longer type “n”") })
        let (_, shared) = Self.keymap(["grid.fill": ["Ctrl-S"]])
        #expect(shared.contains("keys: Ctrl-S means both grid.fill and editor.save"))
        let (keymap, unknown) = Self.keymap(["jump": ["j"], "down": ["Hyper-j"]])
        #expect(unknown.contains { $0.contains("no binding is named jump") })
        #expect(unknown.contains { $0.contains("\"Hyper-j\" is not a key") })
        #expect(keymap == .standard)
    }

    @Test("A new binding in a context's table is dispatched and shown in help with no other change")
    func tablesDriveHelp() {
        for info in KeyTables.all where info.context != .dialog {
            let help = Self.helpText(.standard)
            #expect(help.contains { $0.contains(info.help) }, "\(info.name) is not in help")
        }
    }
}
