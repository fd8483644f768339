package org.sockscope.trace;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call log of real calls as strace -f -r -T prints it, a blocked recv() split around P1's send. */
class StraceTextTest {
    @Test
    void theCallLogReadsLikeStrace() throws Exception {
        SomeCalls.Run run = SomeCalls.record();
        Recording r = new Recording(RecordingHeader.playground(run.trace(), run.samplerPeriodNanos()), run.trace());
        List<String> lines = StraceText.of(r).lines().toList();
        assertTrue(lines.getFirst().startsWith("# SockScope ") && lines.getFirst().contains(r.header().kernel()), lines.getFirst());
        long calls = run.trace().events().stream().filter(e -> e instanceof Event.CallReturned).count();
        List<String> body = lines.subList(1, lines.size());
        assertEquals(calls, body.stream().filter(l -> l.contains(" = ")).count(), "one return per call");

        int p2 = tid(run.trace(), "P2");
        int p1 = tid(run.trace(), "P1");
        String unfinished = body.get(firstIndex(body, "<unfinished ...>"));
        assertTrue(unfinished.matches(p2 + " +\\d+\\.\\d{6} recv\\(\\d+, r_buf, 200, 0\\) <unfinished \\.\\.\\.>"), unfinished);
        int resumed = firstIndex(body, "<... recv resumed> = 100 <");
        int send = firstIndex(body, "send(");
        assertTrue(firstIndex(body, "<unfinished ...>") < send && send < resumed, "unfinished, P1's send, resumed: " + body);
        // P1's send woke P2's recv, which may return before the send does: then the send is split too.
        String sent = body.get(send).endsWith("<unfinished ...>") ? body.get(firstIndex(body, "<... send resumed>")) : body.get(send);
        assertTrue(body.get(send).matches(p1 + " +\\d+\\.\\d{6} send\\(\\d+, s_buf, 100, 0\\) .*"), body.get(send));
        assertTrue(sent.matches(p1 + " +\\d+\\.\\d{6} .*= 100 <\\d+\\.\\d{6}>"), sent);
        assertTrue(body.get(resumed).startsWith(p2 + " "), body.get(resumed));
        assertTrue(body.stream().anyMatch(l -> l.matches(p1 + " +\\d+\\.\\d{6} send\\(\\d+, s_buf, 1000, 0\\) = -1 EAGAIN(/EWOULDBLOCK)? "
                + "\\(Resource temporarily unavailable\\) <\\d+\\.\\d{6}>")), String.join("\n", body));
    }

    private static int tid(Trace t, String actor) {
        return t.events().stream().filter(e -> e instanceof Event.ActorChanged a && a.actor().equals(actor))
                .mapToInt(e -> ((Event.ActorChanged) e).tid()).findFirst().orElseThrow();
    }

    private static int firstIndex(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part + ": " + lines);
    }
}
