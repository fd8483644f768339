package org.sockscope.ui.scenario;

import java.util.List;
import java.util.Map;

/**
 * What the scenario mode draws at one moment, mapped from a Snapshot and the reports: the process
 * columns, the code lines to mark, the narration, and the call whose log line to highlight.
 *
 * @param columns         one per process, in the scenario's order
 * @param code            process → the lines to mark in its listing
 * @param title           the narration's heading ({@code Step 2 of 4 · app_empty})
 * @param call            the step's call with its descriptor numbers, or empty
 * @param narration       what the instructor says
 * @param highlightCallId the trace's id of the step's call (its log line is highlighted), -1 for none
 */
record Screen(List<ColumnState> columns, Map<String, CodeMark> code, String title, String call, String narration,
              long highlightCallId) {

    Screen {
        columns = List.copyOf(columns);
        code = Map.copyOf(code);
    }

    /** Nothing loaded. */
    static final Screen EMPTY = new Screen(List.of(), Map.of(), "", "", "", -1);

    /**
     * The lines to mark in one process's listing.
     *
     * @param lines   1-based line numbers
     * @param current the step on screen is this process's (strong highlight); else its last step's lines
     * @param blocked the process's thread is asleep in that call now
     */
    record CodeMark(List<Integer> lines, boolean current, boolean blocked) {
        CodeMark {
            lines = List.copyOf(lines);
        }
    }
}
