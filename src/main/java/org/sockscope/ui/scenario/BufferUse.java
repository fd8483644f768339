package org.sockscope.ui.scenario;

import org.sockscope.scenario.Call;
import org.sockscope.scenario.Scenario;
import org.sockscope.scenario.SetupAction;
import org.sockscope.scenario.Step;
import org.sockscope.scenario.TcpSpec;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which kernel buffers a scenario moves bytes through, read from its calls: a socket card then
 * draws those buffers and leaves out the ones that stay empty all along, so three processes fit
 * on a projector. A send on {@code conn.client} uses its send buffer and the receive buffer of
 * {@code conn.server}; a select's read set watches receive buffers.
 */
final class BufferUse {
    /** Which of a socket's two buffers a card draws. */
    record Shown(boolean send, boolean receive) {
        static final Shown BOTH = new Shown(true, true);
        static final Shown NONE = new Shown(false, false);
    }

    private final Set<String> send = new HashSet<>();
    private final Set<String> receive = new HashSet<>();
    private final Set<String> connected = new HashSet<>();

    private BufferUse() {
    }

    /** The buffers {@code s}'s set-up actions and steps use. */
    static BufferUse of(Scenario s) {
        BufferUse u = new BufferUse();
        for (TcpSpec t : s.setup().tcp()) {
            u.connected.add(t.end(org.sockscope.scenario.Side.CLIENT));
            u.connected.add(t.end(org.sockscope.scenario.Side.SERVER));
        }
        for (SetupAction a : s.setup().actions()) {
            u.note(a.call());
        }
        for (Step step : s.steps()) {
            u.note(step.call());
        }
        return u;
    }

    private void note(Call c) {
        List<String> fds = c.descriptors();
        if (fds.isEmpty()) {
            return;
        }
        switch (c.name()) {
            case "send", "sendto", "write", "fill" -> {
                send.add(fds.getFirst());
                peer(fds.getFirst()).ifPresent(receive::add);
            }
            case "recv", "recvfrom", "read", "drain" -> {
                receive.add(fds.getFirst());
                peer(fds.getFirst()).ifPresent(send::add);
            }
            // select(read set, write set, timeout): the read set waits for received bytes.
            case "select" -> {
                if (!c.args().isEmpty() && c.args().getFirst() instanceof org.sockscope.scenario.Arg.FdSet set) {
                    receive.addAll(set.names());
                }
            }
            default -> {
            }
        }
    }

    /** {@code conn.server} for {@code conn.client} and back, {@code sv[1]} for {@code sv[0]}; empty for other names. */
    static Optional<String> peer(String name) {
        if (name.endsWith("[0]") || name.endsWith("[1]")) {
            return Optional.of(name.substring(0, name.length() - 2) + (name.endsWith("[0]") ? "1]" : "0]"));
        }
        if (name.endsWith(".client")) {
            return Optional.of(name.substring(0, name.length() - ".client".length()) + ".server");
        }
        if (name.endsWith(".server")) {
            return Optional.of(name.substring(0, name.length() - ".server".length()) + ".client");
        }
        return Optional.empty();
    }

    /**
     * The buffers to draw for a socket known by {@code names}: those some call uses; for a
     * connected pair's end that no call touches, the receive buffer ("is data here?"); nothing for
     * a socket no call moves bytes through (a fresh or listening socket).
     */
    Shown shown(Collection<String> names) {
        boolean s = false;
        boolean r = false;
        boolean pair = false;
        for (String n : names) {
            s |= send.contains(n);
            r |= receive.contains(n);
            pair |= connected.contains(n);
        }
        if (!s && !r) {
            return pair ? new Shown(false, true) : Shown.NONE;
        }
        return new Shown(s, r);
    }
}
