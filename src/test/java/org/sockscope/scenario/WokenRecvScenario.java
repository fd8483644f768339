package org.sockscope.scenario;

/**
 * A scenario file for timing tests: {@code app}'s recv() blocks (step 1, its expectation on line
 * 11), {@code peer} sleeps, then sends and wakes it. The recv()'s own wall time is then at least
 * the peer's sleep. Public for the command-line tests.
 */
public final class WokenRecvScenario {
    private WokenRecvScenario() {
    }

    /** The YAML text; step 1 has {@code expect: {blocks: BAND}}, the peer sleeps {@code sleepMicros} first. */
    public static String text(String band, int sleepMicros) {
        return """
                title: timing
                slide: recv()
                setup:
                  processes: [app, peer]
                  tcp:
                    - {name: conn, client: app, server: peer}
                steps:
                  - process: app
                    call: recv(conn.client, r_buf, 100, 0)
                    say: nothing has arrived yet
                    expect: {blocks: %s}
                  - process: peer
                    call: usleep(%d)
                    say: the peer takes its time
                  - process: peer
                    call: send(conn.server, s_buf, 100, 0)
                    say: and wakes the reader
                """.formatted(band, sleepMicros);
    }
}
