package org.lhs.qi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Writes a filled report as PDF so that no half-written file is ever visible: into a temporary file in
 * the target folder (same file system), flushed to disk, then renamed over the target atomically.
 */
final class AtomicPdf {

    private AtomicPdf() {}

    /** Exports {@code print} to {@code target}, returning its checksum, size and page count. */
    static RenderedReport write(JasperPrint print, Path target, String title) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = Files.newOutputStream(tmp)) {
                // export through the digest so the checksum is of exactly the bytes written
                OutputStream out = new DigestOutputStream(file, sha);
                export(print, out, title);
                out.flush();
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            readableByAll(tmp);
            long size = Files.size(tmp);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            return new RenderedReport(absolute, HexFormat.of().formatHex(sha.digest()), size, print.getPages().size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure that got us here matters more than a leftover temp file
                }
            }
        }
    }

    /** Temp files are created owner-only; a published scorecard is for readers, so rw-r--r-- where POSIX. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
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
