package org.sockscope.ui.playground;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sockscope.ui.widget.AppBufferView;
import org.sockscope.ui.widget.DescriptorTableView;
import org.sockscope.ui.widget.SocketCard;
import org.sockscope.ui.widget.ThreadLane;

/** One process column: its descriptor table, its socket card, its application buffer, its thread and its calls. */
final class ProcessView extends VBox {
    private final DescriptorTableView table = new DescriptorTableView();
    private final SocketCard card = new SocketCard();
    private final AppBufferView app = new AppBufferView();
    private final ThreadLane lane;
    private final CallPanel calls;

    ProcessView(Side side, PlaygroundViewModel vm) {
        getStyleClass().addAll("process-view", side == Side.CLIENT ? "client" : "server");
        setId(side.id("View"));

        table.setId(side.id("Descriptors"));
        table.titleProperty().bind(javafx.beans.binding.Bindings.when(vm.processesNowProperty())
                .then("Kernel · " + side.process() + "'s own descriptor table").otherwise("Kernel · descriptor table (shared)"));
        table.foldedProperty().bind(vm.foldedProperty(side));
        card.setId(side.id("Socket"));
        card.sendBuffer().setId(side.id("SendBuffer"));
        card.receiveBuffer().setId(side.id("RecvBuffer"));
        app.setId(side.id("AppBuffer"));
        lane = new ThreadLane(side.process());
        lane.setId(side.id("Lane"));
        lane.nowNanosProperty().bind(vm.clockProperty());
        calls = new CallPanel(side, vm);
        calls.setId(side.id("Calls"));

        // Like the lecture's slides: the process (its code's calls and buffers) above, the kernel below.
        Label heading = new Label(side.heading());
        heading.getStyleClass().add("process-heading");
        Label where = new Label("process · user space · one thread");
        where.getStyleClass().add("layer-label");
        HBox head = new HBox(12, heading, where);
        head.getStyleClass().add("process-head");
        Button cancel = calls.cancelButton();
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(lane, Priority.ALWAYS);
        lane.setMinWidth(0);
        HBox laneRow = new HBox(8, lane, cancel);
        laneRow.getStyleClass().add("lane-with-cancel");
        VBox processLayer = layer(head, "process-layer", calls, laneRow, app);
        VBox kernelLayer = layer(table, "kernel-layer", card);
        getChildren().addAll(processLayer, kernelLayer);
        vm.process(side).addListener((o, a, b) -> show(b));
        show(vm.process(side).get());
    }

    private void show(ProcessState p) {
        table.rowsProperty().set(p.descriptors());
        card.stateProperty().set(p.socket());
        app.stateProperty().set(p.appBuffer());
        lane.setState(p.lane());
    }

    private static VBox layer(javafx.scene.Node label, String styleClass, javafx.scene.Node... content) {
        VBox box = new VBox(label);
        box.getChildren().addAll(content);
        box.getStyleClass().addAll("layer", styleClass);
        return box;
    }

    /** Moves keyboard focus into the call panel. */
    void focusCalls() {
        calls.focusFirst();
    }
}
