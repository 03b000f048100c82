package org.lhs.qi.stats.funnel;

import java.util.List;

/**
 * Places every site on a funnel around the organisation value, which is the pooled value of the sites
 * given (total events over total denominator).
 *
 * @param target the organisation proportion or rate (per multiplier)
 */
public record FunnelPlot(double target, List<SitePosition> sites) {

    public FunnelPlot {
        sites = List.copyOf(sites);
    }

    /** Funnel for a proportion indicator; denominators must be whole numbers. */
    public static FunnelPlot forProportions(List<SiteCount> sites) {
        double target = pooled(sites);
        return new FunnelPlot(target, sites.stream().map(s -> {
            double value = s.events() / s.denominator();
            FunnelLimits limits = FunnelLimits.forProportion(target, Math.round(s.denominator()));
            return new SitePosition(s, value, limits, limits.at95(value), limits.at998(value));
        }).toList());
    }

    /** Funnel for a rate indicator; values are events per {@code multiplier} units of exposure. */
    public static FunnelPlot forRates(List<SiteCount> sites, double multiplier) {
        double target = pooled(sites) * multiplier;
        return new FunnelPlot(target, sites.stream().map(s -> {
            double value = s.events() / s.denominator() * multiplier;
            FunnelLimits limits = FunnelLimits.forRate(target, s.denominator(), multiplier);
            return new SitePosition(s, value, limits, limits.at95(value), limits.at998(value));
        }).toList());
    }

    private static double pooled(List<SiteCount> sites) {
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a funnel needs at least one site");
        }
        double events = 0;
        double denominator = 0;
        for (SiteCount s : sites) {
            if (!(s.denominator() > 0) || s.events() < 0) {
                throw new IllegalArgumentException("site " + s.site() + " needs events >= 0 and denominator > 0");
            }
            events += s.events();
            denominator += s.denominator();
        }
        return events / denominator;
    }
}
