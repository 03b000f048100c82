package org.lhs.qi.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Formats the medians (or means) of a continuous-variable indicator: one decimal, as order-statistic medians of
 * whole minutes can end in .5; the unit is the observation's ({@code minutes}, …).
 */
public final class ContinuousFormat {

    private final ContinuousIndicator indicator;

    /** Formatter of the indicator's values. */
    public ContinuousFormat(ContinuousIndicator indicator) {
        this.indicator = indicator;
    }

    /** "Median" or "Mean". */
    public String measure() {
        return indicator.mean() ? "Mean" : "Median";
    }

    /** "minutes"; "" without a unit. */
    public String unit() {
        return indicator.unit() == null ? "" : indicator.unit().strip();
    }

    /** "212.5"; "–" when null. */
    public String value(Double value) {
        return value == null ? "–" : decimal("#,##0.0").format(value);
    }

    /** "212.5 minutes". */
    public String valueWithUnit(Double value) {
        return value == null || unit().isEmpty() ? value(value) : value(value) + " " + unit();
    }

    /** "198.0–225.5"; "–" when a bound is missing. */
    public String interval(Double low, Double high) {
        return low == null || high == null ? "–" : value(low) + "–" + value(high);
    }

    /** "≤ 180 minutes"; "none" without a target. */
    public String target(Double target, Improvement improvement) {
        if (target == null) {
            return "none";
        }
        String t = decimal("#,##0.#").format(target);
        return improvement.targetRelation() + " " + (unit().isEmpty() ? t : t + " " + unit());
    }

    /** Heading of the value column and label of the chart axis: "Median (minutes)". */
    public String heading() {
        return unit().isEmpty() ? measure() : measure() + " (" + unit() + ")";
    }

    /** Heading of the subjects column: "Encounters" or "Patients" (those in the measure population). */
    public String populationHeading() {
        return "patient".equals(indicator.basis()) ? "Patients" : "Encounters";
    }

    private static DecimalFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
    }
}
