import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import Testing

/// The real binary in tmux against an in-process sandbox: editing the calling hours in the grid,
/// creating every kind of campaign, deleting (and not deleting), a draft that survives SIGHUP,
/// and `--readonly`. What the terminal shows is only half of each check: the other half asks the
/// sandbox, through the API, what was (or was not) saved.
@Suite("Terminal UI editing end to end (tmux)", .serialized)
struct TUIEditEndToEndTests {
    // MARK: 1. Calling hours

    @Test("calling hours edited in the grid: only the days touched change on the server, exactly")
    func editCallingHours() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await withEditRig(seed: 30) { rig in
            // A campaign that can be edited (not Active), WEEKLY (one window a day), with one window
            // on Monday that can grow by a quarter hour and one on Tuesday that can lose one.
            // The list's entries are abbreviated: read each campaign whole.
            var all: [Campaign] = []
            for listed in try await rig.allCampaigns() where listed.status != .active {
                all.append(try await rig.client.get(try #require(listed.id)))
            }
            let candidates = all.filter { campaign in
                guard campaign.variant != nil,
                      let hours = campaign.dialingStrategy?.callingHours, hours.frequency == .weekly else { return false }
                let monday = hours.days.filter { $0.day == "MO" }, tuesday = hours.days.filter { $0.day == "TU" }
                guard monday.count == 1, tuesday.count == 1,
                      let mondayEnd = WireClock.minutes(monday[0].end, end: true), mondayEnd <= 1425,
                      let tuesdayStart = WireClock.minutes(tuesday[0].start), let tuesdayEnd = WireClock.minutes(tuesday[0].end, end: true),
                      (tuesdayStart / 15 + 1) * 15 < tuesdayEnd else { return false }
                return true
            }
            let chosen = try #require(candidates.first { $0.status == .ready } ?? candidates.first,
                                      "no editable WEEKLY campaign in the seed")
            let id = try #require(chosen.id)
            let before = try await rig.client.get(id)
            let days = try #require(before.dialingStrategy?.callingHours?.days)
            let mondayIndex = try #require(days.firstIndex { $0.day == "MO" })
            let tuesdayIndex = try #require(days.firstIndex { $0.day == "TU" })
            let mondayEnd = try #require(WireClock.minutes(days[mondayIndex].end, end: true))
            let tuesdayStart = try #require(WireClock.minutes(days[tuesdayIndex].start))
            // Space on the cell where Monday's window ends extends it to that cell's end; x on the
            // cell holding Tuesday's start moves the start to that cell's end.
            let mondayCell = mondayEnd / 15, tuesdayCell = tuesdayStart / 15
            let newMondayEnd = (mondayCell + 1) * 15, newTuesdayStart = (tuesdayCell + 1) * 15

            let tmux = try rig.launch()
            defer { tmux.close() }
            try await tmux.appears("row 1/")
            try await rig.select(id: id, in: tmux)
            try tmux.send("e")
            try await tmux.appears("› Edit ")
            try await tmux.row("Name", showing: before.name)
            try await tmux.focus("Calling hours")
            try tmux.send("Enter")
            try await tmux.appears("Calling hours · WEEKLY · ", "15-minute cells")
            try await tmux.appears("cursor MO 09:00–09:15")
            try await tmux.moveGridCursor(from: 36, to: mondayCell, day: "MO")
            try tmux.send("Space")
            try await tmux.appears("cursor MO \(WireClock.h24(mondayCell * 15))–\(WireClock.h24(newMondayEnd)) open")
            try await tmux.appears("  MO  \(WireClock.text(WireClock.minutes(days[mondayIndex].start)!))–\(WireClock.text(newMondayEnd))")
            try tmux.send("j")
            try await tmux.appears("cursor TU \(WireClock.h24(mondayCell * 15))")
            try await tmux.moveGridCursor(from: mondayCell, to: tuesdayCell, day: "TU")
            try tmux.send("x")
            try await tmux.appears("cursor TU \(WireClock.h24(tuesdayCell * 15))–\(WireClock.h24(tuesdayCell * 15 + 15)) closed")
            try tmux.send("Enter")
            try await tmux.appears("ready to save")
            try tmux.send("C-s")
            try await tmux.appears("Save — review", "Save 2 changes to “\(before.name)”",
                                   "days[\(mondayIndex)].end: \"\(days[mondayIndex].end)\" → \"\(WireClock.text(newMondayEnd))\"",
                                   "days[\(tuesdayIndex)].start: \"\(days[tuesdayIndex].start)\" → \"\(WireClock.text(newTuesdayStart))\"")
            try tmux.send("Enter")
            try await tmux.notice("saved", before.name)

            let after = try await rig.client.get(id)
            let changes = CampaignDiff.changes(from: before, to: after)
            let expected = [
                ["dialingStrategy.callingHours.days[\(mondayIndex)].end",
                 JSONValue.string(days[mondayIndex].end).serialized(), JSONValue.string(WireClock.text(newMondayEnd)).serialized()],
                ["dialingStrategy.callingHours.days[\(tuesdayIndex)].start",
                 JSONValue.string(days[tuesdayIndex].start).serialized(), JSONValue.string(WireClock.text(newTuesdayStart)).serialized()],
            ]
            let actual = changes.map { [$0.path, $0.old ?? "(none)", $0.new ?? "(none)"] }
            #expect(actual.sorted { $0[0] < $1[0] } == expected.sorted { $0[0] < $1[0] },
                    "changes on the server: \(changes.map(\.description))")
            #expect(after.dialingStrategy?.callingHours?.days.count == days.count)
            try tmux.send("q")
            try await tmux.appears("exit=0")
        }
    }

    // MARK: 2. Creating

    @Test("a campaign of each kind created in the form exists on the server as typed",
          arguments: CampaignVariant.allCases)
    func create(_ variant: CampaignVariant) async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await withEditRig { rig in
            let index = try #require(CampaignVariant.allCases.firstIndex(of: variant))
            let tag = ["simple", "template", "advanced", "agentless", "progressive", "preview"][index]
            let name = "E2E \(tag) \(UUID().uuidString.prefix(4))"
            let message = "Hello from tmux \(index), reply STOP to end"
            let flow = variant == .smsAdvanced ? "SMS Support Flow" : "Payment Reminder IVR"
            let queue = "Billing Queue"
            let callerId = "+14155550123"

            let tmux = try rig.launch()
            defer { tmux.close() }
            try await tmux.appears("row 1/")
            try tmux.send("n")
            try await tmux.appears("Which kind of campaign?")
            for _ in 0..<index { try tmux.send("Down") }
            try await tmux.appears("▸ \(variant.rawValue)")
            try tmux.send("Enter")
            try await tmux.appears("› New \(variant.rawValue)")
            try await tmux.appears("▸Kind")

            try await tmux.focus("Name")
            try await tmux.type(name)
            try await tmux.focus("Contact lists")
            try tmux.send("Enter")
            try await tmux.appears("Contact lists —")
            try tmux.send("VIP", literal: true)
            try await tmux.appears("search: VIP")
            try await tmux.appears("[ ] VIP Concierge")
            // Tab chooses; Space would type into the search once a search is typed.
            try tmux.send("Tab")
            try await tmux.appears("[x] VIP Concierge")
            try tmux.send("Enter")
            try await tmux.disappears("Contact lists —")
            try await tmux.row("Contact lists", showing: "VIP Concierge", focused: true)
            switch variant {
            case .smsSimple:
                try await tmux.focus("Message")
                try await tmux.type(message)
            case .smsTemplate:
                try await tmux.focus("Template")
                try await tmux.type("Welcome")
                try await tmux.focus("Message")
                try await tmux.type(message)
            case .smsAdvanced, .voiceAgentless:
                try await tmux.focus("Experience flow")
                try await tmux.type(flow)
            case .voiceProgressive, .voicePreview:
                try await tmux.focus("Agent queue")
                try await tmux.type(queue)
            }
            try await tmux.focus("Caller id")
            try await tmux.type(callerId)
            try await tmux.appears("ready to save")
            try tmux.send("C-s")
            try await tmux.appears("Save — review", "Create “\(name)” with:")
            try tmux.send("Enter")
            try await tmux.notice("created", name)

            let listed = try await rig.allCampaigns().filter { $0.name == name }
            try #require(listed.count == 1, "“\(name)” should be listed once, found \(listed.count)")
            let campaign = try await rig.client.get(try #require(listed[0].id))
            #expect(campaign.type == variant.type)
            #expect(campaign.variant == variant)
            #expect(campaign.contactLists == ["VIP Concierge"])
            #expect(campaign.priority == 3)
            #expect(campaign.dialingStrategy?.callerId == callerId)
            let hours = campaign.dialingStrategy?.callingHours
            #expect(hours?.frequency == .weekly)
            #expect(hours?.days.map { "\($0.day) \($0.start)–\($0.end)" }
                    == ["MO", "TU", "WE", "TH", "FR"].map { "\($0) 9:00 AM–6:00 PM" })
            switch variant {
            case .smsSimple:
                #expect(campaign.format == .simple)
                #expect(campaign.message?.text == message)
                #expect((campaign.message?.templateName ?? "").isEmpty)
            case .smsTemplate:
                #expect(campaign.format == .simple)
                #expect(campaign.message?.text == message)
                #expect(campaign.message?.templateName == "Welcome")
            case .smsAdvanced:
                #expect(campaign.format == .advanced)
                #expect(campaign.experienceFlowId != nil || campaign.experienceFlowName == flow)
            case .voiceAgentless:
                #expect(campaign.dialingMode == .agentless)
                #expect(campaign.experienceFlowId != nil || campaign.experienceFlowName == flow)
                #expect(campaign.machineDetection?.isOn == false)
            case .voiceProgressive:
                #expect(campaign.dialingMode == .progressive)
                #expect(campaign.effectiveQueue == queue)
            case .voicePreview:
                #expect(campaign.dialingMode == .preview)
                #expect(campaign.effectiveQueue == queue)
                #expect(campaign.maxSkips == 3)
            }
            if variant.type == .voice {
                #expect(campaign.dialingStrategy?.dialingOrder == .fifo)
                #expect(campaign.dialingStrategy?.maxAttemptsPerRecord == 3)
                #expect(campaign.dialingStrategy?.defaultRetryPeriod == 60)
                #expect(campaign.dialingStrategy?.maxRingTime == 30)
            }
            try tmux.send("q")
            try await tmux.appears("exit=0")
        }
    }

    // MARK: 3. Deleting

    @Test("delete: Esc and Cancel keep the campaign, a wrong name cannot delete, the exact name does")
    func delete() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await withEditRig { rig in
            let all = try await rig.allCampaigns()
            let victim = try #require(all.first { $0.status == .ready } ?? all.first { $0.status != .active },
                                      "no campaign that can be deleted in the seed")
            let id = try #require(victim.id)
            let tmux = try rig.launch()
            defer { tmux.close() }
            try await tmux.appears("row 1/")
            try await rig.select(id: id, in: tmux)

            // Esc.
            try tmux.send("d")
            let screen = try await tmux.appears("Delete campaign", "Delete “\(victim.name)”?",
                                                "status \(victim.status?.rawValue ?? "unknown")", "[ Cancel ]", "[ Delete ]")
            #expect(!screen.contains("ACTIVE"))
            try tmux.send("Escape")
            try await tmux.disappears("Delete campaign")
            #expect(try await rig.client.get(id).name == victim.name)

            // Enter with the focus on Cancel (opened with Ctrl-D this time).
            try tmux.send("C-d")
            try await tmux.appears("Delete campaign")
            try tmux.send("Enter")
            try await tmux.disappears("Delete campaign")
            #expect(try await rig.client.get(id).name == victim.name)

            // Part of the name: Delete stays disabled.
            try tmux.send("d")
            try await tmux.appears("Delete campaign")
            let partial = String(victim.name.dropLast())
            try tmux.send(partial, literal: true)
            try await tmux.appears("│ \(partial)")
            try tmux.send("Tab", "Enter")
            try await tmux.appears("type the campaign", "Delete campaign")
            try tmux.send("Escape")
            try await tmux.disappears("Delete campaign")
            #expect(try await rig.client.get(id).name == victim.name)

            // The exact name, Tab to Delete, Enter.
            try tmux.send("d")
            try await tmux.appears("Delete campaign")
            try tmux.send(victim.name, literal: true)
            try await tmux.appears("│ \(victim.name) ")
            try tmux.send("Tab", "Enter")
            try await tmux.notice("deleted", victim.name)
            await #expect(throws: (any Error).self) { _ = try await rig.client.get(id) }
            #expect(try await rig.allCampaigns().contains { $0.id == id } == false)
            #expect(try await rig.allCampaigns().count == all.count - 1)

            // An Active campaign's dialog says so.
            if let active = all.first(where: { $0.status == .active }), let activeID = active.id {
                try await rig.select(id: activeID, in: tmux)
                try tmux.send("d")
                try await tmux.appears("Delete “\(active.name)”?", "⚠ This campaign is ACTIVE")
                try tmux.send("Escape")
                try await tmux.disappears("Delete campaign")
            }
            try tmux.send("q")
            try await tmux.appears("exit=0")
        }
    }

    // MARK: 4. Drafts

    @Test("SIGHUP mid-edit: the terminal is given back, the draft is offered at the next start and restores the form")
    func draftSurvivesHangup() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await withEditRig { rig in
            let all = try await rig.allCampaigns()
            let campaign = try #require(all.first { $0.status == .ready && $0.variant != nil }
                                        ?? all.first { $0.status != .active && $0.variant != nil })
            let id = try #require(campaign.id)
            let newName = "Renamed before the hangup \(UUID().uuidString.prefix(4))"

            let first = try rig.launch()
            defer { first.close() }
            try await first.appears("row 1/")
            try await rig.select(id: id, in: first)
            try first.send("e")
            try await first.appears("› Edit ")
            try await first.row("Name", showing: campaign.name, focused: true)
            try first.send("C-u")
            try await first.type(newName)
            try await first.appears("ready to save")
            let draft = try await rig.awaitDraft(containing: newName)
            #expect(draft.lastPathComponent.hasSuffix("-\(id).json"), "draft file: \(draft.lastPathComponent)")
            kill(try first.programPID(), SIGHUP)
            let ended = try await first.appears("exit=")
            #expect(ended.contains("exit=0"))
            #expect(!first.alternateScreen)
            #expect(FileManager.default.fileExists(atPath: draft.path), "the draft must outlive the hangup")

            let second = try rig.launch()
            defer { second.close() }
            try await second.appears("Unsaved draft found", "Unsaved changes to “\(newName)”",
                                     "~ name: \"\(campaign.name)\" → \"\(newName)\"",
                                     "[ Later ]", "[ Restore ]", "[ Discard draft ]")
            try second.send("Tab", "Enter")
            try await second.appears("› Edit ")
            try await second.row("Name", showing: newName, focused: true)
            try await second.appears("ready to save")
            // Nothing was sent.
            #expect(try await rig.client.get(id).name == campaign.name)

            // Esc, then Discard: the form closes and the draft is gone; still nothing sent.
            try second.send("Escape")
            try await second.appears("Discard changes?")
            try second.send("Tab", "Enter")
            try await second.appears("changes discarded")
            try await rig.awaitNoDrafts()
            #expect(try await rig.client.get(id).name == campaign.name)
            try second.send("q")
            try await second.appears("exit=0")
        }
    }

    // MARK: 5. Read-only

    @Test("--readonly: e, d, n, s and x change nothing and say why in the status bar")
    func readOnly() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await withEditRig { rig in
            let before = try await rig.allCampaigns()
            let tmux = try rig.launch("--readonly")
            defer { tmux.close() }
            try await tmux.appears("row 1/")
            for key in ["e", "d", "n", "s", "x"] {
                try tmux.send(key)
                let screen = try await tmux.appears("read-only")
                let statusBar = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
                #expect(statusBar.contains("read-only"), "`\(key)`: the note belongs in the status bar:\n\(screen)")
                #expect(!screen.contains("› Edit") && !screen.contains("› New") && !screen.contains("Delete campaign")
                        && !screen.contains("New campaign") && !screen.contains("Start campaign") && !screen.contains("Stop campaign"),
                        "`\(key)` opened something:\n\(screen)")
                // Any plain key clears the note, so the next one is seen afresh.
                try tmux.send("j")
                try await tmux.disappears("read-only")
            }
            try tmux.send("q")
            try await tmux.appears("exit=0")
            let after = try await rig.allCampaigns()
            #expect(after.count == before.count)
            #expect(after.map(\.updatedAt) == before.map(\.updatedAt))
            #expect(!FileManager.default.fileExists(atPath: rig.draftsDirectory.path), "read-only must not write drafts")
        }
    }
}

