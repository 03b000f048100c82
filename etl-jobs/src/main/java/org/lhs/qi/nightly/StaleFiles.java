package org.lhs.qi.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the hidden temporary files ({@code .<name>.<random>.tmp}) that a process killed while writing a
 * PDF or the manifest leaves in the report folder. Only called while the date's run lock is held, so no live
 * writer owns them.
 */
final class StaleFiles {

    private static final Logger log = LoggerFactory.getLogger(StaleFiles.class);

    private StaleFiles() {}

    /** Deletes leftover temporary files in {@code reportDir}; returns how many. */
    static int sweep(Path reportDir) {
        if (!Files.isDirectory(reportDir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(reportDir, ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                removed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temporary files in " + reportDir + ": " + e.getMessage(), e);
        }
        if (removed > 0) {
            log.warn("run: removed {} temporary file(s) left by an interrupted run in {}", removed, reportDir);
        }
        return removed;
    }
}
