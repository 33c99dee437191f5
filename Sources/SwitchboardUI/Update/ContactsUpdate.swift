import CampaignModel
import Foundation
import TerminalKit

/// A campaign's contacts screen: pages near the viewport are read as the user scrolls (not
/// during a burst of keys); a sort or a filter reads every page in the background.
extension AppUpdate {
    static func contactsKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let command = state.keymap.action(for: key, in: ContactsKeys.table) else {
            return sharedScreenKey(key, &state)
        }
        state.notice = nil
        guard var contacts = state.contacts else { return [] }
        switch command {
        case .filter:
            state.input = .filter
            return []
        case .serverOrder:
            contacts.setSort(nil)
            state.notice = "the server's order"
        case .sort(let column):
            let ascending = contacts.sort.map { $0.column == column ? !$0.ascending : true } ?? true
            contacts.setSort(ContactSort(column: column, ascending: ascending))
            state.notice = "sorted by \(column.helpName)\(ascending ? "" : ", reversed")"
                + (contacts.allLoaded ? "" : " — reading every contact to sort them all")
        }
        state.contacts = contacts
        return afterMove(&state)
    }

    static func contactsScroll(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard var contacts = state.contacts else { return [] }
        let rows = ContactsLayout(state).rows
        let before = contacts.selected
        contacts.selected = moved(command, from: before, count: contacts.rowCount, page: max(1, rows - 1))
        guard contacts.selected != before else { return [] }
        contacts.hold.moving(from: "burst")
        state.contacts = contacts
        return afterMove(&state) + [.wake(.boardKeysSettled, after: PreviewHold.settleDelay)]
    }

    /// A key typed into the filter line on the contacts screen: applied as it is typed; a filter
    /// that does not read says why and leaves the last good one applied.
    static func contactsFilterKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var contacts = state.contacts else {
            state.input = nil
            return []
        }
        let text: String
        switch filterEdit(key, contacts.filterText, &state) {
        case .scroll(let command): return contactsScroll(command, &state)
        case .ignored: return []
        case .text(let edited): text = edited
        }
        if text != contacts.filterText { contacts.setFilter(text) }
        state.contacts = contacts
        return afterMove(&state)
    }

    /// Leaves the contacts screen's work behind once it is closed; on it, keeps the selection on
    /// screen and asks for the pages it needs.
    static func contactsSync(_ state: inout AppState) -> [Effect] {
        guard var contacts = state.contacts else { return [] }
        let id = contacts.campaignID
        guard state.stack.contains(.campaignContacts(id: id)) else {
            // Closed: its reads stop and its pages go.
            state.contacts = nil
            return contacts.pagesLoading.sorted().map { .cancel(.contactsPage(id, $0)) }
                + (contacts.loadingAll ? [.cancel(.allContacts(id))] : [])
        }
        guard state.screen == .campaignContacts(id: id) else { return [] }
        let rows = ContactsLayout(state).rows
        contacts.scrollToSelection(height: rows)
        var effects: [Effect] = []
        if contacts.needsAll {
            if !contacts.allLoaded, !contacts.loadingAll, contacts.failure == nil {
                contacts.loadingAll = true
                // Pages being read one by one are read again by the whole read.
                effects += contacts.pagesLoading.sorted().map { .cancel(.contactsPage(id, $0)) }
                contacts.pagesLoading = []
                effects.append(.loadAllContacts(campaignID: id, fromPage: 1))
            }
        } else if !contacts.loadingAll {
            let wanted = contacts.pagesNeeded(height: rows)
            let gone = contacts.pagesLoading.subtracting(wanted).sorted()
            contacts.pagesLoading.subtract(gone)
            effects += gone.map { .cancel(.contactsPage(id, $0)) }
            if contacts.hold.heldID == nil, contacts.failure == nil {
                for page in wanted where contacts.pages[page] == nil && !contacts.pagesLoading.contains(page) {
                    contacts.pagesLoading.insert(page)
                    effects.append(.loadContactsPage(campaignID: id, page: page))
                }
            }
            contacts.trimCache()
        }
        state.contacts = contacts
        return effects
    }

    static func contactsPageLoaded(_ id: String, page: Int, _ result: Result<CampaignContactsPage, UIError>,
                                   _ state: inout AppState) -> [Effect] {
        guard var contacts = state.contacts, contacts.campaignID == id else { return [] }
        guard contacts.loadingAll || contacts.pagesLoading.contains(page) else { return [] }
        switch result {
        case .success(let contents):
            contacts.store(contents, number: page)
            if contacts.loadingAll, contacts.allLoaded { contacts.loadingAll = false }
            state.clearConnectivityError()
        case .failure(let error):
            contacts.pagesLoading.remove(page)
            contacts.loadingAll = false
            contacts.failure = error.message
            state.show(error)
        }
        state.contacts = contacts
        return contactsSync(&state)
    }
}
