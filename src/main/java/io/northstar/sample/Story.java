package io.northstar.sample;

import java.util.List;

/**
 * The fictional organisation of the sample data: Halvorsen &amp; Pike Logistics, a European
 * logistics group of about 4,000 staff. Its catalogues are data, in the order they are written.
 */
final class Story {
    private Story() {
    }

    static final String ORGANISATION = "Halvorsen & Pike Logistics";

    static final List<String> BUSINESS_UNITS = List.of("Freight", "Warehousing", "Customer Services", "Group Functions",
            "Digital Ventures");
    static final List<String> BU_CODES = List.of("FRT", "WHS", "CUS", "GRP", "DIG");

    /** Who reads a pack (SPEC.md §6): the audience is the board or a unit's index in BUSINESS_UNITS. */
    record Recipient(int unit, String mailbox, String name, boolean active) {
        static final int BOARD = -1;
    }

    /** The mail domain of the sample's recipients: example.com's kind (RFC 2606), never a real inbox. */
    static final String MAIL_DOMAIN = "halvorsen-pike.example";
    /** The board and each unit's head; a former CFO left, so their row is inactive. */
    static final List<Recipient> RECIPIENTS = List.of(
            new Recipient(Recipient.BOARD, "m.halvorsen", "Margit Halvorsen, Chief Executive Officer", true),
            new Recipient(Recipient.BOARD, "r.pike", "Robert Pike, Chief Financial Officer", true),
            new Recipient(Recipient.BOARD, "a.costa", "Ana Costa, Chief Information Officer", true),
            new Recipient(Recipient.BOARD, "t.brandt", "Thomas Brandt, former Chief Financial Officer", false),
            new Recipient(0, "freight.director", "Director Freight", true),
            new Recipient(0, "freight.controller", "Freight controller", true),
            new Recipient(1, "warehousing.director", "Director Warehousing", true),
            new Recipient(2, "customer.care", "Head of Customer Care", true),
            new Recipient(3, "group.controller", "Group Controller", true),
            new Recipient(4, "h.lindqvist", "H. Lindqvist, Digital Ventures", true));
    /** Spend above plan by business unit: Digital Ventures runs hot, Warehousing a little. */
    static final double[] BU_OVERSPEND = {0.01, 0.07, -0.01, 0.00, 0.13};
    /**
     * Where each unit's overspend lands, so a unit over plan is over in the towers its commentary
     * names (Digital Ventures: SaaS licences and cloud use), not evenly in all; empty spreads it.
     */
    static final List<List<String>> BU_OVERSPEND_TOWERS = List.of(List.of("Application"),
            List.of("Compute", "Network"), List.of(), List.of(), List.of("Application", "Compute"));

    record Tower(String name, double monthlyPlanThousands, boolean capex, double overspend, String... vendors) {
        /** A month's plan on average: a capex tower adds three months of capex every quarter end. */
        double averageMonthlyPlan() {
            return capex ? 2 * monthlyPlanThousands : monthlyPlanThousands;
        }
    }

    /**
     * The unit's share of overspend in one tower: all of it in the unit's named towers, scaled so
     * that the unit as a whole is still {@link #BU_OVERSPEND} over plan.
     */
    static double unitOverspend(int bu, Tower tower) {
        List<String> hot = BU_OVERSPEND_TOWERS.get(bu);
        if (hot.isEmpty()) {
            return BU_OVERSPEND[bu];
        }
        if (!hot.contains(tower.name())) {
            return 0;
        }
        double all = TOWERS.stream().mapToDouble(Tower::averageMonthlyPlan).sum();
        double hotPlan = TOWERS.stream().filter(t -> hot.contains(t.name())).mapToDouble(Tower::averageMonthlyPlan)
                .sum();
        return BU_OVERSPEND[bu] * all / hotPlan;
    }

    static final List<Tower> TOWERS = List.of(
            new Tower("Compute", 18, true, 0.00, "AWS", "Dell"),
            new Tower("Storage", 9, true, -0.02, "NetApp", "Pure Storage"),
            new Tower("Network", 8, true, 0.01, "Cisco", "Colt"),
            new Tower("Application", 30, false, 0.02, "SAP", "Salesforce"),
            new Tower("End User", 10, true, -0.01, "Lenovo", "Microsoft"),
            new Tower("Security", 7, false, 0.09, "CrowdStrike", "Palo Alto Networks"),
            new Tower("IT Management", 6, false, 0.00, "ServiceNow", "Atlassian"));

