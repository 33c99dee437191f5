import Foundation

/// Refuses files that others could change (a config whose `host` could be pointed elsewhere) or
/// read (one holding a secret), as ssh does. A symlink is judged by the mode of its target,
/// found with lstat and then stat; the link's own mode means nothing.
enum FileSafety {
    /// The mode that matters for `path`: its own, or its target's when it is a symlink.
    struct Inspected {
        let mode: Int
        /// The symlink's target, when `path` is one.
        let target: String?
    }

    static func inspect(_ path: String) -> Inspected? {
        var link = stat()
        guard lstat(path, &link) == 0 else { return nil }
        guard link.st_mode & S_IFMT == S_IFLNK else { return Inspected(mode: Int(link.st_mode & 0o7777), target: nil) }
        var target = stat()
        guard stat(path, &target) == 0 else { return nil }
        return Inspected(mode: Int(target.st_mode & 0o7777),
                         target: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    }

    /// Throws when group or others may write `path` (or its target), or, if it holds a secret,
    /// read it. `what` names the file in the message.
    static func check(_ path: String, what: String, holdsSecret: Bool) throws(APIError) {
        guard let inspected = inspect(path) else { return }
        let mode = String(inspected.mode & 0o777, radix: 8)
        let subject = inspected.target.map { "\(what) is a symlink to \($0), which" } ?? what
        let fix = "run  chmod 600 \(inspected.target ?? path)"
        if inspected.mode & 0o022 != 0 {
            throw APIError(kind: .configuration, summary: "\(subject) is writable by group or others (mode \(mode)), "
                + "so someone else could change where it sends your credentials: \(fix)")
        }
        if holdsSecret, inspected.mode & 0o077 != 0 {
            throw APIError(kind: .configuration, summary: "\(subject) holds a secret and is readable by others (mode \(mode)): \(fix)")
        }
    }

    /// The values written inline after `clientSecret:` or `jwt:` in YAML text, found by line
    /// even when the text does not parse, so that an error about the text can hide them.
    static func inlineSecrets(in text: String) -> [Secret] {
        text.split(whereSeparator: \.isNewline).compactMap { line -> Secret? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let colon = trimmed.firstIndex(of: ":") else { return nil }
            let key = trimmed[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " \"'-{"))
            guard ProfileField.allCases.contains(where: { $0.isSecret && $0.rawValue == key }) else { return nil }
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \"'}"))
            return value.isEmpty ? nil : Secret(value)
        }
    }
}
