package org.lhs.qi.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads every definition of a definitions directory ({@code <dir>/definitions/*.yaml}, or {@code <dir>/*.yaml}
 * when there is no such folder; value set paths are relative to {@code <dir>}).
 */
public final class DefinitionRepository {

    private DefinitionRepository() {}

    /**
     * Every criteria library under {@code <dir>/library} checked on its own, including criteria no definition uses
     * yet (for {@code qi validate}; a night only needs the criteria its definitions use).
     */
    public static List<Diagnostic> checkLibraries(Path definitionsDir) {
        return CriteriaLibraries.checkAll(definitionsDir.toAbsolutePath().normalize());
    }

    /** Parses and validates all files; never throws for bad content, collects all diagnostics. */
    public static DefinitionSet load(Path definitionsDir) {
        Path base = definitionsDir.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(base.resolve("definitions")) ? base.resolve("definitions") : base;
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.of(folder, 1, 1, Message.FILE_UNREADABLE, e.getMessage()));
            return new DefinitionSet(List.of(), List.of(), diagnostics);
        }
        if (files.isEmpty()) {
            diagnostics.add(Diagnostic.of(folder, 1, 1, Message.NO_DEFINITIONS, base));
        }
        List<IndicatorDefinition> indicators = new ArrayList<>();
        List<ValueSet> valueSets = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path f : files) {
            DefinitionParser.Result r;
            try {
                r = DefinitionParser.parse(f, base);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // last resort: the parser's limits should make this unreachable, but a file must never crash a run
                diagnostics.add(Diagnostic.of(f, 1, 1, Message.INTERNAL, e.getClass().getSimpleName()));
                continue;
            }
            // a shared criteria library's findings come with every definition using it: list them once
            r.diagnostics().stream().filter(x -> !diagnostics.contains(x)).forEach(diagnostics::add);
            IndicatorDefinition d = r.definition();
            if (d == null) {
                continue;
            }
            Path first = ids.putIfAbsent(d.id(), f);
            if (first != null) {
                var mark = r.idNode().getStartMark();
                diagnostics.add(Diagnostic.of(f, mark.getLine() + 1, mark.getColumn() + 1, Message.DUPLICATE_ID,
                        d.id(), first));
                continue;
            }
            indicators.add(d);
            valueSets.addAll(r.valueSets());
        }
        return new DefinitionSet(List.copyOf(indicators), List.copyOf(valueSets), List.copyOf(diagnostics));
    }
}
