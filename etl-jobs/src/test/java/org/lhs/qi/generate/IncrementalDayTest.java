package org.lhs.qi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalDayTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    @Test
    void rowsOfTheDayGoToTheDayAndEndsKnownOnTheDayAreDeliveredAgain() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("site.csv"), "site_id,name\nS01,North\n");
        Files.writeString(source.resolve("patient.csv"), """
                patient_id,birth_date,death_date,sex,race,ethnicity,site_id
                P1,1950-01-01,,female,white,unknown,S01
                P2,1940-01-01,2026-11-22,male,white,unknown,S01
                """);
        Files.writeString(source.resolve("encounter.csv"), """
                encounter_id,patient_id,site_id,class,admit_time,discharge_time,discharge_disposition
                E1,P1,S01,inpatient,2026-11-01T08:00:00Z,2026-11-03T10:00:00Z,home
                E2,P2,S01,inpatient,2026-11-20T08:00:00Z,2026-11-22T09:00:00Z,expired
                E3,P1,S01,emergency,2026-11-22T01:00:00+02:00,2026-11-22T05:00:00Z,home
                E4,P1,S01,ambulatory,2026-11-22T00:30:00Z,,
                """);
        Path full = dir.resolve("full");
        Path day = dir.resolve("day");

        IncrementalDay.Split split = IncrementalDay.split(source, DAY, full, day);

        // E1 before the day; E2 and E3 (admitted 2026-11-21T23:00Z) open the night before, ended on the day
        assertEquals("""
                encounter_id,patient_id,site_id,class,admit_time,discharge_time,discharge_disposition\r
                E1,P1,S01,inpatient,2026-11-01T08:00:00Z,2026-11-03T10:00:00Z,home\r
                E2,P2,S01,inpatient,2026-11-20T08:00:00Z,,\r
                E3,P1,S01,emergency,2026-11-22T01:00:00+02:00,,\r
                """, Files.readString(full.resolve("encounter.csv")));
        assertEquals("""
                encounter_id,patient_id,site_id,class,admit_time,discharge_time,discharge_disposition\r
                E2,P2,S01,inpatient,2026-11-20T08:00:00Z,2026-11-22T09:00:00Z,expired\r
                E3,P1,S01,emergency,2026-11-22T01:00:00+02:00,2026-11-22T05:00:00Z,home\r
                E4,P1,S01,ambulatory,2026-11-22T00:30:00Z,,\r
                """, Files.readString(day.resolve("encounter.csv")));
        assertThat(Files.readString(full.resolve("patient.csv"))).contains("P2,1940-01-01,,male");
        assertThat(Files.readString(day.resolve("patient.csv"))).contains("P2,1940-01-01,2026-11-22,male")
                .doesNotContain("P1,");
        assertEquals(1L, split.fullRows().get("site.csv"));
        assertEquals(0L, split.dayRows().get("site.csv"));
        assertEquals(3L, split.fullRows().get("encounter.csv")); // E1, E2 and E3
        assertEquals(3L, split.dayRows().get("encounter.csv"));
        assertEquals(4L, split.dayTotal()); // E2, E3, E4 and P2
        assertEquals("mode=incremental\n", Files.readString(day.resolve("extract.properties")));
    }

    @Test
    void datesAndTimesCompareInUtc() {
        assertTrue(IncrementalDay.onOrAfter("2026-11-22", DAY));
        assertFalse(IncrementalDay.onOrAfter("2026-11-21", DAY));
        assertFalse(IncrementalDay.onOrAfter("2026-11-22T01:59:59+02:00", DAY));
        assertTrue(IncrementalDay.onOrAfter("2026-11-21T23:00:00-01:00", DAY));
        assertTrue(IncrementalDay.onOrAfter("2026-11-22T00:00:00", DAY));
        assertFalse(IncrementalDay.onOrAfter("", DAY));
    }
}
