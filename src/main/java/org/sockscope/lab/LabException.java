package org.sockscope.lab;

/** A lab set-up step failed; the message says which call and why, and everything opened was closed. */
public final class LabException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With a message that names the failed call. */
    public LabException(String message) {
        super(message);
    }
}
