/**
 * Process actors: a lab in a child JVM of its own (the lecture's "process", with its own descriptor
 * table), started by {@code posix_spawn} so that it inherits what a spawned process inherits. The
 * child ({@link org.sockscope.lab.agent.Agent}) makes every call through the same {@code posix}
 * layer and measures it on its own thread, probes its own sockets, and streams its trace to the app
 * over a socketpair; the app side is {@link org.sockscope.lab.agent.Child}.
 */
package org.sockscope.lab.agent;
