package org.sockscope.ui.widget;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Draws a {@link CallLog} as a table with a copy button. */
final class CallLogSkin extends SkinBase<CallLog> {
    private static final Map<LogEntry.Kind, PseudoClass> KINDS = new EnumMap<>(LogEntry.Kind.class);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    static {
        for (LogEntry.Kind k : LogEntry.Kind.values()) {
            KINDS.put(k, PseudoClass.getPseudoClass(k.name().toLowerCase(Locale.ROOT)));
        }
    }

    private final TableView<LogEntry> table = new TableView<>();
    private long flashedUpTo = -1;
    private boolean scrollToEnd;

    CallLogSkin(CallLog log) {
        super(log);
        table.setItems(log.getItems());
        table.setId("callLogTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // The columns share the table's width (never a horizontal scroll bar); a long value wraps in its row.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label empty = new Label();
        empty.textProperty().bind(log.placeholderProperty());
        table.setPlaceholder(empty);
        TableColumn<LogEntry, String> call = column("call", 400, LogEntry::call, "The call as C writes it: what the program asked the kernel.");
        table.getColumns().add(column("time", 105, LogEntry::time, "When the trace recorded the line: seconds since the lab started (SockScope's trace clock,"
                + " CLOCK_MONOTONIC)."));
        table.getColumns().add(column("process", 80, LogEntry::process, "The actor (a thread) that made the call."));
        table.getColumns().add(call);
        table.getColumns().add(column("return", 230, e -> e.kind() == LogEntry.Kind.FAILED ? "-1" : e.ret(),
                Source.SYSCALL.describe("The value the system call returned (and, for recv(), the bytes it copied by"
                        + " letter; for a loop, how it ended). On an <unfinished ...> line there is no value yet: where"
                        + " the sampler saw the thread asleep, from /proc/<pid>/task/<tid>/syscall and …/wchan.")));
        table.getColumns().add(column("errno", 95, LogEntry::errno, Source.SYSCALL.describe("errno, captured right after the call returned -1.")));
        table.getColumns().add(column("duration", 100, LogEntry::duration, Source.MEASURED.describe("One call: its time in the kernel,"
                + " CLOCK_MONOTONIC before and after the system call. A loop: the wall time of the whole loop, SockScope's"
                + " code between its calls included. Empty for calls not made through the call meter (fcntl(),"
                + " setsockopt(), shutdown(), close(), socket()): their time was not measured.")));
        table.setRowFactory(t -> new Row());
        // Rows keep the height measured at the old width: measure them again when the columns change width.
        table.widthProperty().addListener((o, a, b) -> table.refresh());
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                CallLog.copy(table.getSelectionModel().getSelectedItems());
                e.consume();
            }
        });
        Label title = new Label("Call log (strace-like, newest last)");
        title.getStyleClass().add("log-title");
        Button copyAll = new Button("Copy all");
        copyAll.setId("copyLog");
        copyAll.setOnAction(e -> CallLog.copy(log.getItems()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Ctrl+C copies selected lines");
        hint.getStyleClass().add("log-hint");
        HBox head = new HBox(10, title, spacer, hint, copyAll);
        head.getStyleClass().add("log-head");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, head, table);
        getChildren().add(box);
        // Newest last and in view: scroll once the table knows the new row count (after its layout).
        log.getItems().addListener((ListChangeListener<LogEntry>) c -> {
            scrollToEnd = true;
            log.requestLayout();
        });
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        // Exactly the area given, from its top: SkinBase centres a child taller than its area, which
        // drew the log's title over whatever is above it when the window is short.
        getChildren().getFirst().resizeRelocate(x, y, w, h);
        if (scrollToEnd && table.getHeight() > 0) { // not yet sized: try again at the next layout
            scrollToEnd = false;
            int n = table.getItems().size();
            if (n > 0) {
                table.getParent().layout(); // the table learns its new row count, then can scroll to the last
                table.scrollTo(n - 1);
            }
        }
    }

    private static TableColumn<LogEntry, String> column(String name, double width, Function<LogEntry, String> value, String tip) {
        TableColumn<LogEntry, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue() == null ? "" : value.apply(f.getValue())));
        Label header = new Label(name);
        javafx.scene.control.Tooltip.install(header, new javafx.scene.control.Tooltip(tip));
        c.setGraphic(header);
        c.setText("");
        c.getStyleClass().add("col-" + name);
        // A column shrinks down to its heading, not below: the heading is never cut.
        c.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> header.prefWidth(-1) + 1.2 * header.getFont().getSize(), header.fontProperty()));
        c.setCellFactory(col -> new Cell());
        return c;
    }

    /** A cell whose text wraps in its column rather than end in "…". */
    private static final class Cell extends TableCell<LogEntry, String> {
        Cell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }

        /** The row asks without a width: wrap at the column's (else a long value would not grow its row). */
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 && getTableColumn() != null ? getTableColumn().getWidth() : width);
        }
    }

    /** A row that shows its line's kind as a pseudo-class and flashes when new. */
    private final class Row extends TableRow<LogEntry> {
        @Override
        protected void updateItem(LogEntry item, boolean empty) {
            super.updateItem(item, empty);
            for (Map.Entry<LogEntry.Kind, PseudoClass> k : KINDS.entrySet()) {
                pseudoClassStateChanged(k.getValue(), !empty && item != null && item.kind() == k.getKey());
            }
            if (!empty && item != null && item.seq() > flashedUpTo) {
                flashedUpTo = item.seq();
                Flash.flash(this);
            }
        }
    }
}
