package org.sockscope.scenario;

/**
 * One problem in a scenario file, located: file, line and column (both from 1), what is wrong,
 * and what is allowed or how to fix it.
 *
 * @param file    the file as the user named it ({@code assets/scenarios/x.yaml})
 * @param line    the line, from 1
 * @param column  the column, from 1
 * @param message what is wrong ({@code unknown call 'recvv'})
 * @param hint    what is allowed or how to fix it, or empty
 */
public record ScenarioError(String file, int line, int column, String message, String hint) {

    /** {@code file:line:column: message — hint}, the form editors and terminals link to. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message + (hint.isEmpty() ? "" : " — " + hint);
    }
}
