package org.lhs.qi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DefinitionBreaksTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    @Test
    void aNewVersionOrAnEditedDefinitionStartsABreak() {
        List<LocalDate> months = List.of(JAN, JAN.plusMonths(1), JAN.plusMonths(2), JAN.plusMonths(3), JAN.plusMonths(4));
        Map<LocalDate, ResultRow> rows = new TreeMap<>();
        rows.put(months.get(0), row(months.get(0), "1.0.0", "aaa"));
        rows.put(months.get(1), row(months.get(1), "1.0.0", "aaa"));
        // month 3 missing: not a break by itself
        rows.put(months.get(3), row(months.get(3), "2.0.0", "bbb"));
        rows.put(months.get(4), row(months.get(4), "2.0.0", "ccc"));
        assertThat(DefinitionBreaks.of(months, rows)).containsExactly(
                new ChartData.Break(3, "definition v2.0.0"), new ChartData.Break(4, "definition v2.0.0 (edited)"));
    }

    @Test
    void oneDefinitionHasNoBreak() {
        List<LocalDate> months = List.of(JAN, JAN.plusMonths(1));
        Map<LocalDate, ResultRow> rows = new TreeMap<>(Map.of(JAN, row(JAN, "1", "h"), JAN.plusMonths(1),
                row(JAN.plusMonths(1), "1", "h")));
        assertThat(DefinitionBreaks.of(months, rows)).isEmpty();
    }

    private static ResultRow row(LocalDate month, String version, String hash) {
        return new ResultRow("i", month, "ALL", "Org", "overall", "all", 10, 100, null, 0.1, 0.05, 0.17, false,
                null, null, null, null, null, false, version, hash);
    }
}
