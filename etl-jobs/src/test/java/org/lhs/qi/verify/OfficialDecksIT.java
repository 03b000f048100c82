package org.lhs.qi.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lhs.qi.db.TestDatabase;
import org.lhs.qi.terminology.ImportedValueSetStore;
import org.lhs.qi.terminology.ValueSetImporter;

/**
 * The official CMS122 and CMS165 definitions pass their official MADiE decks (56 and 68 cases) with zero mismatches.
 * Needs {@code ../shared/ecqm} (test material, not in the repository): skipped with a message when absent.
 */
class OfficialDecksIT {

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
        new ValueSetImporter(new ImportedValueSetStore(root.resolve("indicator-definitions")))
                .importPaths(List.of(ecqm.resolve("valuesets"), ecqm.resolve("valueset-bundles")));
    }

    @Test
    void cms122PassesItsOfficialDeckWithZeroMismatches() {
        VerificationReport r = verify("cms122-diabetes-glycemic-status-poor-control.yaml",
                "CMS122FHIRDiabetesAssessGreaterThan9Percent");
        assertThat(r.results()).hasSize(56);
        assertThat(r.mismatches()).as(table(r)).isEmpty();
    }

    @Test
    void cms165PassesItsOfficialDeckWithZeroMismatches() {
        VerificationReport r = verify("cms165-controlling-high-blood-pressure.yaml", "CMS165FHIRControllingHighBloodPressure");
        assertThat(r.results()).hasSize(68);
        assertThat(r.mismatches()).as(table(r)).isEmpty();
    }

    private static VerificationReport verify(String definition, String measure) {
        Path defs = root.resolve("indicator-definitions");
        OfficialDefinitions.Parsed parsed = OfficialDefinitions.parse(defs.resolve("ecqm").resolve(definition), defs);
        assertThat(parsed.failed()).as(parsed.diagnostics().toString()).isFalse();
        Deck deck = DeckReader.read(ecqm.resolve("tests").resolve(measure));
        VerificationReport r = new DeckVerifier().verify(TestDatabase.dataSource(), parsed.definition(), deck,
                KnownDeckDefects.read(defs.resolve("ecqm/known-deck-defects.tsv")));
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
