package org.lhs.qi.quality;

import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records what every staged extract file delivered — rows per site where the table has a site column, deletion
 * rows — in {@code qi.dq_extract_profile}, before the normaliser clears staging. Run it after the ingest and
 * before the normalise step; it profiles exactly the files still staged, so it is idempotent and a restart
 * profiles a restaged file again. Profiles are keyed by file content: an unchanged file loaded on a later night
 * keeps its profile, which is what that night's extract delivered for the table.
 */
public final class ExtractProfiler {

    /** Staging tables whose rows name their site ({@code site_ref}); other tables are profiled as a whole. */
    static final Set<DqTable> SITE_REF_TABLES = Set.of(DqTable.PATIENT, DqTable.ENCOUNTER, DqTable.SAFETY_EVENT,
            DqTable.SURVEY_RESPONSE);

    private final JdbcClient jdbc;

    public ExtractProfiler(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Profiles every file with status {@code staged}; returns the number of files profiled. */
    public int profileStagedFiles() {
        jdbc.sql("""
                DELETE FROM qi.dq_extract_profile p USING qi.extract_file f
                WHERE p.extract_file_id = f.id AND f.status = 'staged'""").update();
        int files = 0;
        for (DqTable table : DqTable.values()) {
            // the staging table name comes from the whitelist enum, never from input
            String staging = "staging." + table.tableName();
            files += jdbc.sql("""
                    INSERT INTO qi.dq_extract_profile (extract_file_id, site_key, row_count, deletion_count)
                    SELECT f.id, 'ALL', COALESCE(c.n, 0), COALESCE(d.n, 0)
                    FROM qi.extract_file f
                    LEFT JOIN (SELECT extract_file_id, count(*) AS n FROM %s GROUP BY 1) c ON c.extract_file_id = f.id
                    LEFT JOIN (SELECT extract_file_id, count(*) AS n FROM staging.deletion WHERE table_name = :table
                               GROUP BY 1) d ON d.extract_file_id = f.id
                    WHERE f.status = 'staged' AND f.table_name = :table""".formatted(staging))
                    .param("table", table.tableName()).update();
            if (SITE_REF_TABLES.contains(table)) {
                jdbc.sql("""
                        INSERT INTO qi.dq_extract_profile (extract_file_id, site_key, row_count)
                        SELECT s.extract_file_id, COALESCE(NULLIF(s.site_ref, ''), 'unknown'), count(*)
                        FROM %s s JOIN qi.extract_file f ON f.id = s.extract_file_id
                        WHERE f.status = 'staged' AND f.table_name = :table
                        GROUP BY 1, 2""".formatted(staging))
                        .param("table", table.tableName()).update();
            }
        }
        return files;
    }
}
