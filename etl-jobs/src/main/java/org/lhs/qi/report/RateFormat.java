package org.lhs.qi.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats rates, intervals and targets of one indicator the way the scorecard prints them. */
public final class RateFormat {

    private final Scoring scoring;
    private final double multiplier;
    private final String exposureUnit;

    /** Formatter for the indicator's scoring and multiplier (ratio default 1,000), ratios per patient-days. */
    public RateFormat(Scoring scoring, Double multiplier) {
        this(scoring, multiplier, null);
    }

    /** Formatter for a ratio per the given exposure measure ({@code central-line-days}…; null = patient-days). */
    public RateFormat(Scoring scoring, Double multiplier, String exposure) {
        this.scoring = scoring;
        this.multiplier = multiplier == null ? 1000 : multiplier;
        this.exposureUnit = exposureUnit(exposure);
    }

    /** Formatter for an indicator. */
    public static RateFormat of(IndicatorInfo indicator) {
        return new RateFormat(indicator.scoring(), indicator.multiplier(), indicator.exposure());
    }

    /** How people say the exposure measure: NHSN's "central-line days", "catheter days"… */
    static String exposureUnit(String exposure) {
        return switch (exposure == null ? "patient-days" : exposure) {
            case "central-line-days" -> "central-line days";
            case "urinary-catheter-days" -> "catheter days";
            case "ventilator-days" -> "ventilator days";
            case "subjects" -> "subjects";
            default -> "patient-days";
        };
    }

    /** "23.5%" for a proportion, "1.23" for a ratio; "–" when null. */
    public String rate(Double rate) {
        if (rate == null) {
            return "–";
        }
        return scoring == Scoring.PROPORTION ? decimal("0.0").format(rate * 100) + "%" : decimal("0.00").format(rate);
    }

    /** The rate with its unit: "23.5%" or "1.23 per 1,000 patient-days". */
    public String rateWithUnit(Double rate) {
        if (rate == null) {
            return "–";
        }
        return scoring == Scoring.PROPORTION ? rate(rate) : rate(rate) + " " + unit();
    }

    /** The unit of a ratio ("per 1,000 patient-days"); "%" for a proportion. */
    public String unit() {
        return scoring == Scoring.PROPORTION ? "%" : "per " + decimal("#,##0.##").format(multiplier) + " " + exposureUnit;
    }

    /** "20.1–27.2%" or "0.85–1.70"; "–" when either bound is missing. */
    public String interval(Double low, Double high) {
        if (low == null || high == null) {
            return "–";
        }
        return scoring == Scoring.PROPORTION
                ? decimal("0.0").format(low * 100) + "–" + decimal("0.0").format(high * 100) + "%"
                : decimal("0.00").format(low) + "–" + decimal("0.00").format(high);
    }

    /** "≤ 15.0%" or "≤ 1.00"; "none" without a target. */
    public String target(Double target, Improvement improvement) {
        return target == null ? "none" : improvement.targetRelation() + " " + rate(target);
    }

    /** The value plotted on charts: percent for proportions, the rate itself for ratios. */
    public Double chartValue(Double rate) {
        if (rate == null) {
            return null;
        }
        return scoring == Scoring.PROPORTION ? rate * 100 : rate;
    }

    /** Label of the chart's value axis. */
    public String axisLabel() {
        return scoring == Scoring.PROPORTION ? "Rate (%)" : "Rate " + unit();
    }

    /** Column heading of the numerator ("Numerator" / "Events"). */
    public String numeratorHeading() {
        return scoring == Scoring.PROPORTION ? "Numerator" : "Events";
    }

    /** Column heading of the rate's denominator ("Denominator" / "Patient-days" / "Central-line days"). */
    public String denominatorHeading() {
        return scoring == Scoring.PROPORTION ? "Denominator"
                : Character.toUpperCase(exposureUnit.charAt(0)) + exposureUnit.substring(1);
    }

    /** What the equity ratio compares: the forest plot's axis label. */
    public String measureName() {
        return scoring == Scoring.PROPORTION ? "Ratio to ref. group (log scale)" : "Rate ratio to ref. (log scale)";
    }

    private static DecimalFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
    }
}
