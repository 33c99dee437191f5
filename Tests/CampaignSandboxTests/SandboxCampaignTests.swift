import CampaignModel
import CampaignSandbox
import Foundation
import Testing

@Suite("Sandbox campaign routes over real HTTP", .serialized)
struct SandboxCampaignTests {
    static let v2 = SandboxHarness.v2

    @Test("create every documented kind, by both create paths, and read it back")
    func createEveryKind() async throws {
        try await withSandbox(seed: 0) { harness in
            let samples: [(String, String, CampaignVariant)] = [
                ("create-sms-campaign-without-template-v2", "sms", .smsSimple),
                ("create-sms-campaign-using-template-v2", "sms", .smsTemplate),
                ("create-sms-campaign-advanced-format-v2", "sms", .smsAdvanced),
                ("create-voice-campaign-agentless-v2", "voice", .voiceAgentless),
                ("create-voice-campaign-progressive-v2", "voice", .voiceProgressive),
                ("create-voice-campaign-preview-v2", "voice", .voicePreview),
            ]
            for (index, (sample, type, variant)) in samples.enumerated() {
                let reply = try await harness.create(Samples.valid(sample), type: type, name: "Kind \(index)", bare: index % 2 == 1)
                #expect(reply.status == 200, "\(sample): \(reply.json.serialized())")
                #expect(reply.message == "Campaign Kind \(index) creation in progress")
                let created = try Campaign(json: #require(reply.data))
                #expect(created.id?.hasPrefix("cd-") == true)
                #expect(created.lname == "kind \(index)")
                #expect(created.variant == variant)
                #expect(created.status == (type == "sms" ? .ready : .preparing))
                if variant == .smsAdvanced || variant == .voiceAgentless {
                    #expect(created.experienceFlowId?.hasPrefix("cf-") == true, "flow name resolved to its id")
                }
                if let dnc = created.dncList { #expect(dnc.id?.hasPrefix("cl-") == true, "DNC list resolved by name") }
                if type == "voice" { #expect(reply.data?.objectValue?["id"] != nil, "voice create answers with `id`, as documented") }

                let fetched = try await harness.send("GET", "\(Self.v2)/\(created.id!)")
                #expect(fetched.status == 200)
                #expect(fetched.message == "Campaign Kind \(index) retrieved successfully")
                #expect(try Campaign(json: #require(fetched.data)).name == "Kind \(index)")
            }
        }
    }

    @Test("voice campaigns go Preparing → Ready; start makes Active; stop makes Stopped; status reports each")
    func lifecycle() async throws {
        try await withSandbox(seed: 0, configure: { $0.preparingDelay = .seconds(2) }) { harness in
            let created = try await harness.create(Samples.valid("create-voice-campaign-progressive-v2"), type: "voice", name: "Lifecycle")
            let id = try #require(created.data?.objectValue?["id"]?.stringValue)
            let statusPath = "\(Self.v2)/\(id)/status"
            let early = try await harness.send("POST", "\(Self.v2)/trigger/\(id)", query: [("campaignType", "voice"), ("trigger", "play")])
            #expect(early.status == 409, "cannot start while preparing")
            var status = ""
            let deadline = Date().addingTimeInterval(10)
            while status != "Ready", Date() < deadline {
                let reply = try await harness.send("POST", statusPath, query: [("view", "status")])
                status = reply.data?.objectValue?["status"]?.stringValue ?? ""
                if status != "Ready" { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(status == "Ready")

            let started = try await harness.send("POST", "\(Self.v2)/trigger/\(id)", query: [("campaignType", "voice"), ("trigger", "play")])
            #expect(started.status == 200)
            #expect(started.object["status"] == "Active" && started.object["message"] == "Campaign Started")
            #expect(started.object["campaignInstanceId"]?.stringValue?.hasPrefix("cid-") == true)
            #expect(started.object["totalCallsCompleted"] == 0)
            let again = try await harness.send("POST", "/api/v2/public/{s}/campaign/trigger/\(id)", query: [("campaignType", "voice"), ("trigger", "play")])
            #expect(again.status == 409)

            let edit = try await harness.send("PUT", "\(Self.v2)/\(id)", query: [("campaignType", "voice")], body: ["priority": "1"])
            #expect(edit.status == 409 && edit.message.contains("stop it before editing"))
            let delete = try await harness.send("DELETE", "\(Self.v2)/\(id)", query: [("campaignType", "voice")])
            #expect(delete.status == 409 && delete.message.contains("stop it before deleting"))

            let stopped = try await harness.send("POST", "/api/v2/public/{s}/campaign/trigger/\(id)", query: [("campaignType", "voice"), ("trigger", "stop")])
            #expect(stopped.status == 200 && stopped.object["status"] == "Stopped" && stopped.object["message"] == "Campaign Stopped")
            let stopAgain = try await harness.send("POST", "\(Self.v2)//trigger/\(id)", query: [("campaignType", "voice"), ("trigger", "stop")])
            #expect(stopAgain.status == 409, "the docs' double slash path works too")
            let finalStatus = try await harness.send("POST", statusPath, query: [("view", "status")])
            #expect(finalStatus.data == ["id": .string(id), "status": "Stopped", "name": "Lifecycle"])
        }
    }

    @Test("SMS start and stop by the start-sms path shape")
    func smsTrigger() async throws {
        try await withSandbox(seed: 0) { harness in
            let created = try await harness.create(Samples.valid("create-sms-campaign-without-template-v2"), type: "sms", name: "SMS go")
            let id = try #require(created.data?.objectValue?["_id"]?.stringValue)
            let start = try await harness.send("POST", "\(Self.v2)/\(id)", query: [("campaignType", "sms"), ("trigger", "play")])
            #expect(start.status == 200 && start.object["status"] == "Active")
            #expect(start.object["campaignInstanceId"] == nil, "the SMS reply has no instance id")
            let stop = try await harness.send("POST", "\(Self.v2)//trigger/\(id)", query: [("campaignType", "sms"), ("trigger", "stop")])
            #expect(stop.status == 200 && stop.object["campaignExecutionType"] == "NORMAL")
            let wrongType = try await harness.send("POST", "\(Self.v2)/\(id)", query: [("campaignType", "voice"), ("trigger", "play")])
            #expect(wrongType.status == 400 && wrongType.errorPaths == ["campaignType"])
        }
    }

    @Test("update SMS and voice: merges, bumps updatedAt, keeps what it was not sent")
    func updates() async throws {
        try await withSandbox(seed: 0) { harness in
            let sms = try await harness.create(Samples.valid("create-sms-campaign-advanced-format-v2"), type: "sms", name: "Upd SMS")
            let smsId = try #require(sms.data?.objectValue?["_id"]?.stringValue)
            var body = try Samples.valid("seed-update-sms-campaign").objectValue!
            body["name"] = "Upd SMS renamed"
            let updated = try await harness.send("PUT", "\(Self.v2)/\(smsId)", query: [("campaignType", "sms")], body: .object(body))
            #expect(updated.status == 200, "\(updated.json.serialized())")
            #expect(updated.message == "Campaign Upd SMS renamed details updated successfully")
            let after = try Campaign(json: #require(updated.data))
            #expect(after.lname == "upd sms renamed")
            #expect(after.updatedDate! > (try Campaign(json: sms.data!)).updatedDate!)
            #expect(after.dncList?.name == "testdnc", "not in the update body, so kept")

            let voice = try await harness.create(Samples.valid("create-voice-campaign-agentless-v2"), type: "voice", name: "Upd voice")
            let voiceId = try #require(voice.data?.objectValue?["id"]?.stringValue)
            let partial: JSONValue = ["dialingStrategy": ["maxRingTime": 45], "priority": 2]
            let voiceUpdate = try await harness.send("PUT", "\(Self.v2)/\(voiceId)", query: [("campaignType", "voice")], body: partial)
            #expect(voiceUpdate.status == 200)
            #expect(voiceUpdate.object["id"] == .string(voiceId), "the voice update reply carries `id`")
            let changed = try Campaign(json: #require(voiceUpdate.data))
            #expect(changed.dialingStrategy?.maxRingTime == 45)
            #expect(changed.dialingStrategy?.maxAttemptsPerRecord == 3, "the rest of the strategy is kept")
            #expect(changed.priority == 2)
            #expect(changed.experienceFlowId == (try Campaign(json: voice.data!)).experienceFlowId)

            let docTypo = try await harness.send("PUT", "\(Self.v2)/\(voiceId)", query: [("campaignType", "sms")], body: partial)
            #expect(docTypo.status == 400 && docTypo.errorPaths == ["campaignType"], "the voice doc's campaignType=sms is refused")
            let missingType = try await harness.send("PUT", "\(Self.v2)/\(voiceId)", body: partial)
            #expect(missingType.status == 400)
        }
    }

    @Test("validation failures list every problem with its path")
    func validationErrors() async throws {
        try await withSandbox(seed: 0) { harness in
            var body = try Samples.valid("create-voice-campaign-preview-v2").objectValue!
            body["priority"] = "9"
            body["contactLists"] = ["No Such List"]
            body["dncLists"] = ["name": "No Such DNC"]
            body["maxSkips"] = nil
            var strategy = body["dialingStrategy"]!.objectValue!
            strategy["maxRingTime"] = 500
            strategy["dialingOrder"] = "RANDOM"
            strategy["callerId"] = ["phoneNumber": "12345"]
            var hours = strategy["callingHours"]!.objectValue!
            hours["timezone"] = "Mars/Base"
            hours["days"] = [["day": "MO", "start": "10:00 PM", "end": "2:00 AM"]]
            strategy["callingHours"] = .object(hours)
            body["dialingStrategy"] = .object(strategy)
            let reply = try await harness.create(.object(body), type: "voice", name: "")
            #expect(reply.status == 400)
            // A caller id that is not E.164 and an unknown timezone are Switchboard's warnings, not the server's rules.
            #expect(Set(reply.errorPaths) == [
                "name", "priority", "maxSkips",
                "dialingStrategy.callingHours.days[0].end", "dialingStrategy.dialingOrder", "dialingStrategy.maxRingTime",
                "contactLists[0]", "dncLists.name",
            ])
            #expect(reply.message.hasPrefix("8 fields are invalid"))

            var flowless = try Samples.valid("create-sms-campaign-advanced-format-v2").objectValue!
            flowless["experienceFlowName"] = "Imaginary Flow"
            let noFlow = try await harness.create(.object(flowless), type: "sms", name: "No flow")
            #expect(noFlow.status == 400 && noFlow.errorPaths == ["experienceFlowName"])

            let mismatch = try await harness.create(Samples.valid("create-voice-campaign-preview-v2"), type: "sms", name: "Mismatch")
            #expect(mismatch.status == 400 && mismatch.errorPaths == ["campaignType"])
            let noType = try await harness.send("POST", Self.v2, body: Samples.valid("create-voice-campaign-preview-v2"))
            #expect(noType.status == 400 && noType.errorPaths == ["campaignType"])
        }
    }

    @Test("malformed JSON, unknown ids, unknown paths, wrong methods, duplicate names")
    func errors() async throws {
        try await withSandbox(seed: 5) { harness in
            for raw in ["{", "[1,", "{\"name\": }", "\u{0}", String(repeating: "[", count: 5000)] {
                let reply = try await harness.send("POST", Self.v2, query: [("campaignType", "sms")], rawBody: raw)
                #expect(reply.status == 400 && reply.message.hasPrefix("The body is not valid JSON"))
            }
            let missing = try await harness.send("GET", "\(Self.v2)/cd-does-not-exist")
            #expect(missing.status == 404 && missing.message == "No campaign with id cd-does-not-exist.")
            #expect(try await harness.send("DELETE", "\(Self.v2)/cd-nope", query: [("campaignType", "sms")]).status == 404)
            #expect(try await harness.send("POST", "\(Self.v2)/cd-nope/status").status == 404)
            #expect(try await harness.send("GET", "/campaign/api/v2/public/{s}/nothing/here").status == 404)
            #expect(try await harness.send("GET", "/campaign/api/v2/public/st-other/campaign/cd-1").status == 404)
            let wrongMethod = try await harness.send("PATCH", "\(Self.v2)/cd-1")
            #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] != nil)

            let first = try await harness.create(Samples.valid("create-sms-campaign-without-template-v2"), type: "sms", name: "Twin")
            #expect(first.status == 200)
            let twin = try await harness.create(Samples.valid("create-sms-campaign-without-template-v2"), type: "sms", name: "TWIN")
            #expect(twin.status == 409)
        }
    }

    @Test("delete by the v2 path and by the v1 agentassist path")
    func deletes() async throws {
        try await withSandbox(seed: 0) { harness in
            for (index, v1) in [false, true].enumerated() {
                let created = try await harness.create(Samples.valid("create-sms-campaign-without-template-v2"), type: "sms", name: "Doomed \(index)")
                let id = try #require(created.data?.objectValue?["_id"]?.stringValue)
                let wrongType = try await harness.send("DELETE", "\(Self.v2)/\(id)", query: [("campaignType", "voice")])
                #expect(wrongType.status == 400)
                let path = v1 ? "/agentassist/api/v1/public/{s}/campaign/\(id)" : "\(Self.v2)/\(id)"
                let deleted = try await harness.send("DELETE", path, query: [("campaignType", "sms")])
                #expect(deleted.status == 200)
                #expect(deleted.message == "Campaign Doomed \(index) deleted successfully")
                #expect(deleted.data?.objectValue?["_id"] == .string(id))
                #expect(try await harness.send("GET", "\(Self.v2)/\(id)").status == 404)
            }
        }
    }
}
