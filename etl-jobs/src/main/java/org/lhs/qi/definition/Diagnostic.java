package org.lhs.qi.definition;

import java.nio.file.Path;

/** One positioned finding about a definition or value set file (line and column are 1-based). */
public record Diagnostic(Path file, int line, int column, Severity severity, String message, String hint) {

    /** Creates a diagnostic from a catalogue message; the hint uses the same arguments. */
    public static Diagnostic of(Path file, int line, int column, Message message, Object... args) {
        return new Diagnostic(file, line, column, message.severity(), message.text(args), message.hint(args));
    }

    /** True for {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String s = file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
        return hint == null || hint.isBlank() ? s : s + " (hint: " + hint + ")";
    }
}
