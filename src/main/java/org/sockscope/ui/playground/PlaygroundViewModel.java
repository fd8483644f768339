package org.sockscope.ui.playground;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.sockscope.kernel.DescriptorTable;
import org.sockscope.lab.Actor;
import org.sockscope.lab.Call;
import org.sockscope.lab.Lab;
import org.sockscope.lab.SocketOptions;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.scenario.ScenarioWriter;
import org.sockscope.trace.Event;
import org.sockscope.trace.RecordingHeader;
import org.sockscope.trace.Snapshot;
import org.sockscope.trace.Trace;
import org.sockscope.ui.widget.AppBufferState;
import org.sockscope.ui.widget.FoldedDescriptors;
import org.sockscope.ui.widget.LogEntry;
import org.sockscope.ui.widget.TaskFailure;
import org.sockscope.ui.ledger.StreamLedger;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The playground's one view-model. Call {@link #refresh()} once per frame on the FX thread: it
 * folds the trace's new events (however many arrived: one render per frame) and maps the newest
 * Snapshot to what each process column draws. Commands never block: calls go to actor threads,
 * set-up to a control thread, and their answers come back through an inbox drained by refresh.
 *
 * <p>Events are folded by trace index ({@link TraceFolder}): when the bounded trace dropped some
 * before a frame folded them, the log says how many and the ledger stops naming the calls whose
 * bytes it can no longer place. Whatever throws, in a task or in a frame, becomes the error banner
 * and is logged once; the playground stays usable.
 */
public final class PlaygroundViewModel implements AutoCloseable {
    /** Default options: SO_SNDBUF = SO_RCVBUF = 4096 on both sides, so buffers fill visibly. */
    public static final SocketOptions DEFAULT_OPTIONS = SocketOptions.buffers(4096);
    /** What the banner tells the user to do after a failure. */
    static final String WHAT_TO_DO = "Rebuild the connection (Ctrl+R) to start afresh; the rest of the app keeps working.";

    /** What a command says when no lab is attached (a view over a trace alone: tests, benchmarks). */
    static final String NO_LAB = "No live lab: this view shows a trace without a lab attached, so no call can be made.";

