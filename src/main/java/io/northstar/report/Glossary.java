package io.northstar.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms the scorecards use, each explained once in words a board member reads: the
 * earned-value and risk measures keep their short names on the pages (project managers and
 * auditors know them), and this list says what they mean and which way is good.
 */
public final class Glossary {
    public static final String SECTION = "How to read this scorecard";
    private static final List<Map<String, Object>> TERMS = List.of(
            term("Colours", "Green: on track. Amber: at risk, watch it. Red: off track, needs action. Grey: no data "
                    + "yet. Each status also carries its word, so the pages read without colour."),
            term("Arrows on the tiles", "Whether the figure went up (▲) or down (▼) since the previous snapshot, "
                    + "with what it was then; the word beside it says whether that is better or worse."),
            term("Trend (KPI)", "▲ improving, ▼ worsening or ► flat: the direction of the KPI's recent observations "
                    + "taken together (a statistically significant fitted trend), not the last month's move, which "
                    + "can go the other way."),
            term("Strategy score", "How far the KPIs under the corporate aims meet their targets: each KPI counts 1 "
                    + "when green, ½ when amber and 0 when red, averaged up through the objectives to the aims and "
                    + "weighted by each aim's weight. 80% or more is green, 50% or more amber."),
            term("KPI", "Key performance indicator: a measure with a target and a deadline. Its status compares the "
                    + "latest value with the straight path from its baseline to its target."),
            term("Forecast (KPI)", "Where the KPI's trend lands on its target date, with the range it lands in 8 "
                    + "times out of 10; never outside what the measure can reach (a percentage stays within 0–100)."),
            term("YTD, FY", "Year to date: from the first month of the fiscal year to the as-of date. FY: the whole "
                    + "fiscal year."),
            term("Project health", "The worse of cost and schedule, each in percent of the work done: 10% or more "
                    + "over cost or behind schedule is amber, 30% or more red. A large project can be amber with a "
                    + "larger overrun in money than a small red one. The project tile is red when a fifth or more of "
                    + "the projects are red, amber with any red project or 30% amber."),
            term("Run, grow, transform", "What the spend is for: keeping today's services running, growing the "
                    + "business, or changing how it works. Spend booked to no project counts as run."),
            term("Towers", "The standard groups of IT cost (TBM): compute, storage, network, applications, end user, "
                    + "security and IT management."),
            term("Aligned budget", "The share of the active projects' budget that serves a strategic objective: 80% "
                    + "or more is green, 60% or more amber."),
            term("Priority score", "Strategic value, urgency and alignment, weighted as the prioritization page "
                    + "shows, divided by effort, each rated 1 to 5: the most value for the least effort first. A quick "
                    + "win needs little effort (2 or less) for good value (3 or more)."),
            term("NPV, IRR, payback", "Net present value: the case's cash flows in today's money at its discount "
                    + "rate; above 0 it pays. IRR: the rate at which the NPV is 0 (– when there is none). Payback: the "
                    + "years until the cash spent is earned back."),
            term("BAC", "Budget at completion: what the project was approved to cost in total."),
            term("CPI", "Cost performance: the value of the work done for each unit of money spent. 1.00 is on "
                    + "budget; below 1.00 the work is costing more than planned."),
            term("SPI", "Schedule performance: the work done against the work planned by now. 1.00 is on time; "
                    + "below 1.00 the project is behind."),
            term("EAC", "Estimate at completion: what the project is now forecast to cost in total (BAC ÷ CPI)."),
            term("VAC", "Variance at completion: BAC − EAC. Negative means the project will overrun its budget."),
            term("EMV", "Expected monetary value of a risk: its probability times its expected cost. The open risk "
                    + "figure adds them up. A risk's band (from likelihood × impact) and its money can disagree: a "
                    + "likely, disruptive risk may cost little, and a rare one a lot. So the open-risk tile's colour "
                    + "follows the worst band, not the money: red with any critical risk open, amber with a high one."),
            term("P90 (1-in-10 worst case)", "From a simulation of many possible years of the open risks: the "
                    + "loss exceeded in only one year in ten."),
            term("HHI", "Vendor concentration (Herfindahl–Hirschman index), 0 to 10,000 points: above 2,500 points a few vendors "
                    + "take most of the spend."),
            term("SLA", "Service level agreement: a service's availability target; met when the latest month "
                    + "reached it."),
            term("Tier", "How much a service matters: tier 1 stops the business when it fails, tier 3 can wait."),
            term("SMART", "A KPI that is specific (named, owned, tied to an objective), measurable (unit, baseline "
                    + "and target), achievable (its trend gives at least an even chance of reaching the target), "
                    + "relevant (its objective traces up to a corporate aim) and time-bound (it has a deadline); the "
                    + "check marks each, and a ✗ under achievable means the trend is unlikely to get there."));

    private Glossary() {
    }

    /** Each term and its meaning, in the order a reader meets them. */
    public static List<Map<String, Object>> terms() {
        return TERMS;
    }

    private static Map<String, Object> term(String term, String meaning) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("section", SECTION);
        row.put("term", term);
        row.put("meaning", meaning);
        return Map.copyOf(row);
    }
}
