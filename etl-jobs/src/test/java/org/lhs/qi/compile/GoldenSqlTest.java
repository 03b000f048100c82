package org.lhs.qi.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lhs.qi.definition.DefinitionParser;
import org.lhs.qi.definition.DefinitionRepository;
import org.lhs.qi.definition.IndicatorDefinition;

/**
 * The compiled SQL of each starter definition (and of the fixtures covering kinds no starter uses) equals its reviewed golden file. After an intended change run
 * {@code ./mvnw -q -B test -pl etl-jobs -am -Dtest=GoldenSqlTest -Dgolden.update=true} and review the diff.
 */
class GoldenSqlTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** Fixture definitions whose kinds no starter uses (the eCQM kinds, whose official definitions need imported sets). */
    private static final List<String> FIXTURES = List.of("valid/ecqm-kinds.yaml");

    static Stream<IndicatorDefinition> starters() {
        Path base = Path.of("src/test/resources/definitions");
        Stream<IndicatorDefinition> fixtures = FIXTURES.stream().map(f -> {
            DefinitionParser.Result r = DefinitionParser.parse(base.resolve(f), base);
            assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
            return r.definition();
        });
        return Stream.concat(DefinitionRepository.load(Path.of("../indicator-definitions")).indicators().stream(), fixtures);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starters")
    void compiledSqlMatchesGoldenFile(IndicatorDefinition d) throws IOException {
        String sql = new IndicatorCompiler().compile(d).sql();
        Path file = GOLDEN.resolve(d.id() + ".sql");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, sql, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(sql).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
