/// Turns what curses' `wget_wch` returned into a `Key`. Pure, so every mapping is testable.
public enum KeyDecoder {
    /// ncurses key codes (from <curses.h>), named here so the decoder needs no C import.
    public enum Code {
        public static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
        public static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
        public static let delete: Int32 = 0o512, insert: Int32 = 0o513
        public static let shiftDown: Int32 = 0o520, shiftUp: Int32 = 0o521
        public static let pageDown: Int32 = 0o522, pageUp: Int32 = 0o523, enter: Int32 = 0o527
        public static let backTab: Int32 = 0o541, end: Int32 = 0o550
        public static let shiftLeft: Int32 = 0o611, shiftRight: Int32 = 0o622
        public static let mouse: Int32 = 0o631, resize: Int32 = 0o632
    }

    /// A function key code (`KEY_CODE_YES`): arrows, paging, F-keys, …
    public static func functionKey(_ code: Int32) -> Key {
        switch code {
        case Code.up: return .up
        case Code.down: return .down
        case Code.left: return .left
        case Code.right: return .right
        case Code.shiftUp: return .shiftUp
        case Code.shiftDown: return .shiftDown
        case Code.shiftLeft: return .shiftLeft
        case Code.shiftRight: return .shiftRight
        case Code.pageUp: return .pageUp
        case Code.pageDown: return .pageDown
        case Code.home: return .home
        case Code.end: return .end
        case Code.enter: return .enter
        case Code.backTab: return .backTab
        case Code.backspace: return .backspace
        case Code.delete: return .delete
        case Code.insert: return .insert
        case (Code.f0 + 1)...(Code.f0 + 24): return .function(Int(code - Code.f0))
        default: return .unknown(code)
        }
    }

    /// A character read as text: control characters become named keys.
    public static func character(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int32(bitPattern: value)) }
            return .character(Character(scalar))
        }
    }
}
