/**
 * Aggregating {@code qi.member} into {@code qi.result}: counts, rates, intervals and suppression per cell.
 * <h2>Small-cell rule (what may be published)</h2>
 * Following the CMS cell-size suppression policy (no cell of 1–10, including cells that can be derived by
 * subtraction or from a percentage) and NCHS/CDC practice for unstable rates:
 * <ul>
 * <li><b>Primary</b> ({@link org.lhs.qi.stats.SuppressionRule}, default minimum 11): a proportion's cell is hidden
 * when its denominator is below 11, or its numerator or its complement (denominator − numerator) is 1–10; a
 * ratio's when it has fewer than 11 subjects or 1–10 events; a cohort's when its count is below 11. Hiding only
 * the small count would not do: the rate times the denominator (or patient-days) gives it back, and the rate's
 * interval gives the denominator. Zero identifies nobody and is shown.</li>
 * <li><b>Complementary</b> ({@link org.lhs.qi.summarise.ComplementarySuppression}): strata add up to the overall
 * cell, sites to ALL, and (where they really add up) months to the 12-month period; whenever one of these sums has
 * exactly one hidden cell, the smallest shown part is hidden too, repeated until stable.</li>
 * <li>A hidden cell keeps its counts in {@code qi.result} (with {@code suppression} = primary | complementary) but
 * never a rate or interval (a check constraint), is left out of control charts, trends, equity comparisons and the
 * funnel plot, and is published in the PDF, the CSV and the FHIR export only as "suppressed" — without saying
 * which kind, which would narrow down the small ones.</li>
 * <li><b>Unstable</b>: a shown rate whose relative standard error exceeds 30% (binomial sqrt((1 − p)/numerator),
 * Poisson 1/sqrt(events)), or that has no events, is flagged ({@code qi.result.unstable}, "*" in the PDF,
 * {@code unstable} in the exports) but still shown.</li>
 * </ul>
 */
package org.lhs.qi.summarise;
