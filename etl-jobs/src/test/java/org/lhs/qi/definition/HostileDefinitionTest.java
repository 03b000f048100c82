package org.lhs.qi.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lhs.qi.compile.CompiledIndicator;
import org.lhs.qi.compile.IndicatorCompiler;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Hostile definitions (issue 6 item 5): limits, aliases, cycles, injection strings and thousands of random
 * mutations of the starter library. No exception escapes the loader, an invalid file is never compiled,
 * and a valid mutant's SQL never contains definition text (everything is bound).
 */
class HostileDefinitionTest {

    private static final Path LIBRARY = Path.of("../indicator-definitions");
    static final List<String> INJECTIONS = List.of(
            "Robert'); DROP TABLE qi.run; --",
            "x' OR 1=1 --",
            "*/ DROP TABLE qi.run /*",
            "$$; DROP TABLE qi.run; $$",
            "a\nDROP TABLE qi.run",
            ":period_end); DROP TABLE qi.run; --");
    /** Text that must never reach the SQL of a compiled mutant. */
    private static final List<String> MARKERS = List.of("DROP", "Robert", "1=1", "$$");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path defs = Files.createDirectories(dir.resolve("definitions"));
        Path vs = dir.resolve("valuesets");
        if (!Files.isDirectory(vs)) {
            Files.createDirectories(vs);
            try (Stream<Path> s = Files.list(LIBRARY.resolve("valuesets"))) {
                for (Path p : s.toList()) {
                    Files.copy(p, vs.resolve(p.getFileName()));
                }
            }
        }
        Path f = defs.resolve("mutant.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    /** Loads the file, asserting the loader's contract; returns "line:col message" of each error. */
    private List<String> load(String yaml) throws IOException {
        write(yaml);
        DefinitionSet set;
        try {
            set = DefinitionRepository.load(dir);
        } catch (Throwable t) {
            throw new AssertionError("exception escaped DefinitionRepository.load for:\n" + yaml, t);
        }
        for (Diagnostic d : set.diagnostics()) {
            assertThat(d.line()).as("%s in\n%s", d, yaml).isPositive();
            assertThat(d.column()).as("%s", d).isPositive();
            assertThat(d.message()).isNotBlank();
        }
        if (set.hasErrors()) {
            assertThat(set.indicators()).as("an invalid definition must never reach the compiler:\n%s", yaml).isEmpty();
        }
        for (IndicatorDefinition d : set.indicators()) {
            CompiledIndicator c = new IndicatorCompiler().compile(d);
            for (String marker : MARKERS) {
                assertThat(c.sql()).as("definition text in SQL of\n%s", yaml).doesNotContain(marker);
            }
        }
        return set.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.line() + ":" + d.column() + " " + d.message()).toList();
    }

    private static String minimal(String criteria, String ip) {
        return """
                id: hostile
                version: "1"
                title: Hostile
                domain: quality
                scoring: proportion
                basis: patient
                improvement: decrease
                value-sets: { diabetes: valuesets/diabetes.csv }
                %s
                populations:
                  initial-population: %s
                  numerator: { condition: { value-set: diabetes, before: period-end } }
                """.formatted(criteria, ip);
    }

    @Test
    void theMinimalTemplateIsValid() throws IOException {
        assertThat(load(minimal("", "{ patient: { age: { min: 18 } } }"))).isEmpty();
    }

    @Test
    void billionLaughsIsRejectedWithoutExpansion() throws IOException {
        StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        List<String> errors = load(y.toString());
        assertThat(errors).isNotEmpty();
        assertThat(errors.getFirst()).containsAnyOf("aliases", "anchors");
    }

    @Test
    void anchorsAndRecursiveAliasesAreErrorsAtTheAnchor() throws IOException {
        List<String> errors = load(minimal("criteria:\n  loop: &x { all: [ *x ] }", "{ ref: loop }"));
        assertThat(errors).contains("10:9 YAML anchors and aliases are not allowed (anchor '&x')");
        assertThat(load(minimal("", "&p { patient: { age: { min: 18 } } }")))
                .containsExactly("11:23 YAML anchors and aliases are not allowed (anchor '&p')");
    }

    @Test
    void namedCriteriaCannotFormCycles() throws IOException {
        assertThat(load(minimal("criteria:\n  me: { not: { ref: me } }", "{ ref: me }")))
                .contains("10:21 unknown criterion name 'me'");
        assertThat(load(minimal("criteria:\n  a: { ref: b }\n  b: { ref: a }", "{ ref: a }")))
                .contains("10:13 unknown criterion name 'b'");
    }

