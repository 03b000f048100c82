package org.lhs.qi.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lhs.qi.ingest.SourceLocator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adds {@code file:line} to the sample source ids of blocking findings: each table's files in tonight's
 * extract folder (as the ingest recorded them) are read once for the ids of every blocking finding on that table.
 * Rows that came in an earlier night's extract are not found and keep their bare source id.
 */
final class OffendingRowLocator {

    private final JdbcClient jdbc;
    private final long runId;
    private final Path extractDir;

    OffendingRowLocator(JdbcClient jdbc, long runId, Path extractDir) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.extractDir = extractDir;
    }

    List<CheckOutcome> locate(List<CheckOutcome> outcomes) {
        if (extractDir == null) {
            return outcomes;
        }
        Map<String, Set<String>> idsByTable = new HashMap<>();
        for (CheckOutcome o : outcomes) {
            if (o.blocksRun() && !o.sampleSourceIds().isEmpty()) {
                idsByTable.computeIfAbsent(o.tableName(), t -> new LinkedHashSet<>()).addAll(o.sampleSourceIds());
            }
        }
        Map<String, Map<String, String>> where = new HashMap<>();
        idsByTable.forEach((table, ids) -> where.put(table, locate(table, ids)));
        List<CheckOutcome> out = new ArrayList<>(outcomes.size());
        for (CheckOutcome o : outcomes) {
            Map<String, String> found = where.get(o.tableName());
            out.add(found == null || !o.blocksRun() ? o
                    : o.withLocations(o.sampleSourceIds().stream().map(id -> found.getOrDefault(id, "")).toList()));
        }
        return out;
    }

    private Map<String, String> locate(String table, Set<String> ids) {
        List<String> files = jdbc.sql("""
                SELECT DISTINCT file_name FROM qi.ingest_reconciliation
                WHERE run_id = :run AND table_name = :table AND source_format = 'canonical' ORDER BY 1""")
                .param("run", runId).param("table", table).query(String.class).list();
        Map<String, String> found = new HashMap<>();
        for (String file : files) {
            Path path = extractDir.resolve(file).normalize();
            if (!path.startsWith(extractDir.normalize())) {
                continue; // a file name is a name, never a path out of the extract folder
            }
            SourceLocator.locate(path, table, ids).forEach((id, line) -> found.putIfAbsent(id, file + ":" + line));
        }
        return found;
    }
}
