import CampaignAPI
import SwitchboardUI

/// The user's key bindings from config.yaml's `keys:` section, and what is wrong with them.
enum KeymapLoader {
    static func load(_ loader: ProfileLoader = ProfileLoader()) -> (keymap: Keymap, problems: [String]) {
        let section: (bindings: [String: [String]], problems: [String])
        do { section = try loader.keyBindings() } catch {
            return (.standard, ["keys: not read: " + ((error as? APIError)?.description ?? String(describing: error))])
        }
        let made = Keymap.make(from: section.bindings)
        return (made.keymap, section.problems + made.problems)
    }
}
