import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Keys that must not surprise (issue 11, section 2): Esc never quits, a closed form gives the
/// list its keys back, the stop dialog tells the truth.
@Suite("Keys that must not surprise")
struct KeysTests {
    typealias U = UpdateTests

    /// A state with `count` campaigns and the form open on the selected one.
    static func withForm(_ count: Int = 10) throws -> AppState {
        var state = U.loaded(count)
        var campaign = try #require(state.list.selectedCampaign)
        campaign.dialingStrategy = DialingStrategy(callerId: "+14155550123")
        campaign.dialingStrategy?.callingHours = CallingHours(frequency: .weekly, timezone: "UTC", days: [])
        U.press(&state, .character("e"))
        _ = AppUpdate.reduce(&state, .editLoaded(id: campaign.id!, .success(campaign)))
        #expect(state.screen == .editor && state.editor != nil)
        return state
    }

    // MARK: Esc never quits

    @Test("Esc on a filtered list clears the filter; on the bare list it does nothing and says q quits")
    func escapeNeverQuitsTheList() {
        var state = U.loaded(30)
        U.press(&state, .character("/"), .character("0"), .character("1"), .enter)
        #expect(!state.list.filterText.isEmpty && state.input == nil)
        #expect(!U.press(&state, .escape).contains(.quit))
        #expect(state.list.filterText.isEmpty && state.list.visible.count == 30)
        #expect(!U.press(&state, .escape, .escape).contains(.quit))
        #expect(state.notice?.contains("q quits") == true)
        // q, :q and Ctrl-C still quit.
        #expect(U.press(&state, .character("q")).contains(.quit))
        var palette = U.loaded(3)
        #expect(U.press(&palette, .character(":"), .character("q"), .enter).contains(.quit))
        var control = U.loaded(3)
        #expect(U.press(&control, .control("c")).contains(.quit))
    }

    @Test("Esc on every screen goes back or clears, and never quits")
    func escapeEverywhere() throws {
        // Detail, help, contact lists: back to the list.
        var state = U.loaded(10)
        #expect(!U.press(&state, .enter, .escape).contains(.quit))
        #expect(state.screen == .campaigns)
        #expect(!U.press(&state, .character("?"), .escape).contains(.quit))
        #expect(state.screen == .campaigns)
        #expect(!U.press(&state, .character("L"), .escape).contains(.quit))
        #expect(state.screen == .campaigns)
        // Palette and filter input: closed.
        #expect(!U.press(&state, .character(":"), .character("s"), .escape).contains(.quit))
        #expect(state.input == nil)
        #expect(!U.press(&state, .character("/"), .character("x"), .escape).contains(.quit))
        #expect(state.input == nil && state.list.filterText.isEmpty)
        // Dialogs: the safe button.
        #expect(!U.press(&state, .character("d"), .escape).contains(.quit))
        #expect(state.dialog == nil)
        #expect(!U.press(&state, .character("n"), .escape).contains(.quit))
        #expect(state.dialog == nil)
        // The form, its picker and its grid.
        var form = try Self.withForm()
        while form.editor?.focusedField?.id != .timezone { U.press(&form, .tab) }
        U.press(&form, .enter)
        #expect(form.editor?.picker != nil)
        U.press(&form, .escape)
        #expect(form.editor?.picker == nil && form.screen == .editor)
        while form.editor?.focusedField?.id != .callingHours { U.press(&form, .tab) }
        U.press(&form, .enter)
        #expect(form.editor?.showsGrid == true)
        U.press(&form, .escape)
        #expect(form.editor?.showsGrid == false && form.screen == .editor)
        U.press(&form, .function(1), .escape)
        #expect(form.screen == .editor)
        U.press(&form, .escape)
        #expect(form.editor == nil && form.screen == .campaigns)
        #expect(!U.press(&form, .escape, .escape, .escape).contains(.quit))
    }

    // MARK: A closed form gives the keys back

    @Test("after Esc closes an unchanged form, e, n, r and / all work on the list")
    func closedFormGivesKeysBack() throws {
        var state = try Self.withForm()
        U.press(&state, .escape)
        #expect(state.editor == nil && state.screen == .campaigns)
        let id = try #require(state.list.selectedRow?.id)
        #expect(U.press(&state, .character("e")) == [.fetchForEdit(id)])
        U.press(&state, .escape)  // gives up the load
        #expect(state.editLoading == nil)
        U.press(&state, .character("n"))
        #expect(state.dialog?.kind == .newCampaign)
        U.press(&state, .escape)
        #expect(U.press(&state, .character("r")).contains { if case .loadCampaigns = $0 { return true } else { return false } })
        U.press(&state, .character("/"))
        #expect(state.input == .filter)
        #expect(state.notice?.contains("a form is open") != true)
    }

