package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lhs.qi.stats.equity.Comparison;

class EquityComparisonTest {

    @Test
    void proportionsAgainstTheLargestGroupWithKatzInterval() {
        List<ResultRow> race = List.of(
                row("white", 200, 1000, null, false),
                row("black-or-african-american", 60, 200, null, false),
                row("asian", 22, 100, null, false),
                row("other", 0, 5, null, true),
                row("unknown", 40, 50, null, false));
        Map<String, EquityComparison.Result> r = EquityComparison.compare(race, Scoring.PROPORTION, Improvement.DECREASE);
        // suppressed and unknown strata are never compared
        assertThat(r).containsOnlyKeys("white", "black-or-african-american", "asian");
        assertThat(r.get("white").ratioText()).isEqualTo("ref.");
        // RR = 0.30/0.20 = 1.5; Katz se = √(1/60 − 1/200 + 1/200 − 1/1000) = 0.1251666, z = 1.959964 → exp(ln 1.5 ± 0.245322)
        EquityComparison.Result black = r.get("black-or-african-american");
        assertEquals(1.5, black.ratio(), 1e-12);
        assertEquals(1.17368, black.low(), 1e-5);
        assertEquals(1.91705, black.high(), 1e-5);
        assertThat(black.comparison()).isEqualTo(Comparison.WORSE);
        assertThat(black.ratioText()).isEqualTo("1.50 (1.17–1.92)");
        assertThat(black.flag()).isEqualTo("disparity");
        // 22% v 20%: not significant
        assertThat(r.get("asian").comparison()).isEqualTo(Comparison.SIMILAR);
        assertThat(r.get("asian").flag()).isEmpty();
    }

    @Test
    void noFlagWhenThePrintedRatioIntervalIncludesOne() {
        // 2/11 v 60/100: Newcombe's difference interval −0.577..−0.107 excludes 0, but Katz's ratio interval
        // 0.086..1.072 includes 1, so the table would print "(0.09–1.07)" beside a flag: not flagged
        List<ResultRow> payer = List.of(row("commercial", 60, 100, null, false), row("self-pay", 2, 11, null, false));
        EquityComparison.Result selfPay = EquityComparison.compare(payer, Scoring.PROPORTION, Improvement.INCREASE)
                .get("self-pay");
        assertEquals(0.08563, selfPay.low(), 1e-5);
        assertEquals(1.07235, selfPay.high(), 1e-5);
        assertThat(selfPay.comparison()).isEqualTo(Comparison.SIMILAR);
    }

    @Test
    void ratiosUseTheExactConditionalInterval() {
        // 30 events in 1,000 days v 20 in 2,000: RR = 3; x1 | 50 ~ Bin(50, p) with p = 30/50 at the estimate
        List<ResultRow> sex = List.of(row("female", 20, 300, 2000.0, false), row("male", 30, 200, 1000.0, false));
        EquityComparison.Result male = EquityComparison.compare(sex, Scoring.RATIO, Improvement.DECREASE).get("male");
        assertEquals(3.0, male.ratio(), 1e-12);
        assertThat(male.low()).isGreaterThan(1.0).isLessThan(3.0);
        assertThat(male.high()).isGreaterThan(3.0);
        assertThat(male.comparison()).isEqualTo(Comparison.WORSE);
    }

    @Test
    void fewerThanTwoComparableGroupsGiveNothing() {
        assertThat(EquityComparison.compare(List.of(row("female", 10, 100, null, false), row("unknown", 5, 50, null, false)),
                Scoring.PROPORTION, Improvement.INCREASE)).isEmpty();
    }

