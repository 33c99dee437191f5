import CampaignAPI
import Foundation
import Synchronization

/// Writes errors to stderr with every secret this run knows replaced, anything shaped like a
/// JWT masked, and control characters stripped (an error can quote the server's text).
enum ErrorOutput {
    private static let known = Mutex<[Secret]>([])

    /// Secrets to hide from every later error: the resolved profile's, and the environment's.
    static func remember(_ secrets: [Secret]) {
        known.withLock { $0 += secrets }
    }

    /// The secrets given in `KORE_CLIENT_SECRET` and `KORE_JWT`.
    static func rememberEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        remember([ProfileField.clientSecret, .jwt].compactMap { environment[$0.environmentName].map(Secret.init) })
    }

    /// `text` as it may be shown: secrets and tokens hidden, control characters removed.
    static func safe(_ text: String) -> String {
        let redactor = Redactor(known.withLock { $0 })
        return TerminalText.clean(RedactingStderrLogHandler.maskTokens(redactor.redact(text)))
    }

    static func write(_ lines: [String]) {
        FileHandle.standardError.write(Data((safe(lines.joined(separator: "\n")) + "\n").utf8))
    }
}
