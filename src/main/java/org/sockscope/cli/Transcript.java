package org.sockscope.cli;

import org.sockscope.kernel.Descriptor;
import org.sockscope.kernel.Figure;
import org.sockscope.kernel.PipeFigures;
import org.sockscope.kernel.SocketFigures;
import org.sockscope.posix.Errno;
import org.sockscope.scenario.Choice;
import org.sockscope.scenario.Question;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.StepOutcome;
import org.sockscope.scenario.StepReport;
import org.sockscope.trace.DescriptorView;
import org.sockscope.trace.Snapshot;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints a scenario run as text: each call, what the kernel returned, and the buffers after it. */
final class Transcript {
    private final PrintStream out;

    Transcript(PrintStream out) {
        this.out = out;
    }

    void header(Scenario s) {
        out.println("Scenario: " + s.title() + "  [" + s.id() + "]");
        out.println("Slide:    " + s.slide());
        s.question().ifPresent(q -> {
            out.println("Question: " + q.prompt());
            for (Choice c : q.choices()) {
                out.println("  " + c.letter() + ". " + c.text());
            }
        });
        out.println();
    }

    void step(StepReport r, Snapshot after) {
        out.printf("Step %d  %-8s %s%n", r.step().index() + 1, r.step().process(), r.callText());
        r.notes().forEach(n -> out.println("        note: " + n));
        out.println("        " + describe(r));
        buffers(after);
    }

    /** A step that finished after the run moved on (it had blocked, or was looping). */
    void late(StepReport r) {
        out.printf("  ↳ step %d (%s) then returned: %s%n", r.step().index() + 1, r.step().process(), describe(r));
    }

    void question(Question q, org.sockscope.scenario.ScenarioSession.Answer answer) {
        out.println();
        if (!answer.settled()) {
            out.println("No answer: the kernel had not settled steps " + answer.unsettled() + " within "
                    + org.sockscope.scenario.ScenarioSession.ANSWER_WAIT.toSeconds() + " s (they were still running)");
            return;
        }
        List<String> letters = answer.letters();
        List<String> busySteps = q.choices().stream().flatMap(c -> c.when().entrySet().stream())
                .filter(e -> e.getValue().toString().contains("busy")).map(java.util.Map.Entry::getKey).distinct().toList();
        if (!busySteps.isEmpty()) {
            out.println("(" + org.sockscope.scenario.OutcomePattern.Busy.RULE + ")");
            for (String id : busySteps) {
                StepOutcome o = answer.outcomes().get(id);
                if (o != null) {
                    out.println("  " + id + ": " + org.sockscope.scenario.OutcomePattern.Busy.explain(o));
                }
            }
        }
        out.println("Answer from the kernel: " + (letters.isEmpty() ? "no choice matches" : String.join(", ", letters)));
        for (String l : letters) {
            q.choice(l).ifPresent(c -> {
                out.println("  " + c.letter() + ". " + c.text());
                if (!c.caveat().isEmpty()) {
                    out.println("     note: " + c.caveat());
                }
            });
        }
    }

    /** Each unmet expectation and failed check, then the tally; {@code checks} is how many checks the scenario has. */
    void expectations(List<StepReport> reports, int checks, List<String> failedChecks) {
        int checked = checks;
        int failed = failedChecks.size();
        failedChecks.forEach(c -> out.println("CHECK FAILED at " + c));
        for (StepReport r : reports) {
            checked += r.step().expect().size();
            failed += r.unmet().size();
            if (!r.unmet().isEmpty()) {
                out.println("EXPECTATION FAILED at step " + (r.step().index() + 1) + " (line " + r.step().sourceLine() + "): "
                        + r.failures() + " — the kernel did: " + describe(r));
            }
        }
        out.println();
        out.println("expectations: " + (checked - failed) + " passed, " + failed + " failed");
    }

    static String describe(StepReport r) {
        return r.describe();
    }

    private void buffers(Snapshot s) {
        for (DescriptorView v : s.descriptors().values()) {
            SocketFigures f = s.sockets().get(v.identity());
            if (f == null) {
                continue;
            }
            if (f.listening()) {
                out.printf("        fd %-3d %-10s listening: accept queue %s of backlog %s%n", f.fd(), v.process(),
                        Figure.text(f.unacked()), Figure.text(f.sacked()));
                continue;
            }
            if (f.datagram()) {
                out.printf("        fd %-3d %-10s %s: next datagram %s, receive queue memory %s of %s, dropped %s; send queue %s of %s%n",
                        f.fd(), v.process(), f.protocolName(), Figure.text(f.inq()), Figure.text(f.rmemAlloc()),
                        Figure.text(f.rcvbuf()), Figure.text(f.drops()), Figure.text(f.outq()), Figure.text(f.sndbuf()));
                continue;
            }
            out.printf("        fd %-3d %-10s recv queue %6s of %-7s send queue %6s (not sent %s, in flight* %s) of %s%n",
                    f.fd(), v.process(), Figure.text(f.inq()), Figure.text(f.rcvbuf()), Figure.text(f.outq()),
                    Figure.text(f.notSent()), Figure.text(f.inFlight()), Figure.text(f.sndbuf()));
        }
        // One line per pipe, naming each end in the process that holds it.
        Map<Long, List<DescriptorView>> pipes = new java.util.LinkedHashMap<>();
        for (DescriptorView v : s.descriptors().values()) {
            if (s.pipes().containsKey(v.identity())) {
                pipes.computeIfAbsent(v.identity(), k -> new java.util.ArrayList<>()).add(v);
            }
        }
        pipes.forEach((inode, ends) -> {
            PipeFigures p = s.pipes().get(inode);
            String where = String.join(", ", ends.stream().map(v -> (v.descriptor().kind() == Descriptor.Kind.PIPE_READ
                    ? "read end " : "write end ") + v.process() + " fd " + v.fd()).toList());
            out.printf("        pipe (inode %d: %s)  queued %s of %s%n", inode, where, Figure.text(p.queued()),
                    Figure.text(p.capacity()));
        });
    }

    void footnote() {
        out.println("(* derived: send queue − not sent. \"blocking\": the kernel counted a voluntary context switch of the"
                + " thread inside the call (getrusage, read right before and after it); times and CPU figures are the"
                + " thread's own (CLOCK_MONOTONIC; CPU: CLOCK_THREAD_CPUTIME_ID; waiting for a CPU: schedstat). Every other figure is a kernel reading or a return value.)");
    }
}
