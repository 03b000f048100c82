package org.lhs.qi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;

class PdfPrivacyScanTest {

    /** Not a {@code @TempDir}: the extension would (rightly) fail this test over the leaking PDFs made on purpose. */
    private static Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void folder() throws Exception {
        dir = Files.createTempDirectory("pdf-scan-test");
    }

    @org.junit.jupiter.api.AfterAll
    static void removeFolder() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void countsBeforeARateMustBeZeroOrAtLeastEleven() throws Exception {
        Path ok = pdf("ok.pdf", "Page 1 of 5 · 3 November 2026 · 12 months", "Nov 2025 845 1,270 66.5% 63.9–69.1%",
                "Dec 2025 0 3,100 0.00* 0.00–1.19", "Lakeshore Clinic suppressed (n<11)", "18–34 31 110 28.2% 1.19 (0.84–1.70)");
        // page numbers, dates, "12 months", bounds are not counts; the three rows are
        assertThat(PdfPrivacyScan.assertNoSmallCounts(ok)).isEqualTo(3);

        Path leak = pdf("leak.pdf", "Lakeshore Clinic 4 15 26.7% 10.9–52.0%");
        assertThatThrownBy(() -> PdfPrivacyScan.assertNoSmallCounts(leak)).hasMessageContaining("count 4");
        Path events = pdf("events.pdf", "Oct 2026 3 1,900 1.58 0.33–4.61");
        assertThatThrownBy(() -> PdfPrivacyScan.assertNoSmallCounts(events)).hasMessageContaining("count 3");
        Path masked = pdf("masked.pdf", "Lakeshore Clinic <11 15 26.7%");
        assertThatThrownBy(() -> PdfPrivacyScan.assertNoSmallCounts(masked)).hasMessageContaining("masked count");
    }

    /** (Written with a {@code @TempDir} first, the extension failed this class with "count 4": it is live.) */
    @Test
    void theExtensionIsRegisteredForEveryTestClass() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(p -> p.type().getName()))
                .contains(PdfPrivacyScanExtension.class.getName());
    }

    private Path pdf(String name, String... lines) throws Exception {
        Path file = Files.createDirectories(dir.resolve("scan")).resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Document doc = new Document();
            PdfWriter.getInstance(doc, out);
            doc.open();
            for (String line : lines) {
                doc.add(new Paragraph(line));
            }
            doc.close();
        }
        return file;
    }
}
