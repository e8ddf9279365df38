package io.northstar.metrics.service;

import java.util.List;

/** Service-level figures of SPEC.md §2.9 over a service's last periods. */
public final class ServiceLevels {
    private ServiceLevels() {
    }

    /** One period of a service, oldest first in the lists below. */
    public record Period(double availability, Integer incidents, Double mttrHours) {
    }

    /** What the last (up to) 12 periods say about one service. */
    public record Health(Double latestAvailability, Boolean slaMet, Double attainment12, Long incidents12,
            Double mttr12) {
    }

    /**
     * @param periods the service's last periods on or before as_of, oldest first, at most 12
     * @return nulls when there is no period; incidents_12 is null when no period reports incidents
     */
    public static Health health(List<Period> periods, double target) {
        if (periods.isEmpty()) {
            return new Health(null, null, null, null, null);
        }
        double latest = periods.get(periods.size() - 1).availability();
        int met = 0;
        long incidents = 0;
        int incidentCount = 0;
        double mttrSum = 0;
        int mttrCount = 0;
        for (Period period : periods) {
            met += period.availability() >= target ? 1 : 0;
            if (period.incidents() != null) {
                incidents += period.incidents();
                incidentCount++;
            }
            if (period.mttrHours() != null) {
                mttrSum += period.mttrHours();
                mttrCount++;
            }
        }
        return new Health(latest, latest >= target, (double) met / periods.size(), incidentCount == 0 ? null : incidents,
                mttrCount == 0 ? null : mttrSum / mttrCount);
    }
}