    record Aim(String id, String name, String parent, String owner) {
    }

    static final List<Aim> CORPORATE_AIMS = List.of(
            new Aim("CA-GROW", "Grow digital revenue to 30% of sales", null, "Chief Executive Officer"),
            new Aim("CA-EFFI", "Run the most efficient network in the industry", null, "Chief Operating Officer"),
            new Aim("CA-TRUST", "Be the partner customers and regulators trust", null, "General Counsel"),
            new Aim("CA-COST", "Keep the cost base sustainable", null, "Chief Financial Officer"));

    static final List<Aim> IT_AIMS = List.of(
            new Aim("ITA-CX", "Digital customer experience", "CA-GROW", "Chief Digital Officer"),
            new Aim("ITA-DATA", "Data and analytics as a product", "CA-GROW", "Head of Data"),
            new Aim("ITA-AUTO", "Automate operations end to end", "CA-EFFI", "Chief Operating Officer"),
            new Aim("ITA-SEC", "Secure and resilient IT", "CA-TRUST", "Chief Information Security Officer"),
            new Aim("ITA-CLOUD", "Cloud-first infrastructure", "CA-COST", "Chief Technology Officer"),
            new Aim("ITA-WORK", "A modern, efficient workplace", "CA-COST", "Head of IT Operations"));

    /**
     * An objective: its IT aim (null: not anchored to the strategy), weight, owner and topic, the
     * noun a risk title names it by ("the customer portal" for "Relaunch the customer portal").
     */
    record Objective(String name, String aim, double weight, String owner, String topic) {
    }

    static final List<Objective> OBJECTIVES = List.of(
            new Objective("Relaunch the customer portal", "ITA-CX", 2, "Head of Digital Channels",
                "the customer portal"),
            new Objective("Live tracking for every parcel", "ITA-CX", 1, "Head of Digital Channels", "parcel tracking"),
            new Objective("Self-service claims and returns", "ITA-CX", 1, "Head of Customer Care",
                "self-service claims"),
            new Objective("One governed data platform", "ITA-DATA", 1, "Head of Data", "the data platform"),
            new Objective("Demand forecasting with machine learning", "ITA-DATA", 1, "Head of Data",
                "demand forecasting"),
            new Objective("Trusted management reporting", "ITA-DATA", 0.5, "Group Controller", "management reporting"),
            new Objective("Automate warehouse picking", "ITA-AUTO", 2, "Director Warehousing", "warehouse picking"),
            new Objective("Optimise routes and loads", "ITA-AUTO", 1, "Director Freight", "route planning"),
            new Objective("Paperless customs clearance", "ITA-AUTO", 1, "Head of Customs", "customs clearance"),
            new Objective("Automate the finance back office", "ITA-AUTO", 1, "Group Controller",
                "the finance back office"),
            new Objective("Zero-trust access for all staff", "ITA-SEC", 1, "Chief Information Security Officer",
                "staff access"),
            new Objective("Recover critical systems within 4 hours", "ITA-SEC", 1.5, "Head of IT Operations",
                "critical-system recovery"),
            new Objective("Pass the NIS2 and ISO 27001 audits", "ITA-SEC", 1, "Head of Compliance",
                "the NIS2 and ISO 27001 audits"),
            new Objective("Exit the Hamburg data centre", "ITA-CLOUD", 2, "Chief Technology Officer",
                "the Hamburg data centre exit"),
            new Objective("Consolidate the application portfolio", "ITA-CLOUD", 1, "Enterprise Architect",
                "the application portfolio"),
            new Objective("Cloud costs: pay only for what runs", "ITA-CLOUD", 1, "Head of Cloud", "cloud spending"),
            new Objective("A modern workplace for 4,000 staff", "ITA-WORK", 1, "Head of IT Operations",
                "the staff workplace"),
            new Objective("A faster IT service desk", "ITA-WORK", 1, "Service Desk Manager", "the IT service desk"),
            new Objective("Carbon data for every shipment", "ITA-DATA", 1, "Head of Sustainability", "carbon data"),
            new Objective("Explore autonomous yard trucks", null, 1, "Innovation Lead", "the yard truck pilot"));

    /** How a KPI moves: the share of its planned path it achieves, and its noise. */
    enum Trajectory {
        AHEAD(1.06, 0.02), ON_TRACK(1.0, 0.02), BEHIND(0.88, 0.02), OFF_TRACK(0.55, 0.02), WORSENING(-0.35, 0.02),
        FLAT(0.0, 0.01), NOISY(1.0, 0.12);

