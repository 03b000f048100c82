package org.lhs.qi.summarise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpcAssemblerTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private final IndicatorScoring proportion = new IndicatorScoring("p", "1", "h", "proportion", 1, null, "increase");
    private final IndicatorScoring ratio = new IndicatorScoring("r", "1", "h", "ratio", 1000, null, "decrease");

    @Test
    void pChartWithBaselineLimitsFlagsTheSpikeByHand() {
        // 11 months of 10/100 then 40/100; baseline = first 6 months: centre 0.10; exact binomial limits of
        // Bin(100, 0.1) at the 3σ tail 0.135%: P(X ≤ 1) = 0.00032 < 0.00135 ≤ P(X ≤ 2) = 0.00194 → 2/100;
        // P(X ≤ 19) = 0.99802 < 0.99865 ≤ P(X ≤ 20) = 0.99919 → 20/100; month 12 (0.40) is above;
        // the Anhøj median is 0.10, so only one useful point: no run signal.
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            cells.add(proportionCell(m, m == 11 ? 40 : 10, 100, false));
        }
        Map<LocalDate, SpcPoint> spc = SpcAssembler.chart(proportion, cells);
        assertThat(spc).hasSize(12);
        SpcPoint first = spc.get(JAN);
        assertEquals("p", first.chart());
        assertEquals(0.10, first.centre(), 1e-12);
        assertEquals(0.02, first.lower(), 1e-12);
        assertEquals(0.20, first.upper(), 1e-12);
        assertNull(first.signals());
        assertNull(first.side());
        SpcPoint last = spc.get(JAN.plusMonths(11));
        assertEquals("OUTSIDE_LIMITS", last.signals());
        assertEquals("up", last.side());
    }

    @Test
    void stepChangeIsANonRandomRunAgainstTheBaseline() {
        // 6 months of 20/100 then 6 of 30/100: baseline centre 0.20, exact upper limit 33/100 (P(X ≤ 32) = 0.99845,
        // P(X ≤ 33) = 0.99926), so no point is outside; but around the median 0.25 the series crosses once,
        // fewer than the 3 expected by chance (5% quantile of Bin(11, ½)): Anhøj's too-few-crossings signal.
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            cells.add(proportionCell(m, m < 6 ? 20 : 30, 100, false));
        }
        Map<LocalDate, SpcPoint> spc = SpcAssembler.chart(proportion, cells);
        SpcPoint dec = spc.get(JAN.plusMonths(11));
        assertEquals(0.20, dec.centre(), 1e-12);
        assertEquals(0.33, dec.upper(), 1e-12);
        assertEquals("RUN_FEW_CROSSINGS", dec.signals());
        assertNull(dec.side());
    }

    @Test
    void laneyWhenLargeAndOverDispersed() {
        // 500 and 600 of 5,000 alternating: centre 0.11, z = ±0.01/σ, σ_z = 2·0.01/σ/1.128, so the half
        // width 3·σ·σ_z = 0.06/1.128 = 0.0531915: limits 0.0568085 .. 0.1631915, nothing signalled.
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            cells.add(proportionCell(m, m % 2 == 0 ? 500 : 600, 5000, false));
        }
        SpcPoint p = SpcAssembler.chart(proportion, cells).get(JAN);
        assertEquals("p-prime", p.chart());
        assertEquals(0.11, p.centre(), 1e-12);
        assertEquals(0.0568085, p.lower(), 1e-7);
        assertEquals(0.1631915, p.upper(), 1e-7);
        assertNull(p.signals());
        assertNull(p.side());
    }

    @Test
    void plainChartWhenSmallEvenIfOverDispersed() {
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            cells.add(proportionCell(m, m % 2 == 0 ? 10 : 12, 100, false));
        }
        assertEquals("p", SpcAssembler.chart(proportion, cells).get(JAN).chart());
    }

    @Test
    void uChartPerThousandAndSuppressedMonthsLeftOut() {
        // 5 events per 1,000 patient-days each month: centre 5; exact Poisson(5) limits: P(X ≤ 12) = 0.99798,
        // P(X ≤ 13) = 0.99930 → upper 13 per 1,000 (3σ would give 11.7); lower 0
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            cells.add(ratioCell(m, 5, 1000.0, 40, m == 3));
        }
        Map<LocalDate, SpcPoint> spc = SpcAssembler.chart(ratio, cells);
        assertThat(spc).hasSize(5).doesNotContainKey(JAN.plusMonths(3));
        SpcPoint p = spc.get(JAN);
        assertEquals("u", p.chart());
        assertEquals(5.0, p.centre(), 1e-12);
        assertEquals(0.0, p.lower(), 1e-12);
        assertEquals(13.0, p.upper(), 1e-12);
        assertNull(p.signals());
    }

    @Test
    void hiddenMonthsSetTheBaselineButGetNoPoint() {
        // falls at one site: 1 event a month in 860 patient-days for 11 months (each suppressed: 1–10 events), then
        // 15 in the 12th (shown). Baseline = first 6 months: 6 events / 5,160 days = 1.16279 per 1,000, i.e. 1.0
        // expected per month; Poisson(1): P(X ≤ 4) = 0.99634 < 0.99865 ≤ P(X ≤ 5) = 0.99941 → upper 5 events =
        // 5.814 per 1,000; 15 events (17.44 per 1,000) is above. Only the shown month carries a point.
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            cells.add(ratioCell(m, m == 11 ? 15 : 1, 860.0, 40, m != 11));
        }
        Map<LocalDate, SpcPoint> spc = SpcAssembler.chart(ratio, cells);
        assertThat(spc).containsOnlyKeys(JAN.plusMonths(11));
        SpcPoint dec = spc.get(JAN.plusMonths(11));
        assertEquals(6 / 5160.0 * 1000, dec.centre(), 1e-9);
        assertEquals(5 / 860.0 * 1000, dec.upper(), 1e-9);
        assertEquals("OUTSIDE_LIMITS", dec.signals());
        assertEquals("up", dec.side());
    }

    @Test
    void fourFallsWhereOneIsExpectedIsNotASpecialCause() {
        // 1 fall per 1,000 patient-days for 11 months at 860 days (expected 0.86), then 4 falls: the 3σ limit
        // (0.86 + 3·√0.86 = 3.64 falls) would flag it although P(X ≥ 4) = 1.2%; the exact limit is 5 falls (5.81
        // per 1,000), so it is common cause. 7 falls would signal.
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            cells.add(ratioCell(m, m == 11 ? 4 : (m % 2 == 0 ? 1 : 0), 860.0, 40, false));
        }
        // baseline: 3 falls in 6 × 860 days → centre 0.5814 per 1,000, expected 0.5 per month: P(X ≤ 3) = 0.99825,
        // P(X ≤ 4) = 0.99983 → upper 4 falls = 4.651 per 1,000; 4 falls is not above it
        SpcPoint dec = SpcAssembler.chart(ratio, cells).get(JAN.plusMonths(11));
        assertEquals(4 / 860.0 * 1000, dec.upper(), 1e-9);
        assertNull(dec.signals());
        cells.set(11, ratioCell(11, 7, 860.0, 40, false));
        assertEquals("OUTSIDE_LIMITS", SpcAssembler.chart(ratio, cells).get(JAN.plusMonths(11)).signals());
    }

    @Test
    void aDefinitionChangeStartsANewPhase() {
        // 6 months at 10/100 under v1, 6 at 30/100 under v2: one chart would flag every v2 month; two phases each
        // have their own centre (0.10, then 0.30) and no signal
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            cells.add(proportionCell(m, m < 6 ? 10 : 30, 100, false));
        }
        Map<LocalDate, SpcPoint> single = SpcAssembler.chart(proportion, cells);
        assertThat(single.get(JAN.plusMonths(6)).signals()).contains("OUTSIDE_LIMITS");
        Map<LocalDate, SpcPoint> phased = SpcAssembler.chart(proportion, cells,
                c -> c.counts().periodStart().isBefore(JAN.plusMonths(6)) ? "v1" : "v2");
        assertThat(phased).hasSize(12);
        assertEquals(0.10, phased.get(JAN.plusMonths(5)).centre(), 1e-12);
        assertEquals(0.30, phased.get(JAN.plusMonths(6)).centre(), 1e-12);
        assertThat(phased.values()).allMatch(p -> p.signals() == null);
    }

    @Test
    void tooFewMonthsGiveNoChart() {
        assertThat(SpcAssembler.chart(proportion, List.of(proportionCell(0, 5, 50, false)))).isEmpty();
    }

    private static CellCounts counts(int month, long den, long num, long events, double exposure) {
        LocalDate start = JAN.plusMonths(month);
        return new CellCounts("month", start, start.plusMonths(1), "ALL", "Org", "overall", "all", den, den, 0, 0,
                num, 0, events, exposure);
    }

    private static ResultCell proportionCell(int month, long num, long den, boolean suppressed) {
        return new ResultCell(counts(month, den, num, 0, 0), den, num, null, suppressed ? null : (double) num / den,
                null, null, null, suppressed, null, null);
    }

    private static ResultCell ratioCell(int month, long events, double exposure, long subjects, boolean suppressed) {
        return new ResultCell(counts(month, subjects, 0, events, exposure), subjects, events, exposure,
                suppressed ? null : events / exposure * 1000, null, null, null, suppressed, null, null);
    }
}
