package org.lhs.qi.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelogs of {@code sql/} outside a Spring context (CLI commands and plain
 * JDBC tests). Inside the application Spring Boot's Liquibase integration does the same on start-up.
 */
public final class SchemaMigrator {

    public static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private SchemaMigrator() {}

    @SuppressWarnings("deprecation") // the Liquibase facade stays the simplest embedded API in 4.33
    public static void migrate(DataSource dataSource) {
        System.setProperty("liquibase.analytics.enabled", "false");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(MASTER_CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                liquibase.update("");
            }
        } catch (SQLException | liquibase.exception.LiquibaseException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }
}
