package io.northstar.metrics.summary;

import io.northstar.format.Amounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one sentence a scorecard opens with, read in ten seconds: how many IT aims are off track,
 * whose spend is furthest over its year-to-date budget, how many active projects are red, how
 * much risk is open and how many decisions wait. Each clause quotes a figure of the same row of
 * executive_summary (or of the aims it counts), worded the way the tiles word it; a clause whose
 * figure the snapshot lacks is left out.
 */
public final class Verdict {
    /** A unit more than this far over its year-to-date budget is named in the portfolio's verdict. */
    static final double UNIT_OVERSPEND_WORTH_NAMING = 0.05;
    /** The active projects' forecast overrun is named when it is at least this share of their budget. */
    static final double FORECAST_OVERRUN_WORTH_NAMING = 0.01;

    private static final String[] SMALL_NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve"};

    private Verdict() {
    }

    /**
     * The organisation's figures the portfolio verdict quotes; a null figure's table is absent.
     *
     * @param mostOverUnit the business unit furthest over its year-to-date budget, or null
     * @param mostOverUnitVariance that unit's variance_pct
     */
    public record PortfolioFacts(Long itAims, Long itAimsRed, Long itAimsAmber, Double budgetVariance,
            String mostOverUnit, Double mostOverUnitVariance, ProjectFacts projects, Double openRiskEmv,
            Long openCriticalRisks, Long decisionsNeeded) {
        public PortfolioFacts {
            if (projects == null) {
                throw new IllegalArgumentException("the verdict needs the project facts (ProjectFacts.NONE)");
            }
        }
    }

    /**
     * The active projects: how many, how many red, and their budget at completion against the
     * estimate at completion, summed over the projects that have an estimate (nulls: no table).
     */
    public record ProjectFacts(Long active, Long red, Double budgetAtCompletion, Double estimateAtCompletion) {
        public static final ProjectFacts NONE = new ProjectFacts(null, null, null, null);

        /** EAC − BAC when it is a material overrun (at least 1% of the budget), else null. */
        Double materialOverrun() {
            if (budgetAtCompletion == null || estimateAtCompletion == null || budgetAtCompletion <= 0) {
                return null;
            }
            double overrun = estimateAtCompletion - budgetAtCompletion;
            return overrun >= FORECAST_OVERRUN_WORTH_NAMING * budgetAtCompletion ? overrun : null;
        }
    }

    /** A business unit's figures, as in its executive_summary row. */
    public record UnitFacts(String unit, Double budgetVariance, ProjectFacts projects, Double openRiskEmv,
            Long openCriticalRisks, Long decisionsNeeded) {
        public UnitFacts {
            if (projects == null) {
                throw new IllegalArgumentException("a unit's verdict needs its project facts (ProjectFacts.NONE)");
            }
            if (unit == null || unit.isBlank()) {
                throw new IllegalArgumentException("a unit's verdict needs the unit's name");
            }
        }
    }

    public static String portfolio(PortfolioFacts facts, String currency) {
        List<String> clauses = new ArrayList<>();
        add(clauses, aims(facts.itAims(), facts.itAimsRed(), facts.itAimsAmber()));
        if (facts.mostOverUnit() != null && facts.mostOverUnitVariance() != null
                && facts.mostOverUnitVariance() > UNIT_OVERSPEND_WORTH_NAMING) {
            add(clauses, budget(facts.mostOverUnit(), facts.mostOverUnitVariance()));
        } else {
            add(clauses, budget("IT spend", facts.budgetVariance()));
        }
        add(clauses, projects(facts.projects(), currency));
        add(clauses, risk(facts.openRiskEmv(), facts.openCriticalRisks(), currency));
        add(clauses, decisions(facts.decisionsNeeded()));
        return sentence(clauses, "No figures in this snapshot yet.");
    }

