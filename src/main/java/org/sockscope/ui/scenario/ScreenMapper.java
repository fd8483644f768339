package org.sockscope.ui.scenario;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.scenario.ProcessSpec;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.Step;
import org.sockscope.scenario.StepReport;
import org.sockscope.trace.ActorView;
import org.sockscope.trace.DescriptorView;
import org.sockscope.trace.Snapshot;
import org.sockscope.ui.widget.AppBufferState;
import org.sockscope.ui.widget.DescriptorRow;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.SocketCardState;
import org.sockscope.trace.ProcessView;
import org.sockscope.trace.Slot;
import org.sockscope.ui.ledger.StreamLedger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps a Snapshot of a scenario run to what the scenario mode draws. No JavaFX; tested directly. */
final class ScreenMapper {
    private final Scenario scenario;
    private final BufferUse use;

    ScreenMapper(Scenario scenario) {
        this.scenario = scenario;
        this.use = BufferUse.of(scenario);
    }

    /**
     * The screen after {@code position} steps (0: right after set-up).
     *
     * @param snap       the world at that moment
     * @param ledger     the byte ledger folded up to that moment
     * @param reports    the run's step reports (at least {@code position} of them once run)
     * @param names      descriptor → the scenario's name for it
     * @param allBuffers draw both buffers of every socket, not just the ones the scenario uses
     */
    Screen map(Snapshot snap, StreamLedger ledger, List<StepReport> reports, Map<Slot, String> names,
               int position, boolean allBuffers) {
        List<ColumnState> columns = new ArrayList<>();
        for (ProcessSpec p : scenario.setup().processes()) {
            columns.add(column(p, snap, ledger, names, allBuffers));
        }
        Map<String, Screen.CodeMark> code = new HashMap<>();
        for (String process : scenario.code().keySet()) {
            for (int i = Math.min(position, scenario.steps().size()) - 1; i >= 0; i--) {
                Step s = scenario.steps().get(i);
                if (s.process().equals(process)) {
                    ActorView a = snap.actors().get(process);
                    code.put(process, new Screen.CodeMark(s.lines(), i == position - 1,
                            a != null && a.status() == ActorView.Status.BLOCKED));
                    break;
                }
            }
        }
        int total = scenario.steps().size();
        if (position <= 0) {
            String about = scenario.about().isBlank() ? "Everything is set up." : scenario.about();
            return new Screen(columns, code, "Set up · " + total + " steps to go", "",
                    about + " Press Space (or Next) for step 1.", -1);
        }
        Step step = scenario.steps().get(position - 1);
        StepReport r = position - 1 < reports.size() ? reports.get(position - 1) : null;
        return new Screen(columns, code, "Step " + position + " of " + total + " · " + step.process(),
                r == null ? step.call().text() : r.callText(), step.say(), r == null ? -1 : r.callId());
    }

    private ColumnState column(ProcessSpec p, Snapshot snap, StreamLedger ledger, Map<Slot, String> names,
                               boolean allBuffers) {
        String table = p.table();
        List<DescriptorRow> rows = new ArrayList<>();
        List<ColumnState.Card> cards = new ArrayList<>();
        List<ColumnState.PipeState> pipes = new ArrayList<>();
        for (DescriptorView d : snap.descriptors().values()) {
            if (!tableOf(d.process()).equals(table)) {
                continue;
            }
            Descriptor k = d.descriptor();
            String name = names.getOrDefault(d.slot(), d.label());
            SocketFigures f = snap.socketOf(d);
            String state = DescriptorRow.state(f, k);
            long tables = tablesHolding(d, snap);
            if (tables > 1) {
                state = state + " · " + (k.kind() == Descriptor.Kind.SOCKET ? "SO_COOKIE " + k.identity() : "inode " + k.identity())
                        + " in " + tables + " tables";
            }
            boolean mine = d.process().equals(p.name());
            rows.add(new DescriptorRow(d.fd(), DescriptorRow.kindName(k.kind()), name, state, d.process(), mine));
            if (!mine) {
                continue;
            }
            if (k.kind() == Descriptor.Kind.SOCKET) {
                // a listener has an accept queue and no data queues, a datagram socket queues whole
                // messages (its card names its figures): neither is drawn as a byte stream
                BufferUse.Shown shown = f != null && (f.listening() || f.datagram()) ? BufferUse.Shown.NONE
                        : allBuffers ? BufferUse.Shown.BOTH : use.shown(List.of(name));
                cards.add(new ColumnState.Card(card(d, name, state, snap, ledger), shown.send(), shown.receive()));
            } else if (k.kind() == Descriptor.Kind.PIPE_READ || k.kind() == Descriptor.Kind.PIPE_WRITE) {
                PipeFigures pf = snap.pipes().get(d.identity());
                if (pf != null) {
                    pipes.add(new ColumnState.PipeState(pipeName(name), d.fd(), otherEnd(d, snap), pf.queued(),
                            pf.capacity(), k.kind() == Descriptor.Kind.PIPE_WRITE));
                }
            }
        }
        ActorView actor = snap.actors().get(p.name());
        String kind = p.threadOf().map(t -> "thread of " + t).orElse("process") + p.spawnedBy().map(b -> ", spawned by " + b).orElse("");
        ProcessView pv = snap.processes().get(table);
        String where = p.spawnedBy().isPresent() && actor == null ? "not spawned yet"
                : pv == null ? "" : "pid " + pv.pid() + (pv.running() ? "" : ", " + pv.exit());
        return new ColumnState(p.name(), kind, LaneState.of(p.name(), actor), app(ledger.lastByteCall(p.name()), snap, ledger),
                rows, cards, pipes, where, pv == null ? "" : runtime(pv, rows));
    }

