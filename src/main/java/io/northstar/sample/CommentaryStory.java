package io.northstar.sample;

import java.util.Comparator;
import java.util.List;

/**
 * What the sample organisation's IT department wrote about its numbers (SPEC.md §4.5): most red
 * KPIs, red projects and critical risks explained with an action, its owner and a due date (some
 * of them overdue), a few stale comments, one red project left without a word, two decisions for
 * the board, a portfolio note and the two business units over budget. Each region of a larger
 * scale writes the same notes about its own entities; the portfolio notes only once.
 */
final class CommentaryStory {
    private CommentaryStory() {
    }

    /**
     * One comment: the entity's type and id (without the region's suffix; for a business unit
     * its name in Story.BUSINESS_UNITS; null for the portfolio), the month-end it was written
     * for as months before as_of's month, and the action's due date as days from as_of (null: none).
     */
    record Note(String type, String entity, int monthsAgo, String comment, String author, String action,
            String actionOwner, Integer dueDays, boolean decisionNeeded) {
    }

    private static Note note(String type, String entity, int monthsAgo, String comment, String author, String action,
            String actionOwner, Integer dueDays) {
        return new Note(type, entity, monthsAgo, comment, author, action, actionOwner, dueDays, false);
    }

    /** The risk notes name risks, which the dirty generator may spoil (a conflicting duplicate): {@link Note#type}. */
    static final String RISK = "risk";

    /**
     * The action due date, as days from as_of, of the latest note on risk {@code entity} that has
     * one; null when none. The risk register's mitigation_due is the same date.
     */
    static Integer riskActionDueDays(String entity) {
        return NOTES.stream().filter(note -> RISK.equals(note.type()) && note.entity().equals(entity)
                && note.dueDays() != null).min(Comparator.comparingInt(Note::monthsAgo)).map(Note::dueDays)
                .orElse(null);
    }

