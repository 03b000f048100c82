package org.lhs.qi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowTest {

    @Test
    void windowStartsOnTheFirstOfTheMonthMonthsBeforeTheEndDate() {
        Window w = new Window(LocalDate.of(2026, 11, 24), 24);
        assertThat(w.startDate()).isEqualTo(LocalDate.of(2024, 11, 1));
        assertThat(w.monthIndex(Window.epoch(LocalDate.of(2024, 11, 30)))).isZero();
        assertThat(w.monthIndex(Window.epoch(LocalDate.of(2026, 7, 15)) + 3600)).isEqualTo(20);
        assertThat(w.monthIndex(Window.epoch(LocalDate.of(2026, 11, 23)))).isEqualTo(24);
        // spike month: four months before November 2026 = July 2026 = index 20
        assertThat(new PlantedEffects(w, 4).spikeMonth()).isEqualTo(20);
        assertThat(new PlantedEffects(w, 1).spikeMonth()).isEqualTo(-1);
    }

    @Test
    void timestampsAreUtcWithSecondsAndZ() {
        long t = Window.epoch(LocalDate.of(2026, 3, 1)) + 8 * 3600 + 30 * 60;
        assertThat(Window.timestamp(t)).isEqualTo("2026-03-01T08:30:00Z");
        assertThat(Window.timestamp(Window.epoch(LocalDate.of(2026, 12, 31)) + 86_399))
                .isEqualTo("2026-12-31T23:59:59Z");
    }

    @Test
    void bloodPressureControlRisesLinearlyOnlyAtTheImprovingSite() {
        PlantedEffects e = new PlantedEffects(new Window(LocalDate.of(2026, 11, 24), 24), 4);
        assertThat(e.bpControlProbability(0, 0)).isEqualTo(0.50);
        assertThat(e.bpControlProbability(0, 23)).isEqualTo(0.75);
        assertThat(e.bpControlProbability(0, 24)).isEqualTo(0.75);
        assertThat(e.bpControlProbability(1, 0)).isEqualTo(0.62);
        assertThat(e.bpControlProbability(3, 23)).isEqualTo(0.62);
        assertThat(PlantedEffects.poorControlProbability("white")).isEqualTo(0.19);
        assertThat(PlantedEffects.poorControlProbability("asian")).isEqualTo(0.19);
        // 0.19 × 3 = 0.57, whatever the payer (no second planted factor)
        assertThat(PlantedEffects.poorControlProbability("black-or-african-american"))
                .isCloseTo(0.57, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void csvSinkQuotesOnlyWhenNeededAndEndsLinesWithCrLf(@TempDir Path dir) throws IOException {
        try (CsvSink sink = new CsvSink(dir, CanonicalFile.SITE)) {
            sink.row("S01", "North, \"General\"");
            sink.row("S02", null);
            assertThat(sink.rows()).isEqualTo(2);
        }
        assertThat(Files.readString(dir.resolve("site.csv")))
                .isEqualTo("site_id,name\r\nS01,\"North, \"\"General\"\"\"\r\nS02,\r\n");
    }

    @Test
    void sitesBeyondTheFourNamedOnesGetNumberedNames() {
        var sites = Site.catalog(6);
        assertThat(sites).extracting(Site::id).containsExactly("S01", "S02", "S03", "S04", "S05", "S06");
        assertThat(sites.get(4).name()).isEqualTo("Site 5");
        assertThat(sites.stream().mapToDouble(Site::weight).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }
}