        final double progress;
        final double noise;

        Trajectory(double progress, double noise) {
            this.progress = progress;
            this.noise = noise;
        }
    }

    /**
     * A KPI of objective {@code objective} (index into OBJECTIVES, -1 for none). A null target
     * or owner is on purpose: the SMART check has something to say. {@code targetPassed}
     * puts the target date before the as-of date.
     */
    record Kpi(int objective, String name, String unit, boolean higherIsBetter, double baseline, Double target,
            int decimals, Trajectory trajectory, boolean quarterly, String owner, boolean targetPassed) {

        /**
         * The bounds written to kpis.csv (SPEC.md §1.2): none for a % KPI, whose [0, 100] the
         * contract implies, as a source that only states units would; [-100, 100] for a net
         * promoter score, [0, 10] for a survey score; every other unit here counts, times, costs
         * or measures something, which cannot go below 0.
         */
        Bounds writtenBounds() {
            return switch (unit == null ? "" : unit) {
                case "%" -> new Bounds(null, null);
                case "points" -> new Bounds(-100.0, 100.0);
                case "score" -> new Bounds(0.0, 10.0);
                default -> new Bounds(0.0, null);
            };
        }

        /** The bounds ingestion will hold the KPI to, a % KPI's implicit ones filled in. */
        Bounds effectiveBounds() {
            return "%".equals(unit) ? new Bounds(0.0, 100.0) : writtenBounds();
        }
    }

    /** A KPI's lower and upper bound, null when open. */
    record Bounds(Double lower, Double upper) {
        double clamp(double value) {
            double clamped = lower == null ? value : Math.max(lower, value);
            return upper == null ? clamped : Math.min(upper, clamped);
        }
    }

    private static Kpi kpi(int objective, String name, String unit, boolean higher, double baseline, Double target,
            int decimals, Trajectory trajectory) {
        return new Kpi(objective, name, unit, higher, baseline, target, decimals, trajectory, false, "", false);
    }

