/// The compliance rules shipped with Switchboard, as YAML (the same format as a user's
/// `compliance.yaml`). Each rule's source — where its hours and citation were checked — is in the
/// comment above it. A rule lists allowed local hours per weekday at the recipient's location;
/// public holidays, emergencies, consent and relationship exemptions are NOT modelled (see
/// `ComplianceRule`). These are warnings to help a supervisor, not legal advice.
enum ShippedComplianceRules {
    static let yaml = #"""
# Switchboard compliance rules. A user file (compliance.yaml next to config.yaml) adds rules and
# replaces a shipped rule that has the same id.
rules:
  # Source: 47 CFR 64.1200(c)(1) text as quoted by nwdebtresolution.com ("No person or entity shall
  # initiate any telephone solicitation to: (1) Any residential telephone subscriber before the hour
  # of 8 a.m. or after 9 p.m. (local time at the called party's location)") and saxton.org/tcpa.
  # Channel both: the FCC treats text messages as calls under the TCPA; whether (c)(1) reaches
  # texts is litigated, so SMS campaigns are warned too.
  - id: us-federal
    name: TCPA
    region: United States
    zones: [America/New_York, America/Chicago, America/Denver, America/Phoenix, America/Los_Angeles, America/Anchorage, Pacific/Honolulu]
    channel: both
    hours:
      - {days: [MO, TU, WE, TH, FR, SA, SU], start: "8:00 AM", end: "9:00 PM"}
    citation: 47 CFR 64.1200(c)(1)

  # Source: Fla. Stat. 501.616(6)(a) as amended by 2021 SB 1120 (flsenate.gov bill text; lawserver.com):
  # "A commercial telephone solicitation phone call before 8 a.m. or after 8 p.m. local time at the
  # called person's location", "including calls made through automated dialing or recorded messages".
  # The statute says "phone call"; applied to SMS as well, to be safe.
  - id: us-fl
    name: Florida
    region: Florida (US)
    zones: [America/New_York, America/Chicago]
    channel: both
    hours:
      - {days: [MO, TU, WE, TH, FR, SA, SU], start: "8:00 AM", end: "8:00 PM"}
    citation: Fla. Stat. § 501.616(6)(a)

  # Source: Oklahoma Telephone Solicitation Act of 2022 (HB 3168, enrolled text on app.legiplex.com:
  # "providing the time frame during which a commercial telephone seller or salesperson may make
  # commercial solicitation phone calls"; Oklahoma Senate release via kfor.com: no sales calls
  # "before 8 a.m. and after 8 p.m."). Section number 775C.4 from the bill's codification
  # (775C.1 ff.) and clickpoint software's state table; the section text itself was not seen.
  - id: us-ok
    name: Oklahoma
    region: Oklahoma (US)
    zones: [America/Chicago]
    channel: both
    hours:
      - {days: [MO, TU, WE, TH, FR, SA, SU], start: "8:00 AM", end: "8:00 PM"}
    citation: Okla. Stat. tit. 15, § 775C.4
    note: the Act's definitions cover calls "by telephone call, text message, or voicemail transmission"

  # Source: Maryland Stop the Spam Calls Act of 2023 (SB 90, in force 1 Jan 2024), Md. Code, Com. Law
  # tit. 14, subtit. 45 (§ 14-4501 definitions read on self-law.org/lexace.ai); calling hours
  # "between 8:00am and 8:00pm in the called party's time zone" per wmar2news.com and dnc.com.
  # The subsection holding the hours was not seen: cited at subtitle level.
  - id: us-md
    name: Maryland
    region: Maryland (US)
    zones: [America/New_York]
    channel: both
    hours:
      - {days: [MO, TU, WE, TH, FR, SA, SU], start: "8:00 AM", end: "8:00 PM"}
    citation: Md. Code, Com. Law § 14-4501 et seq. (Stop the Spam Calls Act of 2023)

  # Source: RCW 19.158.040(2) (app.leg.wa.gov): "A commercial telephone solicitor shall not place calls
  # to any person which will be received before 8:00 a.m. or after 8:00 p.m. at the call recipient's
  # local time."
  - id: us-wa
    name: Washington
    region: Washington (US)
    zones: [America/Los_Angeles]
    channel: voice
    hours:
      - {days: [MO, TU, WE, TH, FR, SA, SU], start: "8:00 AM", end: "8:00 PM"}
    citation: RCW 19.158.040(2)

