package org.lhs.qi.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Runs a unit of JDBC work atomically: inside the caller's Spring transaction when there is one (so it
 * commits or rolls back with it), otherwise in a transaction of its own.
 */
public final class JdbcWork {

    /** Work on one connection. */
    @FunctionalInterface
    public interface Body<T> {
        T apply(Connection connection) throws SQLException, java.io.IOException;
    }

    private JdbcWork() {}

    public static <T> T inTransaction(DataSource dataSource, Body<T> body) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean joined = DataSourceUtils.isConnectionTransactional(connection, dataSource);
        boolean ownTransaction = false;
        try {
            if (!joined && connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                ownTransaction = true;
            }
            T result = body.apply(connection);
            if (ownTransaction) {
                connection.commit();
            }
            return result;
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            if (ownTransaction) {
                rollbackQuietly(connection, e);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw new UncategorizedSQLException("JDBC work", null, (SQLException) e);
        } finally {
            if (ownTransaction) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the connection is released below; a broken one is discarded by the pool
                }
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
