package io.northstar.sample;

import java.util.List;

/**
 * The planning side of the sample organisation (SPEC.md §4): the investment cases before the
 * steering group, the infrastructure asset register and the statements of the last strategy
 * workshop. Indexes point into {@link Story}'s catalogues.
 */
final class PlanningStory {
    private PlanningStory() {
    }

    /**
     * An investment case of flagship project {@code flagship} (index into Story.FLAGSHIPS) for
     * objective {@code objective}; money in thousands, a null rate takes the job's default.
     */
    record Case(String title, int flagship, int objective, int capexThousands, int opexThousands,
            int benefitThousands, int years, String discountRate, int startYearOffset) {
    }

    /**
     * Picking robots, routing, invoices and the service desk assistant pay for themselves; the
     * yard truck pilot does not; the compliance programme loses money on its own benefits and is
     * argued by the loss it avoids (the open risks of its project and of the audit objective).
     */
    static final List<Case> CASES = List.of(
            new Case("Warehouse picking robots, all sites", 6, 6, 3800, 260, 1450, 7, null, 0),
            new Case("Route optimisation engine", 7, 7, 1200, 110, 640, 5, null, 0),
            new Case("Touchless invoice processing", 11, 9, 600, 55, 310, 5, null, 0),
            new Case("Service desk AI assistant", 15, 17, 350, 85, 260, 4, null, 1),
            new Case("Carbon data for customers", 18, 18, 500, 70, 210, 5, null, 1),
            new Case("NIS2 and ISO 27001 compliance programme", 13, 12, 700, 150, 40, 5, null, 0),
            new Case("Autonomous yard truck pilot", 21, 19, 600, 160, 130, 4, "0.12", 1),
            new Case("Application rationalisation, phase 2", 16, 14, 1500, 40, 420, 6, "0.10", 1));

    /**
     * A class of infrastructure asset: how many of them one region has, their lifecycle and
     * replacement cost, the service they run and whether they belong to a business unit (false:
     * shared infrastructure, no business unit). Switches, access points, laptops and scanners are
     * registered in stacks or lots. {@code sharePast} of its items are past their lifecycle, so
     * the register agrees with the KPIs that count them (laptops older than four years: 18%).
     */
    record AssetClass(String name, String code, int count, double lifecycleYears, int unitCost, String service,
            boolean perUnit, double sharePast) {
    }

    /**
     * Servers for two data halls; 240 switches and 800 access points for 48 depots, the
     * warehouses and offices; laptops for the 1,600 office staff of 4,000 (drivers and pickers
     * carry scanners).
     */
    static final List<AssetClass> ASSET_CLASSES = List.of(
            new AssetClass("Servers", "SRV", 160, 5, 16_500, "S-DC", false, 0.12),
            new AssetClass("Storage arrays", "STO", 6, 5, 185_000, "S-BACKUP", false, 0.12),
            new AssetClass("Firewalls", "FW", 8, 5, 38_000, "S-NET", false, 0.12),
            new AssetClass("Network switches (stacks of 4)", "SW", 60, 7, 26_000, "S-NET", true, 0.12),
            new AssetClass("Wi-Fi access points (lots of 10)", "AP", 80, 6, 9_000, "S-NET", true, 0.12),
            new AssetClass("Laptops (lots of 25)", "LAP", 64, 4, 33_750, "S-DEVICE", true, 0.18),
            new AssetClass("Handheld scanners (lots of 20)", "HHS", 20, 4, 24_000, "S-WMS", true, 0.12));

    /**
     * The share of every class whose lifecycle ends within the next 12 months (the 2022-2023
     * purchase wave: the bulge); the rest ends later.
     */
    static final double SHARE_DUE_NEXT_YEAR = 0.38;

    /** A statement of the strategy workshop; objective is an index into OBJECTIVES or -1. */
    record Statement(String type, String text, int objective, String source) {
    }

    static final List<Statement> SWOT = List.of(
            new Statement("strength", "Route optimisation already saves 4% of fuel on pilot depots", 7,
                    "Strategy workshop, September 2026"),
            new Statement("strength", "Customers who tried the new portal's beta rate it 4.4 out of 5", 0,
                    "Beta survey 2026"),
            new Statement("weakness", "Over a third of the servers leave vendor support within a year", 13,
                    "Infrastructure review 2026"),
            new Statement("weakness", "Almost half of the critical systems have never had a recovery test", 11,
                    "Internal audit 2026"),
            new Statement("opportunity", "Shippers ask for carbon data per consignment in tenders", 18,
                    "Sales pipeline review"),
            new Statement("opportunity", "Cloud credits from the hyperscaler agreement until 2027", 13,
                    "Vendor negotiations"),
            new Statement("threat", "NIS2 fines of up to 2% of turnover from 2026", 12, "Legal update"),
            new Statement("threat", "Ransomware campaigns target logistics firms", 10, "National CERT bulletin"),
            new Statement("threat", "Scarce SAP and cloud engineers in Hamburg", -1, "HR market report"));
}