    static final List<Kpi> KPIS = List.of(
            kpi(0, "Online booking share", "%", true, 22, 40.0, 1, Trajectory.ON_TRACK),
            new Kpi(0, "Portal net promoter score", "points", true, 18, 35.0, 0, Trajectory.NOISY, true, "", false),
            kpi(1, "Parcels with live tracking", "%", true, 35, 95.0, 1, Trajectory.AHEAD),
            kpi(1, "Tracking response time", "ms", false, 900, 250.0, 0, Trajectory.BEHIND),
            kpi(2, "Claims handled self-service", "%", true, 10, 60.0, 1, Trajectory.OFF_TRACK),
            kpi(2, "Average claim cycle time", "days", false, 14, 5.0, 1, Trajectory.ON_TRACK),
            kpi(3, "Datasets with an owner and a service level", "%", true, 15, 90.0, 1, Trajectory.ON_TRACK),
            kpi(3, "Data platform cost per TB per month", "EUR", false, 180, 90.0, 0, Trajectory.FLAT),
            kpi(4, "Demand forecast error", "%", false, 24, 12.0, 1, Trajectory.BEHIND),
            kpi(4, "Depots using ML forecasts", "depots", true, 0, 40.0, 0, Trajectory.AHEAD),
            kpi(5, "Reports from certified data", "%", true, 30, 85.0, 1, Trajectory.ON_TRACK),
            kpi(5, "Month-end reporting days", "days", false, 9, 4.0, 1, Trajectory.WORSENING),
            kpi(6, "Automated picks share", "%", true, 5, 45.0, 1, Trajectory.ON_TRACK),
            new Kpi(6, "Pick errors per 10,000 picks", "errors", false, 38, 10.0, 1, Trajectory.NOISY, false, null,
                    false),
            kpi(7, "Empty running", "%", false, 21, 14.0, 1, Trajectory.BEHIND),
            kpi(7, "Deliveries on first attempt", "%", true, 88, 96.0, 1, Trajectory.ON_TRACK),
            kpi(8, "Paperless customs declarations", "%", true, 40, 95.0, 1, Trajectory.BEHIND),
            kpi(8, "Customs hold time", "hours", false, 30, 8.0, 1, Trajectory.OFF_TRACK),
            kpi(9, "Invoices processed touchless", "%", true, 20, 75.0, 1, Trajectory.ON_TRACK),
            kpi(9, "Days to close the books", "days", false, 10, 5.0, 1, Trajectory.BEHIND),
            new Kpi(10, "Staff on phishing-resistant MFA", "%", true, 20, 100.0, 1, Trajectory.AHEAD, false, "", true),
            kpi(10, "Critical vulnerabilities open over 30 days", "count", false, 140, 20.0, 0, Trajectory.WORSENING),
            kpi(11, "Critical systems with a tested recovery", "%", true, 25, 100.0, 1, Trajectory.OFF_TRACK),
            kpi(11, "Mean time to recover", "hours", false, 9, 4.0, 1, Trajectory.ON_TRACK),
            kpi(12, "Open audit findings", "findings", false, 46, 5.0, 0, Trajectory.ON_TRACK),
            new Kpi(12, "Controls tested on time", "%", true, 60, 98.0, 1, Trajectory.FLAT, true, null, false),
            kpi(13, "Workloads migrated to the cloud", "%", true, 8, 100.0, 1, Trajectory.BEHIND),
            kpi(13, "Data centre floor space in use", "m2", false, 2400, 0.0, 0, Trajectory.BEHIND),
            kpi(14, "Applications in the portfolio", "applications", false, 610, 380.0, 0, Trajectory.OFF_TRACK),
            kpi(14, "Applications on supported versions", "%", true, 55, 90.0, 1, Trajectory.ON_TRACK),
            kpi(15, "Cloud spend under commitment", "%", true, 20, 70.0, 1, Trajectory.ON_TRACK),
            kpi(15, "Idle cloud spend", "%", false, 18, 5.0, 1, Trajectory.WORSENING),
            kpi(16, "Laptops older than four years", "%", false, 38, 10.0, 1, Trajectory.ON_TRACK),
            new Kpi(16, "Employee IT satisfaction", "out of 10", true, 6.1, 8.0, 1, Trajectory.NOISY, true, "", false),
            kpi(17, "First-contact resolution", "%", true, 58, 75.0, 1, Trajectory.BEHIND),
            kpi(17, "Ticket backlog", "tickets", false, 1900, 600.0, 0, Trajectory.FLAT),
            kpi(18, "Shipments with carbon data", "%", true, 0, 80.0, 1, Trajectory.AHEAD),
            kpi(18, "IT energy use per month", "MWh", false, 5200, 3900.0, 0, Trajectory.ON_TRACK),
            new Kpi(19, "Yard trucks in the pilot", "trucks", true, 0, null, 0, Trajectory.ON_TRACK, false, "", false),
            new Kpi(-1, "Innovation ideas submitted", null, true, 12, null, 0, Trajectory.NOISY, false, null, false));

    /** A flagship project of the story; {@code parent} is an index into FLAGSHIPS or -1. */
    record Flagship(String name, int parent, int bu, String category, String status, int budgetThousands, int value,
            int urgency, int effort, double cpi, double spi, int startMonthsAgo, int durationMonths, int[] objectives,
            double[] contributions) {
    }

    private static int[] objs(int... indexes) {
        return indexes;
    }

    private static double[] shares(double... values) {
        return values;
    }

