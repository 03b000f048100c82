package org.lhs.qi.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Diagnostics with positions for the criteria and timings added for the starter library. */
class LibraryLanguageTest {

    private static final Path BASE = Path.of("src/test/resources/definitions");

    @Test
    void everyMistakeInTheNewConstructsIsReportedWithItsPosition() {
        List<String> errors = DefinitionParser.parse(BASE.resolve("invalid/library-mistakes.yaml"), BASE).diagnostics()
                .stream().filter(Diagnostic::isError).map(d -> d.line() + ":" + d.column() + " " + d.message()).toList();
        errors.forEach(System.out::println);
        assertThat(errors).anyMatch(e -> e.startsWith("12:49 ") && e.contains("invalid duration 'soon'"))
                .anyMatch(e -> e.startsWith("13:60 ") && e.contains("exactly one comparison"))
                .anyMatch(e -> e.startsWith("14:71 ") && e.contains("after-admission"))
                .anyMatch(e -> e.startsWith("16:74 ") && e.contains("days must be at least 1"))
                .anyMatch(e -> e.startsWith("17:3 ") && e.contains("exposure: central-line-days"));
    }
}
