package org.lhs.qi.report;

import java.io.OutputStream;
import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.lhs.qi.export.AtomicFile;
import org.lhs.qi.export.WrittenFile;

/**
 * Writes a filled report as PDF through {@link AtomicFile}, so that no half-written file is ever visible.
 */
final class AtomicPdf {

    private AtomicPdf() {}

    /** Exports {@code print} to {@code target}, returning its checksum, size and page count. */
    static RenderedReport write(JasperPrint print, Path target, String title) {
        WrittenFile pdf = AtomicFile.write("pdf", target, out -> {
            export(print, out, title);
            out.flush();
        });
        return new RenderedReport(pdf.path(), pdf.sha256(), pdf.sizeBytes(), print.getPages().size());
    }

    private static void export(JasperPrint print, OutputStream out, String title) {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(title);
        config.setMetadataAuthor("LHS Quality Indicators");
        config.setMetadataCreator("LHS Quality Indicators (JasperReports)");
        config.setCompressed(true);
        exporter.setConfiguration(config);
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("PDF export failed: " + e.getMessage(), e);
        }
    }
}
