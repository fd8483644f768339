package org.sockscope.ui.playground;

import javafx.beans.value.ChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sockscope.lab.Call;
import org.sockscope.lab.Payload;
import org.sockscope.posix.Errno;
import org.sockscope.trace.CallOutcome;
import org.sockscope.ui.widget.SourcedText;
import org.sockscope.ui.widget.Source;
import org.sockscope.ui.widget.AppBufferState;
import org.sockscope.ui.widget.BufferContent.Kind;
import org.sockscope.ui.widget.DescriptorRow;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.LogEntry;
import org.sockscope.ui.widget.SocketCardState;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From Snapshot to what is drawn: the view-model over synthetic traces (no lab, no window). */
class PlaygroundViewModelTest {
    private final Events events = new Events();
    private final PlaygroundViewModel vm = new PlaygroundViewModel(events.trace(), null);

    {
        vm.setLogFlushNanos(0);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private ProcessState p1() {
        return vm.process(Side.CLIENT).get();
    }

    private ProcessState p2() {
        return vm.process(Side.SERVER).get();
    }

    @Test
    void aConnectionDrawsBothSocketCardsAndTheSharedTable() {
        events.connected();
        vm.refresh();
        SocketCardState c = p1().socket();
        assertEquals(5, c.fd());
        assertEquals("client", c.label());
        assertEquals("AF_INET", c.family());
        assertEquals("SOCK_STREAM", c.type());
        assertEquals("127.0.0.1:40000", c.local());
        assertEquals("127.0.0.1:50000", c.remote());
        assertEquals("ESTABLISHED", c.tcpState());
        assertEquals(8192, c.send().capacity(), "capacity is the kernel's figure");
        assertEquals(4096, c.send().requested(), "the requested size beside it");
        assertEquals(6, p2().fd());
        List<DescriptorRow> rows = p1().descriptors();
        assertEquals(List.of(5, 6), rows.stream().map(DescriptorRow::fd).toList(), "one table: both processes' descriptors");
        assertTrue(rows.get(0).mine());
        assertFalse(rows.get(1).mine());
        assertEquals("P2", rows.get(1).owner());
        assertTrue(p2().descriptors().get(1).mine());
        assertTrue(p1().canCall());
    }

    @Test
    void kernelFiguresAreWhatTheBuffersDraw() {
        events.connected();
        events.call("P1", new Call.Send(5, 3000, 0), 3000, 0, "");
        events.sample(1000, 400, 2600, 0);
        vm.refresh();
        assertEquals(400, p1().socket().send().bytes(Kind.NOT_SENT));
        assertEquals(600, p1().socket().send().bytes(Kind.IN_FLIGHT));
        assertEquals(2600, p2().socket().receive().bytes(Kind.QUEUED));
        assertEquals(4096 - 2600, p2().socket().receive().window());
    }

    @Test
    void aBlockedCallShowsTheKernelsWordsAndDisablesTheOtherCalls() {
        events.connected();
        events.blocked("P2", new Call.Recv(6, 200, 0), "recvfrom", "wait_woken");
        vm.refresh();
        LaneState lane = p2().lane();
        assertEquals(LaneState.Status.BLOCKED, lane.status());
        assertEquals("recvfrom", lane.syscall());
        assertEquals("wait_woken", lane.wchan());
        assertEquals("recv(6, r_buf, 200, 0)", lane.call());
        assertFalse(p2().canCall(), "a blocked thread cannot make another call");
        assertTrue(p1().canCall());
        AppBufferState app = p2().appBuffer();
        assertEquals("r_buf", app.name());
        assertEquals(200, app.asked());
        assertTrue(app.running());
        LogEntry last = vm.log().getLast();
        assertEquals(LogEntry.Kind.BLOCKED, last.kind());
        assertTrue(last.straceLine().contains("recv(6, r_buf, 200, 0) <unfinished ...> asleep in recvfrom"), last.straceLine());
    }

    @Test
    void aReturnedRecvShowsTheBytesItCopiedByLetter() {
        events.connected();
        events.blocked("P2", new Call.Recv(6, 200, 0), "recvfrom", "wait_woken");
        events.returned("P2", new Call.Recv(6, 200, 0), 100, "A×60 B×40");
        vm.refresh();
        assertEquals(LaneState.Status.RETURNED, p2().lane().status());
        assertEquals("100", p2().lane().result());
        assertTrue(p2().lane().blockedBefore());
        AppBufferState app = p2().appBuffer();
        assertEquals(100, app.copied());
        assertEquals(List.of(new AppBufferState.Piece('A', 60), new AppBufferState.Piece('B', 40)), app.pieces());
    }

    @Test
    void eagainIsAFailedReturnWithItsErrnoInLaneAndLog() {
        events.connected();
        events.call("P1", new Call.Send(5, 1000, 0x40), -1, Errno.EAGAIN, "");
        vm.refresh();
        assertEquals(LaneState.Status.FAILED, p1().lane().status());
        assertTrue(p1().lane().result().startsWith("-1 EAGAIN"), p1().lane().result());
        LogEntry last = vm.log().getLast();
        assertEquals(LogEntry.Kind.FAILED, last.kind());
        assertEquals("EAGAIN", last.errno());
        assertEquals("send(5, s_buf, 1000, MSG_DONTWAIT)", last.call());
        assertTrue(last.straceLine().contains("= -1 EAGAIN"), last.straceLine());
    }

    @Test
    void aRunningBlockingSendShowsItsCopiedPartAsDerived() {
        events.connected();
        long id = events.nextId();
        events.started("P1", new Call.Send(5, 200_000, 0));
        events.sample(7904, 7904, 5096, 0);
        vm.refresh();
        AppBufferState app = p1().appBuffer();
        assertTrue(app.running());
        assertTrue(app.copiedDerived());
        assertEquals(13000, app.copied());
        assertEquals(Payload.tag(id), app.pieces().getFirst().letter());
        assertEquals(7904, p1().socket().send().bytes(Kind.NOT_SENT));
    }

    @Test
    void fcntlSetsTheDerivedNonBlockingMode() {
        events.connected();
        events.call("P1", new Call.SetNonBlocking(5, true), 0, 0, "");
        vm.refresh();
        assertTrue(p1().socket().nonBlocking());
        events.call("P1", new Call.SetNonBlocking(5, false), 0, 0, "");
        vm.refresh();
        assertFalse(p1().socket().nonBlocking());
    }

    @Test
    void aClosedSocketLeavesTheCardEmpty() {
        events.connected();
        events.call("P1", new Call.Close(5), 0, 0, "");
        events.add(new org.sockscope.trace.Event.DescriptorClosed(0, 0, "P1", 5));
        vm.refresh();
        assertFalse(p1().socket().present());
        assertFalse(p1().canCall());
        assertEquals(List.of(6), p1().descriptors().stream().map(DescriptorRow::fd).toList());
    }

    @Test
    void manyEventsBetweenFramesAreFoldedIntoOneRender() {
        events.connected();
        vm.refresh();
        AtomicInteger changes = new AtomicInteger();
        ChangeListener<ProcessState> count = (o, a, b) -> changes.incrementAndGet();
        vm.process(Side.CLIENT).addListener(count);
        int logBefore = vm.log().size();
        for (int i = 0; i < 1000; i++) {
            events.call("P1", new Call.Send(5, 100, 0), 100, 0, "");
            events.sample(0, 0, 100 * (i + 1), 0);
        }
        vm.refresh();
        assertEquals(1, changes.get(), "one render for a thousand calls");
        assertEquals(logBefore + 1 + LogFeed.MAX_PER_FLUSH, vm.log().size(), "a summary and the newest lines");
        LogEntry summary = vm.log().get(logBefore);
        assertEquals(LogEntry.Kind.NOTE, summary.kind());
        assertTrue(summary.call().startsWith("… " + (1000 - LogFeed.MAX_PER_FLUSH) + " lines not listed"),
                summary.call());
        assertEquals("send(5, s_buf, 100, 0)", vm.log().getLast().call());
        assertEquals(100_000, p2().socket().receive().bytes(Kind.QUEUED));
        vm.refresh();
        assertEquals(1, changes.get(), "no new events: nothing re-rendered");
        assertTrue(vm.lastBatch().isEmpty());
    }

    @Test
    void whileCallsStreamTheLogListChangesAtMostTenTimesASecond() {
        vm.setLogFlushNanos(LogFeed.FLUSH_NANOS);
        events.connected();
        events.call("P1", new Call.Send(5, 1, 0), 1, 0, "");
        vm.refresh();
        int n = vm.log().size();
        assertEquals("send(5, s_buf, 1, 0)", vm.log().getLast().call(), "a single call is listed at once");
        events.call("P1", new Call.Send(5, 2, 0), 2, 0, "");
        vm.refresh();
        assertEquals("2", p1().lane().result(), "the lane shows the newest call in this frame");
        assertEquals(n, vm.log().size(), "the log waits for the next flush");
    }

    @Test
    void theLogKeepsOnlyTheNewestLines() {
        events.connected();
        for (int i = 0; i < LogFeed.MAX_LINES + 10; i++) {
            events.call("P1", new Call.Send(5, 1, 0), 1, 0, "");
            if (i % 50 == 0) {
                vm.refresh();
            }
        }
        vm.refresh();
        int n = vm.log().size();
        assertTrue(n <= LogFeed.MAX_LINES && n >= LogFeed.MAX_LINES - LogFeed.TRIM_CHUNK, "" + n);
        assertEquals(LogEntry.Kind.RETURNED, vm.log().getLast().kind());
    }

    @Test
    void withoutALabCommandsExplainWhyTheyDoNothing() {
        events.connected();
        vm.refresh();
        vm.send(Side.CLIENT, 100, false);
        assertTrue(vm.errorProperty().get().contains("No live lab"), vm.errorProperty().get());
        assertFalse(vm.errorProperty().get().contains("recorded"), "there is no recording feature: " + vm.errorProperty().get());
        assertFalse(vm.liveProperty().get());
    }

    // ---- what the thread lane says about a call's time, and where it came from ---------------

    /** One recv() that slept: 2.1 ms in the kernel, 1 voluntary switch, the whole entry 2.3 ms. */
    private static final CallOutcome SLEPT = new CallOutcome(100, 0, 1, 100, 0, CallOutcome.Stop.RETURNED,
            2_100_000, 1, 0, 2_300_000, 40_000, -1, 100);

    @Test
    void aFinishedBlockingCallSaysItsTimeInTheKernelAndHowItWasMeasured() {
        events.connected();
        events.blocked("P2", new Call.Recv(6, 200, 0), "recvfrom", "wait_woken");
        events.returned("P2", new Call.Recv(6, 200, 0), SLEPT, "A×100");
        vm.refresh();
        LaneState lane = p2().lane();
        SourcedText clock = lane.clock(0);
        assertEquals("in the kernel 2.1 ms", clock.text());
        assertEquals(Source.MEASURED, clock.source());
        String tip = clock.tooltip();
        assertTrue(tip.contains("measured on the actor thread: CLOCK_MONOTONIC before and after the system call"), tip);
        assertTrue(tip.contains("slept: 1 voluntary context switch (getrusage RUSAGE_THREAD"), tip);
        assertTrue(tip.contains("2.3 ms"), "the whole entry's wall time beside it: " + tip);
        assertTrue(tip.contains("waiting for one unknown"), "schedstat's unreadable figure is unknown, not 0: " + tip);
        SourcedText detail = lane.detail();
        assertEquals("= 100 · after blocking", detail.text());
        assertTrue(detail.tooltip().contains("1 voluntary context switch"), detail.tooltip());
    }

    @Test
    void aLoopSaysHowManyCallsAndTheirTimeInTheKernel() {
        events.connected();
        events.started("P1", new Call.Send(5, 100, 0x40));
        events.returned("P1", new Call.Send(5, 100, 0x40), new CallOutcome(-1, Errno.EAGAIN, 1234, -1, Errno.EAGAIN,
                CallOutcome.Stop.EAGAIN, 84_200_000, 0, 3, 100_000_000, 97_000_000, 1_000_000, 0), "");
        vm.refresh();
        SourcedText clock = p1().lane().clock(0);
        assertEquals("1,234 calls, 84.2 ms in the kernel", clock.text());
        String tip = clock.tooltip();
        assertTrue(tip.contains("CLOCK_MONOTONIC before and after each of the 1,234 system calls, summed"), tip);
        assertTrue(tip.contains("slept: 0 voluntary context switches"), tip);
        assertTrue(tip.contains("100.0 ms"), "the loop's wall time: " + tip);
        assertTrue(tip.contains("97.0 ms"), "its CPU time: " + tip);
    }

    @Test
    void anUnknownFigureSaysUnknownNeverZero() {
        events.connected();
        events.started("P2", new Call.Recv(6, 200, 0));
        events.returned("P2", new Call.Recv(6, 200, 0), new CallOutcome(100, 0, 1, 100, 0, CallOutcome.Stop.RETURNED,
                -1, -1, -1, -1, -1, -1, 100), "");
        vm.refresh();
        SourcedText clock = p2().lane().clock(0);
        assertEquals("in the kernel: unknown", clock.text());
        assertTrue(clock.tooltip().contains("slept: unknown"), clock.tooltip());
        assertFalse(clock.tooltip().contains(" 0 µs"), clock.tooltip());
        assertEquals("= 100", p2().lane().detail().text(), "no claim about sleeping without the figure");
    }

    @Test
    void aCallNotMadeThroughTheCallMeterShowsItsWallTimeAndSaysSo() {
        events.connected();
        events.started("P1", new Call.SetNonBlocking(5, true));
        events.returned("P1", new Call.SetNonBlocking(5, true), new CallOutcome(0, 0, 1, 0, 0, CallOutcome.Stop.RETURNED,
                0, 0, 0, 15_000, 5_000, 0, -1), "");
        vm.refresh();
        SourcedText clock = p1().lane().clock(0);
        assertEquals("wall 15 µs", clock.text(), "not \"0 µs in the kernel\": the meter did not time it");
        assertTrue(clock.tooltip().contains("not made through SockScope's call meter"), clock.tooltip());
        assertEquals("", vm.log().getLast().duration(), "the log has no kernel time for it either");
    }

    @Test
    void aBlockedCallWithoutAWaitChannelShowsNoQuestionMark() {
        events.connected();
        events.blocked("P2", new Call.Recv(6, 200, 0), "recvfrom", "");
        vm.refresh();
        SourcedText detail = p2().lane().detail();
        assertEquals("asleep in recvfrom", detail.text());
        assertEquals(Source.KERNEL, detail.source());
        assertTrue(detail.tooltip().contains("/proc/<pid>/task/1002/wchan"), detail.tooltip());
        assertTrue(detail.tooltip().contains("evidence of where it sleeps"), detail.tooltip());
        assertFalse(vm.log().getLast().straceLine().contains("wchan"), vm.log().getLast().straceLine());
        events.blocked("P1", new Call.Send(5, 20000, 0), "sendto", "sk_stream_wait_memory");
        vm.refresh();
        assertEquals("asleep in sendto · wchan sk_stream_wait_memory", p1().lane().detail().text());
    }
}