  # Source: Miss. Code Ann. § 77-3-723 (getpocketlaw.com): authorized telephone solicitations "may only
  # be made between the hours of 8:00 a.m. and 8:00 p.m. Central Standard Time. No telephone
  # solicitations may be made on a Sunday." Checked as local time in America/Chicago (the statute
  # says Central Standard Time even in summer; that reading is not modelled).
  - id: us-ms
    name: Mississippi
    region: Mississippi (US)
    zones: [America/Chicago]
    channel: voice
    hours:
      - {days: [MO, TU, WE, TH, FR, SA], start: "8:00 AM", end: "8:00 PM"}
    citation: Miss. Code Ann. § 77-3-723

  # Source: La. R.S. 45:811 (lawserver.com): ADAD equipment or a live operator calling to advertise or
  # sell is unlawful "other than between the hours of 8:00 a.m. and 8:00 p.m., Monday through
  # Saturday" and "on days declared to be a state holiday, or Sundays". Holidays are not modelled.
  - id: us-la
    name: Louisiana
    region: Louisiana (US)
    zones: [America/Chicago]
    channel: voice
    hours:
      - {days: [MO, TU, WE, TH, FR, SA], start: "8:00 AM", end: "8:00 PM"}
    citation: La. R.S. 45:811
    note: state holidays are also closed (not modelled)

  # Source: Ala. Admin. Code r. 770-X-5-.17(1)(b) (Alabama Public Service Commission rule, current
  # through Register Vol. 43 No. 02): for automated solicitation calls "No solicitation calls are
  # allowed on Sundays or holidays. On the days that calls are allowed, none will be placed prior to
  # 8 a.m. or after 8 p.m." A regulation, not a statute. Holidays are not modelled.
  - id: us-al
    name: Alabama
    region: Alabama (US)
    zones: [America/Chicago]
    channel: voice
    hours:
      - {days: [MO, TU, WE, TH, FR, SA], start: "8:00 AM", end: "8:00 PM"}
    citation: Ala. Admin. Code r. 770-X-5-.17(1)(b)
    note: covers automated solicitation calls; holidays are also closed (not modelled)

  # Source: R.I. Gen. Laws § 5-61-3.6 (webserver.rilin.state.ri.us): no unsolicited telephonic sales
  # calls to residential, mobile or paging numbers "except during hours of operation"; § 5-61-2
  # (instalawyer.io): "Monday through Friday, except a state or federal holiday, 9:00 a.m. to
  # 6:00 p.m.; Saturday 10:00 a.m. to 5:00 p.m." Holidays are not modelled.
  - id: us-ri
    name: Rhode Island
    region: Rhode Island (US)
    zones: [America/New_York]
    channel: voice
    hours:
      - {days: [MO, TU, WE, TH, FR], start: "9:00 AM", end: "6:00 PM"}
      - {days: [SA], start: "10:00 AM", end: "5:00 PM"}
    citation: R.I. Gen. Laws §§ 5-61-3.6, 5-61-2
    note: state and federal holidays are also closed (not modelled)

  # Source: TRAI Telecom Commercial Communications Customer Preference Regulations, 2018 (6 of 2018),
  # amended 12 Feb 2025 (indiangovtscheme.com, gazettetracker.com). The commonly cited 9 AM–9 PM
  # ("no commercial communication between 9 pm and 9 am") comes from the 2010 regulations
  # (business-standard.com, 2011). Since October 2025 the DLT platforms reject promotional traffic
  # outside 10:00 AM–9:00 PM IST "in accordance with the latest TRAI directive" (operator notice
  # via smsgatewayhub.com, error 651 EC_INVALID_PROMO_TIME). The stricter 10 AM–9 PM is used; the
  # regulation's own clause for this window was not found.
  - id: in-trai
    name: TRAI TCCCPR
    region: India
    zones: [Asia/Kolkata]
    channel: both
    hours:
      - {days: [MO, TU, WE, TH, FR, SA, SU], start: "10:00 AM", end: "9:00 PM"}
    citation: TRAI TCCCPR 2018 (6 of 2018) as amended; promotional window enforced on DLT from Oct 2025
    note: promotional communications only; service and transactional messages are not limited by this window
"""#
}
