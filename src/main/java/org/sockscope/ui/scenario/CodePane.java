package org.sockscope.ui.scenario;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sockscope.scenario.CodeListing;

import java.util.ArrayList;
import java.util.List;

/**
 * One process's C listing, as on the slide, with the lines of its step marked: the step on screen
 * strongly ({@code :current}, ▶), the process's previous step lightly ({@code :last}, ›), and
 * {@code :blocked} (‖) while its thread sleeps in that call. Glyph and weight, never colour alone.
 */
final class CodePane extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass LAST = PseudoClass.getPseudoClass("last");
    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private final List<HBox> rows = new ArrayList<>();
    private final List<Label> marks = new ArrayList<>();
    private Screen.CodeMark shown;

    CodePane(CodeListing listing) {
        getStyleClass().add("code-pane");
        int n = 1;
        for (String line : listing.lines()) {
            Label mark = new Label(" ");
            mark.getStyleClass().add("code-mark");
            Label number = new Label(Integer.toString(n++));
            number.getStyleClass().add("code-number");
            Label text = new Label(line.isEmpty() ? " " : line);
            text.getStyleClass().add("code-text");
            text.setMinWidth(0);
            text.setWrapText(true); // a long line wraps rather than hide the call the step is about
            text.setMaxWidth(Double.MAX_VALUE);
            javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            HBox row = new HBox(mark, number, text);
            row.getStyleClass().add("code-line");
            rows.add(row);
            marks.add(mark);
        }
        getChildren().setAll(rows);
    }

    /** Marks {@code m}'s lines (null: none). */
    void show(Screen.CodeMark m) {
        if (java.util.Objects.equals(m, shown)) {
            return;
        }
        shown = m;
        for (int i = 0; i < rows.size(); i++) {
            boolean on = m != null && m.lines().contains(i + 1);
            HBox row = rows.get(i);
            row.pseudoClassStateChanged(CURRENT, on && m.current());
            row.pseudoClassStateChanged(LAST, on && !m.current());
            row.pseudoClassStateChanged(BLOCKED, on && m.blocked());
            marks.get(i).setText(!on ? " " : m.blocked() ? "‖" : m.current() ? "▶" : "›");
        }
    }

    /** The line numbers marked as the current step's (for tests). */
    List<Integer> currentLines() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getPseudoClassStates().contains(CURRENT)) {
                out.add(i + 1);
            }
        }
        return out;
    }
}
