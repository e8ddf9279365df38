package io.northstar.metrics.budget;

/** Budget variance and forecast formulas of SPEC.md §2.7. */
public final class BudgetMath {
    private BudgetMath() {
    }

    /** (actual − plan) / plan, or null when the plan is 0. */
    public static Double variancePct(double planYtd, double actualYtd) {
        return planYtd == 0 ? null : (actualYtd - planYtd) / planYtd;
    }

    /**
     * Actual so far plus the forecasts of the remaining months that carry one; when none does,
     * the run rate actual_ytd / months_elapsed × 12.
     *
     * @param forecastMonths how many of the remaining rows carry a forecast
     */
    public static double forecastFy(double actualYtd, double remainingForecast, long forecastMonths,
            int monthsElapsed) {
        if (forecastMonths > 0) {
            return actualYtd + remainingForecast;
        }
        return actualYtd / monthsElapsed * 12;
    }

    /** From |variance_pct|: ≤ 5 % green, ≤ 10 % amber, else red; null is no_data. */
    public static String status(Double variancePct) {
        if (variancePct == null) {
            return "no_data";
        }
        double size = Math.abs(variancePct);
        if (size <= 0.05) {
            return "green";
        }
        return size <= 0.10 ? "amber" : "red";
    }
}
