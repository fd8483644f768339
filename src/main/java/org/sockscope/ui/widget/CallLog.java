package org.sockscope.ui.widget;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The strace-like call log, newest last: time, process, call with arguments, return value, errno,
 * duration. Copyable: Ctrl+C copies the selected lines, "Copy all" the whole log, as strace text.
 */
public final class CallLog extends Control {
    /** The style class of every CallLog. */
    public static final String DEFAULT_STYLE_CLASS = "call-log";
    private ObservableList<LogEntry> items = FXCollections.observableArrayList();
    private final javafx.beans.property.StringProperty placeholder =
            new javafx.beans.property.SimpleStringProperty(this, "placeholder", "No calls yet: use the buttons above to make one.");

    /** An empty log. */
    public CallLog() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
    }

    /** The lines shown; the owner appends to it (once per frame). */
    public final ObservableList<LogEntry> getItems() {
        return items;
    }

    /** Shows {@code list} (call before the skin is created). */
    public final void setItems(ObservableList<LogEntry> list) {
        items = list;
    }

    /** What the empty log says (each mode tells how to make the first call). */
    public final javafx.beans.property.StringProperty placeholderProperty() {
        return placeholder;
    }

    /** Sets what the empty log says. */
    public final void setPlaceholder(String text) {
        placeholder.set(text);
    }

    /** {@code entries} as strace text, one line each. */
    public static String text(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::straceLine).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Puts {@code entries} on the system clipboard as text. */
    public static void copy(List<LogEntry> entries) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text(entries));
        Clipboard.getSystemClipboard().setContent(c);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CallLogSkin(this);
    }
}