    /** How many processes' tables hold the object {@code d} refers to (a spawned child's copy is one more). */
    private long tablesHolding(DescriptorView d, Snapshot snap) {
        return snap.descriptors().values().stream()
                .filter(o -> o.identity() == d.identity() && o.descriptor().kind() == d.descriptor().kind())
                .map(o -> tableOf(o.process())).distinct().count();
    }

    /**
     * The runtime's own entries of a process's table, before the lesson's first call, that are not
     * the lesson's: {@code 4 lib/modules · 5 sockscope.jar · 9 socket (SockScope's control channel)}.
     */
    static String runtime(ProcessView pv, List<DescriptorRow> lesson) {
        java.util.Set<Integer> shown = new java.util.HashSet<>();
        lesson.forEach(r -> shown.add(r.fd()));
        List<String> parts = new ArrayList<>();
        for (Descriptor d : pv.own()) {
            if (d.fd() <= 2 || shown.contains(d.fd())) {
                continue;
            }
            String t = d.target();
            String what = d.kind() == Descriptor.Kind.SOCKET ? "socket (SockScope's control channel)"
                    : t.endsWith("/lib/modules") ? "lib/modules" : t.substring(t.lastIndexOf('/') + 1);
            parts.add(d.fd() + " " + what);
        }
        return String.join(" · ", parts);
    }

    /** Where the other end of pipe end {@code d} is: {@code fd 4} in the same table, {@code P2's fd 3}, or closed. */
    private static String otherEnd(DescriptorView d, Snapshot snap) {
        for (DescriptorView o : snap.descriptors().values()) {
            if (o != d && o.identity() == d.identity() && o.descriptor().kind() != d.descriptor().kind()) {
                return o.process().equals(d.process()) ? "fd " + o.fd() : o.process() + "'s fd " + o.fd();
            }
        }
        return "closed";
    }

    private String tableOf(String process) {
        return scenario.setup().process(process).map(ProcessSpec::table).orElse(process);
    }

    private static String pipeName(String endName) {
        int dot = endName.lastIndexOf('.');
        return dot > 0 ? endName.substring(0, dot) : endName;
    }

    private static SocketCardState card(DescriptorView d, String name, String state, Snapshot snap, StreamLedger ledger) {
        int fd = d.fd();
        SocketFigures f = snap.socketOf(d);
        SocketFigures peer = snap.peerSocketOf(d);
        return SocketCardState.of(name, d.descriptor(), state, f, SocketCardState.Mode.of(f, ledger.nonBlocking(d.slot())),
                ledger.sendBuffer(d.slot(), f, peer, d.requestedSndbuf()),
                ledger.receiveBuffer(d.slot(), f, peer, d.requestedRcvbuf()));
    }

    /** The application buffer of the actor's last byte-moving call (the slide's {@code r_buf (size 200)}). */
    static AppBufferState app(StreamLedger.ByteCall c, Snapshot snap, StreamLedger ledger) {
        if (c == null) {
            return AppBufferState.NONE;
        }
        return ledger.appBuffer(c.callId(), c.process(), c.call(), c.running(), c.outcome(), c.data(), snap);
    }
}
