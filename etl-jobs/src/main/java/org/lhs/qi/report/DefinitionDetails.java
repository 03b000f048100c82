package org.lhs.qi.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the definitions of the indicators reported on a business date, with the value sets each one loaded. */
public final class DefinitionDetails {

    private final JdbcClient jdbc;

    /** Reader on the given database. */
    public DefinitionDetails(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The proportion, ratio and continuous-variable indicators with results on the business date, by id. */
    public List<DefinitionDetail> load(LocalDate businessDate) {
        return jdbc.sql("""
                SELECT i.indicator_id, i.title, i.version, i.content_hash, i.scoring, i.basis, i.improvement, i.target,
                       i.multiplier, i.source_file, i.definition_text, i.aggregate_method, i.observation_unit, i.exposure,
                       coalesce((SELECT array_agg(substr(v.name, length(i.indicator_id) + 2)
                                                  || ' (' || (SELECT count(*) FROM qi.value_set_code c WHERE c.value_set = v.name)
                                                  || ' codes, ' || left(v.content_hash, 12) || ')' ORDER BY v.name)
                                 FROM qi.value_set v WHERE starts_with(v.name, i.indicator_id || '/')), '{}') AS value_sets
                FROM qi.indicator i
                WHERE i.indicator_id IN (SELECT DISTINCT indicator_id FROM qi.result WHERE business_date = :d)
                  AND i.scoring IN ('proportion', 'ratio', 'continuous-variable')
                ORDER BY i.indicator_id""")
                .param("d", businessDate)
                .query((rs, n) -> new DefinitionDetail(rs.getString("indicator_id"), rs.getString("title"),
                        rs.getString("version"), rs.getString("content_hash"), rs.getString("scoring"),
                        rs.getString("basis"), rs.getString("improvement"), number(rs.getBigDecimal("target")),
                        number(rs.getBigDecimal("multiplier")), rs.getString("source_file"),
                        rs.getString("definition_text"), List.of((String[]) rs.getArray("value_sets").getArray()),
                        rs.getString("aggregate_method"), rs.getString("observation_unit"), rs.getString("exposure")))
                .list();
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
