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
public final class SocketCard extends VBox {
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
    private final Label datagramReceive = new Label();
    private final Label datagramSend = new Label();
    private final BufferView send = new BufferView(BufferContent.Role.SEND);
    private final BufferView receive = new BufferView(BufferContent.Role.RECEIVE);

    /** A card showing no socket. */
    public SocketCard() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        title.getStyleClass().add("card-title");
        for (Label l : new Label[] {family, local, remote, acceptQueue, datagramReceive, datagramSend}) {
            l.getStyleClass().add("card-field");
        }
        datagramReceive.setWrapText(true);
        tcpState.getStyleClass().add("tcp-state");
        mode.getStyleClass().add("fd-mode");
        send.setTitle("Send buffer");
        receive.setTitle("Receive buffer");
        javafx.scene.layout.FlowPane head = Wrap.row("card-head", 12, title, tcpState, mode);
        FlowPane addresses = new FlowPane(14, 0, family, local, remote);
        addresses.getStyleClass().add("card-addresses");
        getChildren().addAll(head, addresses, acceptQueue, datagramReceive, datagramSend, send, receive);
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
            if (s.familyFromKernel()) {
                Source.KERNEL.install(family, "getsockopt(" + s.fd() + ", SOL_SOCKET, SO_DOMAIN) and SO_TYPE, " + Source.SAMPLED + ".");
            } else {
                Source.DERIVED.install(family, "The family from the form of getsockname()'s address (a.b.c.d:port: AF_INET);"
                        + " the type SOCK_STREAM: this recording holds no SO_DOMAIN / SO_TYPE reading.");
            }
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
        SocketCardState.DatagramQueues dq = s.datagram();
        for (Label l : new Label[] {datagramReceive, datagramSend}) {
            l.setVisible(dq != null);
            l.setManaged(dq != null);
        }
        if (dq != null) {
            Flash.setText(datagramReceive, dq.receiveText());
            Source.KERNEL.install(datagramReceive, "A datagram socket queues whole messages. ioctl(" + s.fd() + ", SIOCINQ):"
                    + " the size of the next one (not the bytes queued in all); getsockopt(" + s.fd() + ", SO_MEMINFO):"
                    + " the memory the queue is charged, each datagram's buffer overhead included, which the kernel"
                    + " compares with SO_RCVBUF, and the datagrams it dropped because they did not fit; " + Source.SAMPLED + ".");
            Flash.setText(datagramSend, dq.sendText());
            Source.KERNEL.install(datagramSend, "ioctl(" + s.fd() + ", SIOCOUTQ): memory charged to datagrams this socket"
                    + " sent that are not yet freed, of getsockopt(SO_SNDBUF); " + Source.SAMPLED + ".");
        }
        send.setContent(s.send());
        receive.setContent(s.receive());
    }
}