    static final List<Flagship> FLAGSHIPS = List.of(
            new Flagship("Data centre exit programme", -1, 3, "transform", "active", 6200, 4, 5, 5, 0.78, 0.85, 28, 40,
                    objs(13, 15), shares(0.8, 0.2)),
            new Flagship("Data centre exit, wave 1: finance and HR systems", 0, 3, "transform", "completed", 1300, 4, 5,
                    4, 0.95, 1.0, 28, 14, objs(13), shares(1.0)),
            new Flagship("Data centre exit, wave 2: warehouse systems", 0, 1, "transform", "active", 2100, 4, 5, 4,
                    0.74, 0.80, 13, 18, objs(13), shares(1.0)),
            new Flagship("Customer portal relaunch", -1, 2, "grow", "active", 2400, 5, 4, 4, 1.02, 0.97, 16, 24,
                    objs(0, 2), shares(0.8, 0.2)),
            new Flagship("Live parcel tracking", -1, 4, "grow", "active", 1600, 5, 4, 3, 1.01, 1.03, 12, 18, objs(1),
                    shares(1.0)),
            new Flagship("Zero-trust access", -1, 3, "transform", "active", 1900, 4, 5, 4, 0.93, 0.82, 14, 20,
                    objs(10), shares(1.0)),
            new Flagship("Warehouse picking robots", -1, 1, "transform", "active", 3800, 5, 3, 5, 0.86, 0.92, 18, 30,
                    objs(6), shares(1.0)),
            new Flagship("Route optimisation engine", -1, 0, "grow", "active", 1200, 4, 4, 3, 1.05, 1.02, 10, 16,
                    objs(7), shares(1.0)),
            new Flagship("Machine-learning demand forecasting", -1, 4, "grow", "active", 900, 4, 3, 3, 1.0, 1.0, 9, 15,
                    objs(4, 3), shares(0.7, 0.3)),
            new Flagship("Data platform build", -1, 4, "transform", "active", 2200, 4, 4, 4, 0.92, 0.95, 20, 26,
                    objs(3, 5), shares(0.6, 0.4)),
            new Flagship("Paperless customs", -1, 0, "grow", "active", 800, 4, 4, 4, 1.0, 0.70, 12, 14, objs(8),
                    shares(1.0)),
            new Flagship("Touchless invoice processing", -1, 3, "grow", "active", 600, 3, 3, 2, 1.03, 1.0, 8, 12,
                    objs(9), shares(1.0)),
            new Flagship("Disaster recovery for critical systems", -1, 3, "run", "active", 1100, 4, 5, 3, 0.68, 0.90, 11,
                    14, objs(11), shares(1.0)),
            new Flagship("NIS2 readiness", -1, 3, "run", "active", 700, 3, 5, 2, 1.0, 0.98, 9, 12, objs(12),
                    shares(1.0)),
            new Flagship("Laptop refresh 2027", -1, 3, "run", "approved", 1400, 2, 3, 2, 1.0, 1.0, -1, 6, objs(16),
                    shares(1.0)),
            new Flagship("Service desk AI assistant", -1, 2, "grow", "proposed", 350, 4, 3, 2, 1.0, 1.0, -3, 6,
                    objs(17), shares(0.8)),
            new Flagship("Application rationalisation", -1, 3, "transform", "on_hold", 1500, 3, 2, 4, 0.97, 0.9, 15, 24,
                    objs(14), shares(1.0)),
            new Flagship("Cloud cost tooling", -1, 4, "run", "approved", 250, 3, 3, 1, 1.0, 1.0, -1, 6, objs(15),
                    shares(1.0)),
            new Flagship("Carbon data for customers", -1, 2, "grow", "proposed", 500, 5, 4, 2, 1.0, 1.0, -4, 10,
                    objs(18), shares(1.0)),
            new Flagship("Legacy transport system extended support", -1, 0, "run", "active", 900, 2, 3, 2, 1.0, 1.0, 10,
                    14, objs(), shares()),
            new Flagship("Warehouse Wi-Fi upgrade", -1, 1, "run", "active", 400, 2, 2, 2, 1.04, 1.0, 6, 9, objs(),
                    shares()),
            new Flagship("Autonomous yard truck pilot", -1, 1, "transform", "proposed", 600, 3, 2, 4, 1.0, 1.0, -6, 12,
                    objs(19), shares(1.0)),
            new Flagship("Mobile app for drivers", -1, 0, "grow", "cancelled", 500, 3, 2, 3, 0.8, 0.8, 14, 12, objs(1),
                    shares(0.5)));

    /**
     * A project of the routine portfolio, in its natural business unit, serving the objectives
     * (indexes into OBJECTIVES) its name implies; {@code spi}, when set, replaces the random
     * schedule performance, for a project the commentary says is late.
     */
    record RoutineProject(String name, int bu, int[] objectives, Double spi) {
        RoutineProject {
            if (objectives.length < 1 || objectives.length > 2) {
                throw new IllegalArgumentException(name + ": one or two objectives, was " + objectives.length);
            }
        }

        RoutineProject(String name, int bu, int... objectives) {
            this(name, bu, objectives, null);
        }
    }

    private static final int FRT = 0;
    private static final int WHS = 1;
    private static final int CUS = 2;
    private static final int GRP = 3;
    private static final int DIG = 4;

