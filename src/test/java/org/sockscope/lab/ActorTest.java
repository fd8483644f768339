package org.sockscope.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
