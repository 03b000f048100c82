package org.lhs.qi.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows in COPY text format, built in a bounded buffer and streamed to the server in chunks of about
 * {@code chunkChars}. The COPY operation is opened lazily and can be ended early (the connection allows
 * one COPY at a time) and reopened on the next flush; memory never grows with the file.
 */
public final class CopyStream {

    private final CopyManager copyManager;
    private final String copySql;
    private final int chunkChars;
    private final StringBuilder buffer;
    private CopyIn copyIn;
    private long rowsCopied;

    public CopyStream(CopyManager copyManager, String copySql, int chunkChars) {
        this.copyManager = copyManager;
        this.copySql = copySql;
        this.chunkChars = chunkChars;
        this.buffer = new StringBuilder(chunkChars + 4096);
    }

    /** Where the caller appends complete rows. */
    public StringBuilder buffer() {
        return buffer;
    }

    boolean hasPending() {
        return !buffer.isEmpty();
    }

    /** Sends the buffer when it has grown to a chunk. */
    public void flushIfFull() throws SQLException {
        if (buffer.length() >= chunkChars) {
            send();
        }
    }

    /** Sends what is buffered and ends the COPY operation so other statements can run. */
    public void end() throws SQLException {
        if (hasPending()) {
            send();
        }
        if (copyIn != null) {
            CopyIn finishing = copyIn;
            copyIn = null;
            rowsCopied += finishing.endCopy();
        }
    }

    /** Abandons an open COPY after a failure (the transaction is rolled back anyway). */
    public void cancel() {
        if (copyIn != null && copyIn.isActive()) {
            try {
                copyIn.cancelCopy();
            } catch (SQLException ignored) {
                // the original failure matters more
            }
        }
        copyIn = null;
        buffer.setLength(0);
    }

    public long rowsCopied() {
        return rowsCopied;
    }

    private void send() throws SQLException {
        if (copyIn == null) {
            copyIn = copyManager.copyIn(copySql);
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copyIn.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
