package org.sockscope.ui.widget;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A socket like the lecture's kernel box: "Family: AF_INET, Type: SOCK_STREAM / Local address …
 * / Send buffer, Receive buffer", with both buffers drawn to scale.
 */
public class SocketCard extends VBox {
    /** The style class of every SocketCard. */
    public static final String DEFAULT_STYLE_CLASS = "socket-card";
    private static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");
    private static final PseudoClass NONBLOCKING = PseudoClass.getPseudoClass("nonblocking");

    private final ObjectProperty<SocketCardState> state = new SimpleObjectProperty<>(this, "state", SocketCardState.NONE);
    private final Label title = new Label();
    private final Label family = new Label();
    private final Label local = new Label();
    private final Label remote = new Label();
    private final Label tcpState = new Label();
    private final Label mode = new Label();
    private final Label acceptQueue = new Label();
    private final BufferView send = new BufferView(BufferContent.Role.SEND);
    private final BufferView receive = new BufferView(BufferContent.Role.RECEIVE);

    /** A card showing no socket. */
    public SocketCard() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        title.getStyleClass().add("card-title");
        for (Label l : new Label[] {family, local, remote, acceptQueue}) {
            l.getStyleClass().add("card-field");
        }
        tcpState.getStyleClass().add("tcp-state");
        mode.getStyleClass().add("fd-mode");
        send.setTitle("Send buffer");
        receive.setTitle("Receive buffer");
        javafx.scene.layout.FlowPane head = Wrap.row("card-head", 12, title, tcpState, mode);
        FlowPane addresses = new FlowPane(14, 0, family, local, remote);
        addresses.getStyleClass().add("card-addresses");
        getChildren().addAll(head, addresses, acceptQueue, send, receive);
        state.addListener((o, a, b) -> update());
        update();
    }

    /** What the card shows. */
    public final ObjectProperty<SocketCardState> stateProperty() {
        return state;
    }

    public final SocketCardState getState() {
        return state.get();
    }

    /** The send buffer's view. */
    public BufferView sendBuffer() {
        return send;
    }

    /** The receive buffer's view. */
    public BufferView receiveBuffer() {
        return receive;
    }

    private void update() {
        SocketCardState s = getState();
        pseudoClassStateChanged(ABSENT, !s.present());
        pseudoClassStateChanged(NONBLOCKING, s.nonBlocking());
        if (!s.present()) {
            title.setText("no socket");
            family.setText("closed, or no connection yet: File ▸ Rebuild connection (Ctrl+R)");
            local.setText("");
            remote.setText("");
            tcpState.setText("");
            mode.setText("");
        } else {
            Flash.setText(title, "socket " + s.fd() + " · " + s.label());
            Source.SYSCALL.install(title, "The descriptor number socket()/accept() returned; \"" + s.label()
                    + "\" is SockScope's name for this end.");
            family.setText(s.family() + ", " + s.type());
            Source.DERIVED.install(family, "The family from the form of getsockname()'s address (a.b.c.d:port: AF_INET);"
                    + " the type because the lab opens only TCP sockets (socket(AF_INET, SOCK_STREAM, 0)), not read back.");
            Flash.setText(local, "local " + s.local());
            Source.KERNEL.install(local, "getsockname(" + s.fd() + "): this end's address and port, read when the lab"
                    + " registered the socket (after socket(), accept() or connect() returned).");
            Flash.setText(remote, s.remote().isEmpty() ? "not connected" : "remote " + s.remote());
            Source.KERNEL.install(remote, "getpeername(" + s.fd() + "): the other end's address and port, read when the"
                    + " lab registered the socket (after socket(), accept() or connect() returned).");
            Flash.setText(tcpState, s.tcpState());
            Source.KERNEL.install(tcpState, "getsockopt(" + s.fd() + ", IPPROTO_TCP, TCP_INFO): tcpi_state, " + Source.SAMPLED + ".");
            Flash.setText(mode, s.nonBlocking() ? "O_NONBLOCK" : "blocking");
            if (s.mode().fromKernel()) {
                Source.KERNEL.install(mode, "fcntl(" + s.fd() + ", F_GETFL): O_NONBLOCK in the descriptor's status flags, "
                        + Source.SAMPLED + ".");
            } else {
                Source.DERIVED.install(mode, "From the last successful fcntl(" + s.fd() + ", F_SETFL, …) in the call log:"
                        + " the sampler has no fcntl(" + s.fd() + ", F_GETFL) reading of this socket (yet).");
            }
        }
        SocketCardState.AcceptQueue q = s.listener();
        acceptQueue.setVisible(q != null);
        acceptQueue.setManaged(q != null);
        if (q != null) {
            Flash.setText(acceptQueue, q.text());
            Source.KERNEL.install(acceptQueue, "getsockopt(" + s.fd() + ", IPPROTO_TCP, TCP_INFO) on a listening socket:"
                    + " tcpi_unacked = connections the kernel has completed that wait for accept(), tcpi_sacked = the"
                    + " backlog listen() set; " + Source.SAMPLED + ". A listener has no data queues: ioctl(SIOCINQ)"
                    + " fails with EINVAL.");
        }
        send.setContent(s.send());
        receive.setContent(s.receive());
    }
}