    @Test
    void flagsAreCorrectedAcrossEveryComparisonOfThePage() {
        // five comparisons: Katz p-values 0.0012 (black 60/200 v white 200/1000), 0.0142 (female 30/100 v male
        // 200/1000), 0.0494 (18–34 26/54 v 50–64 242/377, RR 0.75), 1 (hispanic 100/500 v 200/1000) and medicaid
        // 42/200 v commercial 200/1000 (p ≈ 0.75). At 5% each the 18–34 group would be flagged; Benjamini–Hochberg
        // with m = 5 compares the sorted p-values with 0.01, 0.02, 0.03, 0.04, 0.05: 0.0012 ≤ 0.01 and 0.0142 ≤ 0.02
        // pass, 0.0494 > 0.03 and the larger ones fail → only black and female are flagged.
        Map<String, List<ResultRow>> page = new java.util.LinkedHashMap<>();
        page.put("race", List.of(row("race", "white", 200, 1000), row("race", "black-or-african-american", 60, 200)));
        page.put("sex", List.of(row("sex", "male", 200, 1000), row("sex", "female", 30, 100)));
        page.put("age_band", List.of(row("age_band", "50-64", 242, 377), row("age_band", "18-34", 26, 54)));
        page.put("ethnicity", List.of(row("ethnicity", "not-hispanic-or-latino", 200, 1000),
                row("ethnicity", "hispanic-or-latino", 100, 500)));
        page.put("payer", List.of(row("payer", "commercial", 200, 1000), row("payer", "medicaid", 42, 200)));
        EquityComparison.Family family = EquityComparison.compareAll(page, Scoring.PROPORTION, Improvement.DECREASE);
        assertThat(family.comparisons()).isEqualTo(5);
        assertEquals(0.0011978, family.of("race").get("black-or-african-american").p(), 1e-6);
        assertThat(family.of("race").get("black-or-african-american").comparison()).isEqualTo(Comparison.WORSE);
        assertThat(family.of("sex").get("female").comparison()).isEqualTo(Comparison.WORSE);
        EquityComparison.Result young = family.of("age_band").get("18-34");
        assertEquals(0.04944, young.p(), 1e-4);
        assertThat(young.comparison()).isEqualTo(Comparison.SIMILAR);
        // alone, as a family of one, the same comparison would be flagged (better: lower is better here)
        assertThat(EquityComparison.compare(page.get("age_band"), Scoring.PROPORTION, Improvement.DECREASE)
                .get("18-34").comparison()).isEqualTo(Comparison.BETTER);
        assertThat(family.of("payer").get("medicaid").comparison()).isEqualTo(Comparison.SIMILAR);

        // the forest plot lists the page in table order with a heading per stratifier
        List<ResultRow> ordered = List.of(row("sex", "female", 30, 100), row("sex", "male", 200, 1000),
                row("race", "black-or-african-american", 60, 200), row("race", "white", 200, 1000),
                suppressed("race", "asian"), row("race", "unknown", 5, 20));
        ForestData forest = EquityForest.of(ordered, family, "Ratio");
        assertThat(forest.rows()).extracting(ForestData.Row::kind).containsExactly(ForestData.Kind.HEADING,
                ForestData.Kind.WORSE, ForestData.Kind.REFERENCE, ForestData.Kind.HEADING, ForestData.Kind.WORSE,
                ForestData.Kind.REFERENCE, ForestData.Kind.SUPPRESSED, ForestData.Kind.NOT_COMPARED);
        ForestData.Row black = forest.rows().get(4);
        assertEquals(1.5, black.ratio(), 1e-12);
        assertEquals(1.17368, black.low(), 1e-5);
        assertThat(forest.rows().get(6).plotted()).isFalse();
        assertThat(forest.note()).contains("false discovery rate at 5% across all 5 comparisons of this scorecard");
        assertThat(ForestChart.label(forest.rows().get(6))).isEqualTo("Asian (n<11)");
        assertThat(ForestChart.label(forest.rows().get(3))).isEqualTo("RACE");
    }

