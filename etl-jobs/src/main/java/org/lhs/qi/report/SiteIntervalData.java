package org.lhs.qi.report;

import java.io.Serializable;
import java.util.List;

/**
 * The site comparison of a continuous-variable indicator: each reportable site's median with its 95% interval
 * against the organisation median (and the target, when there is one), on the observation's scale. A funnel plot
 * needs a sampling distribution for the statistic at each sample size; the order-statistic interval of each
 * site already carries that, so sites are drawn as intervals instead. The same drawing serves the patient groups;
 * {@code itemLabel} names the rows in the legend ("Site", "Patient group").
 */
public record SiteIntervalData(String axisLabel, String itemLabel, String referenceLabel, double reference, Double target,
        String targetLabel, List<Site> sites) implements Serializable {

    public SiteIntervalData {
        sites = List.copyOf(sites);
    }

    /** A site: its value and interval; {@code highlight} marks the audience's own site on a site report. */
    public record Site(String name, double value, double low, double high, boolean highlight) implements Serializable {}
}
