package org.lhs.qi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection and forcing of the extract folder's format. */
class ExtractFormatTest {

    @TempDir
    Path dir;

    @Test
    void parsesTheDocumentedNamesInAnyCaseAndRejectsOthers() {
        assertEquals(ExtractFormat.FHIR, ExtractFormat.parse(" FHIR "));
        assertEquals(ExtractFormat.SYNTHEA, ExtractFormat.parse("synthea"));
        assertEquals(ExtractFormat.CANONICAL, ExtractFormat.parse("Canonical"));
        assertEquals(ExtractFormat.AUTO, ExtractFormat.parse(null));
        assertEquals(ExtractFormat.AUTO, ExtractFormat.parse(""));
        assertThatThrownBy(() -> ExtractFormat.parse("ndjson")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extract format 'ndjson' is not one of auto, canonical, synthea, fhir");
    }

    @Test
    void aMixedFolderIsDetectedAsCanonicalUnlessFhirIsForced() throws IOException {
        Files.writeString(dir.resolve("patient.csv"), "patient_id,birth_date,sex,race,ethnicity\n");
        Files.writeString(dir.resolve("Patient.ndjson"), "{}\n");
        Files.writeString(dir.resolve("Encounter.ndjson"), "{}\n");
        assertEquals(ExtractFormat.CANONICAL, ExtractFormat.AUTO.resolve(dir));
        assertEquals(ExtractFormat.FHIR, ExtractFormat.FHIR.resolve(dir));
        assertThat(ExtractFormat.FHIR.files(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("Encounter.ndjson", "Patient.ndjson");
        assertThat(ExtractFormat.CANONICAL.files(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("patient.csv");
    }

    @Test
    void aForcedFormatTheFolderDoesNotHoldIsAClearError() throws IOException {
        Files.writeString(dir.resolve("Patient.ndjson"), "{}\n");
        assertThatThrownBy(() -> ExtractFormat.CANONICAL.resolve(dir)).isInstanceOf(ExtractRejectedException.class)
                .hasMessageContaining("forced to canonical")
                .hasMessageContaining("holds no canonical CSV file")
                .hasMessageEndingWith("detected: fhir");
        assertThatThrownBy(() -> ExtractFormat.SYNTHEA.resolve(dir)).isInstanceOf(ExtractRejectedException.class)
                .hasMessageContaining("holds no Synthea export");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> ExtractFormat.AUTO.resolve(empty)).isInstanceOf(ExtractRejectedException.class)
                .hasMessageContaining("no FHIR file");
    }
}
