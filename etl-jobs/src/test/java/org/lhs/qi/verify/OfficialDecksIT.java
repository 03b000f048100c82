package org.lhs.qi.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.terminology.ImportedValueSetStore;
import org.lhs.qi.terminology.ValueSetImporter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The official CMS122 and CMS165 definitions pass their official MADiE decks (56 and 68 cases) with zero mismatches.
 * Needs {@code ../shared/ecqm} (test material, not in the repository): skipped with a message when absent.
 */
class OfficialDecksIT {

    private static final String CMS122 = "cms122-diabetes-glycemic-status-poor-control.yaml";
    private static final String CMS165 = "cms165-controlling-high-blood-pressure.yaml";
    private static Path root;
    private static Path ecqm;

    @BeforeAll
    static void importValueSets() {
        root = repositoryRoot();
        Optional<Path> shared = Stream.of(root.resolveSibling("shared"), root.getParent().resolveSibling("shared"),
                Path.of("/work/shared")).filter(p -> Files.isDirectory(p.resolve("ecqm/tests"))).findFirst();
        assumeTrue(shared.isPresent(), "../shared/ecqm (official eCQM test material) is absent next to " + root
                + ": the official deck verification is skipped");
        ecqm = shared.get().resolve("ecqm");
        Path defs = root.resolve("indicator-definitions");
        // only the sets the two definitions name (about 40 of the 732 in the material)
        Set<String> urls = new TreeSet<>();
        for (String d : List.of(CMS122, CMS165)) {
            urls.addAll(referencedUrls(defs.resolve("ecqm").resolve(d)));
        }
        long t0 = System.nanoTime();
        new ValueSetImporter(new ImportedValueSetStore(defs))
                .importPaths(List.of(ecqm.resolve("valuesets"), ecqm.resolve("valueset-bundles")), urls);
        System.out.printf("imported %d referenced value set URLs in %d ms%n", urls.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** The canonical URLs (without {@code |version}) in a definition's {@code value-sets:} block. */
    static Set<String> referencedUrls(Path definition) {
        try (Reader in = Files.newBufferedReader(definition)) {
            Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Set<String> out = new TreeSet<>();
            if (root.get("value-sets") instanceof Map<?, ?> sets) {
                for (Object v : sets.values()) {
                    String ref = String.valueOf(v);
                    if (ImportedValueSetStore.isUrl(ref)) {
                        out.add(ref.contains("|") ? ref.substring(0, ref.indexOf('|')) : ref);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void cms122PassesItsOfficialDeckWithZeroMismatches() {
        VerificationReport r = verify(CMS122, "CMS122FHIRDiabetesAssessGreaterThan9Percent");
        assertThat(r.results()).hasSize(56);
        assertThat(r.mismatches()).as(table(r)).isEmpty();
    }

    @Test
    void cms165PassesItsOfficialDeckWithZeroMismatches() {
        VerificationReport r = verify(CMS165, "CMS165FHIRControllingHighBloodPressure");
        assertThat(r.results()).hasSize(68);
        assertThat(r.mismatches()).as(table(r)).isEmpty();
    }

    private static VerificationReport verify(String definition, String measure) {
        Path defs = root.resolve("indicator-definitions");
        OfficialDefinitions.Parsed parsed = OfficialDefinitions.parse(defs.resolve("ecqm").resolve(definition), defs);
        assertThat(parsed.failed()).as(parsed.diagnostics().toString()).isFalse();
        Deck deck = DeckReader.read(ecqm.resolve("tests").resolve(measure));
        long t0 = System.nanoTime();
        VerificationReport r = new DeckVerifier().verify(TestDatabase.dataSource(), parsed.definition(), deck,
                KnownDeckDefects.read(defs.resolve("ecqm/known-deck-defects.tsv")));
        System.out.printf("%s: %d cases verified in %d ms%n", measure, r.results().size(), (System.nanoTime() - t0) / 1_000_000);
        System.out.print(table(r));
        return r;
    }

    private static String table(VerificationReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("indicator-definitions"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (with indicator-definitions/)");
        }
        return p;
    }
}
