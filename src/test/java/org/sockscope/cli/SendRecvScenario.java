package org.sockscope.cli;

/** A two-step scenario file for the command-line tests: a sends 100 bytes, b asks for 200 (and gets 100). */
final class SendRecvScenario {
    private SendRecvScenario() {
    }

    /** The YAML text; the recv step (line 12) expects {@code recvReturns}, so 100 is met and anything else fails. */
    static String text(String title, int recvReturns) {
        return """
                title: %s
                slide: recv()
                setup:
                  processes: [a, b]
                  tcp:
                    - {name: conn, client: a, server: b}
                steps:
                  - process: a
                    call: send(conn.client, s_buf, 100, 0)
                    say: send 100
                    expect: {returns: 100}
                  - process: b
                    call: recv(conn.server, r_buf, 200, 0)
                    say: the kernel copies what is there
                    expect: {returns: %d}
                """.formatted(title, recvReturns);
    }
}
