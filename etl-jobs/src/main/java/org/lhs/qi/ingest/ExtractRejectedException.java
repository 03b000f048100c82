package org.lhs.qi.ingest;

/** An extract (or one of its files) that must not be loaded; the message says which file, why, and where to look. */
public final class ExtractRejectedException extends RuntimeException {

    public ExtractRejectedException(String message) {
        super(message);
    }
}
