package org.lhs.qi.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The three effects planted for the scorecard to find; everything else in the generator is stable over time and
 * independent of sex, race, ethnicity, language, age band and payer (common-cause variation only).
 */
final class PlantedEffects {

    /** Share of diabetics who are in poor control (latent trait) for a patient who is not Black. */
    static final double POOR_CONTROL_BASE = 0.19;
    /**
     * Multiplier of that share for Black or African American patients. Strong on purpose: the scorecard corrects its
     * equity flags across all its comparisons (Benjamini–Hochberg; about 130 on the demo's organisation scorecard), so
     * with ~65 Black diabetics in the demo the ratio must be near 3 to stand out with margin: the demo gives
     * p ≈ 2e-10, where a lone discovery needs p ≤ 0.05/130 ≈ 4e-4 (a ratio of 1.75 gave p ≈ 4e-4).
     */
    static final double POOR_CONTROL_BLACK = 3.0;

    static final int IMPROVING_SITE = 0;
    static final double BP_CONTROL_FLAT = 0.62;
    static final double BP_CONTROL_IMPROVING_FROM = 0.50;
    static final double BP_CONTROL_IMPROVING_TO = 0.75;

    static final int SPIKE_SITE = 1;
    /** The spike month is this many months before the month of the end date. */
    static final int SPIKE_MONTHS_BEFORE_END = 4;
    static final double FALL_RATE_PER_PATIENT_DAY = 0.0035;
    static final double FALL_INJURY_SHARE = 0.30;
    static final double SPIKE_FALL_MULTIPLIER = 8.0; // large enough for 11+ falls with injury: the month survives small-cell suppression
    static final double SPIKE_INJURY_SHARE = 0.8;

    private final Window window;
    private final int sites;

    PlantedEffects(Window window, int sites) {
        this.window = window;
        this.sites = sites;
    }

    /**
     * Probability that a diabetic patient has the poor-control trait (high HbA1c or never tested). Only race moves
     * it: a second planted factor (payer) would be too small to detect at this size, and a committee could not tell
     * a missed planted effect from a true negative.
     */
    static double poorControlProbability(String race) {
        return "black-or-african-american".equals(race) ? POOR_CONTROL_BASE * POOR_CONTROL_BLACK : POOR_CONTROL_BASE;
    }

    /** Probability that one BP reading of a hypertensive patient at the site is below 140/90. */
    double bpControlProbability(int siteIndex, int monthIndex) {
        if (siteIndex != IMPROVING_SITE || window.months() < 2) {
            return BP_CONTROL_FLAT;
        }
        double progress = Math.min(1.0, Math.max(0.0, monthIndex / (double) (window.months() - 1)));
        return BP_CONTROL_IMPROVING_FROM + (BP_CONTROL_IMPROVING_TO - BP_CONTROL_IMPROVING_FROM) * progress;
    }

    /** Month index of the falls spike, or -1 when the window or the number of sites cannot hold it. */
    int spikeMonth() {
        int m = window.months() - SPIKE_MONTHS_BEFORE_END;
        return sites > SPIKE_SITE && m >= 0 ? m : -1;
    }

    boolean inSpike(int siteIndex, int monthIndex) {
        return siteIndex == SPIKE_SITE && monthIndex == spikeMonth() && monthIndex >= 0;
    }

    double fallRate(int siteIndex, int monthIndex) {
        return FALL_RATE_PER_PATIENT_DAY * (inSpike(siteIndex, monthIndex) ? SPIKE_FALL_MULTIPLIER : 1.0);
    }

    double fallInjuryShare(int siteIndex, int monthIndex) {
        return inSpike(siteIndex, monthIndex) ? SPIKE_INJURY_SHARE : FALL_INJURY_SHARE;
    }

    /** Human-readable descriptions of the effects that this window and site count actually contain. */
    List<String> describe(List<Site> siteList) {
        List<String> out = new ArrayList<>();
        out.add(("Disparity: among diabetics, the latent poor-control share (HbA1c around 10%% or no HbA1c test) is "
                + "%.0f%% for patients who are not Black and x%.1f for Black or African American patients (so roughly "
                + "2.8x the white rate of 'latest HbA1c > 9%% or missing'); diabetes is also 1.5x as prevalent among "
                + "Black patients. No other group differs except by chance.")
                .formatted(POOR_CONTROL_BASE * 100, POOR_CONTROL_BLACK));
        Site improving = siteList.get(IMPROVING_SITE);
        out.add(("Improving site: %s (%s) blood-pressure control (each reading < 140/90) of hypertensive patients "
                + "rises linearly from %.0f%% in %s to %.0f%% in %s; the other sites stay flat at %.0f%%.")
                .formatted(improving.name(), improving.id(), BP_CONTROL_IMPROVING_FROM * 100,
                        java.time.YearMonth.from(window.startDate()), BP_CONTROL_IMPROVING_TO * 100,
                        java.time.YearMonth.from(window.startDate()).plusMonths(Math.max(0, window.months() - 1)),
                        BP_CONTROL_FLAT * 100));
        if (spikeMonth() >= 0) {
            Site spike = siteList.get(SPIKE_SITE);
            out.add(("Special-cause month: %s (%s) in %s has %.0fx its usual fall rate with %.0f%% instead of %.0f%% "
                    + "of falls with injury, i.e. about %.1fx its usual rate of falls with injury (usual: %.1f falls "
                    + "per 1,000 patient-days, %.0f%% with injury).")
                    .formatted(spike.name(), spike.id(),
                            java.time.YearMonth.from(window.startDate()).plusMonths(spikeMonth()),
                            SPIKE_FALL_MULTIPLIER, SPIKE_INJURY_SHARE * 100, FALL_INJURY_SHARE * 100,
                            SPIKE_FALL_MULTIPLIER * SPIKE_INJURY_SHARE / FALL_INJURY_SHARE,
                            FALL_RATE_PER_PATIENT_DAY * 1000, FALL_INJURY_SHARE * 100));
        }
        return out;
    }
}
