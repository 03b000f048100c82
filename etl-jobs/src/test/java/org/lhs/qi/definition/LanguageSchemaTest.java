package org.lhs.qi.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The editor JSON Schema names exactly the keys and criterion kinds the parser accepts. */
class LanguageSchemaTest {

    @Test
    @SuppressWarnings("unchecked")
    void schemaKeysMatchTheParser() throws Exception {
        Map<String, Object> schema;
        try (Reader r = Files.newBufferedReader(Path.of("../indicator-definitions/schema/indicator-definition.schema.json"))) {
            schema = new Yaml().load(r); // JSON is YAML
        }
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        assertThat(props.keySet()).containsExactlyInAnyOrderElementsOf(DefinitionParser.TOP_KEYS);
        Map<String, Object> populations = (Map<String, Object>) ((Map<String, Object>) props.get("populations")).get("properties");
        assertThat(populations.keySet()).containsExactlyInAnyOrderElementsOf(DefinitionParser.POPULATION_KEYS);
        Map<String, Object> criterion = (Map<String, Object>) ((Map<String, Object>) schema.get("$defs")).get("criterion");
        assertThat(((Map<String, Object>) criterion.get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(CriterionParser.KINDS);
        Map<String, Object> observation = (Map<String, Object>) populations.get("measure-observation");
        assertThat(((Map<String, Object>) observation.get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(MeasureObservationParser.KEYS);
        Map<String, Object> library;
        try (Reader r = Files.newBufferedReader(Path.of("../indicator-definitions/schema/criteria-library.schema.json"))) {
            library = new Yaml().load(r);
        }
        assertThat(((Map<String, Object>) library.get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(CriteriaLibraries.LIBRARY_KEYS);
    }
}
