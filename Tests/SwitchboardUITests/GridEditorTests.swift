import CampaignModel
import Foundation
import Testing
@testable import SwitchboardUI

/// Every grid operation, on exact windows.
@Suite("Calling-hours grid editor")
struct GridEditorTests {
    static func editor(_ days: [CallingDay], frequency: CallingFrequency = .custom, zone: String = "America/New_York",
                       cellMinutes: Int = 15) throws -> GridEditor {
        try GridEditor(callingHours: CallingHours(frequency: frequency, timezone: zone, days: days), cellMinutes: cellMinutes)
    }

    static func day(_ code: String, _ start: String, _ end: String) -> CallingDay { CallingDay(day: code, start: start, end: end) }

    func windows(_ editor: GridEditor) -> [String] { editor.callingHours.days.map { "\($0.day) \($0.start)–\($0.end)" } }

    @Test("untouched windows keep their exact times through any edit elsewhere")
    func lossless() throws {
        var editor = try Self.editor([Self.day("MO", "9:10 AM", "5:20 PM"), Self.day("TU", "8:00 AM", "12:00 PM")])
        editor.move(days: 1, cells: 16)  // from MO 9:00 to TU 1:00 PM
        editor.toggle()
        #expect(windows(editor) == ["MO 9:10 AM–5:20 PM", "TU 8:00 AM–12:00 PM", "TU 1:00 PM–1:15 PM"])
    }

    @Test("the cursor moves and stops at the grid's edges")
    func cursor() throws {
        var editor = try Self.editor([])
        #expect(editor.cursor == GridPoint(day: .monday, cell: 36))
        editor.move(days: -3, cells: -100)
        #expect(editor.cursor == GridPoint(day: .monday, cell: 0))
        editor.move(days: 10, cells: 500)
        #expect(editor.cursor == GridPoint(day: .sunday, cell: 95))
    }

    @Test("Space on a cell fills it, again clears it; a partial cell is filled")
    func toggleCell() throws {
        var editor = try Self.editor([Self.day("MO", "9:10 AM", "10:00 AM")])
        editor.toggle()  // MO 9:00 cell is partial → filled
        #expect(windows(editor) == ["MO 9:00 AM–10:00 AM"])
        editor.toggle()
        #expect(windows(editor) == ["MO 9:15 AM–10:00 AM"])
    }

