package org.lhs.qi.report;

import java.util.List;

/**
 * The SPC reading of an audience's 12 monthly points, from the signals the summarise step stored: common
 * cause only, or special cause judged better / worse by the indicator's direction of improvement.
 */
public record SpcStatus(Code code, String label) {

    /** The reading, which drives the colour. */
    public enum Code { NONE, COMMON_CAUSE, BETTER, WORSE, MIXED }

    /** No chart was stored (too few reportable months). */
    public static final SpcStatus NONE = new SpcStatus(Code.NONE, "no chart");

    /** Reads the monthly overall rows of one audience. */
    public static SpcStatus of(List<ResultRow> monthly, Improvement improvement) {
        if (monthly.stream().noneMatch(r -> r.spcCentre() != null)) {
            return NONE;
        }
        boolean up = false;
        boolean down = false;
        boolean any = false;
        for (ResultRow r : monthly) {
            if (r.spcSignals() != null) {
                any = true;
                up |= "up".equals(r.spcSide());
                down |= "down".equals(r.spcSide());
            }
        }
        if (!any) {
            return new SpcStatus(Code.COMMON_CAUSE, "common cause");
        }
        if (up && down) {
            return new SpcStatus(Code.MIXED, "▲▼ special cause (mixed)");
        }
        if (!up && !down) {
            return new SpcStatus(Code.MIXED, "● special cause (non-random)");
        }
        boolean better = improvement.better(up ? 0 : 1, up ? 1 : 0);
        return new SpcStatus(better ? Code.BETTER : Code.WORSE,
                (up ? "▲" : "▼") + " special cause (" + (better ? "better" : "worse") + ")");
    }
}
