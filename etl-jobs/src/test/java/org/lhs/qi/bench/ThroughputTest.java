package org.lhs.qi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void ratioIsIngestThroughputOverCopyThroughput() {
        Throughput t = new Throughput("observation.csv", 500_000, 50 * 1048576L, 4.0, 2.0);
        assertThat(t.rowsPerSecond()).isEqualTo(125_000.0);
        assertThat(t.megabytesPerSecond()).isEqualTo(12.5);
        assertThat(t.copyRowsPerSecond()).isEqualTo(250_000.0);
        assertThat(t.ratioToCopy()).isEqualTo(0.5);
    }

    @Test
    void theFormatTotalWeighsFilesByTheirTimeNotByAnAverageOfRatios() {
        Throughput total = Throughput.total("csv", List.of(
                new Throughput("a.csv", 100, 1000, 1.0, 0.5),     // ratio 0.5
                new Throughput("b.csv", 900, 9000, 3.0, 3.0)));   // ratio 1.0
        assertThat(total.rows()).isEqualTo(1000);
        assertThat(total.ratioToCopy()).isCloseTo(3.5 / 4.0, within(1e-12));
    }

    @Test
    void noTimeMeansNoRatio() {
        assertThat(new Throughput("x.csv", 0, 0, 0.0, 0.0).ratioToCopy()).isNaN();
    }
}
