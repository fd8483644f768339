package org.sockscope.ui.widget;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How both modes report a background task that threw: the exception's own words for the banner,
 * and one entry (what failed, then the stack trace) on stderr for a bug report. No JavaFX.
 */
public final class TaskFailure {
    private TaskFailure() {
    }

    /** The failure itself, unwrapped from the future or executor that carried it. */
    public static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /**
     * What went wrong in words: the message of an engine refusal (IllegalState/IllegalArgument, the
     * lab's own exceptions) as it stands; anything else prefixed with its type, which then is news.
     */
    public static String reason(Throwable t) {
        Throwable c = cause(t);
        String message = c.getMessage();
        if (message == null || message.isBlank()) {
            return c.getClass().getSimpleName();
        }
        boolean plain = c instanceof IllegalStateException || c instanceof IllegalArgumentException
                || c.getClass().getPackageName().startsWith("org.sockscope");
        return plain ? message : c.getClass().getSimpleName() + ": " + message;
    }

    /** Writes one entry to stderr: {@code what} and the stack trace of {@code t}. */
    public static void log(String what, Throwable t) {
        var err = System.err;
        synchronized (err) {
            err.println("SockScope: " + what);
            cause(t).printStackTrace(err);
        }
    }
}
