package org.sockscope.concurrency;

import org.sockscope.lab.LabException;
import org.sockscope.lab.World;


/**
 * A server structure from the lecture, run as a real server in process {@code server}: each of
 * its calls is made by one of that process's threads (lab actors), measured where it is made.
 */
public enum Model {
    /** One thread: accept a connection, serve it to the end, then the next. */
    ITERATIVE("iterative", """
            while (1) {
                int conn = accept(server_socket, NULL, NULL);
                while (recv_all(conn, buf, size) > 0)   // one whole request
                    send_all(conn, buf, size);          // its response
                close(conn);
            }"""),
    /** The main thread accepts; each connection gets a thread of its own. */
    THREAD_PER_CONNECTION("thread-per-connection", """
            while (1) {
                int conn = accept(server_socket, NULL, NULL);
                pthread_create(&t, NULL, serve, conn);   // serve(): the iterative inner loop
            }"""),
    /** The main thread accepts; each connection gets a process of its own, spawned with it. */
    PROCESS_PER_CONNECTION("process-per-connection", """
            while (1) {
                int conn = accept(server_socket, NULL, NULL);
                pid_t pid = spawn(handler, conn);  // posix_spawn(): the child inherits the table
                close(conn);                       // the parent's copy
            }
            handler: close(server_socket); serve(conn);"""),
    /** A boss thread accepts and queues connections; a fixed number of worker threads serve them from the queue. */
    WORK_QUEUE("work-queue", """
            boss:    while (1) queue_put(accept(server_socket, NULL, NULL));
            worker:  while (1) {                 // 4 workers, threads of the server
                         int conn = queue_take();  // sleeps while the queue is empty
                         serve(conn);              // the iterative inner loop
                     }"""),
    /** One thread, everything non-blocking, trying each descriptor over and over: the slide's "Will this work?". */
    BUSY_POLLING("busy-polling", """
            set server_socket non-blocking
            connections = []
            while (1) {
                new_connection = accept(server_socket)
                if new_connection != -1, set it non-blocking, add it to connections
                for connection in connections:
                    recv(connection, ...) // Try to receive: -1/EAGAIN if nothing yet
                    send(connection, ...) // Try to send, if needed
            }"""),
    /** One thread, select() over the listener and every connection. */
    SELECT("select", """
            while (1) {
                FD_ZERO(&readable); FD_SET(server_socket, &readable);
                for each conn: FD_SET(conn, &readable);
                select(max_fd + 1, &readable, NULL, NULL, NULL);
                if (FD_ISSET(server_socket, &readable)) add(accept(server_socket, NULL, NULL));
                for each conn in readable:
                    n = recv(conn, buf + got[conn], size - got[conn], 0);
                    if (n == 0) close(conn), remove(conn);
                    else if ((got[conn] += n) == size) send_all(conn, buf, size), got[conn] = 0;
            }"""),
    /** Several threads, each its own select() loop over the shared listener and the connections it accepted. */
    POOL_OF_LOOPS("pool-of-loops", """
            for 4 threads:                         // each an event loop of its own
                while (1) {
                    select(server_socket + my connections, timeout 100 ms);
                    if server_socket is ready: conn = accept(...)   // -1/EAGAIN: another loop took it
                                               if conn != -1, it is mine
                    for each of my ready connections: recv(...), as in the select() loop
                }"""),
    /** One thread, poll() over the listener and every connection: select() without FD_SETSIZE. */
    POLL("poll", """
            while (1) {
                fds = {server_socket POLLIN} + {conn POLLIN for each conn};
                poll(fds, nfds, -1);
                if (fds[0].revents & POLLIN) add(accept(server_socket, NULL, NULL));
                for each conn with revents: recv(...), as in the select() loop
            }"""),
    /** One thread, epoll: the watch list lives in the kernel, and epoll_wait() returns only the ready descriptors. */
    EPOLL("epoll", """
            int ep = epoll_create1(EPOLL_CLOEXEC);
            epoll_ctl(ep, EPOLL_CTL_ADD, server_socket, {EPOLLIN});
            while (1) {
                n = epoll_wait(ep, events, 256, -1);     // only the ready ones come back
                for (i = 0; i < n; i++)
                    if (events[i].data.fd == server_socket) {
                        conn = accept(server_socket, NULL, NULL);
                        epoll_ctl(ep, EPOLL_CTL_ADD, conn, {EPOLLIN});
                    } else recv(...), as in the select() loop  // close() leaves the set by itself
            }"""),
    /** The pool of event loops, each an epoll instance; the shared listener is in every one with EPOLLEXCLUSIVE. */
    POOL_OF_EPOLL_LOOPS("pool-of-epoll-loops", """
            for 4 threads:                         // each an event loop of its own
                int ep = epoll_create1(EPOLL_CLOEXEC);
                epoll_ctl(ep, EPOLL_CTL_ADD, server_socket, {EPOLLIN|EPOLLEXCLUSIVE}); // wake one loop, not all
                while (1) {
                    n = epoll_wait(ep, events, 256, 100);
                    server_socket ready: conn = accept(...)  // -1/EAGAIN: another loop took it
                                         epoll_ctl(ep, EPOLL_CTL_ADD, conn, {EPOLLIN})
                    each of my ready connections: recv(...), as in the select() loop
                }""");

    /** The backlog the server's listener asks for: one per client, at least 16, at most 4096 (this kernel's somaxconn). */
    static int backlog(Workload load) {
        return Math.clamp(load.clients(), 16, 4096);
    }

    /** The process the server's threads belong to. */
    public static final String PROCESS = "server";

    private final String id;
    private final String code;

    Model(String id, String code) {
        this.id = id;
        this.code = code;
    }

    /** The name the command line takes. */
    public String id() {
        return id;
    }

    /** The loop as the lecture writes it. */
    public String code() {
        return code;
    }

    /** The model named {@code id}, or an error listing the names. */
    public static Model of(String id) {
        for (Model m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no model '" + id + "': " + String.join(", ", java.util.Arrays.stream(values()).map(Model::id).toList()));
    }

    /** True when the model spawns processes: it runs on real processes whatever -Dsockscope.actors says. */
    public boolean spawnsProcesses() {
        return this == PROCESS_PER_CONNECTION;
    }

    /** Serves {@code load.clients()} connections on {@code listener}, each until its client closes it. */
    void serve(World world, Calls calls, int listener, Workload load) throws LabException {
        switch (this) {
            case ITERATIVE -> Servers.iterative(world, calls, listener, load);
            case THREAD_PER_CONNECTION -> Servers.threadPerConnection(world, calls, listener, load);
            case PROCESS_PER_CONNECTION -> Servers.processPerConnection(world, calls, listener, load);
            case WORK_QUEUE -> Servers.workQueue(world, calls, listener, load);
            case BUSY_POLLING -> Servers.busyPolling(world, calls, listener, load);
            case SELECT -> Servers.eventLoop(world, calls, listener, load, Readiness.Kind.SELECT);
            case POOL_OF_LOOPS -> Servers.poolOfLoops(world, calls, listener, load, Readiness.Kind.SELECT);
            case POLL -> Servers.eventLoop(world, calls, listener, load, Readiness.Kind.POLL);
            case EPOLL -> Servers.eventLoop(world, calls, listener, load, Readiness.Kind.EPOLL);
            case POOL_OF_EPOLL_LOOPS -> Servers.poolOfLoops(world, calls, listener, load, Readiness.Kind.EPOLL);
        }
    }
}