    // MARK: The stop dialog tells the truth

    static func stopDialog(type: CampaignType, status: CampaignStatus) -> Dialog {
        Dialog(.trigger(CampaignRef(id: "cd-1", name: "Renewals", type: type, status: status), start: false))
    }

    @Test("stopping a voice campaign says it resets its data and a rerun is a new instance; no promise about calls")
    func stopDialogText() {
        let state = U.loaded(3)
        let voice = DialogText.body(Self.stopDialog(type: .voice, status: .paused), state: state, width: 200).map(\.0).joined(separator: " ")
        #expect(voice.contains("resets the campaign's data"))
        #expect(voice.contains("new instance"))
        #expect(!voice.contains("calls in progress finish"))
        let sms = DialogText.body(Self.stopDialog(type: .sms, status: .active), state: state, width: 200).map(\.0).joined(separator: " ")
        #expect(!sms.contains("calls in progress finish"))
        #expect(sms.contains("Stopped"))
    }

    @Test("stopping an Active voice campaign asks for its typed name, focus on Cancel")
    func stopActiveVoiceAsksForTheName() throws {
        var state = U.loaded(10)
        // Campaign 00000 is voice (index % 3 == 0) and Active (index % 5 == 0).
        let campaign = try #require(state.list.selectedCampaign)
        #expect(campaign.type == .voice && campaign.status == .active)
        U.press(&state, .character("x"))
        let dialog = try #require(state.dialog)
        #expect(dialog.focus == 0 && dialog.requiresTypedName && !dialog.isEnabled(1))
        U.press(&state, .tab, .enter)
        #expect(state.dialog != nil)
        #expect(state.notice?.contains("type the campaign's name") == true)
        for character in campaign.name { U.press(&state, .character(character)) }
        #expect(state.dialog?.isEnabled(1) == true)
        let effects = U.press(&state, .enter)
        #expect(effects.contains { if case .trigger(_, start: false) = $0 { return true } else { return false } })
        // A Ready SMS campaign is stopped after a plain confirmation.
        var sms = U.loaded(10)
        U.press(&sms, .character("j"), .character("x"))
        #expect(sms.dialog?.requiresTypedName == false)
    }
}

// MARK: - Saving is a phase; pasting is one edit; Ctrl-Z suspends

extension KeysTests {
    /// The form open with the description changed to "changed", reviewed and sent.
    static func saving() throws -> (AppState, [Effect]) {
        var state = try withForm()
        while state.editor?.focusedField?.id != .description { U.press(&state, .tab) }
        U.press(&state, .control("u"))
        for character in "changed" { U.press(&state, .character(character)) }
        U.press(&state, .control("s"))
        guard case .reviewSave? = state.dialog?.kind else {
            Issue.record("no review dialog: \(state.lastError ?? "") \(state.notice ?? "")")
            return (state, [])
        }
        let effects = U.press(&state, .enter)
        return (state, effects)
    }

    @Test("while a save is on its way the form takes no edits, says so, and Esc does not claim to discard")
    func savingIsAPhase() throws {
        var (state, effects) = try Self.saving()
        #expect(effects.contains { if case .save = $0 { return true } else { return false } })
        #expect(state.editor?.phase == .saving)
        let footer = AppView.render(state, size: state.size).text.split(separator: "\n").dropLast().last ?? ""
        #expect(footer.contains("saving… waiting for the server") && !footer.contains("ready to save"), "\(footer)")
        let typed = U.press(&state, .character("!"), .backspace, .control("u"))
        #expect(state.editor?.text(.description) == "changed")
        #expect(typed.isEmpty)  // no draft written either
        #expect(state.notice?.contains("takes no changes") == true)
        #expect(U.press(&state, .control("s")).isEmpty)
        #expect(state.notice?.contains("already saving") == true)
        #expect(AppUpdate.reduce(&state, .input(.paste("more"))).isEmpty)
        #expect(state.editor?.text(.description) == "changed")
        U.press(&state, .escape)
        #expect(state.dialog == nil && state.editor != nil)
        #expect(state.notice?.contains("already on its way") == true)
        #expect(state.notice?.contains("discarded") != true)
        // The answer decides: a failure keeps the form, editable again, and Ctrl-S retries.
        _ = AppUpdate.reduce(&state, .saveFinished(.failure(SaveFailure(kind: nil, description: "server error", retryable: true))))
        #expect(state.editor?.phase == .failed("not saved — server error"))
        U.press(&state, .character("!"))
        #expect(state.editor?.text(.description) == "changed!")
        #expect(state.editor?.phase == .editing)
    }

