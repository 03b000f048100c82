package org.lhs.qi.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shared criteria libraries: resolution, value set namespacing, and errors positioned at both ends. */
class CriteriaLibraryTest {

    private static final Path BASE = Path.of("src/test/resources/definitions");
    private static final String SHARED = BASE.resolve("library/shared.yaml").toString();
    private static final String CYCLE_B = BASE.resolve("library/cycle-b.yaml").toString();

    private static DefinitionParser.Result parse(String name) {
        return DefinitionParser.parse(BASE.resolve(name), BASE);
    }

    private static List<String> errors(String name) {
        return parse(name).diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.file().getFileName() + ":" + d.line() + ":" + d.column() + " " + d.message()).toList();
    }

    @Test
    void libraryCriteriaAreInlinedWithQualifiedNamesAndTheirValueSetsAreNamespacedPerIndicator() {
        DefinitionParser.Result r = parse("valid/library-user.yaml");
        // the unused broken criteria of shared.yaml (and its cycle) do not concern this definition
        assertThat(r.diagnostics()).isEmpty();
        IndicatorDefinition d = r.definition();
        Criterion.Procedure shared = new Criterion.Procedure("shared#dialysis", new Timing.DuringPeriod(), false, 1);
        assertThat(d.populations().numerator()).isEqualTo(new Criterion.Ref("library/shared#dialysis-twice",
                new Criterion.All(List.of(new Criterion.Ref("library/shared#on-dialysis", shared),
                        new Criterion.Procedure("shared#dialysis", null, false, 2)))));
        assertThat(d.valueSets().get("shared#dialysis").name()).isEqualTo("library-user/shared#dialysis");
        assertThat(d.valueSets().get("dialysis").name()).isEqualTo("library-user/dialysis");
        assertThat(d.plainLanguage()).contains("Where 'library/shared#on-dialysis' means: a procedure from value set 'shared#dialysis'");
    }

    @Test
    void libraryMistakesArePositionedAtTheReferenceAndInTheLibrary() {
        assertThat(errors("invalid/bad-library.yaml")).containsExactly(
                "bad-library.yaml:10:33 unknown criteria library 'library/nowhere'",
                "bad-library.yaml:11:33 library 'library/shared' has no criterion 'missing'",
                "bad-library.yaml:14:14 criterion 'library/shared#broken' has errors in its library file ("
                        + SHARED + ":14:29: unknown value set 'nope')",
                "bad-library.yaml:15:14 criterion 'library/shared#same-stay-dialysis' has errors in its library file ("
                        + SHARED + ":8:39: same-encounter needs basis: encounter)",
                "bad-library.yaml:16:14 criterion 'library/shared#uses-cycle' has errors in its library file ("
                        + CYCLE_B + ":4:10: criteria library cycle: library/shared → library/cycle-b → library/shared)",
                "bad-library.yaml:17:14 invalid library reference 'library/Shared'",
                // the library's own findings, at their positions in the library files
                "shared.yaml:8:39 same-encounter needs basis: encounter",
                "shared.yaml:14:29 unknown value set 'nope'",
                "shared.yaml:16:10 criterion 'library/cycle-b#back' has errors in its library file ("
                        + CYCLE_B + ":4:10: criteria library cycle: library/shared → library/cycle-b → library/shared)",
                "cycle-b.yaml:4:10 criteria library cycle: library/shared → library/cycle-b → library/shared");
        assertThat(parse("invalid/bad-library.yaml").definition()).isNull();
    }

    @Test
    void starterDefinitionsShareTheExclusionsLibraryAndItsContentIsInTheHash() {
        DefinitionSet set = DefinitionRepository.load(Path.of("../indicator-definitions"));
        IndicatorDefinition dm = set.find("diabetes-hba1c-poor-control").orElseThrow();
        assertThat(dm.populations().denominatorExclusion()).isInstanceOf(Criterion.Ref.class)
                .extracting(c -> ((Criterion.Ref) c).name()).isEqualTo("library/exclusions#hospice-or-palliative-care");
        assertThat(dm.valueSets().get("exclusions#palliative-care").name())
                .isEqualTo("diabetes-hba1c-poor-control/exclusions#palliative-care");
        assertThat(set.find("controlling-high-blood-pressure").orElseThrow().valueSets())
                .containsKey("exclusions#palliative-care");
    }
}