    /** The projects after the flagships, one name each, so no two read like the same project. */
    static final List<RoutineProject> ROUTINE_PROJECTS = List.of(
            new RoutineProject("Returns handling rollout", WHS, 2),
            new RoutineProject("Email replacement", GRP, 16),
            new RoutineProject("Print services move to SaaS", WHS, 16),
            // late since the tax authority rejected its filings (see the commentary on R-111)
            new RoutineProject("Payroll pilot", GRP, objs(9), 0.86),
            new RoutineProject("Inventory counting automation", WHS, 6),
            new RoutineProject("Telephony modernisation", CUS, 16),
            new RoutineProject("CRM upgrade", CUS, 2, 0),
            new RoutineProject("Procurement automation", GRP, 9),
            new RoutineProject("IT asset management rollout", GRP, 17),
            new RoutineProject("Contract management replacement", GRP, 9),
            new RoutineProject("Pricing engine move to SaaS", DIG, 0, 14),
            new RoutineProject("Billing pilot", CUS, 9),
            new RoutineProject("Dock scheduling consolidation", WHS, 6),
            new RoutineProject("Customer onboarding modernisation", CUS, 0),
            new RoutineProject("Depot network upgrade", FRT, 1),
            new RoutineProject("Identity governance automation", GRP, 10, 12),
            new RoutineProject("Learning management rollout", GRP, 16),
            new RoutineProject("Fleet telematics replacement", FRT, 7, 18),
            new RoutineProject("Backup move to SaaS", GRP, 11),
            new RoutineProject("Data warehouse pilot", DIG, 3, 5),
            new RoutineProject("Yard management consolidation", WHS, 6),
            new RoutineProject("Customer analytics modernisation", DIG, 3),
            new RoutineProject("Fuel card management replacement", FRT, 18, 7),
            new RoutineProject("Payroll automation", GRP, 9),
            new RoutineProject("Document archive rollout", GRP, 12),
            new RoutineProject("Claims handling replacement", CUS, 2),
            new RoutineProject("Partner API rollout", DIG, 1),
            new RoutineProject("Expense management pilot", GRP, 9),
            new RoutineProject("Warehouse management system upgrade", WHS, 6),
            new RoutineProject("Linehaul booking modernisation", FRT, 7),
            new RoutineProject("Parcel locker app upgrade", DIG, 0),
            new RoutineProject("Cold-chain monitoring automation", WHS, 1),
            new RoutineProject("Trailer tracking rollout", FRT, 1),
            new RoutineProject("Handheld scanner replacement", WHS, 6),
            new RoutineProject("Driver scheduling move to SaaS", FRT, 7),
            new RoutineProject("Complaints handling pilot", CUS, 2),
            new RoutineProject("HR portal consolidation", GRP, 16));
    static final List<String> PEOPLE = List.of("A. Meyer", "B. Tanaka", "C. Okafor", "D. Rossi", "E. Kowalski",
            "F. Nguyen", "G. Haddad", "H. Lindqvist", "I. Moreau", "J. Schmidt", "K. Osei", "L. Fernández");