// MARK: - The rig

/// A sandbox, a client on it, and a state directory of its own for the drafts.
struct EditRig {
    let cli: CLI
    let client: CampaignClient
    let stateHome: URL

    var draftsDirectory: URL { stateHome.appendingPathComponent("switchboard/drafts", isDirectory: true) }

    /// The TUI on the sandbox in a 120×40 terminal. `COLUMNS` is dropped so that curses takes the
    /// terminal's real width (the grid has quarter-hour cells from 102 columns up).
    func launch(_ arguments: String = "") throws -> TmuxSession {
        var environment = cli.environment
        environment["COLUMNS"] = nil
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment["XDG_STATE_HOME"] = stateHome.path
        return try TmuxSession(command: "\(TmuxSession.quote(CLI.binary.path)) --refresh 0 \(arguments)",
                               environment: environment)
    }

    func allCampaigns() async throws -> [Campaign] {
        try await client.listAll(CampaignListRequest(type: .sms)) + client.listAll(CampaignListRequest(type: .voice))
    }

    /// Filters the list down to one campaign by its id (ids are searched too).
    func select(id: String, in tmux: TmuxSession) async throws {
        try tmux.send("/", "Escape")
        try await tmux.disappears("Enter keep · Esc clear")
        // The id's first part is distinctive enough and keeps the breadcrumbs short.
        let key = String(id.prefix(11))
        try tmux.send("/")
        try tmux.send(key, literal: true)
        try await tmux.appears("/" + key)
        try tmux.send("Enter")
        try await tmux.appears("row 1/1")
    }