    static final List<Note> NOTES = List.of(
            // red KPIs: explained, two of them stale; "Controls tested on time" has no owner, compliance writes
            note("kpi", "K-05", 1, "Self-service claims have been stuck at about 29% since May: customers abandon the"
                    + " online form at the damage photo step and phone instead.", "Head of Customer Care",
                    "Find where customers abandon the online claims form", "E. Kowalski", -16),
            note("kpi", "K-05", 0, "Root cause found: damage photos cannot be uploaded from the app. The fix is in"
                    + " test and 'report damage' moves onto the tracking page.", "Head of Customer Care",
                    "Release photo upload in the claims app", "E. Kowalski", 30),
            note("kpi", "K-08", 0, "Cost per TB is up because the old warehouse and the new platform run side by side"
                    + " until the last 40 reports move; cold storage tiers are not applied yet.", "Head of Data",
                    "Switch off the legacy data warehouse and apply cold storage tiering", "F. Nguyen", 61),
            note("kpi", "K-12", 2, "Month-end reports take ten days: the books close in about seven, then the"
                    + " intercompany balances of Freight and Warehousing are reconciled by hand; automation waits for"
                    + " the finance back-office project.",
                    "Group Controller", "Automate intercompany matching for the two largest units", "D. Rossi", -31),
            note("kpi", "K-15", 1, "Empty running rose after two backhaul contracts in Poland ended.",
                    "Director Freight", "Re-tender backhaul capacity for the Polish depots", "H. Lindqvist", 14),
            note("kpi", "K-15", 0, "Backhaul re-tender is out; route optimisation so far covers 12 of the 48"
                    + " depots, which limits how far empty running can fall this year.", "Director Freight",
                    "Roll route optimisation out to the Polish depots", "H. Lindqvist", 45),
            note("kpi", "K-18", 1, "Customs holds stay high while paperless customs is late.", "Head of Customs",
                    null, null, null),
            note("kpi", "K-18", 0, "Holds stay at about 22 hours: three in four declarations are paperless,"
                    + " but the UK ones, which cause most holds, wait for paperless customs, six months late, and"
                    + " brokers re-key them by hand.", "Head of Customs",
                    "Move UK declarations onto the customs gateway ahead of the full rollout", "J. Schmidt", 30),
            note("kpi", "K-22", 0, "The backlog grew when the cloud cost tooling and payroll pilot servers were found"
                    + " outside patch management.", "Chief Information Security Officer",
                    "Bring the cloud cost tooling and payroll pilot servers under monthly patching", "C. Okafor", -16),
            note("kpi", "K-23", 0, "Only about half of the critical systems have a tested recovery; if the Hamburg"
                    + " site were lost before SAP leaves it, SAP would take 30 hours to restore against a 4-hour target"
                    + " (see the decision on disaster recovery).",
                    "Head of IT Operations", "Test recovery of SAP, warehouse and transport management", "F. Nguyen",
                    45),
            note("kpi", "K-26", 1, "Control testing slipped while the team prepared the NIS2 gap assessment; the KPI"
                    + " has had no owner since the reorganisation.", "Head of Compliance",
                    "Name an owner for control testing and catch up the twelve overdue tests", "B. Tanaka", 30),
            note("kpi", "K-29", 0, "Rationalisation is on hold: the count fell by 34 this year, from 553 to 519,"
                    + " mostly small tools their owners gave up; 380 by the end of 2027 needs about ten retirements a"
                    + " month.", "Enterprise Architect",
                    "Restart rationalisation with the ten quickest retirements", "K. Osei", 61),
            note("kpi", "K-32", 2, "Idle spend sits in test environments left running over weekends.",
                    "Head of Cloud", "Shut down non-production environments outside office hours", "G. Haddad", -31),
            note("kpi", "K-36", 1, "The backlog grows with the email migration.", "Service Desk Manager", null, null,
                    null),
            note("kpi", "K-36", 0, "About 600 of the 1,900 open tickets are password and mailbox requests from"
                    + " the email migration.", "Service Desk Manager",
                    "Add self-service password reset and two temporary agents until the migration ends", "I. Moreau",
                    15),
            // amber KPI: a word without an action
            note("kpi", "K-01", 0, "Online booking share grows, more slowly than planned; the portal relaunch in"
                    + " the spring should close the gap.", "Head of Digital Channels", null, null, null),
            // amber KPIs: most explained with an action; "Reports from certified data", "Deliveries on first
            // attempt" and "IT energy use per month" have no word yet
            note("kpi", "K-02", 0, "The score rose from 25 to 29 in a year, just short of the path to 35: detractors"
                    + " mostly name missing delivery-time notices, which the portal relaunch in the spring adds.",
                    "Head of Digital Channels", "Send delivery-time notices from the tracking page before the relaunch",
                    "I. Moreau", 45),
            note("kpi", "K-04", 0, "Latency fell from 642 to 487 ms in a year but is still about 50 ms off the path"
                    + " to 250: most slow calls are status look-ups that go straight to the tracking database.",
                    "Head of Digital Channels", "Serve status look-ups from a cache in front of the tracking database",
                    "I. Moreau", 61),
            note("kpi", "K-07", 0, "About two thirds of the datasets have an owner and an SLA, flat since July: the"
                    + " ones still on the legacy warehouse get owners only when their reports move.", "Head of Data",
                    "Name owners for the datasets behind the last reports on the legacy warehouse", "F. Nguyen", 45),
            note("kpi", "K-09", 0, "Forecast error fell from about 19% to 16.5% in a year, slower than planned: the"
                    + " model still misses the peaks of customer promotions, which it learns about too late.",
                    "Head of Data", "Feed the largest customers' promotion calendars into the demand model",
                    "F. Nguyen", 61),
            note("kpi", "K-13", 0, "About a third of picks are automated, a little behind plan: the picking robots"
                    + " run about three months late and over cost.", "Director Warehousing",
                    "Agree a recovery plan for the robot rollout with the vendor", "G. Haddad", 30),
            note("kpi", "K-20", 0, "The books close in about seven days, down from eight a year ago; five needs the"
                    + " automated intercompany matching that waits for the finance back-office project.",
                    "Group Controller", "Post accruals on the first working day of the close", "D. Rossi", 45),
            note("kpi", "K-25", 0, "Open findings fell from 28 to 17 in a year, just above the path: the overdue"
                    + " control tests hold up closing the older ones.", "Head of Compliance",
                    "Close the findings older than a year before the NIS2 audit", "B. Tanaka", 75),
            note("kpi", "K-17", 0, "Paperless declarations grow more slowly than planned: the customs gateway is"
                    + " six months late, so at this pace fewer than nine in ten declarations, not 95%, are paperless by"
                    + " the deadline.", "Head of Customs", "Put the UK declarations on the gateway first", "J. Schmidt",
                    30),
            note("kpi", "K-28", 0, "Floor space shrinks only as workloads leave: with wave 2 five months late, two"
                    + " data halls stay open into 2027.", "Chief Technology Officer",
                    "Hand back the second data hall once wave 2 cuts over", "E. Kowalski", 120),
            note("kpi", "K-27", 0, "About two thirds of workloads run in the cloud against about three quarters"
                    + " planned by now: wave 2 of the data centre exit, the warehouse systems, is five months late.",
                    "Chief Technology Officer",
                    "Move the warehouse systems' test environments ahead of the wave 2 re-plan", "E. Kowalski", 60),
            note("kpi", "K-33", 0, "About 18% of laptops are over four years old, just above the path; next year"
                    + " more laptops turn four than the refresh budget covers.", "Head of IT Operations",
                    "Put the full 2027 laptop refresh into the budget round", "A. Meyer", 30),
            note("kpi", "K-35", 0, "First-contact resolution is stuck near 69%: most email migration tickets need"
                    + " second-line mailbox rights to fix.", "Service Desk Manager",
                    "Give first-line agents mailbox rights for migration tickets", "I. Moreau", 21),
            // red projects: two decisions for the board, one overdue action, one stale note; the
            // document archive rollout has no commentary at all
            note("project", "P-011", 1, "The second certification run with the customs authority failed; a new test"
                    + " slot is booked for October.", "J. Schmidt", "Pass certification with the customs authority",
                    "J. Schmidt", -10),
            new Note("project", "P-011", 0, "Six months late: the interface failed certification twice; the"
                    + " authority's test system is open two days a week. A) EUR 350,000 more (budget EUR 800,000 to 1.15M)"
                    + " for a second team, which also finishes the test simulator, go-live May 2027; B) no extra spend,"
                    + " go-live September 2027 at EUR 120,000 a month in re-keying and hold fees (EUR 480,000)."
                    + " Recommended: A, EUR 130,000 cheaper.",
                    "J. Schmidt",
                    "Board to approve EUR 350,000 for a second integration team by 20 November 2026, or accept"
                            + " go-live in the third quarter of 2027", "J. Schmidt", 20, true),
            new Note("project", "P-013", 0, "Budget EUR 1.10M, forecast EUR 1.63M. Until SAP leaves Hamburg (early"
                    + " 2028), a site loss (one in fifty a year) stops SAP for 30 hours, not 4. A) a cloud standby on top"
                    + " of the forecast, EUR 400,000 once and EUR 90,000 a year; B) no spend: EUR 36,000 a year expected,"
                    + " but one loss costs EUR 1.8M. Recommended: A: our NIS2 plan commits to 4-hour recovery; one loss"
                    + " exceeds the IT contingency.",
                    "F. Nguyen", "Board to decide by 30 November 2026: fund a cloud standby for SAP (EUR 400,000 once,"
                            + " EUR 90,000 a year) or accept a 30-hour SAP outage if Hamburg is lost", "F. Nguyen", 30,
                    true),
            note("project", "P-001", 0, "Forecast at EUR 7.97M for the whole programme, its waves included: EUR 1.77M"
                    + " over budget and about seven months late. Wave 2, the warehouse systems, accounts for about"
                    + " EUR 0.8M of it; the rest is paying for Hamburg and the cloud side by side for longer.", "E. Kowalski",
                    "Take the re-baselined plan and the EUR 1.77M overrun to the steering group", "K. Osei", 14),
            note("project", "P-003", 0, "Wave 2 runs almost 40% over cost and five months late: the warehouse systems'"
                    + " interfaces had to be rebuilt for the new hosting, and its migration partner is in restructuring.", "E. Kowalski",
                    "Re-plan wave 2 under a fixed-price change order", "E. Kowalski", 30),
            note("project", "P-029", 0, "Number porting for the contact centre failed in two countries; the old and"
                    + " new platforms both bill until porting ends.", "B. Tanaka",
                    "Finish number porting for Germany and Poland", "B. Tanaka", -7),
            note("project", "P-033", 3, "Paused while legal reviews the vendor's data processing terms.", "A. Meyer",
                    "Decide whether to resume with the vendor or re-tender", "A. Meyer", -46),
            note("project", "P-034", 1, "Pricing rules turn out more complex than the SaaS product supports.",
                    "H. Lindqvist", null, null, null),
            note("project", "P-034", 0, "40% of the pricing rules need custom extensions of the SaaS product, which"
                    + " drives the overrun.", "H. Lindqvist",
                    "Cut the custom extensions to the 15 tariffs that earn 80% of revenue", "H. Lindqvist", 30),
            // amber project
            note("project", "P-006", 0, "About four months late: the VPN replacement waits for the new identity"
                    + " provider.",
                    "C. Okafor", "Move the first 1,000 users to the zero-trust gateway", "C. Okafor", 45),
            // amber projects: most explained; "Telephony replacement" and "Depot network move to SaaS" have no
            // word yet
            note("project", "P-007", 0, "About 15% over cost and three months late: the first site's floor had to be"
                    + " reinforced before the robots could run, which the plan did not include.", "G. Haddad",
                    "Survey the floors of the remaining sites before their robots are ordered", "G. Haddad", 45),
            note("project", "P-017", 0, "On hold since September while the architects support wave 2 of the data"
                    + " centre exit; about half done, the finish has moved by a quarter.", "K. Osei",
                    "Agree the restart date and team with the sponsor", "K. Osei", 30),
            note("project", "P-025", 0, "On schedule but running almost 30% over cost: mailbox moves need more"
                    + " support than planned, and both mail systems stay licensed until the last mailbox moves.",
                    "E. Kowalski", "Cancel the old mail licences site by site as mailboxes move", "E. Kowalski", 30),
            note("project", "P-044", 0, "On hold since September and about eight months behind plan: the sites move"
                    + " onto one yard system only once its upgrades are rehearsed and run stable.", "I. Moreau",
                    "Decide with Warehousing whether to restart in 2027 or close the project", "I. Moreau", 75),
            note("project", "P-027", 0, "About two months late: the tax authority rejected the pilot's filings in"
                    + " August for a format error, and the pilot stays on its test server until it files correctly.",
                    "D. Rossi", "File October's payroll with the corrected format and move the pilot to the managed"
                            + " platform", "D. Rossi", 30),
            note("project", "P-047", 0, "On budget but six months late: the rollout waits until the payroll pilot,"
                    + " whose filings the tax authority rejected in August, files correctly.", "H. Lindqvist",
                    "Re-plan the rollout country by country once the pilot files correctly", "H. Lindqvist", 45),
            note("project", "P-060", 0, "Almost done at the planned end date, with the last few percent of the work"
                    + " left and costs about 10% over budget after extra clean-up of employee records.", "F. Nguyen",
                    "Finish the last sites and hand the portal to HR operations", "F. Nguyen", 30),
            // critical risks: all explained, one stale
            note(RISK, "R-001", 0, "The current cloud cost tooling's servers missed five months of patches; two need"
                    + " the vendor upgrade this approved project starts in November before they can be patched.", "J. Schmidt",
                    "Upgrade the cloud cost tooling to the supported release and patch it", "C. Okafor", 14),
            note(RISK, "R-002", 0, "Two of five restore tests from the new backup service failed for large SAP"
                    + " volumes.", "K. Osei",
                    "Repeat the restore tests with the vendor's fix before SAP leaves Hamburg", "K. Osei", 30),
            note(RISK, "R-003", 1, "The payroll pilot runs on a test server outside patch management.",
                    "E. Kowalski", "Move the payroll pilot to the managed platform", "E. Kowalski", 15),
            note(RISK, "R-054", 0, "The wave 2 migration partner filed for restructuring; work continues, but the"
                    + " contract has no step-in rights.", "F. Nguyen",
                    "Agree step-in rights and escrow of the migration runbooks", "F. Nguyen", 20),
            note(RISK, "R-095", 0, "The customs test environment depends on the authority's sandbox, open two days a"
                    + " week.", "C. Okafor", "Build a simulator of the customs interface for daily testing",
                    "C. Okafor", 30),
            note(RISK, "R-103", 0, "The portal servers face the internet and their shared admin and service accounts"
                    + " are not on MFA yet; the MFA KPI counts staff log-ins, which all are.",
                    "F. Nguyen", "Replace the shared portal accounts with named ones on MFA behind the zero-trust"
                            + " gateway", "C. Okafor", 10),
            note(RISK, "R-111", 2, "The tax authority rejected the payroll pilot's filings in August for a format"
                    + " error.", "A. Meyer",
                    "Correct the filing format with the authority's validator", "A. Meyer", -45),
            note(RISK, "R-119", 1, "The trailer tracking product loses vendor support in March 2027.", "D. Rossi",
                    "Agree extended support or plan the upgrade in the 2027 budget", "D. Rossi", 45),
            // a high risk
            note(RISK, "R-039", 0, "The robot contract is priced in US dollars; a 10% move costs about EUR 180,000.",
                    "G. Haddad", "Hedge the remaining dollar payments with treasury", "G. Haddad", 30),
            // a service and the business units over budget
            note("service", "S-DC", 0, "A cooling unit failed on 14 October and availability fell below target for"
                    + " the month; ERP, warehouse and transport management, which run there, were interrupted too but"
                    + " stayed within their own targets.", "Platform Operations",
                    "Replace the failed cooling unit and add a spare", "K. Osei", 10),
            note("service", "S-CLOUD", 0, "A faulty firewall change on 8 October cut the landing zone off for about an"
                    + " hour, enough to miss its 99.95% target.", "Platform Operations",
                    "Put every landing-zone network change through peer review with a tested rollback", "G. Haddad",
                    30),
            note("service", "S-TRACK", 0, "A database failover on 21 October left the tracking API down for about"
                    + " five hours.", "Platform Operations", "Add a standby database in a second availability zone",
                    "I. Moreau", 45),
            note("service", "S-CUSTOMS", 0, "The customs gateway missed its target for the eleventh month in two years:"
                    + " the authority's interface times out at peak and failed messages are resubmitted by hand.",
                    "Application Support", "Resubmit failed messages automatically until paperless customs replaces"
                            + " the interface", "J. Schmidt", 30),
            note("service", "S-YARD", 0, "A database upgrade failed on 19 October and yard management was down for"
                    + " about ten hours; gate staff worked from paper lists.", "Application Support",
                    "Rehearse every upgrade on a copy of production first", "A. Meyer", 61),
            note("business_unit", "Digital Ventures", 0, "Digital Ventures runs about 13% over its year-to-date IT"
                    + " budget: the pricing engine's SaaS licences started before the old system could be switched"
                    + " off, and the portal's cloud use grew with traffic.", "H. Lindqvist",
                    "Switch off the on-premise pricing engine and cap the portal's cloud spend", "H. Lindqvist", 61),
            note("business_unit", "Warehousing", 0, "About 7% over budget: two of its projects run over cost, wave 2"
                    + " of the data centre exit and the picking robots.", "G. Haddad",
                    "Re-plan wave 2 with the migration partner and hold robot orders until the floor surveys are done",
                    "G. Haddad", 30),
            note("business_unit", "Freight", 0, "About 1.7% over: telematics licences for the new trucks came in May"
                    + " instead of next January, so the year ends about EUR 140,000 over; the 2027 budget gives it"
                    + " back.",
                    "Director Freight",
                    "Move the licence budget forward in the November re-forecast", "H. Lindqvist", 30),
            note("business_unit", "Group Functions", 0, "On plan within 0.5%: the audit tooling licences were renewed a"
                    + " month early.", "Group Controller", null, null, null),
            // the portfolio, written once
            note("portfolio", null, 1, "September: spend on plan except Digital Ventures; paperless customs and"
                    + " disaster recovery escalated to the steering group.", "Chief Technology Officer", null, null,
                    null),
            note("portfolio", null, 0, "Two decisions for the board this month: more capacity for paperless customs"
                    + " and a standby for SAP. The data centre exit, forecast EUR 1.77M over budget, remains the"
                    + " largest risk to the 2027 budget. Security spend runs about 9% over plan: round-the-clock"
                    + " monitoring started in April, a quarter earlier than budgeted, as the vulnerability backlog"
                    + " grew.", "Chief Technology Officer",
                    "Review the data centre exit plan with the steering group", "K. Osei", 14));
}
