package org.sockscope.scenario;

import java.util.OptionalInt;
import java.util.Set;

/**
 * A connected loopback TCP pair. Its ends are the descriptors {@code NAME.client} and
 * {@code NAME.server}. Buffer sizes are the values passed to {@code setsockopt} (the kernel stores
 * twice that); they apply to both ends, RCVBUF being set on the listener before {@code listen()}
 * so the accepted end inherits it.
 *
 * @param name        the connection's name
 * @param client      the process holding the connecting end
 * @param server      the process holding the accepted end
 * @param sndbuf      SO_SNDBUF for both ends, or empty for the kernel's autotuned default
 * @param rcvbuf      SO_RCVBUF for both ends, or empty
 * @param sndtimeoMs  SO_SNDTIMEO in milliseconds for both ends, or empty for none
 * @param rcvtimeoMs  SO_RCVTIMEO in milliseconds for both ends, or empty for none
 * @param nodelay     TCP_NODELAY on both ends (Nagle off)
 * @param nonblocking the ends that get O_NONBLOCK
 */
public record TcpSpec(String name, String client, String server, OptionalInt sndbuf, OptionalInt rcvbuf,
                      OptionalInt sndtimeoMs, OptionalInt rcvtimeoMs, boolean nodelay, Set<Side> nonblocking) {

    public TcpSpec {
        nonblocking = Set.copyOf(nonblocking);
    }

    /** The descriptor name of one end ({@code conn.client}). */
    public String end(Side side) {
        return name + "." + side.key();
    }

    /** The process holding one end. */
    public String process(Side side) {
        return side == Side.CLIENT ? client : server;
    }
}