    /** A service: its objective (index), tier, availability target, yearly cost and dependencies. */
    record Service(String id, String name, int objective, int tier, double target, int costThousands,
            List<String> dependsOn) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("S-NET", "Core network", 13, 1, 99.95, 2100, List.of()),
            new Service("S-DC", "Hamburg data centre", 13, 1, 99.9, 3400, List.of()),
            new Service("S-CLOUD", "Cloud landing zone", 15, 1, 99.95, 1800, List.of()),
            new Service("S-IAM", "Identity and access", 10, 1, 99.95, 900, List.of("S-NET")),
            new Service("S-BACKUP", "Backup and recovery", 11, 2, 99.5, 700, List.of("S-DC")),
            new Service("S-INT", "Integration bus", 3, 1, 99.9, 800, List.of("S-NET", "S-CLOUD", "S-IAM", "S-EDI")),
            new Service("S-DATA", "Data platform", 3, 2, 99.5, 1500, List.of("S-CLOUD", "S-IAM")),
            new Service("S-ERP", "SAP ERP", 9, 1, 99.7, 4200, List.of("S-DC", "S-NET", "S-IAM")),
            new Service("S-WMS", "Warehouse management", 6, 1, 99.8, 1900, List.of("S-DC", "S-NET")),
            new Service("S-TMS", "Transport management", 7, 1, 99.8, 2300, List.of("S-DC", "S-NET", "S-INT")),
            new Service("S-PORTAL", "Customer portal", 0, 1, 99.9, 1200, List.of("S-INT", "S-IAM", "S-CLOUD")),
            new Service("S-TRACK", "Track and trace API", 1, 1, 99.9, 600, List.of("S-INT", "S-DATA")),
            new Service("S-ROUTE", "Route planner", 7, 2, 99.5, 500, List.of("S-TMS", "S-DATA")),
            new Service("S-CUSTOMS", "Customs gateway", 8, 2, 99.5, 400, List.of("S-INT", "S-ERP")),
            new Service("S-BILL", "Billing", 9, 1, 99.7, 700, List.of("S-ERP")),
            new Service("S-PAY", "Payroll", 9, 2, 99.5, 450, List.of("S-ERP", "S-IAM")),
            new Service("S-CRM", "CRM", 0, 2, 99.5, 900, List.of("S-IAM", "S-CLOUD")),
            new Service("S-FCST", "Demand forecasting", 4, 3, 99.0, 300, List.of("S-DATA")),
            new Service("S-REPORT", "Management reporting", 5, 3, 99.0, 350, List.of("S-DATA", "S-ERP")),
            new Service("S-PICK", "Picking robot control", 6, 1, 99.8, 650, List.of("S-WMS", "S-NET")),
            new Service("S-YARD", "Yard management", 6, 3, 99.0, 200, List.of("S-WMS")),
            new Service("S-DOCK", "Dock scheduling", 7, 3, 99.0, 150, List.of("S-WMS", "S-TMS")),
            new Service("S-APP", "Driver app", 1, 2, 99.5, 300, List.of("S-TMS", "S-IAM")),
            new Service("S-EDI", "EDI partner gateway", 8, 1, 99.7, 550, List.of("S-INT")),
            new Service("S-MAIL", "Email and collaboration", 16, 2, 99.9, 1100, List.of("S-IAM", "S-NET")),
            new Service("S-DESK", "IT service desk", 17, 3, 98.0, 1300, List.of("S-IAM")),
            new Service("S-DEVICE", "Device management", 16, 3, 99.0, 400, List.of("S-IAM")),
            new Service("S-PRINT", "Print services", 16, 3, 98.0, 250, List.of("S-NET")),
            new Service("S-VOIP", "Telephony", 17, 3, 99.5, 380, List.of("S-NET")),
            new Service("S-ARCH", "Document archive", 12, 3, 99.0, 220, List.of("S-DC", "S-BACKUP")));

    /** Services that miss their target: the data centre last month (it ripples), customs often. */
    static final String LAST_MONTH_OUTAGE = "S-DC";
    static final String CHRONIC_MISSES = "S-CUSTOMS";

    static final List<String> RISK_CATEGORIES = List.of("security", "compliance", "delivery", "financial",
            "operational", "vendor", "people");
    /**
     * Risk titles by category, in the order of RISK_CATEGORIES, as an IT risk register words them;
     * {@code %s} is the risk's subject: a project, a service, an objective's topic or a business
     * unit. A region's n-th risk of a category takes the category's n-th title, so no two risks of a
     * region share one until a category has more risks than titles.
     */
    static final List<List<String>> RISK_TITLES = List.of(
            List.of("Servers of %s months behind on security patches", "%s runs on servers outside patch management",
                    "Phishing steals staff credentials for %s", "Customer data exposed through %s",
                    "Ransomware encrypts %s and its backups", "Privileged access to %s not reviewed for a year",
                    "Leavers keep their access to %s", "Unprotected internet-facing API of %s",
                    "Software supply-chain compromise through %s", "Data at rest in %s not encrypted",
                    "Security alerts from %s not watched out of hours", "Denial-of-service attack takes %s offline",
                    "Vendor remote access to %s without MFA", "Misconfigured cloud storage exposes %s data",
                    "Insider copies sensitive data out of %s", "Shadow IT around %s outside security controls",
                    "Critical flaw in an open-source library used by %s",
                    "Shared accounts of %s without MFA", "Stolen laptop exposes %s data",
                    "%s released without security testing"),
            List.of("NIS2 gap assessment finds missing controls in %s",
                    "Personal data in %s kept past its retention period",
                    "Software licence audit finds %s under-licensed", "ISO 27001 nonconformity in %s",
                    "No data processing agreement for %s",
                    "Personal data of %s sent outside the EU without safeguards",
                    "Evidence for %s not ready for the auditors",
                    "Logs of %s not kept for the legally required period",
                    "Compliance sign-off for %s skipped", "Incidents in %s not reported within NIS2's 24 hours",
                    "Third-party risk review of %s overdue", "Control owners for %s not named",
                    "Segregation of duties breached in %s", "Records of %s not archived as the law requires",
                    "Statutory filings from %s rejected", "Audit findings on %s past their deadline",
                    "Contract for %s breaches the group data policy", "Data subject requests about %s answered late",
                    "Sanctions screening gaps in %s", "No evidence that the finance controls of %s work"),
            List.of("%s misses its go-live date", "Scope of %s grows without change control",
                    "Integration defects delay %s", "Requirements of %s still not signed off",
                    "Data migration for %s fails reconciliation", "User acceptance testing of %s starts late",
                    "Business users too busy to test %s", "Another project's delay blocks %s",
                    "No stable test environment for %s", "Cutover of %s clashes with the Christmas peak",
                    "Architecture of %s not yet approved", "%s untested at peak volumes",
                    "Users of %s not trained by go-live", "Legacy interfaces of %s undocumented",
                    "Late design changes to %s", "Parallel run of %s longer than planned",
                    "Vendor delivers %s releases late", "Rollout of %s to the depots stalls",
                    "Funding of the next phase of %s approved late", "Defect backlog blocks the release of %s"),
            List.of("Benefits of %s not realised", "Energy prices raise the running cost of %s", "Cost overrun on %s",
                    "Capex for %s cut from the 2027 budget", "Cloud consumption of %s above its business case",
                    "Dollar-priced contract for %s exposed to the exchange rate",
                    "Inflation clauses raise the support fees of %s", "Old and new systems of %s both paid for longer",
                    "Integration costs of %s underestimated", "Assets of %s written off before fully depreciated",
                    "Business units dispute the chargeback for %s", "Savings of %s counted twice in the budget",
                    "Contingency of %s used up early", "Licence true-up for %s above budget",
                    "Funding of %s cut mid-year", "Consultancy rates for %s above plan",
                    "Maintenance fees of %s rise after the warranty ends",
                    "Business case of %s rests on unproven assumptions",
                    "Service credits owed to customers after outages of %s", "Unbudgeted storage growth in %s"),
            List.of("Restore tests for %s fail", "Outage of %s during peak season",
                    "Capacity of %s too small for the Christmas peak", "Failed change takes %s down",
                    "Single network path to %s", "Monitoring misses slow degradation of %s",
                    "Manual workarounds around %s break under volume",
                    "Night batch of %s overruns into the working day", "Runbooks for %s out of date",
                    "No tested failover for %s", "Power or cooling failure in the room hosting %s",
                    "Certificates of %s expire unnoticed", "Storage for %s runs full",
                    "No out-of-hours support for %s", "Corrupted data in %s goes unnoticed for days",
                    "Hardware shortage stalls %s", "Change freeze broken on %s", "Interfaces of %s fail silently",
                    "Recovery site cannot run %s at full load", "Messages between %s and partners lost or duplicated"),
            List.of("Vendor of %s raises prices at renewal", "Locked in to the vendor of %s",
                    "Vendor of %s misses its service levels", "Vendor of %s taken over by a competitor",
                    "Supplier of %s in distress", "Vendor moves the support team of %s offshore",
                    "Contract for %s lacks exit and step-in terms", "Vendor roadmap for %s drops features in use",
                    "Subcontractors working on %s not vetted", "Support contract for %s lapses unnoticed",
                    "SaaS provider of %s moves data out of the EU", "Only one supplier can support %s",
                    "High staff turnover at the vendor of %s", "Vendor slow to fix critical defects in %s",
                    "Consultancy for %s relies on one small firm", "Product behind %s loses vendor support",
                    "Contract for %s ends before a successor is ready", "Vendor of %s fails the security assessment",
                    "Long cloud region outage hits %s", "Partner integration for %s not certified"),
            List.of("Burnout in the team behind %s", "Key expert for %s leaves", "Skills gap in %s",
                    "Knowledge of %s held by one contractor", "Hiring for %s stalls in a tight market",
                    "Staff resist the changes that %s brings", "Business owner of %s has no time for it",
                    "Retirements take know-how of %s with them", "Works council approval for %s delayed",
                    "Team of %s spread across too many projects", "Training budget for %s cut",
                    "Handover of %s to operations incomplete", "Long absence of the lead for %s",
                    "Offshore team on %s lacks domain knowledge", "Overtime on %s breaks working-time rules",
                    "No successor for the product owner of %s", "Teams on %s split across three languages",
                    "Morale drops after %s is reorganised", "Managers do not sponsor the change behind %s",
                    "Key roles on %s filled by interim staff"));

    /**
     * The title of a region's {@code nth} risk of category {@code category} (from 0) about
     * {@code subject}, starting with a capital as a register's titles do.
     */
    static String riskTitle(int category, int nth, String subject) {
        List<String> titles = RISK_TITLES.get(category);
        String title = String.format(titles.get(nth % titles.size()), subject);
        return Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }
}
