package org.lhs.qi.quality;

import java.nio.file.Path;

/** A problem in a check file at {@code file:line:column} (1-based). */
public record CheckDiagnostic(Path file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": error: " + message;
    }
}
