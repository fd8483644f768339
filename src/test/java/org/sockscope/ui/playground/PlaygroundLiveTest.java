package org.sockscope.ui.playground;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockscope.lab.Lab;
import org.sockscope.lab.Payload;
import org.sockscope.lab.SocketOptions;
import org.sockscope.trace.Event;
import org.sockscope.trace.Snapshot;
import org.sockscope.trace.Trace;
import org.sockscope.ui.widget.BufferContent;
import org.sockscope.ui.widget.BufferContent.Kind;
import org.sockscope.ui.widget.BufferContent.Segment;
import org.sockscope.ui.widget.LogEntry;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view-model on a real lab when things go wrong: a failed engine call becomes the banner and
 * the next command works; events the bounded trace dropped before a frame folded them are named
 * once, and the log and the byte ledger stay aligned with what the kernel did. Real sockets, no
 * window: the test thread plays the FX thread and calls {@code refresh()} as the frames would.
 */
class PlaygroundLiveTest {
    private final Lab lab = new Lab();
    private PlaygroundViewModel vm;

    @AfterEach
    void close() {
        assertTrue(vm.close(1000), "the lab closes within a second");
    }

    /** Frames until {@code condition} holds (bounded). */
    private void frames(double seconds, String what, Callable<Boolean> condition) {
        waitFor(seconds, what, () -> {
            vm.refresh();
            return condition.call();
        });
    }