    @Test("a block selected with Shift+arrows or v is filled, cleared, or toggled as a whole")
    func block() throws {
        var editor = try Self.editor([])
        editor.move(days: 0, cells: 0)
        editor.move(days: 2, cells: 3, extending: true)  // MO–WE, 9:00–10:00
        #expect(editor.selection.days == [.monday, .tuesday, .wednesday] && editor.selection.cells == 36...39)
        editor.toggle()
        #expect(windows(editor) == ["MO 9:00 AM–10:00 AM", "TU 9:00 AM–10:00 AM", "WE 9:00 AM–10:00 AM"])
        #expect(editor.anchor == nil)
        #expect(editor.cursor == GridPoint(day: .wednesday, cell: 39))
        editor.move(cells: -2)
        editor.toggleBlock()
        editor.move(days: 1, cells: 1)
        editor.set(false)  // clear WE–TH 9:15–9:45
        #expect(windows(editor) == ["MO 9:00 AM–10:00 AM", "TU 9:00 AM–10:00 AM", "WE 9:00 AM–9:15 AM",
                                    "WE 9:45 AM–10:00 AM"])
        editor.move(days: -3, cells: -2)
        editor.move(days: 1, cells: 3, extending: true)
        editor.toggle()  // MO–TU 9:00–10:00 is full → cleared
        #expect(windows(editor) == ["WE 9:00 AM–9:15 AM", "WE 9:45 AM–10:00 AM"])
    }

    @Test("one day is copied to others; presets replace everything")
    func copyAndPresets() throws {
        var editor = try Self.editor([Self.day("MO", "9:10 AM", "5:00 PM")])
        editor.copyCursorDay(to: [.wednesday, .friday])
        #expect(windows(editor) == ["MO 9:10 AM–5:00 PM", "WE 9:10 AM–5:00 PM", "FR 9:10 AM–5:00 PM"])
        editor.apply(.weekdaysNineToSix)
        #expect(windows(editor).count == 5 && windows(editor).allSatisfy { $0.hasSuffix("9:00 AM–6:00 PM") })
        editor.apply(.everyDayEightToNine)
        #expect(windows(editor).count == 7 && windows(editor).last == "SU 8:00 AM–9:00 PM")
        editor.apply(.clearAll)
        #expect(windows(editor).isEmpty)
    }

    @Test("DAILY copies the cursor's day to every day; WEEKLY and CUSTOM keep the windows")
    func frequency() throws {
        var editor = try Self.editor([Self.day("MO", "9:00 AM", "5:00 PM"), Self.day("SA", "10:00 AM", "2:00 PM")])
        editor.setFrequency(.weekly)
        #expect(windows(editor).count == 2 && editor.callingHours.frequency == .weekly)
        editor.setFrequency(.daily)
        #expect(windows(editor).count == 7 && windows(editor).allSatisfy { $0.hasSuffix("9:00 AM–5:00 PM") })
    }

    @Test("a new timezone keeps the local times, or moves the windows to the same instants")
    func timezone() throws {
        let winter = Date(timeIntervalSince1970: 1_764_775_800)  // 3 Dec 2025
        var keep = try Self.editor([Self.day("MO", "9:00 AM", "5:00 PM")])
        try keep.setTimezone("Europe/London", keepLocalTimes: true, at: winter)
        #expect(windows(keep) == ["MO 9:00 AM–5:00 PM"] && keep.timezone == "Europe/London")
        var shift = try Self.editor([Self.day("MO", "9:00 AM", "8:00 PM")])
        try shift.setTimezone("Europe/London", keepLocalTimes: false, at: winter)
        #expect(windows(shift) == ["MO 2:00 PM–12:00 AM", "TU 12:00 AM–1:00 AM"])
        #expect(throws: ValidationFailure.self) { try shift.setTimezone("EST", keepLocalTimes: true, at: winter) }
        #expect(shift.timezone == "Europe/London")
    }

    @Test("half-hour columns on narrow terminals keep the cursor on the same time")
    func halfHours() throws {
        var editor = try Self.editor([Self.day("MO", "9:10 AM", "10:00 AM")])
        editor.move(cells: 2)  // 9:30
        editor.setCellMinutes(30)
        #expect(editor.columns == 48 && editor.cursor.cell == 19)
        editor.move(cells: -1)  // 9:00–9:30, partly open
        editor.toggle()
        #expect(windows(editor) == ["MO 9:00 AM–10:00 AM"])
    }

    @Test("fields the editor does not know survive")
    func extrasKept() throws {
        var hours = CallingHours(frequency: .weekly, timezone: "Asia/Kolkata", days: [Self.day("MO", "9:00 AM", "5:00 PM")])
        hours.extras["holidayCalendar"] = "IN"
        var editor = try GridEditor(callingHours: hours)
        editor.toggle()
        #expect(editor.callingHours.extras["holidayCalendar"] == "IN")
    }
}

extension GridEditorTests {
    @Test("y/p: a copied day pastes onto the cursor's day or every day of a block")
    func pasteDay() throws {
        var editor = try Self.editor([Self.day("MO", "9:10 AM", "12:00 PM"), Self.day("MO", "1:00 PM", "5:20 PM"),
                                      Self.day("WE", "8:00 AM", "9:00 AM")])
        let monday = editor.schedule.windows(on: .monday)
        editor.move(days: 1)
        editor.paste(monday)
        #expect(editor.schedule.windows(on: .tuesday) == monday)
        editor.move(days: 1, extending: true)
        editor.move(days: 2, extending: true)
        #expect(editor.selectedDays == [.tuesday, .wednesday, .thursday, .friday])
        editor.paste([])
        #expect(editor.anchor == nil)
        #expect(windows(editor) == ["MO 9:10 AM–12:00 PM", "MO 1:00 PM–5:20 PM"])
    }

    @Test("undo lives with the grid: only real changes are kept, undone newest first, at most 200")
    func undoHistory() throws {
        var editor = try Self.editor([Self.day("MO", "9:10 AM", "5:20 PM")])
        let start = editor.schedule
        editor.recordChange(from: editor.schedule)  // nothing changed: nothing kept
        #expect(editor.history.isEmpty && !editor.undo())
        var before = editor.schedule
        editor.move(days: 1)
        editor.toggle()
        editor.recordChange(from: before)
        let afterToggle = editor.schedule
        before = editor.schedule
        editor.apply(.clearAll)
        editor.recordChange(from: before)
        #expect(editor.undo() && editor.schedule == afterToggle)
        #expect(editor.undo() && editor.schedule == start)
        #expect(!editor.undo() && editor.schedule == start)
        for _ in 0..<250 {
            before = editor.schedule
            editor.toggle()
            editor.recordChange(from: before)
        }
        #expect(editor.history.count == GridEditor.historyLimit)
    }
}
