package org.sockscope.scenario;

import java.util.OptionalInt;

/**
 * A TCP socket bound to a free loopback port and listening; steps {@code accept()} on it and
 * {@code connect()} sockets to it by name.
 *
 * @param name        the descriptor name
 * @param process     the process holding it
 * @param rcvbuf      SO_RCVBUF set before {@code listen()} (accepted sockets inherit it), or empty
 * @param backlog     the {@code listen()} backlog, or empty for the default (16)
 * @param nonblocking O_NONBLOCK on the listener, so {@code accept()} returns -1/EAGAIN instead of waiting
 */
public record ListenerSpec(String name, String process, OptionalInt rcvbuf, OptionalInt backlog, boolean nonblocking) {
}