    @Test
    void flagsAreCorrectedAcrossEveryPageOfTheScorecard() {
        // page "a" is the five comparisons above (p 0.0012, 0.0142, 0.0494, ≈0.75, 1); page "b" adds five with equal
        // rates (p = 1). Family of 10, thresholds i·0.005: 0.0012 ≤ 0.005 passes, 0.0142 > 0.010 and every larger
        // p-value fails → only black is flagged; p̃(black) = 10 · 0.0011978 = 0.011978, p̃(female) = min(10/2 ·
        // 0.0142, 10/3 · 0.0494, …) = 0.0710. On page "a" alone female was flagged too.
        Map<String, List<ResultRow>> a = new java.util.LinkedHashMap<>();
        a.put("race", List.of(row("race", "white", 200, 1000), row("race", "black-or-african-american", 60, 200)));
        a.put("sex", List.of(row("sex", "male", 200, 1000), row("sex", "female", 30, 100)));
        a.put("age_band", List.of(row("age_band", "50-64", 242, 377), row("age_band", "18-34", 26, 54)));
        a.put("ethnicity", List.of(row("ethnicity", "not-hispanic-or-latino", 200, 1000),
                row("ethnicity", "hispanic-or-latino", 100, 500)));
        a.put("payer", List.of(row("payer", "commercial", 200, 1000), row("payer", "medicaid", 42, 200)));
        Map<String, List<ResultRow>> b = new java.util.LinkedHashMap<>();
        b.put("race", List.of(row("race", "white", 200, 1000), row("race", "black-or-african-american", 100, 500),
                row("race", "asian", 50, 250)));
        b.put("sex", List.of(row("sex", "male", 200, 1000), row("sex", "female", 100, 500)));
        b.put("age_band", List.of(row("age_band", "50-64", 200, 1000), row("age_band", "18-34", 100, 500),
                row("age_band", "65-74", 20, 100)));
        Map<String, EquityComparison.Page> pages = new java.util.LinkedHashMap<>();
        pages.put("a", new EquityComparison.Page(a, Scoring.PROPORTION, Improvement.DECREASE));
        pages.put("b", new EquityComparison.Page(b, Scoring.PROPORTION, Improvement.INCREASE));
        Map<String, EquityComparison.Family> scorecard = EquityComparison.compareScorecard(pages);

        EquityComparison.Family pageA = scorecard.get("a");
        assertThat(pageA.comparisons()).isEqualTo(5);
        assertThat(pageA.familySize()).isEqualTo(10);
        assertThat(scorecard.get("b").comparisons()).isEqualTo(5);
        EquityComparison.Result black = pageA.of("race").get("black-or-african-american");
        assertEquals(0.011978, black.adjustedP(), 1e-6);
        assertThat(black.comparison()).isEqualTo(Comparison.WORSE);
        EquityComparison.Result female = pageA.of("sex").get("female");
        assertEquals(0.0710, female.adjustedP(), 1e-4);
        assertThat(female.comparison()).isEqualTo(Comparison.SIMILAR);
        assertThat(pageA.flagged()).extracting(EquityComparison.Result::stratum)
                .containsExactly("black-or-african-american");
        assertThat(scorecard.get("b").flagged()).isEmpty();
        assertThat(EquityComparison.compareAll(a, Scoring.PROPORTION, Improvement.DECREASE).of("sex").get("female")
                .comparison()).isEqualTo(Comparison.WORSE);
        assertThat(EquityForest.note(pageA)).contains("across all 10 comparisons of this scorecard");
        // a page with nothing to compare says so, although the scorecard has comparisons
        EquityComparison.Family empty = EquityComparison.compareScorecard(Map.of(
                "x", new EquityComparison.Page(Map.of("sex", List.of(row("sex", "male", 20, 100))), Scoring.PROPORTION,
                        Improvement.INCREASE))).get("x");
        assertThat(EquityForest.note(empty)).startsWith("No patient groups could be compared");
    }

    @Test
    void forestAxisCoversTheIntervalsInWholePowersOfTwo() {
        List<ForestData.Row> rows = List.of(new ForestData.Row("a", ForestData.Kind.WORSE, 2.17, 1.41, 3.32),
                new ForestData.Row("b", ForestData.Kind.SIMILAR, 0.59, 0.25, 1.39),
                new ForestData.Row("c", ForestData.Kind.SUPPRESSED, null, null, null));
        double[] range = ForestChart.logRange(rows);
        // lowest low 0.25 → 2^-2, highest high 3.32 → 2^2
        assertEquals(0.25, Math.pow(10, range[0]), 1e-9);
        assertEquals(4.0, Math.pow(10, range[1]), 1e-9);
    }

    private static ResultRow row(String stratifier, String stratum, long num, long den) {
        return new ResultRow("i", LocalDate.of(2025, 11, 1), "ALL", "Org", stratifier, stratum, num, den, null,
                (double) num / den, null, null, false);
    }

    private static ResultRow suppressed(String stratifier, String stratum) {
        return new ResultRow("i", LocalDate.of(2025, 11, 1), "ALL", "Org", stratifier, stratum, 0, 5, null, null,
                null, null, true);
    }

    private static ResultRow row(String stratum, long num, long den, Double exposure, boolean suppressed) {
        return new ResultRow("i", LocalDate.of(2025, 11, 1), "ALL", "Org", "race", stratum, num, den, exposure,
                suppressed ? null : (exposure == null ? (double) num / den : num / exposure * 1000), null, null,
                suppressed);
    }
}
