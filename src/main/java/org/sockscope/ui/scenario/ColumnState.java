package org.sockscope.ui.scenario;

import org.sockscope.ui.widget.AppBufferState;
import org.sockscope.ui.widget.DescriptorRow;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.SocketCardState;

import java.util.List;

/**
 * Everything one process column draws, mapped from one Snapshot.
 *
 * @param process  the process (or thread) name, as in the scenario
 * @param kind     {@code process} or {@code thread of app}
 * @param lane     its thread
 * @param app      the application buffer of its last send()/recv()/read()/write()
 * @param rows     the lab's descriptors in its table (its own ones marked)
 * @param sockets  its sockets, each with the buffers worth drawing
 * @param pipes    the pipes it holds an end of
 * @param process  where its table is: {@code pid 4711} (a real process), {@code pid 4711, exited (status 0)},
 *                 or empty when it is a thread of this app
 * @param runtime  what else its table held before the lesson's first call ({@code 4 lib/modules · 5 sockscope.jar}),
 *                 or empty
 */
record ColumnState(String process, String kind, LaneState lane, AppBufferState app, List<DescriptorRow> rows,
                   List<Card> sockets, List<PipeState> pipes, String where, String runtime) {

    ColumnState {
        rows = List.copyOf(rows);
        sockets = List.copyOf(sockets);
        pipes = List.copyOf(pipes);
    }

    /** A socket card and which of its two buffers to draw. */
    record Card(SocketCardState state, boolean send, boolean receive) {
    }

    /**
     * One pipe as a process sees it.
     *
     * @param name     the scenario's name for the pipe ({@code p})
     * @param fd       this end's number in the column's table
     * @param otherEnd where the other end is ({@code fd 4}, {@code P2's fd 3}, {@code closed})
     * @param queued   {@code ioctl(FIONREAD)}: bytes waiting to be read
     * @param capacity {@code fcntl(F_GETPIPE_SZ)}: the pipe's capacity
     * @param writer   true when this process holds the write end (else the read end)
     */
    record PipeState(String name, int fd, String otherEnd, long queued, long capacity, boolean writer) {
    }
}
