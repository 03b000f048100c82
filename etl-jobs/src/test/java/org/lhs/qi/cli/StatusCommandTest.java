package org.lhs.qi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lhs.qi.quality.DataQualityResults;

/** The data-quality line {@code qi status} prints under each run. */
class StatusCommandTest {

    @Test
    void aFailedGateNamesItsCriticalChecks() {
        // 61 results: 6 failed, all critical, in two checks; 1 not applicable
        assertEquals("data quality: FAILED (full extract) 61 results, 6 failed, 6 critical: extract-file-delivered,"
                + " extract-volume; 1 not applicable (details: qi.dq_result)", StatusCommand.dataQualityLine(
                new DataQualityResults.Tally(9, "full", 61, 6, 6, 1,
                        List.of("extract-file-delivered", "extract-volume"))));
        assertEquals("data quality: passed (incremental extract) 58 results, 1 failed, 0 critical; 3 not applicable"
                + " (details: qi.dq_result)", StatusCommand.dataQualityLine(
                new DataQualityResults.Tally(10, "incremental", 58, 1, 0, 3, List.of())));
    }
}
