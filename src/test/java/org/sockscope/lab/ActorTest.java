package org.sockscope.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Actors are real platform threads with their own kernel thread ids, at a lower CPU priority than the UI. */
class ActorTest extends LabTestBase {

    @Test
    void actorIsAKernelThreadOfThisProcessAtNiceTen() throws Exception {
        Actor a = lab.actor("P1");
        assertTrue(a.tid() > 0);
        String stat = Files.readString(Path.of("/proc/self/task/" + a.tid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields after the command: state is field 3, nice is field 19 of proc(5).
        assertEquals(Actor.NICE, Integer.parseInt(f[19 - 3]));
    }

    @Test
    void callIdsAreKnownAtSubmitAndMatchTheTrace() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor.Submission s = lab.actor("P1").submitTracked(new Call.Send(c.clientFd(), 10, 0));
        Await.result(s.result(), T);
        var ret = Await.event(lab.trace(), org.sockscope.trace.Event.CallReturned.class, e -> e.callId() == s.callId(), T);
        assertEquals(10, ret.outcome().ret());
    }

    @Test
    void aCallThatNeverReachesTheKernelLeavesTheActorIdleWithANote() throws Exception {
        Lab.Connection c = lab.connect("P1", "P2", SocketOptions.DEFAULTS, SocketOptions.DEFAULTS);
        Actor a = lab.actor("P1");
        var bad = a.submit(new Call.Send(c.clientFd(), -1, 0)); // a negative length never reaches send()
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> bad.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof RuntimeException);
        Await.event(lab.trace(), org.sockscope.trace.Event.Note.class, n -> n.text().contains("was not made"), T);
        assertEquals(org.sockscope.trace.ActorView.Status.IDLE, lab.trace().latest().actors().get("P1").status());
        assertEquals(10, Await.result(a.submit(new Call.Send(c.clientFd(), 10, 0)), T).ret(), "the actor goes on");
    }
}