    private final Trace trace;
    private final LabDriver driver;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final ExecutorService probes = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("playground-probes").daemon(true).unstarted(r));
    private final AtomicReference<Map<Side, FoldedDescriptors>> scanned = new AtomicReference<>();
    private final StreamLedger ledger = new StreamLedger();
    private final LogFeed log = new LogFeed();
    private final Map<Side, AppBufferState> lastApp = new EnumMap<>(Side.class);
    private final Map<Side, ReadOnlyObjectWrapper<ProcessState>> processes = new EnumMap<>(Side.class);
    private final Map<Side, ReadOnlyObjectWrapper<FoldedDescriptors>> folded = new java.util.EnumMap<>(Map.of(
            Side.CLIENT, new ReadOnlyObjectWrapper<>(this, "foldedP1", FoldedDescriptors.UNKNOWN),
            Side.SERVER, new ReadOnlyObjectWrapper<>(this, "foldedP2", FoldedDescriptors.UNKNOWN)));
    private final ReadOnlyLongWrapper clock = new ReadOnlyLongWrapper(this, "clock");
    private final ReadOnlyLongWrapper eventCount = new ReadOnlyLongWrapper(this, "eventCount");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper kernelVersion = new ReadOnlyStringWrapper(this, "kernelVersion", "…");
    private final ReadOnlyBooleanWrapper rebuilding = new ReadOnlyBooleanWrapper(this, "rebuilding");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ObjectProperty<SocketOptions> clientOptions = new SimpleObjectProperty<>(this, "clientOptions", DEFAULT_OPTIONS);
    private final ObjectProperty<SocketOptions> serverOptions = new SimpleObjectProperty<>(this, "serverOptions", DEFAULT_OPTIONS);
    private final TraceFolder folder;
    /** The calls made on the connection that is up, for Save as scenario. */
    private final PlayLog played = new PlayLog();
    /** The recording's header when replaying, else null. */
    private final RecordingHeader recorded;
    private long lastRefreshNanos;
    /** The last failure logged from a frame, so one that repeats every frame is logged once. */
    private String lastFrameFailure = "";
    private volatile boolean closed;
    private boolean rescan = true;
    private final ReadOnlyBooleanWrapper processesWanted = new ReadOnlyBooleanWrapper(this, "processes", false);
    private final ReadOnlyBooleanWrapper asProcessesNow = new ReadOnlyBooleanWrapper(this, "processesNow", false);
    private final ReadOnlyStringWrapper tables = new ReadOnlyStringWrapper(this, "tables", "");

    /** A view-model for the live {@code lab}. */
    public PlaygroundViewModel(Lab lab) {
        this(lab.trace(), lab);
    }

    /** A view-model over {@code trace}; {@code lab} may be null (no lab attached: commands are refused). */
    public PlaygroundViewModel(Trace trace, Lab lab) {
        this(trace, lab, null);
    }

    /**
     * A view-model replaying a recorded trace: no lab, and every figure shown comes from the recording
     * (the kernel named in {@code recorded}, the recorded clock, the descriptor tables the processes reported).
     */
    public static PlaygroundViewModel replaying(Trace trace, RecordingHeader recorded) {
        return new PlaygroundViewModel(trace, null, Objects.requireNonNull(recorded));
    }

    private PlaygroundViewModel(Trace trace, Lab lab, RecordingHeader recorded) {
        this.recorded = recorded;
        this.trace = Objects.requireNonNull(trace);
        this.driver = lab == null ? null : new LabDriver(lab, inbox::add);
        live.set(lab != null);
        folder = new TraceFolder(trace, ledger, log, new TraceFolder.Hooks() {
            @Override
            public void event(Event e) {
                fold(e);
            }

            @Override
            public void dropped() {
                lastApp.replaceAll((s, a) -> AppBufferState.NONE); // their last calls may be among the dropped
                rescan = true;
            }

            @Override
            public void failed(String what, RuntimeException e) {
                frameFailed(what, e);
            }
        }, lab == null ? null : () -> driver.world().sampleNow(), probes, inbox::add);
        for (Side s : Side.values()) {
            processes.put(s, new ReadOnlyObjectWrapper<>(this, s.process(), ProcessState.empty(s)));
            lastApp.put(s, AppBufferState.NONE);
        }
        if (recorded != null) {
            log.listEverything();
            kernelVersion.set(recorded.kernel());
            recordedTables(trace.latest());
        } else {
            probes.execute(() -> {
                String version = org.sockscope.kernel.Host.kernel();
                inbox.add(() -> kernelVersion.set(version));
            });
        }
        tables.set(tablesText(trace.latest()));
    }

    /** While replaying: whether P1 and P2 ran as processes is what the recording's processes say. */
    private void recordedTables(Snapshot snap) {
        boolean both = TablesLine.twoProcesses(snap);
        asProcessesNow.set(both);
        processesWanted.set(both);
    }

    // ---- per frame -------------------------------------------------------------------------

    /** Folds new events and updates every property. FX thread, once per frame; never blocks. */
    public void refresh() {
        if (closed) {
            return;
        }
        for (Runnable r; (r = inbox.poll()) != null; ) {
            try {
                r.run();
            } catch (RuntimeException e) {
                frameFailed("showing a playground answer", e);
            }
        }
        try {
            frame();
        } catch (RuntimeException e) {
            frameFailed("drawing the newest events", e);
        }
    }

    private void frame() {
        // Replaying, the clock stands at the recorded moment shown: nothing runs now.
        clock.set(recorded == null ? trace.now() : trace.latest().nanos());
        Map<Side, FoldedDescriptors> f = scanned.getAndSet(null);
        if (f != null) {
            f.forEach((side, fold) -> {
                if (!fold.equals(folded.get(side).get())) {
                    folded.get(side).set(fold);
                }
            });
        }
        log.flushIfDue();
        Snapshot snap = trace.latest();
        long t0 = System.nanoTime();
        if (!folder.foldTo(snap)) {
            return;
        }
        if (recorded != null) {
            recordedTables(snap);
        }
        tables.set(tablesText(snap)); // pids and exits come in events
        for (Side s : Side.values()) {
            ProcessState p = ProcessMapper.map(s, snap, ledger, lastApp.get(s));
            lastApp.put(s, p.appBuffer());
            ReadOnlyObjectWrapper<ProcessState> w = processes.get(s);
            if (!p.equals(w.get())) {
                w.set(p);
            }
        }
        log.flushIfDue();
        eventCount.set(folder.nextIndex());
        if (rescan) {
            rescan = false;
            scanDescriptors(snap);
        }
        lastRefreshNanos = System.nanoTime() - t0;
    }

    /** A failure on the FX thread: the banner says it; one that repeats every frame is logged once. */
    private void frameFailed(String what, RuntimeException e) {
        String text = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " failed: " + TaskFailure.reason(e)
                + ". " + WHAT_TO_DO;
        if (!text.equals(lastFrameFailure)) {
            lastFrameFailure = text;
            TaskFailure.log(what + " failed", e);
        }
        error.set(text);
    }

    /** What the view-model does with each folded event besides the ledger and the log. */
    private void fold(Event e) {
        switch (e) {
            case Event.DescriptorOpened o -> rescan = true;
            case Event.DescriptorClosed c -> rescan = true;
            case Event.ActorChanged a -> Side.valueOfProcess(a.actor()).ifPresent(s -> lastApp.put(s, AppBufferState.NONE));
            default -> {
            }
        }
    }

    /** Reads the whole descriptor table off the FX thread; the next frame picks the result up. */
    private void scanDescriptors(Snapshot snap) {
        if (recorded != null || driver != null && driver.processes()) {
            // A recording holds what each process reported (threads of one process: not recorded, not shown).
            // Each process reported its table when it started; it is folded here, nothing is read.
            Map<Side, FoldedDescriptors> each = new java.util.EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                var pv = snap.processes().get(side.process());
                var lesson = new java.util.HashSet<Integer>();
                snap.descriptorsOf(side.process()).forEach(d -> lesson.add(d.fd()));
                each.put(side, pv != null ? OtherDescriptors.fold(pv.own(), lesson)
                        : recorded != null ? FoldedDescriptors.NOT_RECORDED : FoldedDescriptors.UNKNOWN);
            }
            scanned.set(each);
            return;
        }
        // This JVM's own table: P1 and P2 are its threads, and the lab's descriptors are its own.
        var labFds = new java.util.HashSet<Integer>();
        snap.descriptors().keySet().forEach(slot -> labFds.add(slot.fd()));
        probes.execute(() -> {
            try {
                FoldedDescriptors shared = OtherDescriptors.fold(DescriptorTable.self(), labFds);
                scanned.set(Map.of(Side.CLIENT, shared, Side.SERVER, shared));
            } catch (RuntimeException e) {
                TaskFailure.log("reading this process's descriptor table failed", e);
                String text = "Could not read this process's descriptor table: " + TaskFailure.reason(e)
                        + ". The columns show the lab's own descriptors only.";
                inbox.add(() -> error.set(text));
            }
        });
    }

    // ---- commands (FX thread; none blocks) ---------------------------------------------------

    /** Closes whatever is open and connects P1 to P2 with the current options. */
    public void rebuild() {
        if (driver == null) {
            error.set(NO_LAB);
            return;
        }
        rebuilding.set(true);
        error.set("");
        lastFrameFailure = "";
        SocketOptions c = clientOptions.get();
        SocketOptions s = serverOptions.get();
        boolean asProcesses = processesWanted.get();
        played.connecting(asProcesses, c, s);
        driver.rebuild(c, s, asProcesses, problem -> {
            rebuilding.set(false);
            asProcessesNow.set(driver.processes());
            tables.set(tablesText(trace.latest()));
            rescan = true;
            if (problem == null) {
                played.connected();
                message.set("Connected · " + (asProcesses ? "two processes" : "two threads of one process")
                        + " · P1: " + describe(c) + " · P2: " + describe(s));
            } else {
                error.set("Could not set up the connection: " + problem
                        + ". The old connection was closed; change the settings and apply again, or Rebuild.");
            }
        });
    }

    /**
     * P1 and P2 as two real processes (a descriptor table each) or as two threads of this one
     * (one shared table): takes effect by rebuilding the connection now.
     */
    public void setProcesses(boolean processes) {
        processesWanted.set(processes);
        rebuild();
    }

    /** Whether P1 and P2 are (or are being made) real processes; the switch reads and sets it. */
    public ReadOnlyBooleanProperty processesProperty() {
        return processesWanted.getReadOnlyProperty();
    }

    /** One line on whose tables the columns show: two processes with their pids, or one shared by two threads. */
    public ReadOnlyStringProperty tablesProperty() {
        return tables.getReadOnlyProperty();
    }

    private String tablesText(Snapshot snap) {
        return TablesLine.text(snap, asProcessesNow.get(),
                "pid " + (recorded == null ? ProcessHandle.current().pid() : recorded.pid() + ", when recorded"));
    }

    /** Whether P1 and P2 are real processes in the connection that is up now. */
    public ReadOnlyBooleanProperty processesNowProperty() {
        return asProcessesNow.getReadOnlyProperty();
    }

    /** {@code send(fd, s_buf, n, flags)} on {@code side}'s thread. */
    public void send(Side side, int n, boolean dontWait) {
        withSocket(side, fd -> new Call.Send(fd, n, dontWait ? LinuxAbi.MSG_DONTWAIT : 0), n);
    }

    /** {@code recv(fd, r_buf, n, flags)} on {@code side}'s thread. */
    public void recv(Side side, int n, boolean dontWait) {
        withSocket(side, fd -> new Call.Recv(fd, n, dontWait ? LinuxAbi.MSG_DONTWAIT : 0), n);
    }

    /** {@code fcntl(fd, F_SETFL, flags | O_NONBLOCK)} or with it cleared. */
    public void setNonBlocking(Side side, boolean on) {
        withSocket(side, fd -> new Call.SetNonBlocking(fd, on), 1);
    }

    /** {@code shutdown(fd, how)}. */
    public void shutdown(Side side, int how) {
        withSocket(side, fd -> new Call.Shutdown(fd, how), 1);
    }

    /** {@code close(fd)}. */
    public void closeSocket(Side side) {
        withSocket(side, Call.Close::new, 1);
    }

    /** Wakes {@code side}'s blocked call. */
    public void cancel(Side side) {
        if (driver == null) {
            return;
        }
        int fd = process(side).get().fd();
        driver.cancel(side, woke -> {
            if (woke) {
                played.cancelled(side, fd);
            } else {
                message.set(side.process() + " had no call in progress to cancel.");
            }
        }, error::set);
    }

    private void withSocket(Side side, java.util.function.IntFunction<Call> call, int n) {
        if (driver == null) {
            error.set(NO_LAB);
            return;
        }
        int fd = process(side).get().fd();
        if (fd < 0) {
            error.set(side.process() + " has no socket: rebuild the connection first.");
            return;
        }
        if (n < 1 || n > (16 << 20)) {
            error.set("The byte count must be between 1 and " + (16 << 20) + ", not " + n + ".");
            return;
        }
        error.set("");
        Call c = call.apply(fd);
        Actor.Submission sub = driver.submit(side, c, error::set);
        if (sub != null) {
            played.made(side, c, sub);
        }
    }

    // ---- save as scenario ----------------------------------------------------------------------

    /**
     * Every call made since the connection was last (re)built, in order, with where each stands now
     * (returned with the kernel's answer, asleep, running, or a Cancel's shutdown). FX thread.
     */
    public List<ScenarioWriter.Entry> recordedCalls() {
        return played.entries(trace.latest());
    }

    /**
     * What was done since the connection was made, as a scenario file's text (docs/scenario-format.md).
     * FX thread; throws {@link ScenarioWriter.NothingToWrite}, whose message says what to do, when no
     * connection is up or no call was made.
     */
    public String scenarioYaml() {
        return ScenarioWriter.write(played.session(trace.latest()));
    }

    /**
     * Writes {@link #scenarioYaml()} to {@code file} on a thread of its own (the file appears whole or
     * not at all: it is written beside it and moved into place). Completes with the sentence for the
     * status bar, or exceptionally with the reason it was not saved (nothing to save, a disk error).
     */
    public java.util.concurrent.CompletableFuture<String> saveScenario(java.nio.file.Path file) {
        String yaml;
        int steps;
        try {
            ScenarioWriter.Session session = played.session(trace.latest());
            yaml = ScenarioWriter.write(session);
            steps = session.calls().size();
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        return ScenarioFile.write(yaml, file).thenApply(f -> "Saved " + steps + " step" + (steps == 1 ? "" : "s")
                + " as a scenario to " + f + " (check it: sockscope run " + f.getFileName() + " --check)");
    }

    private static String describe(SocketOptions o) {
        return "SNDBUF " + (o.sndbuf() == 0 ? "auto" : o.sndbuf()) + ", RCVBUF "
                + (o.rcvbuf() == 0 ? "auto" : o.rcvbuf()) + (o.nodelay() ? ", NODELAY" : "");
    }

    /** Closes the lab within about {@code millis} (blocked calls are woken) and stops background work. */
    public boolean close(long millis) {
        closed = true;
        probes.shutdownNow();
        return driver == null || driver.close(millis);
    }

    @Override
    public void close() {
        close(800);
    }

    // ---- properties --------------------------------------------------------------------------

    /** What {@code side}'s column draws. */
    public ReadOnlyObjectProperty<ProcessState> process(Side side) {
        return processes.get(side).getReadOnlyProperty();
    }

    /**
     * The rest of {@code side}'s descriptor table, folded: this process's (shared by P1 and P2 as its
     * threads), or, for a real process, what its table held when it started besides the lesson's.
     */
    public ReadOnlyObjectProperty<FoldedDescriptors> foldedProperty(Side side) {
        return folded.get(side).getReadOnlyProperty();
    }

    /** The call log, newest last (at most {@value LogFeed#MAX_LINES} lines). */
    public ObservableList<LogEntry> log() {
        return log.list();
    }

    /** The trace clock at the last frame (nanoseconds since the lab started). */
    public ReadOnlyLongProperty clockProperty() {
        return clock.getReadOnlyProperty();
    }

    /** Events folded so far. */
    public ReadOnlyLongProperty eventCountProperty() {
        return eventCount.getReadOnlyProperty();
    }

    /** The last failure (set-up, bad input), empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last informational message. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** {@code Linux 6.8.0-…} from /proc/sys/kernel/osrelease. */
    public ReadOnlyStringProperty kernelVersionProperty() {
        return kernelVersion.getReadOnlyProperty();
    }

    /** True while a rebuild runs. */
    public ReadOnlyBooleanProperty rebuildingProperty() {
        return rebuilding.getReadOnlyProperty();
    }

    /** The recording's header while replaying one, else null. */
    public RecordingHeader recorded() {
        return recorded;
    }

    /** True when a live lab is attached (false for a view over a trace alone). */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** P1's options, applied by {@link #rebuild()}. */
    public ObjectProperty<SocketOptions> clientOptionsProperty() {
        return clientOptions;
    }

    /** P2's options, applied by {@link #rebuild()}. */
    public ObjectProperty<SocketOptions> serverOptionsProperty() {
        return serverOptions;
    }

    /** True once {@link #close} ran: refresh does nothing any more. */
    public boolean isClosed() {
        return closed;
    }

    /** The trace rendered. */
    public Trace trace() {
        return trace;
    }

    /** The events folded by the last {@link #refresh()} (empty when none arrived), for measurements. */
    public List<Event> lastBatch() {
        return folder.lastBatch();
    }

    /** Clears the error line. */
    public void dismissError() {
        error.set("");
    }

    /** How long the last {@link #refresh()} that folded events took on the FX thread, for measurements. */
    public long lastRefreshNanos() {
        return lastRefreshNanos;
    }

    /** Changes how often the log's list may change (tests: 0, every refresh). */
    void setLogFlushNanos(long nanos) {
        log.setFlushNanos(nanos);
    }

    /** The live lab, or null (tests). */
    Lab lab() {
        return driver != null && driver.world() instanceof Lab l ? l : null;
    }

    /** Sets the error line (the settings panel reports invalid input through it). */
    void reportError(String text) {
        error.set(text);
    }
}
