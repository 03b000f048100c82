package org.lhs.qi.verify;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An official test deck: the measure folder and its cases with their expected individual MeasureReport. */
public record Deck(String measure, Path dir, List<Case> cases) {

    /**
     * One test patient: its folder, the {@code .madie} title/series/description, the measurement period (end
     * inclusive, as in the report) and the expected count of each population code (e.g. {@code numerator → 1}).
     */
    public record Case(String patientId, String title, String series, String description, Path dir,
                       LocalDate periodStart, LocalDate periodEnd, Map<String, Integer> expected) {}
}
