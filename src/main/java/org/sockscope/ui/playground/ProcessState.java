package org.sockscope.ui.playground;

import org.sockscope.ui.widget.AppBufferState;
import org.sockscope.ui.widget.DescriptorRow;
import org.sockscope.ui.widget.LaneState;
import org.sockscope.ui.widget.SocketCardState;

import java.util.List;

/**
 * Everything one process column draws, mapped from one Snapshot.
 *
 * @param side        which process
 * @param socket      its socket (fd -1 when it has none)
 * @param descriptors the lab's descriptors, this process's marked as its own
 * @param lane        its thread
 * @param appBuffer   the application buffer of its last send()/recv()
 */
public record ProcessState(Side side, SocketCardState socket, List<DescriptorRow> descriptors, LaneState lane,
                           AppBufferState appBuffer) {

    public ProcessState {
        descriptors = List.copyOf(descriptors);
    }

    /** Nothing set up yet. */
    public static ProcessState empty(Side side) {
        return new ProcessState(side, SocketCardState.NONE, List.of(), LaneState.idle(side.process()), AppBufferState.NONE);
    }

    /** This process's socket descriptor, -1 when none. */
    public int fd() {
        return socket.fd();
    }

    /** True when the call panel may start a call: a socket exists and the thread is not in one. */
    public boolean canCall() {
        return socket.present() && !lane.inCall();
    }
}
