package org.lhs.qi.report;

import java.io.Serializable;
import java.util.List;

/**
 * The numbers of a site-comparison funnel plot, on the chart scale (percent for proportions): the
 * organisation rate, the 95% and 99.8% limits along a grid of denominators, and one point per reportable site.
 */
public record FunnelData(String xLabel, String yLabel, double target, List<Double> sizes, List<Double> lower95,
        List<Double> upper95, List<Double> lower998, List<Double> upper998, List<Site> sites) implements Serializable {

    public FunnelData {
        sizes = List.copyOf(sizes);
        lower95 = List.copyOf(lower95);
        upper95 = List.copyOf(upper95);
        lower998 = List.copyOf(lower998);
        upper998 = List.copyOf(upper998);
        sites = List.copyOf(sites);
    }

    /**
     * A site: its denominator (or exposure), its rate, whether it lies outside the 99.8% limits, and whether it is
     * the audience's own site (a site report marks it).
     */
    public record Site(String name, double size, double value, boolean outside998, boolean highlight)
            implements Serializable {

        /** A site that is not the audience's own. */
        public Site(String name, double size, double value, boolean outside998) {
            this(name, size, value, outside998, false);
        }
    }
}
