import ArgumentParser
import CampaignAPI
import SwitchboardUI
import Foundation

/// `switchboard`: the terminal UI, the sandbox and the command line.
@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Manage Kore.ai SMS and voice campaigns from the terminal.",
        discussion: """
            Run `switchboard demo` to try it on a local sandbox with demo data, no account needed.
            Exit codes: 0 success, 1 failure, 2 usage.
            Shell completion: switchboard --generate-completion-script bash|zsh|fish
            """,
        version: "0.4.0",
        subcommands: [UICommand.self, CampaignCommand.self, ContactListCommand.self, ConfigCommand.self, SandboxCommand.self,
                      DemoCommand.self, KeysCommand.self, LintCommand.self, SnapshotCommand.self, RestoreCommand.self,
                      AuditCommand.self],
        defaultSubcommand: UICommand.self
    )

    /// Runs the command; usage errors exit 2, failures 1 with a one-line message. Every error
    /// goes through `ErrorOutput`: no secret, token or control character reaches the terminal.
    static func main() async {
        ErrorOutput.rememberEnvironment()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            ErrorOutput.write(failure.lines.prefix(1).map { "error: \($0)" } + failure.lines.dropFirst())
            Foundation.exit(failure.code)
        } catch let error as APIError {
            ErrorOutput.write(["error: \(error.description)"] + error.issues.map { "  \($0.path): \($0.message)" })
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                ErrorOutput.write([fullMessage(for: error)])
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A failure the command explains itself; exit code 1 unless said otherwise.
struct CommandFailure: Error {
    let lines: [String]
    let code: Int32

    init(_ lines: String..., code: Int32 = 1) {
        self.lines = lines
        self.code = code
    }

    init(lines: [String], code: Int32 = 1) {
        self.lines = lines
        self.code = code
    }
}
