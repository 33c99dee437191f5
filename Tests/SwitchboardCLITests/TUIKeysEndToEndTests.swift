import CampaignAPI
import CampaignModel
import Foundation
import Testing

/// Keys that must not surprise, in a real terminal (tmux): Esc never quits, an arrow whose bytes
/// arrive 60 ms apart is an arrow, a paste is one edit, Ctrl-Z suspends and `fg` redraws, a grouped
/// emoji shifts no border, and a 10×4 terminal grown back shows its first row.
@Suite("Terminal UI keys end to end (tmux)", .serialized)
struct TUIKeysEndToEndTests {
    /// A fresh HOME and state directory, so that no draft of another test is offered here.
    static func environment(home: URL) -> [String: String] {
        ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": home.path, "PATH": "/usr/bin:/bin",
         "XDG_STATE_HOME": home.appendingPathComponent("state").path, "PS1": "shell$ "]
    }

    static func withHome<T>(_ body: (URL) async throws -> T) async throws -> T {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sb-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        return try await body(home)
    }

    /// Pastes `text` as the terminal does (bracketed, since the app asked for it).
    static func paste(_ text: String, into tmux: TmuxSession, home: URL) throws {
        let file = home.appendingPathComponent("paste.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try tmux.tmux(["load-buffer", file.path])
        try tmux.tmux(["paste-buffer", "-p", "-t", tmux.name])
    }

    @Test("Esc never quits; an arrow whose bytes arrive apart moves; a 5,000-character paste is one quick edit with its ESC as text")
    func escapeArrowAndPaste() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await Self.withHome { home in
            let tmux = try TmuxSession(command: "\(TmuxSession.quote(CLI.binary.path)) demo --campaigns 20 --refresh 0",
                                       environment: Self.environment(home: home))
            defer { tmux.close() }
            try await tmux.appears("row 1/20", "CALL WINDOW")
            try tmux.send("/")
            try tmux.send("Reminder", literal: true)
            try tmux.send("Enter")
            try await tmux.appears("/Reminder")
            try tmux.send("Escape")
            try await tmux.appears("filter cleared", "row 1/20")
            try tmux.send("Escape")
            try await tmux.appears("q or :q quits")
            #expect(tmux.alternateScreen)
            #expect(!tmux.screen.contains("exit="))
            // ↓ as ESC, then [B 40 ms later (a laggy link): longer than ESCDELAY (25 ms), so ncurses
            // hands over a lone ESC, and within the app's 100 ms window. On a busy machine starting
            // the second tmux client can stretch the gap past the window; the gap is measured, and
            // the arrow is asserted only when it arrived as a laggy link's would (the decoder's
            // own tests cover every timing exactly).
            let sentEscape = ContinuousClock.now
            try tmux.send("Escape")
            try await Task.sleep(for: .milliseconds(40))
            try tmux.send("[B", literal: true)
            let gap = ContinuousClock.now - sentEscape
            if gap < .milliseconds(90) {
                try await tmux.appears("row 2/20")
            } else {
                try tmux.send("g", "j")
                try await tmux.appears("row 2/20")
            }
            // A paste into the form's description: one edit, the ESC inside it is text (then dropped).
            try tmux.send("e")
            try await tmux.appears("› Edit ", "▸Name")
            try tmux.send("Tab", "C-u")
            try await tmux.appears("▸Description")
            let started = Date()
            try Self.paste("a\u{1B}[Ab" + String(repeating: "y", count: 5_000) + "END", into: tmux, home: home)
            try await tmux.appears("yyyyEND", "› Edit ", timeout: 10)  // the ESC did not close the form
            #expect(Date().timeIntervalSince(started) < 3)
            try tmux.send("Home")
            try await tmux.appears("a[Abyyy")
        }
    }

    @Test("Ctrl-Z gives the terminal back to the shell; fg brings the app back, redrawn")
    func suspendAndResume() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await Self.withHome { home in
            let tmux = try TmuxSession(command: "bash --norc --noprofile -i", environment: Self.environment(home: home))
            defer { tmux.close() }
            try await tmux.appears("shell$")
            try tmux.send("\(TmuxSession.quote(CLI.binary.path)) demo --campaigns 12 --refresh 0", literal: true)
            try tmux.send("Enter")
            try await tmux.appears("row 1/12", "CALL WINDOW")
            try tmux.send("C-z")
            try await tmux.appears("]+  Stopped")  // bash's job line (a campaign's status may say Stopped too)
            #expect(!tmux.alternateScreen)
            try tmux.send("fg", literal: true)
            try tmux.send("Enter")
            try await tmux.appears("row 1/12", "CALL WINDOW", "Switchboard › Campaigns")
            #expect(tmux.alternateScreen)
            try tmux.send("j")
            try await tmux.appears("row 2/12")
            try tmux.send("q")
            try await tmux.disappears("CALL WINDOW")
            #expect(!tmux.alternateScreen)
        }
    }

    /// Columns as tmux 3.3 lays them out: an emoji ZWJ sequence in two cells, emoji and wide
    /// characters in two, marks, joiners and variation selectors in none.
    static func columns(_ text: Substring) -> Int {
        text.reduce(0) { sum, character in
            let scalars = character.unicodeScalars
            if scalars.contains(where: { $0.value == 0x200D }) { return sum + 2 }
            return sum + scalars.reduce(0) { width, scalar in
                let value = scalar.value
                if value == 0x200D || (0xFE00...0xFE0F).contains(value) || scalar.properties.generalCategory == .nonspacingMark {
                    return width
                }
                if (0x1F1E6...0x1F1FF).contains(value) { return width + 1 }
                return width + (scalar.properties.isEmojiPresentation || (0x4E00...0x9FFF).contains(value) ? 2 : 1)
            }
        }
    }

    /// The display column of the last `mark` in each line that holds `text`.
    static func borderColumns(_ screen: String, lines text: String, mark: Character) -> [Int] {
        screen.split(separator: "\n").filter { $0.contains(text) }.compactMap { line in
            line.lastIndex(of: mark).map { columns(line[..<$0]) }
        }
    }

    @Test("a name with 👨‍👩‍👧 shifts no column or dialog border; 10×4 and back shows the first row")
    func emojiAndTinyTerminal() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await withEditRig(seed: 12) { rig in
            var campaign = try #require(try await rig.allCampaigns().first { $0.status != .active && $0.type == .sms })
            campaign = try await rig.client.get(try #require(campaign.id))
            campaign.name = "Family 👨‍👩‍👧 night"
            let renamed = try await rig.client.update(campaign)
            let tmux = try rig.launch()
            defer { tmux.close() }
            try await tmux.appears("row 1/")
            try await rig.select(id: try #require(renamed.id), in: tmux)
            var screen = try await tmux.appears("Family ", "row 1/1")
            let header = try #require(screen.split(separator: "\n").first { $0.contains("STATUS") })
            let row = try #require(screen.split(separator: "\n").first { $0.contains("Family ") && $0.contains("SMS") })
            let statusColumn = Self.columns(header[..<header.range(of: "STATUS")!.lowerBound])
            let status = try #require(renamed.status?.rawValue)
            #expect(Self.columns(row[..<row.range(of: status)!.lowerBound]) == statusColumn, "\(header)\n\(row)")
            // The detail: the name in the title bar leaves its key hints at the right edge.
            try tmux.send("Enter")
            screen = try await tmux.appears("› Family ", "q back", "── Audience")
            let title = try #require(screen.split(separator: "\n").first)
            let hintEnd = try #require(title.range(of: "q back")).upperBound
            #expect(Self.columns(title[..<hintEnd]) == 119, "the title bar shifted: \(title)")
            try tmux.send("d")
            screen = try await tmux.appears("Delete campaign", "Type the campaign")
            // The dialog's lines: their first │ is its left border, the next one its right border.
            func borders(_ line: Substring) -> (left: Int, right: Int)? {
                guard let left = line.firstIndex(of: "│"),
                      let right = line[line.index(after: left)...].firstIndex(of: "│") else { return nil }
                return (Self.columns(line[..<left]), Self.columns(line[..<right]))
            }
            let question = try #require(screen.split(separator: "\n").first { $0.contains("Delete “Family") })
            let left = try #require(borders(question)).left
            let dialogLines = screen.split(separator: "\n").filter { borders($0)?.left == left }
            let rights = dialogLines.compactMap { borders($0)?.right }
            #expect(dialogLines.count >= 5)
            #expect(Set(rights).count == 1, "the dialog's right border moved:\n\(dialogLines.joined(separator: "\n"))")
            try tmux.send("Escape")
            try await tmux.disappears("Delete campaign")
            try tmux.send("Escape")
            try await tmux.appears("CALL WINDOW")
            // Shrink to 10×4 and back: the first row (the title bar) is on top again.
            try tmux.resize(width: 10, height: 4)
            try await tmux.appears("Terminal")
            try tmux.resize(width: 120, height: 40)
            screen = try await tmux.appears("CALL WINDOW", "row 1/1")
            #expect(screen.split(separator: "\n").first?.contains("Switchboard › Campaigns") == true, "\(screen)")
        }
    }
}
