package org.lhs.qi.ingest;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A COPY whose rows are written to the server by a second thread while the caller parses and converts the next
 * ones, so Java's work and PostgreSQL's run on the two cores side by side instead of taking turns. The hand-off is
 * bounded ({@value #CHUNKS} chunks of about {@code chunkBytes}, reused), so memory stays flat whatever the file
 * size. The caller fills {@link #rows()}, calls {@link #flushIfFull()}, and {@link #end()} before it uses the
 * connection for anything else (a connection runs one COPY at a time); the sender touches the connection only
 * between a hand-off and the next {@link #end()}, and the queues order the two threads' accesses.
 */
final class PipelinedCopy implements AutoCloseable {

    /** Chunks in flight: one being filled, one being sent, one waiting — enough to keep both sides busy. */
    private static final int CHUNKS = 3;

    private static final CopyBytes DRAIN = new CopyBytes(0);
    private static final CopyBytes STOP = new CopyBytes(0);

    private final CopyManager copyManager;
    private final String copySql;
    private final int chunkBytes;
    private final BlockingQueue<CopyBytes> toSend = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<CopyBytes> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Object> drained = new ArrayBlockingQueue<>(1);
    private final Thread sender;
    private CopyBytes filling;
    private CopyIn copyIn;          // written by the caller before a hand-off, read by the sender after it
    private volatile SQLException failure;
    private volatile boolean discard;
    private long rowsCopied;

    PipelinedCopy(CopyManager copyManager, String copySql, int chunkBytes, String name) {
        this.copyManager = copyManager;
        this.copySql = copySql;
        this.chunkBytes = chunkBytes;
        for (int i = 0; i < CHUNKS - 1; i++) {
            free.add(new CopyBytes(chunkBytes + 4096));
        }
        this.filling = new CopyBytes(chunkBytes + 4096);
        this.sender = Thread.ofPlatform().daemon().name("copy-" + name).start(this::send);
    }

    /** Where the caller appends complete rows. */
    CopyBytes rows() {
        return filling;
    }

    /** Hands the chunk to the sender once it is full; waits only when the sender is {@value #CHUNKS} chunks behind. */
    void flushIfFull() throws SQLException {
        if (filling.size() >= chunkBytes) {
            handOff();
        }
    }

    /** Sends what is buffered, waits until the server has it all and ends the COPY so other statements can run. */
    void end() throws SQLException {
        if (filling.size() > 0) {
            handOff();
        }
        if (copyIn != null) {
            drain();
            CopyIn finishing = copyIn;
            copyIn = null;
            rowsCopied += finishing.endCopy();
        }
    }

    /** Abandons an open COPY after a failure (the transaction is rolled back anyway). */
    void cancel() {
        discard = true;
        try {
            drain();
        } catch (SQLException ignored) {
            // the original failure matters more
        }
        if (copyIn != null && copyIn.isActive()) {
            try {
                copyIn.cancelCopy();
            } catch (SQLException ignored) {
                // the original failure matters more
            }
        }
        copyIn = null;
        filling.clear();
    }

    long rowsCopied() {
        return rowsCopied;
    }

    @Override
    public void close() {
        put(STOP);
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOff() throws SQLException {
        rethrow();
        if (copyIn == null) {
            copyIn = copyManager.copyIn(copySql); // the sender is idle: everything before was drained
        }
        put(filling);
        try {
            filling = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging", e);
        }
        filling.clear();
    }

    private void drain() throws SQLException {
        put(DRAIN);
        try {
            drained.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging", e);
        }
        rethrow();
    }

    private void rethrow() throws SQLException {
        SQLException f = failure;
        if (f != null && !discard) {
            failure = null;
            discard = true; // the COPY is broken: drop what is still queued
            throw f;
        }
    }

    private void put(CopyBytes chunk) {
        try {
            toSend.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging", e);
        }
    }

    /** The sender thread: writes chunks in order; after a failure it keeps taking them so the caller never blocks. */
    private void send() {
        try {
            while (true) {
                CopyBytes chunk = toSend.take();
                if (chunk == STOP) {
                    return;
                }
                if (chunk == DRAIN) {
                    drained.put(Boolean.TRUE);
                    continue;
                }
                if (failure == null && !discard) {
                    try {
                        copyIn.writeToCopy(chunk.array(), 0, chunk.size());
                    } catch (SQLException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = new SQLException("COPY failed: " + e.getMessage(), e);
                    }
                }
                free.put(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