    /// Waits until a draft file holds `text`; returns it.
    func awaitDraft(containing text: String, timeout: TimeInterval = 10) async throws -> URL {
        let deadline = Date().addingTimeInterval(timeout)
        var seen: [String] = []
        while Date() < deadline {
            seen = (try? FileManager.default.contentsOfDirectory(atPath: draftsDirectory.path)) ?? []
            for name in seen where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let url = draftsDirectory.appendingPathComponent(name)
                if let contents = try? String(contentsOf: url, encoding: .utf8), contents.contains(text) { return url }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxFailure("no draft holding “\(text)” in \(draftsDirectory.path) within \(timeout) s; files: \(seen)")
    }

    /// Waits until no draft file is left.
    func awaitNoDrafts(timeout: TimeInterval = 10) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        var seen: [String] = []
        while Date() < deadline {
            seen = ((try? FileManager.default.contentsOfDirectory(atPath: draftsDirectory.path)) ?? [])
                .filter { $0.hasSuffix(".json") }
            if seen.isEmpty { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxFailure("drafts still on disk after \(timeout) s: \(seen)")
    }
}

/// Runs `body` with a fresh sandbox (seeded with `seed` campaigns), a client and a state directory.
func withEditRig<T>(seed: Int = 12, _ body: (EditRig) async throws -> T) async throws -> T {
    try await withCLI(seed: seed) { cli in
        let credentials = cli.sandbox.credentials
        let profile = APIProfile(name: "sandbox", host: cli.sandbox.baseURL, streamId: credentials.streamId,
                                 accountId: credentials.accountId,
                                 auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret)))
        let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("sb-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: stateHome, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: stateHome) }
        return try await body(EditRig(cli: cli, client: try CampaignClient(profile: profile), stateHome: stateHome))
    }
}

// MARK: - Waiting without blocking

extension TmuxSession {
    /// Waits until the form row labelled `label` (focused, if asked) shows `value`.
    @discardableResult
    func row(_ label: String, showing value: String, focused: Bool = false, timeout: TimeInterval = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            let found = last.split(separator: "\n").contains { line in
                (line.hasPrefix("▸" + label + " ") || (!focused && line.hasPrefix(" " + label + " "))) && line.contains(value)
            }
            if found { return last }
            try await Task.sleep(for: .milliseconds(40))
        }
        throw TmuxFailure("the \(label) row did not show “\(value)” within \(timeout) s; the screen was:\n\(last)")
    }