    @Test
    void namedCriteriaThatDoubleAtEachLevelAreRejectedBeforeTheyExplode() throws IOException {
        StringBuilder c = new StringBuilder("criteria:\n  c0: { patient: { age: { min: 18 } } }\n");
        for (int i = 1; i <= 40; i++) {
            c.append("  c").append(i).append(": { any: [ { ref: c").append(i - 1).append(" }, { ref: c").append(i - 1)
                    .append(" } ] }\n");
        }
        List<String> errors = load(minimal(c.toString().strip(), "{ ref: c40 }"));
        // c8 = 256 data criteria is the first over the limit of 200
        assertThat(errors.getFirst()).isEqualTo("18:7 c8 expands to 256 data criteria, more than the limit of 200 "
                + "(a named criterion counts at each use)");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() throws IOException {
        String criterion = "{ not: ".repeat(15) + "{ patient: { age: { min: 18 } } }" + " }".repeat(15);
        assertThat(load(minimal("", criterion))).containsExactly("11:107 criteria nested more than 12 levels deep");
        String yamlBomb = "[".repeat(5000) + "]".repeat(5000);
        assertThat(load(minimal("", yamlBomb))).singleElement().asString().contains("malformed YAML").contains("Nesting Depth");
    }

    @Test
    void hugeFilesAndHugeNodeCountsAreRefused() throws IOException {
        assertThat(load("# " + "x".repeat(600_000) + "\n")).containsExactly("1:1 file has 600003 bytes, more than the limit of 524288");
        String many = minimal("references: [" + String.join(", ", Collections.nCopies(60_000, "1")) + "]", "{ patient: {} }");
        assertThat(load(many)).singleElement().asString().contains("more than 50000 YAML nodes");
    }

    @Test
    void valueSetFilesOutsideTheLibraryAreNeverRead() throws IOException {
        String yaml = minimal("", "{ patient: { age: { min: 18 } } }")
                .replace("valuesets/diabetes.csv", "../../../../etc/passwd");
        assertThat(load(yaml)).singleElement().asString()
                .startsWith("8:25 value set file '../../../../etc/passwd' is outside the definitions directory");
    }

    @Test
    void injectionStringsInEveryScalarOfEveryStarterDefinitionAreRejectedOrBound() throws IOException {
        int mutants = 0;
        for (Path file : starters()) {
            String text = Files.readString(file);
            List<ScalarNode> scalars = scalars(text);
            for (int i = 0; i < scalars.size(); i++) {
                // one injection string per scalar, rotating, keeps the test fast but covers each string everywhere
                load(replace(text, scalars.get(i), quoted(INJECTIONS.get(i % INJECTIONS.size()))));
                mutants++;
            }
        }
        assertThat(mutants).isGreaterThan(400);
    }

    @Test
    void randomMutationsOfTheStarterLibraryNeverEscapeTheLoader() throws IOException {
        Random random = new Random(20261123L);
        List<String> texts = new ArrayList<>();
        for (Path f : starters()) {
            texts.add(Files.readString(f));
        }
        List<String> tokens = List.of("", "-1", "0", "99999999999999999999", "1e309", "~", "[]", "{}", ".nan",
                "&a x", "*a", "!!binary AAAA", "!!java.lang.Runtime x", "{ ref: nope }", "'unterminated", "\t",
                "[" .repeat(60), "{ not: { not: { not: { not: { not: { not: { not: { not: { not: { not: { not: { not: { not: { patient: {} } } } } } } } } } } } } } }",
                "patient-days", "encounter", "ratio", "continuous-variable", "2025-02-30", "12 parsecs", "null");
        int valid = 0;
        for (int i = 0; i < 600; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            int ops = 1 + random.nextInt(3);
            for (int k = 0; k < ops; k++) {
                text = mutate(text, random, tokens);
            }
            if (load(text).isEmpty()) {
                valid++;
            }
        }
        // the mutations must exercise both paths: some mutants stay valid (and are compiled), most are not
        assertThat(valid).isBetween(10, 590);
    }

    private static String mutate(String text, Random random, List<String> tokens) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int i = random.nextInt(lines.size());
        switch (random.nextInt(7)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> Collections.swap(lines, i, Math.min(i + 1, lines.size() - 1));
            case 3 -> lines.set(i, (random.nextBoolean() ? "  " : "") + lines.get(i).replaceFirst("^  ", random.nextBoolean() ? "" : "  "));
            case 4 -> {
                String l = lines.get(i);
                int at = l.isEmpty() ? 0 : random.nextInt(l.length());
                lines.set(i, l.substring(0, at) + "{}[]:&*!'\"#-,".charAt(random.nextInt(13)) + l.substring(at));
            }
            default -> {
                List<ScalarNode> scalars = scalars(text);
                if (!scalars.isEmpty()) {
                    ScalarNode s = scalars.get(random.nextInt(scalars.size()));
                    String token = random.nextInt(3) == 0 ? quoted(INJECTIONS.get(random.nextInt(INJECTIONS.size())))
                            : tokens.get(random.nextInt(tokens.size()));
                    return replace(text, s, token);
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static List<Path> starters() throws IOException {
        try (Stream<Path> s = Files.list(LIBRARY.resolve("definitions"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Every scalar node (keys and values) of a YAML text that composes; none when it does not. */
    private static List<ScalarNode> scalars(String text) {
        List<ScalarNode> out = new ArrayList<>();
        try {
            collect(new Yaml(DefinitionLimits.loaderOptions()).compose(new StringReader(text)), out);
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }

    private static void collect(Node node, List<ScalarNode> out) {
        switch (node) {
            case ScalarNode s -> out.add(s);
            case MappingNode m -> {
                for (NodeTuple t : m.getValue()) {
                    collect(t.getKeyNode(), out);
                    collect(t.getValueNode(), out);
                }
            }
            case SequenceNode s -> s.getValue().forEach(n -> collect(n, out));
            case null, default -> { }
        }
    }

    private static String replace(String text, ScalarNode s, String replacement) {
        int start = s.getStartMark().getIndex();
        int end = s.getEndMark().getIndex();
        if (start > text.length() || end > text.length() || start >= end) {
            return text;
        }
        return text.substring(0, start) + replacement + text.substring(end);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