    public static String businessUnit(UnitFacts facts, String currency) {
        List<String> clauses = new ArrayList<>();
        add(clauses, budget(facts.unit(), facts.budgetVariance()));
        add(clauses, projects(facts.projects(), currency));
        add(clauses, risk(facts.openRiskEmv(), facts.openCriticalRisks(), currency));
        add(clauses, decisions(facts.decisionsNeeded()));
        return sentence(clauses, facts.unit() + " has no figures in this snapshot yet.");
    }

    /** "Two of six IT aims are off track, one more at risk"; "All six IT aims are on track". */
    static String aims(Long total, Long red, Long amber) {
        if (total == null || total == 0) {
            return null;
        }
        long offTrack = nonNull(red);
        long atRisk = nonNull(amber);
        String of = " of " + count(total) + " IT " + plural(total, "aim", "aims");
        if (offTrack > 0) {
            return count(offTrack) + of + " " + (offTrack == 1 ? "is" : "are") + " off track"
                    + (atRisk > 0 ? ", " + count(atRisk) + " more at risk" : "");
        }
        if (atRisk > 0) {
            return count(atRisk) + of + " " + (atRisk == 1 ? "is" : "are") + " at risk, none off track";
        }
        return (total == 1 ? "The one IT aim is" : "All " + count(total) + " IT aims are") + " on track";
    }

    /** "Digital Ventures is 13.1% over its year-to-date budget". */
    static String budget(String subject, Double variance) {
        if (variance == null) {
            return null;
        }
        String size = String.format(Locale.ROOT, "%.1f%%", Math.abs(variance) * 100);
        if (size.equals("0.0%")) {
            return subject + " is on its year-to-date budget";
        }
        return subject + " is " + size + (variance > 0 ? " over" : " under") + " its year-to-date budget";
    }

    /**
     * "Seven of 35 active projects are red and the portfolio is forecast EUR 5.40M over budget"
     * (the active projects' EAC against their BAC): the overrun only when it is material.
     */
    static String projects(ProjectFacts facts, String currency) {
        String count = projects(facts.active(), facts.red());
        Double overrun = facts.materialOverrun();
        if (count == null || overrun == null) {
            return count;
        }
        return count + " and the portfolio is forecast " + Amounts.money(currency, overrun) + " over budget";
    }

    /** "Seven of 35 active projects are red"; "No active project is red". */
    static String projects(Long active, Long red) {
        if (active == null || active == 0) {
            return null;
        }
        long bad = nonNull(red);
        if (bad == 0) {
            return "no active project is red";
        }
        return count(bad) + " of " + count(active) + " active " + plural(active, "project", "projects") + " "
                + (bad == 1 ? "is" : "are") + " red";
    }

    /** "EUR 12.7M of risk is open (five critical)". */
    static String risk(Double emv, Long critical, String currency) {
        if (emv == null) {
            return null;
        }
        if (emv == 0) {
            return "no risk with a cost is open";
        }
        long severe = nonNull(critical);
        return Amounts.money(currency, emv) + " of risk is open"
                + (severe == 0 ? ", none of it critical" : " (" + count(severe) + " critical)");
    }

    /** "Two decisions are needed". */
    static String decisions(Long needed) {
        if (needed == null || needed == 0) {
            return null;
        }
        return count(needed) + " " + plural(needed, "decision is", "decisions are") + " needed";
    }

    /** Numbers up to twelve in words, as a sentence reads them; larger ones in digits. */
    static String count(long n) {
        return n >= 0 && n < SMALL_NUMBERS.length ? SMALL_NUMBERS[(int) n] : Long.toString(n);
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    private static long nonNull(Long n) {
        return n == null ? 0 : n;
    }

    private static void add(List<String> clauses, String clause) {
        if (clause != null) {
            clauses.add(clause);
        }
    }

    private static String sentence(List<String> clauses, String whenEmpty) {
        if (clauses.isEmpty()) {
            return whenEmpty;
        }
        String text = String.join("; ", clauses) + ".";
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
