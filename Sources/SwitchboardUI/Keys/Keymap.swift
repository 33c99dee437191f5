import TerminalKit

/// The user's rebindings (`keys:` in config.yaml) over the default tables. Dispatch, the help
/// screen and the footer hints all ask it which keys a binding has now.
public struct Keymap: Equatable, Sendable {
    /// Binding name → the keys that replace its defaults.
    public private(set) var overrides: [String: [Key]] = [:]

    public static let standard = Keymap()

    public init() {}

    /// The keys `binding` answers to now.
    public func keys<A>(of binding: Binding<A>) -> [Key] { overrides[binding.name] ?? binding.keys }

    /// How help names `binding`'s keys now.
    public func label<A>(of binding: Binding<A>) -> String {
        overrides[binding.name].map(Self.label) ?? binding.label
    }

    public func label(of info: BindingInfo) -> String { overrides[info.name].map(Self.label) ?? info.label }

    func keys(of info: BindingInfo) -> [Key] { overrides[info.name] ?? info.keys }

    /// The first key of the binding named `name` now, for sentences ("y copies the day").
    public func primary(_ name: String) -> String {
        guard let info = KeyTables.all.first(where: { $0.name == name }) else { return name }
        return keys(of: info).first?.description ?? name
    }

    static func label(_ keys: [Key]) -> String { keys.map(\.description).joined(separator: " ") }

    /// The action `key` means in `table`, if any.
    public func action<A>(for key: Key, in table: [Binding<A>]) -> A? {
        table.first { keys(of: $0).contains(key) }?.action
    }

    /// A footer hint's keys: its short default label, or the rebound keys' names.
    func label(of hint: KeyHint) -> String {
        guard hint.bindings.contains(where: { overrides[$0] != nil }) else { return hint.label }
        return hint.bindings.compactMap { name in
            overrides[name].map(Self.label) ?? KeyTables.all.first { $0.name == name }.map(label(of:))
        }.joined(separator: " ")
    }

    /// "Ctrl-S save · Esc cancel" for `hints`.
    func footer(_ hints: [KeyHint], separator: String = " · ") -> String {
        hints.map { label(of: $0) + ($0.text.isEmpty ? "" : " " + $0.text) }.joined(separator: separator)
    }
}

extension Keymap {
    /// Builds the keymap from config.yaml's `keys:` section (binding name → one key or a list of
    /// keys, by name). Unknown names and keys are skipped; every problem, and every key that now
    /// means two things where it is read, comes back as a sentence to show at start.
    public static func make(from config: [String: [String]]) -> (keymap: Keymap, problems: [String]) {
        var keymap = Keymap()
        var problems: [String] = []
        let known = Set(KeyTables.all.map(\.name))
        for (name, keyNames) in config.sorted(by: { $0.key < $1.key }) {
            guard known.contains(name) else {
                problems.append("keys: no binding is named \(name) (the help screen lists each binding's name)")
                continue
            }
            var keys: [Key] = []
            for keyName in keyNames {
                if let key = Key(name: keyName) { keys.append(key) } else {
                    problems.append("keys: \(name): \"\(keyName)\" is not a key (try j, Ctrl-A, Esc, Shift-Tab, F2, PgDn, Space)")
                }
            }
            if !keys.isEmpty { keymap.overrides[name] = keys }
        }
        return (keymap, problems + keymap.conflicts())
    }

    /// Keys that mean two things where they are read: two bindings of one context, a binding
    /// hidden behind a global key, or a rebound printable key in a context that types text.
    public func conflicts() -> [String] {
        let screenFallback = Set((ScreenKeys.general + ScreenKeys.scrolling).map(\.name))
        var problems: [String] = []
        let all = KeyTables.all
        let global = all.filter { $0.context == .global }
        for context in KeyContext.allCases {
            let bindings = all.filter { $0.context == context }
            var owner: [Key: String] = [:]
            for binding in bindings {
                for key in keys(of: binding) {
                    if let first = owner[key] {
                        problems.append("keys: \(key) means both \(first) and \(binding.name)")
                    } else {
                        owner[key] = binding.name
                    }
                    if context != .global, let shadow = global.first(where: { keys(of: $0).contains(key) }) {
                        problems.append("keys: \(key) of \(binding.name) is taken everywhere by \(shadow.name)")
                    }
                    // The form, grid and picker are asked before the bindings they share.
                    if context.sharesEditorKeys,
                       let shared = all.first(where: { $0.context == .editor && keys(of: $0).contains(key) }) {
                        problems.append("keys: \(key) means both \(binding.name) and \(shared.name)")
                    }
                    // The board and the contacts screen are asked before the screens' general and
                    // scrolling keys they fall back to.
                    if context == .board || context == .contacts,
                       let shared = all.first(where: { screenFallback.contains($0.name) && keys(of: $0).contains(key) }) {
                        problems.append("keys: \(key) means both \(binding.name) and \(shared.name)")
                    }
                    if context.takesText, key.isText, overrides[binding.name] != nil {
                        problems.append("keys: \(key) of \(binding.name) would no longer type “\(key)” in the \(context.title.lowercased())")
                    }
                }
            }
        }
        return problems
    }
}