    /** Waits (bounded) without drawing a frame: the playground is not on screen meanwhile. */
    private void waitFor(double seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what
                    + " (error: " + vm.errorProperty().get() + ")", e);
        }
    }

    private ProcessState p(Side s) {
        return vm.process(s).get();
    }

    private void connect() {
        vm.rebuild();
        frames(5, "the connection", () -> !vm.rebuildingProperty().get() && p(Side.CLIENT).fd() >= 0
                && p(Side.SERVER).fd() >= 0);
        assertEquals("", vm.errorProperty().get());
    }

    /** The sends that returned among {@code events}, as call ids, in order. */
    private static List<Long> sendsReturned(List<Event> events) {
        return events.stream().filter(PlaygroundLiveTest::isSendReturn).map(e -> ((Event.CallReturned) e).callId()).toList();
    }

    private static boolean isSendReturn(Event e) {
        return e instanceof Event.CallReturned r && r.call().name().equals("send");
    }

    @Test
    void aCallTheEngineRefusesBecomesTheBannerAndTheNextCommandWorks() {
        vm = new PlaygroundViewModel(lab);
        vm.setLogFlushNanos(0);
        connect();
        // The lab stops its actors behind the playground's back (no frame since): the next call
        // reaches an actor thread that is gone, and the engine's future fails.
        lab.reset();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            vm.send(Side.CLIENT, 10, false);
            frames(5, "the banner", () -> !vm.errorProperty().get().isEmpty());
            for (int i = 0; i < 10; i++) {
                vm.refresh(); // later frames neither repeat the log entry nor clear the banner
            }
        } finally {
            System.setErr(err);
        }
        String banner = vm.errorProperty().get();
        assertTrue(banner.startsWith("P1's send(") && banner.contains("did not run: "), banner);
        assertTrue(banner.contains("Rebuild the connection"), "it says what to do: " + banner);
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().filter(l -> l.startsWith("SockScope: ")).count(), "logged once:\n" + log);
        assertTrue(log.contains("P1's send(") && log.contains("\tat "), "with what failed and where:\n" + log);
        assertFalse(vm.rebuildingProperty().get(), "nothing is left busy");

        connect();
        vm.send(Side.CLIENT, 10, false);
        frames(5, "the next send returns 10", () -> p(Side.CLIENT).lane().result().equals("10"));
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void eventsTheBoundedTraceDroppedAreNamedOnceAndTheLedgerStaysAligned() {
        // The lab records everything in its own trace; the playground renders a copy that keeps
        // only its newest 256 events (the smallest bound that drops: 64 events at a time).
        Trace bounded = new Trace(256);
        AtomicInteger mirroredSends = new AtomicInteger();
        lab.trace().addListener(e -> {
            bounded.append(e);
            if (isSendReturn(e)) {
                mirroredSends.incrementAndGet();
            }
        });
        vm = new PlaygroundViewModel(bounded, lab);
        vm.setLogFlushNanos(0);
        vm.clientOptionsProperty().set(SocketOptions.DEFAULTS); // autotuned buffers: 300 small sends never block
        vm.serverOptionsProperty().set(SocketOptions.DEFAULTS);
        connect();
        frames(2, "everything folded", () -> vm.eventCountProperty().get() == bounded.size());
        long before = vm.eventCountProperty().get();
        int logBefore = vm.log().size();

        int k = 300;
        for (int i = 0; i < k; i++) {
            vm.send(Side.CLIENT, 10, false);
        }
        waitFor(10, k + " sends returned (no frame meanwhile)", () -> mirroredSends.get() == k);
        List<Long> all = sendsReturned(lab.trace().events()); // the lab's own trace keeps them all
        assertEquals(k, all.size());
        assertTrue(bounded.firstIndex() > before, "the bounded trace dropped events the playground had not folded");

        vm.refresh();
        List<Event> batch = vm.lastBatch();
        long first = batch.getFirst().seq();
        assertEquals(vm.eventCountProperty().get() - first, batch.size(), "every kept event after the gap, each once");
        List<Long> kept = sendsReturned(batch);
        List<LogEntry> lines = List.copyOf(vm.log().subList(logBefore, vm.log().size()));
        List<LogEntry> dropNotes = lines.stream().filter(l -> l.call().contains("dropped by the bounded trace")).toList();
        assertEquals(1, dropNotes.size(), "one note: " + dropNotes);
        Matcher m = Pattern.compile("… (\\d+) events dropped").matcher(dropNotes.getFirst().call());
        assertTrue(m.find(), dropNotes.getFirst().call());
        assertEquals(first - before, Long.parseLong(m.group(1)), "the note counts exactly the events never folded");

        // Every kept send is in the log once, listed or counted as not listed; none twice.
        List<LogEntry> sendLines = lines.stream().filter(l -> l.call().startsWith("send(")).toList();
        assertEquals(sendLines.size(), sendLines.stream().map(LogEntry::seq).collect(Collectors.toSet()).size(), "no line twice");
        assertTrue(sendLines.stream().allMatch(l -> l.seq() >= first && l.ret().equals("10")), "only kept events are listed");
        long notListed = lines.stream().map(l -> Pattern.compile("… (\\d+) lines not listed").matcher(l.call()))
                .filter(Matcher::find).mapToLong(x -> Long.parseLong(x.group(1))).sum();
        assertEquals(kept.size(), sendLines.size() + notListed, "the log accounts for every kept send");
        assertEquals(all.subList(k - kept.size(), k), kept, "the kept sends are the newest ones");

        // The ledger: all 3000 bytes wait in P2's receive queue (the kernel's figure); the kept
        // sends' bytes are the newest, and the older ones, whose sends were dropped, are '?'.
        long seen = kept.size();
        long lastId = all.getLast();
        frames(5, "P2's queue placed from a quiet kernel sample", () -> {
            BufferContent r = p(Side.SERVER).socket().receive();
            return r.bytes(Kind.QUEUED) == 10L * k && !r.segments().isEmpty()
                    && r.segments().getLast().letter() == Payload.tag(lastId);
        });
        BufferContent rcv = p(Side.SERVER).socket().receive();
        assertEquals(10L * k, rcv.segments().stream().mapToLong(Segment::bytes).sum());
        Segment unknown = rcv.segments().getFirst();
        assertEquals('?', unknown.letter(), rcv.segments().toString());
        assertEquals(10 * (k - seen), unknown.bytes(), "exactly the dropped sends' bytes are of unknown call");
        assertEquals(new Segment(rcv.head() + 10L * k - 10, rcv.head() + 10L * k, Payload.tag(lastId)),
                rcv.segments().getLast(), "the last send's 10 bytes are the newest");

        // After the gap the ledger counts again: P2 takes everything, P1 sends 7 more.
        vm.recv(Side.SERVER, 10 * k, false);
        frames(5, "P2 took the 3000 bytes", () -> p(Side.SERVER).lane().result().equals(String.valueOf(10 * k))
                && p(Side.SERVER).socket().receive().bytes(Kind.QUEUED) == 0);
        vm.send(Side.CLIENT, 7, false);
        waitFor(5, "the send of 7 returned", () -> mirroredSends.get() == k + 1);
        long sevenId = sendsReturned(lab.trace().events()).getLast();
        frames(5, "7 bytes queued at P2", () -> p(Side.SERVER).socket().receive().bytes(Kind.QUEUED) == 7);
        BufferContent after = p(Side.SERVER).socket().receive();
        assertEquals(List.of(new Segment(after.head(), after.head() + 7, Payload.tag(sevenId))), after.segments());
        assertEquals(bounded.size(), vm.eventCountProperty().get(), "every event up to the newest was folded or named");
        assertEquals(1, vm.log().stream().filter(l -> l.call().contains("dropped by the bounded trace")).count(),
                "no second note: nothing else was dropped");
    }

    @Test
    void asTwoProcessesEachColumnShowsItsOwnTableAndBytesCrossBetweenThem() {
        vm = new PlaygroundViewModel(lab);
        vm.setProcesses(true);
        frames(15, "the connection between two processes", () -> !vm.rebuildingProperty().get() && vm.processesNowProperty().get()
                && p(Side.CLIENT).fd() >= 0 && p(Side.SERVER).fd() >= 0);
        assertEquals("", vm.errorProperty().get());
        Snapshot snap = vm.trace().latest();
        int p1 = snap.processes().get("P1").pid();
        int p2 = snap.processes().get("P2").pid();
        assertTrue(p1 != p2 && p1 != ProcessHandle.current().pid() && p2 != ProcessHandle.current().pid(),
                "P1 and P2 are processes of their own: " + p1 + ", " + p2);
        assertTrue(vm.tablesProperty().get().contains("pid " + p1), vm.tablesProperty().get());
        assertEquals(List.of(p(Side.CLIENT).fd()), p(Side.CLIENT).descriptors().stream().map(r -> r.fd()).toList(),
                "P1's table holds P1's socket only");
        assertEquals(List.of(p(Side.SERVER).fd()), p(Side.SERVER).descriptors().stream().map(r -> r.fd()).toList());

        vm.send(Side.CLIENT, 700, false);
        frames(10, "P1's 700 bytes queued in P2's receive buffer",
                () -> p(Side.SERVER).socket().receive().bytes(Kind.QUEUED) == 700);
        assertEquals(List.of(new BufferContent.Segment(0, 700, p(Side.SERVER).socket().receive().segments().getFirst().letter())),
                p(Side.SERVER).socket().receive().segments(), "one send()'s bytes, one letter, across the two processes");

        vm.setProcesses(false);
        frames(10, "the connection between two threads", () -> !vm.rebuildingProperty().get() && !vm.processesNowProperty().get()
                && p(Side.CLIENT).fd() >= 0);
        // ProcessHandle.of also finds a zombie: empty means the process ended and was reaped.
        assertTrue(ProcessHandle.of(p1).isEmpty() && ProcessHandle.of(p2).isEmpty(), "switching back ends both processes");
    }
}
