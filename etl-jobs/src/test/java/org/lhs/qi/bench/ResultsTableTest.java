package org.lhs.qi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    @Test
    void oneLinePerMetricOneColumnPerSizeAndTheGrowth() {
        String table = ResultsTable.render(List.of(
                new Metric(10_000, "end_to_end", 20.0, "s"),
                new Metric(100_000, "end_to_end", 150.0, "s"),
                new Metric(10_000, "ingest.csv.rows", 1_000_000, "rows"),
                new Metric(100_000, "growth.end_to_end", 7.5, Growth.UNIT)));
        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table.lines().toList().get(0)).contains("10,000 patients", "100,000 patients", "per10x→100k");
        assertThat(table.lines().toList().get(1)).contains("end_to_end", "20.00 s", "150.00 s", "7.5×");
        assertThat(table.lines().toList().get(2)).contains("1,000,000").doesNotContain("×");
    }

    @Test
    void growthIsComputedForTimeFiguresOnly() {
        assertThat(ResultsTable.timeMetricNames(List.of(new Metric(1, "a", 1, "s"), new Metric(1, "b", 1, "MB"),
                new Metric(2, "a", 1, "s")))).containsExactly("a");
    }
}
