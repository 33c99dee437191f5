import CampaignModel
import Foundation
import SwitchboardUI
import TerminalKit

/// The form's numbers: keystroke → frame while typing and while painting the grid (update,
/// validation and a full render), and the time to write a draft to disk, as each change does.
enum FormBench {
    static func run() throws {
        let size = Size(width: 120, height: 40)
        var state = TerminalUIBench.loadedState(10_000, size: size)
        _ = AppUpdate.reduce(&state, .input(.key(.character("n"))))
        _ = AppUpdate.reduce(&state, .input(.key(.enter)))
        var typing: [Double] = []
        var grid: [Double] = []
        func measure(_ key: Key, into samples: inout [Double]) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = AppUpdate.reduce(&state, .input(.key(key)))
            let canvas = AppView.render(state, size: size)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            precondition(canvas.width == size.width)
        }
        _ = AppUpdate.reduce(&state, .input(.key(.tab)))
        for character in "Spring renewals — 春の案内 📞 EMEA wave 2".prefix(40) { measure(.character(character), into: &typing) }
        for _ in 0..<19 { _ = AppUpdate.reduce(&state, .input(.key(.backTab))) }
        while state.editor?.focusedField?.id != .callingHours { _ = AppUpdate.reduce(&state, .input(.key(.tab))) }
        _ = AppUpdate.reduce(&state, .input(.key(.enter)))
        for round in 0..<200 {
            measure(round % 7 == 6 ? .character("j") : .character("l"), into: &grid)
            measure(.character(" "), into: &grid)
        }
        let (typeP50, typeP99) = TerminalUIBench.percentiles(typing)
        let (gridP50, gridP99) = TerminalUIBench.percentiles(grid)
        print(String(format: "form: keystroke → frame typing a name, 120×40: p50 %.3f ms   p99 %.3f ms   (%d keys)",
                     typeP50, typeP99, typing.count))
        print(String(format: "form: keystroke → frame in the calling-hours grid, 120×40: p50 %.3f ms   p99 %.3f ms   (%d keys)",
                     gridP50, gridP99, grid.count))
        let editor = try unwrap(state.editor)
        let store = DraftStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("bench-drafts-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: store.directory) }
        var writes: [Double] = []
        for index in 0..<200 {
            var working = editor.campaign
            working.name = "draft \(index)"
            let draft = CampaignDraft(key: editor.draftKey, profile: "bench", mode: editor.mode, variant: editor.variant,
                                      savedAt: Date(), base: editor.base, working: working)
            let start = DispatchTime.now().uptimeNanoseconds
            try store.save(draft)
            writes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let (writeP50, writeP99) = TerminalUIBench.percentiles(writes)
        print(String(format: "form: draft written to disk on a change: p50 %.3f ms   p99 %.3f ms   (%d writes)",
                     writeP50, writeP99, writes.count))
    }

    private static func unwrap<T>(_ value: T?) throws -> T {
        guard let value else { throw CocoaError(.featureUnsupported) }
        return value
    }
}