    @Test("a save that succeeds closes the form with its result, even after Esc was pressed during it")
    func saveResultShows() throws {
        var (state, _) = try Self.saving()
        U.press(&state, .escape)
        var saved = try #require(state.editor?.campaign)
        saved.updatedAt = "2025-12-03T15:31:00.000Z"
        let effects = AppUpdate.reduce(&state, .saveFinished(.success(saved)))
        #expect(state.editor == nil)
        #expect(state.notice?.hasPrefix("saved “") == true)
        #expect(effects.contains { if case .removeDraft = $0 { return true } else { return false } })
    }

    @Test("a paste is one edit: one draft write, control characters dropped, line breaks as spaces, fast")
    func pasteIsOneEdit() throws {
        var state = try Self.withForm()
        while state.editor?.focusedField?.id != .description { U.press(&state, .tab) }
        U.press(&state, .control("u"))
        let long = String(repeating: "x", count: 5_000)
        let started = Date()
        let effects = AppUpdate.reduce(&state, .input(.paste("Hello\u{1B}[A\r\nworld\t!\u{7}" + long)))
        let took = Date().timeIntervalSince(started)
        #expect(state.editor?.text(.description) == "Hello[A world !" + long)
        #expect(effects.filter { if case .writeDraft = $0 { return true } else { return false } }.count == 1)
        #expect(effects.count == 1)
        #expect(took < 0.5)
        #expect(state.screen == .editor && state.dialog == nil)
    }

    @Test("a paste goes into the filter, the palette and a typed name; on the bare list it does nothing")
    func pasteElsewhere() throws {
        var state = U.loaded(30)
        #expect(!AppUpdate.reduce(&state, .input(.paste("q\u{1B}"))).contains(.quit))
        #expect(state.list.filterText.isEmpty)
        #expect(state.notice?.contains("paste") == true)
        U.press(&state, .character("/"))
        _ = AppUpdate.reduce(&state, .input(.paste("0001\n")))
        #expect(state.list.filterText == "0001 " && state.input == .filter)
        U.press(&state, .escape, .character(":"))
        _ = AppUpdate.reduce(&state, .input(.paste("sms")))
        #expect(state.input == .palette("sms"))
        U.press(&state, .escape, .character("d"))
        let name = try #require(state.list.selectedCampaign?.name)
        _ = AppUpdate.reduce(&state, .input(.paste(name)))
        #expect(state.dialog?.isEnabled(1) == true)
    }

    @Test("Ctrl-Z asks the loop to suspend, on the list, in the form and in the grid (where u undoes)")
    func controlZSuspends() throws {
        var state = U.loaded(3)
        #expect(U.press(&state, .control("z")) == [.suspend])
        var form = try Self.withForm()
        while form.editor?.focusedField?.id != .callingHours { U.press(&form, .tab) }
        #expect(U.press(&form, .enter, .control("z")).contains(.suspend))
        #expect(form.editor?.showsGrid == true)
        let store = AppStore(state: form, runner: nil)
        #expect(!store.takeSuspendRequest())
        store.send(.input(.key(.control("z"))))
        #expect(store.takeSuspendRequest() && !store.takeSuspendRequest())
    }
}

extension KeysTests {
    @Test("the stop dialog of an Active voice campaign shows the name field and a disabled Stop until it is typed")
    func stopDialogRendering() throws {
        var state = U.loaded(10)
        U.press(&state, .character("x"))
        var screen = AppView.render(state, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("resets the campaign's data"))
        #expect(screen.contains("Type the campaign's name to enable Stop:"))
        let name = try #require(state.list.selectedCampaign?.name)
        _ = AppUpdate.reduce(&state, .input(.paste(name)))
        screen = AppView.render(state, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("│ " + name))
    }
}
