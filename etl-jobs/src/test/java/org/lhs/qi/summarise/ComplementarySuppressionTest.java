package org.lhs.qi.summarise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.SuppressedCell.Status;
import org.lhs.qi.stats.SuppressionRule;

class ComplementarySuppressionTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final ResultCalculator CALCULATOR = new ResultCalculator(new SuppressionRule(11));
    private static final IndicatorScoring PROPORTION = new IndicatorScoring("p", "1", "h", "proportion", 1, null, "increase");
    private static final IndicatorScoring RATIO = new IndicatorScoring("r", "1", "h", "ratio", 1000, null, "decrease");

    @Test
    void aSmallSiteHidesTheNextSmallestSiteSoTheOrganisationTotalGivesNothingAway() {
        // A has denominator 8 (primary). ALL = 8 + 40 + 25 + 60 = 133. With only A hidden, A = 133 − 40 − 25 − 60;
        // so the smallest shown site, C (25), is hidden too: 133 − 40 − 60 = 33 = A + C, two unknowns.
        List<ResultCell> cells = List.of(
                proportion("month", JAN, "A", "overall", "all", 8, 0),
                proportion("month", JAN, "B", "overall", "all", 40, 20),
                proportion("month", JAN, "C", "overall", "all", 25, 12),
                proportion("month", JAN, "D", "overall", "all", 60, 30),
                proportion("month", JAN, "ALL", "overall", "all", 133, 62));
        Map<String, ResultCell> out = bySite(ComplementarySuppression.apply(cells));
        assertThat(out.get("A").suppression()).isEqualTo(Status.PRIMARY);
        assertThat(out.get("A").suppressionReason()).isEqualTo("denominator below 11");
        assertThat(out.get("C").suppression()).isEqualTo(Status.COMPLEMENTARY);
        assertThat(out.get("C").suppressionReason()).isEqualTo("complementary");
        assertThat(out.get("C").rate()).isNull();
        assertThat(out.get("C").ciLow()).isNull();
        assertThat(out.get("B").suppressed()).isFalse();
        assertThat(out.get("D").suppressed()).isFalse();
        assertThat(out.get("ALL").suppressed()).isFalse();
        assertThat(out.get("ALL").rate()).isEqualTo(62.0 / 133);
    }

    @Test
    void hidingOneStratumCascadesAcrossStrataAndSites() {
        // B: overall 60/30 = female 50/25 + male 10/5  → B-male primary (denominator 10)
        // C: overall 70/35 = female 24/12 + male 46/23
        // ALL: overall 130/65 = female 74/37 + male 56/28
        // ALL-male = B-male + C-male        → C-male hidden (the only other part)
        // B-overall = B-female + B-male     → B-female hidden
        // C-overall = C-female + C-male     → C-female hidden (C-male is the only hidden one after the step above)
        // Left: B-f + B-m = 60, C-f + C-m = 70, B-f + C-f = 74, B-m + C-m = 56: 4 unknowns, rank 3, no unique answer.
        List<ResultCell> cells = new ArrayList<>();
        for (Object[] c : new Object[][] {
                {"B", "overall", "all", 60, 30}, {"B", "sex", "female", 50, 25}, {"B", "sex", "male", 10, 5},
                {"C", "overall", "all", 70, 35}, {"C", "sex", "female", 24, 12}, {"C", "sex", "male", 46, 23},
                {"ALL", "overall", "all", 130, 65}, {"ALL", "sex", "female", 74, 37}, {"ALL", "sex", "male", 56, 28}}) {
            cells.add(proportion("month", JAN, (String) c[0], (String) c[1], (String) c[2], (int) c[3], (int) c[4]));
        }
        Map<String, Status> status = ComplementarySuppression.apply(cells).stream().collect(Collectors.toMap(
                c -> c.counts().siteKey() + "/" + c.counts().stratum(), ResultCell::suppression));
        assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of(
                "B/male", Status.PRIMARY, "B/female", Status.COMPLEMENTARY,
                "C/male", Status.COMPLEMENTARY, "C/female", Status.COMPLEMENTARY,
                "B/all", Status.SHOWN, "C/all", Status.SHOWN,
                "ALL/all", Status.SHOWN, "ALL/female", Status.SHOWN, "ALL/male", Status.SHOWN));
    }

    @Test
    void monthsThatAddUpToTheYearProtectEachOther() {
        // falls: Jan 40 stays / 12 events, Feb 30 / 4 (primary: events 1–10), Mar 35 / 13; the period
        // Jan–Mar is their sum (105 / 29) → Feb = 29 − 12 − 13 unless another month goes: the smallest
        // shown by stays is Mar (35 < 40).
        List<ResultCell> cells = List.of(
                ratio("month", JAN, 40, 12, 400), ratio("month", JAN.plusMonths(1), 30, 4, 300),
                ratio("month", JAN.plusMonths(2), 35, 13, 350), ratio("12-months", JAN, 105, 29, 1050));
        List<ResultCell> out = ComplementarySuppression.apply(cells);
        assertThat(out).extracting(ResultCell::suppression).containsExactly(Status.SHOWN, Status.PRIMARY,
                Status.COMPLEMENTARY, Status.SHOWN);
        assertThat(out.get(1).suppressionReason()).isEqualTo("events below 11");
        // 12 events: RSE 1/√12 = 28.9% → stable; 29 events: 18.6%
        assertThat(out.get(0).unstable()).isFalse();
        assertThat(out.get(0).rse()).isCloseTo(0.288675, org.assertj.core.data.Offset.offset(1e-6));

        // patient basis: the same patients in several months make the year smaller than the sum (90 ≠ 105),
        // so the months do not reveal each other through it and nothing else is hidden
        List<ResultCell> patients = List.of(
                ratio("month", JAN, 40, 12, 400), ratio("month", JAN.plusMonths(1), 30, 4, 300),
                ratio("month", JAN.plusMonths(2), 35, 13, 350), ratio("12-months", JAN, 90, 29, 1050));
        assertThat(ComplementarySuppression.apply(patients)).extracting(ResultCell::suppression)
                .containsExactly(Status.SHOWN, Status.PRIMARY, Status.SHOWN, Status.SHOWN);
    }

    @Test
    void noPublishedSumEverHasExactlyOneHiddenCell() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<ResultCell> cells = new ArrayList<>();
            String[] sites = {"S1", "S2", "S3", "unattributed"};
            String[] strata = {"female", "male", "other", "unknown"};
            long[] allDen = new long[strata.length];
            long[] allNum = new long[strata.length];
            for (String site : sites) {
                long den = 0, num = 0;
                for (int s = 0; s < strata.length; s++) {
                    long d = random.nextInt(4) == 0 ? random.nextInt(11) : 11 + random.nextInt(80);
                    long n = random.nextInt((int) d + 1);
                    cells.add(proportion("month", JAN, site, "sex", strata[s], d, n));
                    den += d;
                    num += n;
                    allDen[s] += d;
                    allNum[s] += n;
                }
                cells.add(proportion("month", JAN, site, "overall", "all", den, num));
            }
            for (int s = 0; s < strata.length; s++) {
                cells.add(proportion("month", JAN, "ALL", "sex", strata[s], allDen[s], allNum[s]));
            }
            cells.add(proportion("month", JAN, "ALL", "overall", "all",
                    java.util.Arrays.stream(allDen).sum(), java.util.Arrays.stream(allNum).sum()));
            Map<ComplementarySuppression.Key, ResultCell> out = ComplementarySuppression.apply(cells).stream()
                    .collect(Collectors.toMap(ComplementarySuppression.Key::of, Function.identity()));
            for (ComplementarySuppression.Equation e : ComplementarySuppression.equations(out)) {
                long hidden = e.parts().stream().filter(k -> out.get(k).suppressed()).count()
                        + (out.get(e.total()).suppressed() ? 1 : 0);
                assertThat(hidden).as("round %d, %s", round, e).isNotEqualTo(1);
            }
            // every shown cell passes the primary rule on its own
            out.values().stream().filter(c -> !c.suppressed()).forEach(c -> {
                assertThat(c.denominator()).isGreaterThanOrEqualTo(11);
                assertThat(c.numerator()).satisfiesAnyOf(n -> assertThat(n).isZero(),
                        n -> assertThat(n).isGreaterThanOrEqualTo(11));
                assertThat(c.denominator() - c.numerator()).satisfiesAnyOf(n -> assertThat(n).isZero(),
                        n -> assertThat(n).isGreaterThanOrEqualTo(11));
            });
        }
    }

    private static Map<String, ResultCell> bySite(List<ResultCell> cells) {
        return cells.stream().collect(Collectors.toMap(c -> c.counts().siteKey(), Function.identity()));
    }

    private static ResultCell proportion(String kind, LocalDate start, String site, String stratifier, String stratum,
            long den, long num) {
        LocalDate end = "month".equals(kind) ? start.plusMonths(1) : start.plusMonths(12);
        return CALCULATOR.calculate(PROPORTION, new CellCounts(kind, start, end, site, site, stratifier, stratum,
                den, den, 0, 0, num, 0, 0, 0));
    }

    private static ResultCell ratio(String kind, LocalDate start, long stays, long events, double exposure) {
        LocalDate end = "month".equals(kind) ? start.plusMonths(1) : start.plusMonths(12);
        return CALCULATOR.calculate(RATIO, new CellCounts(kind, start, end, "ALL", "Org", "overall", "all",
                stays, stays, 0, 0, 0, 0, events, exposure));
    }
}
