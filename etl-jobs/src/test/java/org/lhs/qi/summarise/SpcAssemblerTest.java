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
        // 11 months of 10/100 then 40/100; baseline = first 6 months: centre 0.10, σ = √(0.1·0.9/100) = 0.03,
        // limits 0.10 ± 0.09 → 0.01 .. 0.19; month 12 (0.40) is above; months on the centre line make no shift;
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
        assertEquals(0.01, first.lower(), 1e-12);
        assertEquals(0.19, first.upper(), 1e-12);
        assertNull(first.signals());
        assertNull(first.side());
        SpcPoint last = spc.get(JAN.plusMonths(11));
        assertEquals("OUTSIDE_LIMITS", last.signals());
        assertEquals("up", last.side());
    }

    @Test
    void stepChangeIsANonRandomRunAgainstTheBaseline() {
        // 6 months of 20/100 then 6 of 30/100: baseline centre 0.20, σ = 0.04, upper 0.32, so no point is outside
        // and the 6 later months are too few for a shift of 8; but around the median 0.25 the series crosses once,
        // fewer than the 3 expected by chance (5% quantile of Bin(11, ½)): Anhøj's too-few-crossings signal.
        List<ResultCell> cells = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            cells.add(proportionCell(m, m < 6 ? 20 : 30, 100, false));
        }
        Map<LocalDate, SpcPoint> spc = SpcAssembler.chart(proportion, cells);
        SpcPoint dec = spc.get(JAN.plusMonths(11));
        assertEquals(0.20, dec.centre(), 1e-12);
        assertEquals(0.32, dec.upper(), 1e-12);
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
        // 5 events per 1,000 patient-days each month: centre 5, upper 5 + 3·√5 = 11.7082, lower clipped at 0
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
        assertEquals(11.7082039, p.upper(), 1e-6);
        assertNull(p.signals());
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
