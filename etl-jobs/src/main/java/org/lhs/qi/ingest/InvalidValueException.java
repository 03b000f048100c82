package org.lhs.qi.ingest;

/** A field value that cannot be converted to its column type; the message says what is wrong with it. */
public final class InvalidValueException extends Exception {

    public InvalidValueException(String message) {
        super(message, null, false, false); // thrown per bad field: no stack trace needed
    }
}
