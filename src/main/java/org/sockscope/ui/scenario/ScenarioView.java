package org.sockscope.ui.scenario;

import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.sockscope.scenario.ProcessSpec;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.ScenarioSession;
import org.sockscope.ui.widget.CallLog;
import org.sockscope.ui.widget.LogEntry;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scenario mode: pick a scenario, predict, step, reveal. The narration on top, one column per
 * process (code, thread, descriptors, buffers), the call log below, the slide's question on the
 * right. One AnimationTimer drives the view-model once per frame; nothing here waits for the kernel.
 */
public final class ScenarioView extends BorderPane {
    private final ScenarioViewModel vm;
    private final HBox columns = new HBox();
    private final Map<String, ProcessColumn> columnViews = new LinkedHashMap<>();
    /** Says whether the run's processes are real processes or threads of this JVM. */
    private final Label honest = new Label();
    private final CallLog log = new CallLog();
    private final QuestionPane question;
    private final ScrollPane side;
    private final StackPane centre = new StackPane();
    private final VBox run;
    private final ListView<ScenarioFiles.Entry> start = new ListView<>();
    private LogEntry highlightedShown;
    private int highlightFrames;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.refresh();
            showHighlight();
        }
    };

    /** The view of {@code vm}. */
    public ScenarioView(ScenarioViewModel vm) {
        this.vm = vm;
        setId("scenarioView");
        getStyleClass().add("scenario-view");
        getStylesheets().add(stylesheet());

        ScenarioToolbar toolbar = new ScenarioToolbar(vm, this::chooseFile);
        setTop(new VBox(toolbar, new ScenarioBanners(vm)));

        columns.getStyleClass().add("columns");
        ScrollPane columnScroll = new ScrollPane(columns);
        columnScroll.setId("columnScroll");
        columnScroll.setFitToWidth(true);
        columnScroll.getStyleClass().add("columns-scroll");
        VBox.setVgrow(columnScroll, Priority.ALWAYS);
        log.setItems(vm.log());
        log.setId("scenarioLog");
        log.setPlaceholder("No calls yet: Next (Space) runs the first step.");
        log.getStyleClass().add("scenario-log");
        run = new VBox(narration(), columnScroll, log);
        run.getStyleClass().add("run");
        HBox.setHgrow(run, Priority.ALWAYS);
        run.setMinWidth(0);

        question = new QuestionPane(vm);
        side = new ScrollPane(question);
        side.setId("questionScroll");
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("question-scroll");
        side.visibleProperty().bind(question.visibleProperty());
        side.managedProperty().bind(question.managedProperty());

        start.setId("scenarioList");
        start.getStyleClass().add("scenario-list");
        start.itemsProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> javafx.collections.FXCollections.observableArrayList(vm.catalogueProperty().get()), vm.catalogueProperty()));
        start.setCellFactory(l -> new StartCell());
        start.setOnMouseClicked(e -> openSelected());
        start.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        Label hint = new Label(vm.playsRecordings()
                ? "Pick a scenario: each one plays a recording of a slide's code run on real sockets on Linux. Then predict, step, reveal."
                : "Pick a scenario: each one runs a slide's code on real sockets. Then predict, step, reveal.");
        hint.getStyleClass().add("start-hint");
        VBox startBox = new VBox(hint, start);
        startBox.getStyleClass().add("start");
        VBox.setVgrow(start, Priority.ALWAYS);

        Reflow main = new Reflow(run, side);
        main.getStyleClass().add("scenario-main");
        centre.getChildren().setAll(startBox);
        setCenter(centre);
        setBottom(status());

        vm.scenarioProperty().addListener((o, a, s) -> {
            build(s);
            centre.getChildren().setAll(s == null ? startBox : main);
        });
        if (vm.scenarioProperty().get() != null) { // a recording the view-model was already playing
            build(vm.scenarioProperty().get());
            centre.getChildren().setAll(main);
        }
        vm.screenProperty().addListener((o, a, s) -> show(s));
        vm.highlightedProperty().addListener((o, a, b) -> highlightFrames = 2);
        vm.log().addListener((javafx.collections.ListChangeListener<LogEntry>) c -> highlightFrames = 2);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> ScenarioKeys.handle(e, vm));
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                frames.stop();
            } else {
                frames.start();
            }
        });
    }

    /** The scenario mode's own stylesheet (on top of the app's). */
    public static String stylesheet() {
        return ScenarioView.class.getResource("scenario.css").toExternalForm();
    }

    private VBox narration() {
        Label title = new Label();
        title.setId("narrationTitle");
        title.getStyleClass().add("narration-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label call = new Label();
        call.setId("narrationCall");
        call.getStyleClass().add("narration-call");
        call.setMinWidth(0);
        Label say = new Label();
        say.setId("narrationText");
        say.getStyleClass().add("narration-text");
        say.setWrapText(true);
        say.setMinHeight(Region.USE_PREF_SIZE);
        vm.screenProperty().addListener((o, a, s) -> {
            title.setText(s.title());
            call.setText(s.call());
            call.setManaged(!s.call().isEmpty());
            call.setVisible(!s.call().isEmpty());
            say.setText(s.narration());
        });
        HBox head = new HBox(14, title, call);
        head.getStyleClass().add("narration-head");
        VBox box = new VBox(head, say);
        box.setId("narration");
        box.getStyleClass().add("narration");
        box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("reviewing"), false);
        vm.reviewingProperty().addListener((o, a, b) ->
                box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("reviewing"), b));
        return box;
    }

    /** The message on a line of its own (wrapping, shown only when there is one), above who runs what and the live badge. */
    private VBox status() {
        Label message = new Label();
        message.setId("scenarioMessage");
        message.getStyleClass().add("scenario-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        honest.getStyleClass().add("honesty");
        honest.setMinWidth(0);
        honest.setWrapText(true);
        honest.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(honest, Priority.ALWAYS);
        Label live = new Label();
        live.setId("scenarioLive");
        live.getStyleClass().add("live-indicator");
        live.setMinWidth(Region.USE_PREF_SIZE);
        live.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (vm.replayProperty().get() ? "▶ REPLAY" : vm.reviewingProperty().get() ? "◀◀ REVIEW"
                        : vm.readyProperty().get() ? "● LIVE" : "○ no lab") + " · " + vm.eventCountProperty().get() + " events",
                vm.replayProperty(), vm.reviewingProperty(), vm.readyProperty(), vm.eventCountProperty()));
        HBox line = new HBox(16, honest, live);
        line.getStyleClass().add("status-line");
        VBox bar = new VBox(message, line);
        bar.getStyleClass().add("scenario-status");
        return bar;
    }

    private void build(Scenario s) {
        columnViews.clear();
        columns.getChildren().clear();
        if (s == null) {
            return;
        }
        var rec = vm.recordingProperty().get();
        honest.setText(rec != null ? "Recorded " + rec.header().recordedAt() + " on " + rec.header().kernel()
                + (rec.header().pid() > 0 ? " by SockScope's process " + rec.header().pid() : "")
                + ": the pids, descriptors and figures are that run's."
                : org.sockscope.lab.agent.Worlds.threads() && !ScenarioSession.needsProcesses(s)
                ? "Processes here are threads of one JVM (pid " + ProcessHandle.current().pid()
                        + "): real descriptor numbers, one shared table."
                : "Each process is a real process (pid in its column), with its own descriptor table.");
        for (ProcessSpec p : s.setup().processes()) {
            ProcessColumn c = new ProcessColumn(p.name(), p.threadOf().map(t -> "thread of " + t).orElse("process"),
                    s.code().get(p.name()), vm);
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setMinWidth(0);
            // A process with code needs the width for it; the others (a peer that sets the stage) less.
            c.setPrefWidth(s.code().containsKey(p.name()) ? 330 : 210);
            if (!s.code().containsKey(p.name())) {
                c.getStyleClass().add("narrow");
            }
            columnViews.put(p.name(), c);
            columns.getChildren().add(c);
        }
    }

    private void show(Screen s) {
        for (ColumnState c : s.columns()) {
            ProcessColumn view = columnViews.get(c.process());
            if (view != null) {
                view.show(c, s.code().get(c.process()));
            }
        }
    }

    /** Selects the step's log line a frame after it changed (the log scrolls to its newest line first). */
    private void showHighlight() {
        if (highlightFrames == 0 || --highlightFrames > 0) {
            return;
        }
        LogEntry h = vm.highlightedProperty().get();
        if (log.lookup("#callLogTable") instanceof TableView<?> t) {
            // The trace clock column is the playground's; here the step's call and its return matter.
            t.getColumns().stream().filter(c -> c.getStyleClass().contains("col-time")).forEach(c -> c.setVisible(false));
            @SuppressWarnings("unchecked")
            TableView<LogEntry> table = (TableView<LogEntry>) t;
            int i = h == null ? -1 : table.getItems().indexOf(h);
            if (i < 0) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 1));
            }
            highlightedShown = h;
        }
    }

    private void openSelected() {
        ScenarioFiles.Entry e = start.getSelectionModel().getSelectedItem();
        if (e != null) {
            vm.loadBundled(e.file());
            requestFocus();
        }
    }

    /** Asks for a scenario file (*.yaml) and opens it. */
    public void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open scenario");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Scenarios (*.yaml, *.yml)", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File assets = new File("assets/scenarios");
        if (assets.isDirectory()) {
            fc.setInitialDirectory(assets);
        }
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    /** The view-model. */
    public ScenarioViewModel viewModel() {
        return vm;
    }

    /** The log line selected as the step on screen's (for tests). */
    LogEntry highlightedLine() {
        return highlightedShown;
    }

    /** The column of {@code process}, or null (for tests). */
    ProcessColumn column(String process) {
        return columnViews.get(process);
    }

    /**
     * The run and the question: side by side where the run keeps room for its columns (at least
     * {@link #BESIDE} times the question's width, which is in em and so grows with the zoom), else
     * the question below the run, as tall as it needs up to {@link #BELOW_SHARE} of the height
     * (it scrolls inside beyond that). A narrow screen gives the columns its whole width.
     */
    static final class Reflow extends javafx.scene.layout.Pane {
        static final double BESIDE = 2.8;
        static final double BELOW_SHARE = 0.36;
        /** The question's width in em (the CSS), and the least height in em left to the columns above it. */
        private static final double SIDE_EM = 25.7;
        private static final double COLUMNS_EM = 10;
        private static final javafx.css.PseudoClass BELOW = javafx.css.PseudoClass.getPseudoClass("below");
        private final Region run;
        private final Region side;

        Reflow(Region run, Region side) {
            super(run, side);
            this.run = run;
            this.side = side;
        }

        /** Whether the question goes below the run at {@code width}. */
        boolean below(double width) {
            return width < BESIDE * side.prefWidth(-1);
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + snappedRightInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected double computePrefWidth(double height) {
            return run.prefWidth(-1) + (side.isManaged() ? side.prefWidth(-1) : 0);
        }

        @Override
        protected double computePrefHeight(double width) {
            return run.prefHeight(-1);
        }

        @Override
        protected void layoutChildren() {
            double x = snappedLeftInset();
            double y = snappedTopInset();
            double w = getWidth() - x - snappedRightInset();
            double h = getHeight() - y - snappedBottomInset();
            boolean below = below(w);
            side.pseudoClassStateChanged(BELOW, below);
            if (!side.isManaged()) {
                run.resizeRelocate(x, y, w, h);
            } else if (below) {
                // The run keeps its own minimum and some room for the columns; the question scrolls beyond that.
                double sh = Math.max(0, Math.min(Math.min(side.prefHeight(w), h * BELOW_SHARE),
                        h - run.minHeight(w) - COLUMNS_EM * side.prefWidth(-1) / SIDE_EM));
                sh = snapSizeY(sh);
                run.resizeRelocate(x, y, w, h - sh);
                side.resizeRelocate(x, y + h - sh, w, sh);
            } else {
                double sw = snapSizeX(side.prefWidth(-1));
                run.resizeRelocate(x, y, w - sw, h);
                side.resizeRelocate(x + w - sw, y, sw, h);
            }
        }
    }

    /** A bundled scenario in the start list: title large, slide below. */
    private static final class StartCell extends ListCell<ScenarioFiles.Entry> {
        @Override
        protected void updateItem(ScenarioFiles.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(e.title());
            title.getStyleClass().add("entry-title");
            Label slide = new Label("slide: " + e.slide() + "   ·   " + e.id());
            slide.getStyleClass().add("entry-slide");
            setText(null);
            setGraphic(new VBox(title, slide));
        }
    }
}
