package org.sockscope.ui.playground;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;
import org.sockscope.posix.LinuxAbi;

/**
 * The calls one process can make: send(N), recv(N) (each with MSG_DONTWAIT), fcntl O_NONBLOCK,
 * shutdown, close, and cancelling a blocked call. All keyboard-reachable: Tab moves between them,
 * Enter in a byte-count field makes that call, Space or Enter presses the focused button.
 */
final class CallPanel extends GridPane {
    private final Side side;
    private final TextField sendBytes = bytesField("1000");
    private final TextField recvBytes = bytesField("200");
    private final CheckBox sendDontWait = check("MSG_DONTWAIT");
    private final CheckBox recvDontWait = check("MSG_DONTWAIT");
    private final Button send = new Button("send()");
    private final Button recv = new Button("recv()");
    private final CheckBox nonBlocking = check("O_NONBLOCK");
    private final MenuButton shutdown = new MenuButton("shutdown()");
    private final Button close = new Button("close()");
    private final Button cancel = new Button("Cancel");
    /** False for a replay or a trace without a lab: nothing would answer a call. */
    private final boolean answers;

    CallPanel(Side side, PlaygroundViewModel vm) {
        this.side = side;
        answers = vm.liveProperty().get();
        setDisable(!answers);
        getStyleClass().add("call-panel");
        send.setId(side.id("Send"));
        recv.setId(side.id("Recv"));
        sendBytes.setId(side.id("SendBytes"));
        recvBytes.setId(side.id("RecvBytes"));
        sendDontWait.setId(side.id("SendDontwait"));
        recvDontWait.setId(side.id("RecvDontwait"));
        nonBlocking.setId(side.id("Nonblock"));
        shutdown.setId(side.id("Shutdown"));
        close.setId(side.id("Close"));
        cancel.setId(side.id("Cancel"));
        send.getStyleClass().addAll("call-button", "send-button");
        recv.getStyleClass().addAll("call-button", "recv-button");
        close.getStyleClass().add("call-button");
        shutdown.getStyleClass().add("call-button");
        cancel.getStyleClass().add("cancel-button");
        for (String how : new String[] {"SHUT_WR", "SHUT_RD", "SHUT_RDWR"}) {
            MenuItem item = new MenuItem("shutdown(fd, " + how + ")");
            item.setMnemonicParsing(false);
            item.setId(side.id("Shutdown" + how));
            int h = switch (how) {
                case "SHUT_RD" -> LinuxAbi.SHUT_RD;
                case "SHUT_RDWR" -> LinuxAbi.SHUT_RDWR;
                default -> LinuxAbi.SHUT_WR;
            };
            item.setOnAction(e -> vm.shutdown(side, h));
            shutdown.getItems().add(item);
        }

        send.setOnAction(e -> vm.send(side, count(sendBytes), sendDontWait.isSelected()));
        sendBytes.setOnAction(e -> send.fire());
        recv.setOnAction(e -> vm.recv(side, count(recvBytes), recvDontWait.isSelected()));
        recvBytes.setOnAction(e -> recv.fire());
        nonBlocking.setOnAction(e -> vm.setNonBlocking(side, nonBlocking.isSelected()));
        close.setOnAction(e -> vm.closeSocket(side));
        cancel.setOnAction(e -> vm.cancel(side));

        addRow(0, send, sendBytes, sendDontWait, nonBlocking);
        addRow(1, recv, recvBytes, recvDontWait, shutdown, close);
        setHgap(8);
        setVgap(4);

        vm.process(side).addListener((o, a, b) -> update(b));
        sendBytes.textProperty().addListener((o, a, b) -> update(vm.process(side).get()));
        recvBytes.textProperty().addListener((o, a, b) -> update(vm.process(side).get()));
        sendDontWait.selectedProperty().addListener((o, a, b) -> update(vm.process(side).get()));
        recvDontWait.selectedProperty().addListener((o, a, b) -> update(vm.process(side).get()));
        update(vm.process(side).get());
    }

    /** The "cancel blocked call" button (the process view puts it beside the thread lane). */
    Button cancelButton() {
        return cancel;
    }

    /** Moves keyboard focus to the first field of the panel. */
    void focusFirst() {
        sendBytes.requestFocus();
        sendBytes.selectAll();
    }

    private void update(ProcessState p) {
        boolean can = p.canCall();
        for (Node n : new Node[] {send, recv, sendBytes, recvBytes, nonBlocking, shutdown, close}) {
            n.setDisable(!can);
        }
        cancel.setDisable(!answers || !p.lane().inCall());
        nonBlocking.setSelected(p.socket().nonBlocking());
        String fd = p.fd() < 0 ? "fd" : Integer.toString(p.fd());
        tip(send, "Runs send(" + fd + ", s_buf, " + sendBytes.getText() + ", " + (sendDontWait.isSelected() ? "MSG_DONTWAIT" : "0")
                + ") on " + side.process() + "'s thread. Enter in the byte field does the same.");
        tip(recv, "Runs recv(" + fd + ", r_buf, " + recvBytes.getText() + ", " + (recvDontWait.isSelected() ? "MSG_DONTWAIT" : "0")
                + ") on " + side.process() + "'s thread. Enter in the byte field does the same.");
        tip(sendBytes, "Bytes to send: the length argument (the size of s_buf).");
        tip(recvBytes, "Bytes to receive at most: the length argument (the size of r_buf).");
        tip(sendDontWait, "Pass MSG_DONTWAIT: this one call returns -1 EAGAIN instead of blocking.");
        tip(recvDontWait, "Pass MSG_DONTWAIT: this one call returns -1 EAGAIN instead of blocking.");
        tip(nonBlocking, "fcntl(" + fd + ", F_SETFL, flags | O_NONBLOCK) when ticked, flags & ~O_NONBLOCK when cleared:"
                + " every later call on this socket returns -1 EAGAIN instead of blocking.");
        tip(shutdown, "shutdown(" + fd + ", how): SHUT_WR sends FIN (the peer's recv() returns 0 once its queue is"
                + " empty); the descriptor stays open.");
        tip(close, "close(" + fd + "): the descriptor leaves the table. Unread bytes in its receive queue make the kernel send RST.");
        tip(cancel, "Cancel " + side.process() + "'s blocked call. The kernel offers no way to interrupt it from outside"
                + " except through the socket: the lab calls shutdown(" + fd + ", SHUT_RDWR) from its control thread,"
                + " so recv() returns 0 and send() fails.");
    }

    private static void tip(Control c, String text) {
        if (c.getTooltip() == null) {
            Tooltip t = new Tooltip(text);
            t.setShowDelay(Duration.millis(300));
            t.setWrapText(true);
            t.setMaxWidth(480);
            c.setTooltip(t);
        } else if (!c.getTooltip().getText().equals(text)) {
            c.getTooltip().setText(text);
        }
    }

    private static int count(TextField f) {
        try {
            return Integer.parseInt(f.getText().trim());
        } catch (NumberFormatException e) {
            return 0; // the view-model reports the bad count
        }
    }

    private static CheckBox check(String text) {
        CheckBox c = new CheckBox(text);
        c.setMnemonicParsing(false);
        return c;
    }

    private static TextField bytesField(String initial) {
        TextField f = new TextField(initial);
        f.getStyleClass().add("bytes-field");
        f.setPrefColumnCount(6);
        f.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,8}") ? c : null));
        return f;
    }
}