    /// Waits for a status-bar notice such as `saved “NAME”`. At 120 columns the host and the counts
    /// leave too little room for a long name, which the bar cuts with "…": only its start is awaited.
    func notice(_ verb: String, _ name: String) async throws {
        try await appears("\(verb) “" + String(name.prefix(16)))
    }

    /// Types text into the focused field and waits until it shows.
    func type(_ text: String) async throws {
        try send(text, literal: true)
        try await self.appears(text)
    }

    /// The label of the form row marked ▸, if a form is on screen.
    static func focusedLabel(_ screen: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.hasPrefix("▸") }) else { return nil }
        return String(line.dropFirst().prefix(17)).trimmingCharacters(in: .whitespaces)
    }

    /// Tabs through the form until the row labelled `label` has the focus.
    func focus(_ label: String) async throws {
        var current = Self.focusedLabel(screen)
        for _ in 0..<40 {
            if current == label { return }
            try send("Tab")
            let deadline = Date().addingTimeInterval(5)
            var next = current
            while next == current, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
                next = Self.focusedLabel(screen)
            }
            guard next != current else { break }
            current = next
        }
        throw TmuxFailure("could not move the focus to “\(label)” (stuck on “\(current ?? "nothing")”):\n\(screen)")
    }

    /// Moves the grid cursor along a day, an hour (`L`/`H`) then a cell (`l`/`h`) at a time, and
    /// waits until the cursor line says it arrived.
    func moveGridCursor(from: Int, to: Int, day: String) async throws {
        let delta = to - from
        let hours = abs(delta) / 4, cells = abs(delta) % 4
        for _ in 0..<hours { try send(delta > 0 ? "L" : "H") }
        for _ in 0..<cells { try send(delta > 0 ? "l" : "h") }
        try await self.appears("cursor \(day) \(WireClock.h24(to * 15))–\(WireClock.h24(to * 15 + 15)) ")
    }
}

// MARK: - Clock text, independent of the product's

/// "h:mm AM/PM" as the API writes windows, read and written here without the product's code.
enum WireClock {
    /// Minutes since midnight; an `end` of "12:00 AM" is midnight at the end of the day (1440).
    static func minutes(_ text: String, end: Bool = false) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: " ")
        guard parts.count == 2, ["AM", "PM"].contains(parts[1]) else { return nil }
        let clock = parts[0].split(separator: ":")
        guard clock.count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]), (1...12).contains(hour),
              (0..<60).contains(minute) else { return nil }
        let total = (hour % 12 + (parts[1] == "PM" ? 12 : 0)) * 60 + minute
        return end && total == 0 ? 1440 : total
    }

    /// 1095 → "6:15 PM"; 1440 → "12:00 AM".
    static func text(_ minutes: Int) -> String {
        let inDay = minutes % 1440
        let hour = inDay / 60, minute = inDay % 60
        return "\(hour % 12 == 0 ? 12 : hour % 12):\(minute < 10 ? "0" : "")\(minute) \(hour < 12 ? "AM" : "PM")"
    }

    /// 1095 → "18:15", as the grid's cursor line writes it.
    static func h24(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
