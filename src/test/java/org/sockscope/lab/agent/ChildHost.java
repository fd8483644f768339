package org.sockscope.lab.agent;

import org.sockscope.lab.Call;
import org.sockscope.trace.Trace;

import java.util.List;

/**
 * A stand-in for the app, for {@link ChildKillTest}: starts one process actor, puts its thread to
 * sleep in a long {@code usleep()}, prints the child's pid, and waits to be killed (or, should the
 * test end first, for its standard input to close).
 */
public final class ChildHost {
    private ChildHost() {
    }

    public static void main(String[] args) throws Exception {
        Child c = Child.spawn("P1", 60, new Trace(), List.of());
        c.submit("P1", new Call.Pause(600_000_000));
        System.out.println("child " + c.pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // nothing to read: the test kills this process
        }
        c.close();
    }
}
