package org.lhs.qi.compute;

import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.lhs.qi.definition.IndicatorDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records the definitions a run computes in {@code qi.indicator} (version, content hash, metadata and the
 * plain-language rendering the reports print) and drops the results of indicators that no longer exist, so
 * a rerun for the same date never shows a deleted indicator.
 */
public class IndicatorRegistry {

    private final JdbcClient jdbc;

    public IndicatorRegistry(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void register(Collection<IndicatorDefinition> definitions, java.time.LocalDate businessDate) {
        for (IndicatorDefinition d : definitions) {
            var observation = d.populations().measureObservation();
            jdbc.sql("""
                    INSERT INTO qi.indicator (indicator_id, version, content_hash, title, description, domain, scoring,
                        basis, improvement, target, multiplier, source_file, definition_text, aggregate_method,
                        observation_unit, exposure, updated_at)
                    VALUES (:id, :version, :hash, :title, :description, :domain, :scoring, :basis, :improvement,
                        :target, :multiplier, :file, :text, :aggregate, :unit, :exposure, now())
                    ON CONFLICT (indicator_id) DO UPDATE SET version = EXCLUDED.version,
                        content_hash = EXCLUDED.content_hash, title = EXCLUDED.title,
                        description = EXCLUDED.description, domain = EXCLUDED.domain, scoring = EXCLUDED.scoring,
                        basis = EXCLUDED.basis, improvement = EXCLUDED.improvement, target = EXCLUDED.target,
                        multiplier = EXCLUDED.multiplier, source_file = EXCLUDED.source_file,
                        definition_text = EXCLUDED.definition_text, aggregate_method = EXCLUDED.aggregate_method,
                        observation_unit = EXCLUDED.observation_unit, exposure = EXCLUDED.exposure, updated_at = now()""")
                    .param("id", d.id()).param("version", d.version()).param("hash", d.contentHash())
                    .param("title", d.title()).param("description", d.description())
                    .param("domain", d.domain().code()).param("scoring", d.scoring().code()).param("basis", d.basis().code())
                    .param("improvement", d.improvement().code()).param("target", d.target())
                    .param("multiplier", d.multiplier()).param("file", d.sourceFile().toString())
                    .param("text", d.plainLanguage())
                    .param("aggregate", observation == null ? null : observation.aggregate().code())
                    .param("unit", observation == null ? null : observation.unit())
                    .param("exposure", d.populations().exposure() == null ? null : d.populations().exposure().code())
                    .update();
        }
        List<String> ids = definitions.stream().map(IndicatorDefinition::id).toList();
        String[] current = ids.toArray(String[]::new);
        jdbc.sql("DELETE FROM qi.member WHERE business_date = :d AND NOT (indicator_id = ANY (:ids))")
                .param("d", businessDate).param("ids", current).update();
        jdbc.sql("DELETE FROM qi.result WHERE business_date = :d AND NOT (indicator_id = ANY (:ids))")
                .param("d", businessDate).param("ids", current).update();
    }
}
