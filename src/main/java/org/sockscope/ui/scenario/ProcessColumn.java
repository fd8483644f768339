package org.sockscope.ui.scenario;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sockscope.scenario.CodeListing;
import org.sockscope.ui.widget.AppBufferView;
import org.sockscope.ui.widget.BufferView;
import org.sockscope.ui.widget.DescriptorTableView;
import org.sockscope.ui.widget.SocketCard;
import org.sockscope.ui.widget.ThreadLane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process of a scenario, drawn like the lecture's slides: the process (its C code with the
 * step's line marked, its thread, its application buffer) above, the kernel (its descriptor
 * entries, its sockets' buffers, its pipes) below. Reuses the playground's widgets.
 */
final class ProcessColumn extends VBox {
    private final CodePane code;
    private final ThreadLane lane;
    private final AppBufferView app = new AppBufferView();
    private final DescriptorTableView table = new DescriptorTableView();
    private final VBox cards = new VBox();
    private final Label where;
    private final Label runtime = new Label();
    private final Map<Integer, SocketCard> socketCards = new LinkedHashMap<>();
    private final List<PipeCard> pipeCards = new ArrayList<>();
    private final String process;
    private ColumnState shown;

    ProcessColumn(String process, String kind, CodeListing listing, ScenarioViewModel vm) {
        this.process = process;
        getStyleClass().add("process-column");
        setId("column-" + process);
        Label heading = new Label(process);
        heading.getStyleClass().add("process-heading");
        heading.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        where = new Label(kind + " · user space");
        where.getStyleClass().add("layer-label");
        where.setMinWidth(0);
        HBox head = new HBox(10, heading, where);
        head.getStyleClass().add("process-head");
        lane = new ThreadLane(process);
        lane.setId("lane-" + process);
        lane.nowNanosProperty().bind(vm.clockProperty());
        app.setId("app-" + process);
        VBox processLayer = new VBox(head);
        if (listing != null) {
            code = new CodePane(listing);
            code.setId("code-" + process);
            processLayer.getChildren().add(code);
        } else {
            code = null;
        }
        processLayer.getChildren().addAll(lane, app);
        processLayer.getStyleClass().addAll("layer", "process-layer");

        table.setId("descriptors-" + process);
        table.titleProperty().set("Kernel · descriptors");
        runtime.setId("runtime-" + process);
        runtime.getStyleClass().add("runtime-note");
        runtime.setWrapText(true);
        runtime.setMinWidth(0);
        cards.getStyleClass().add("cards");
        VBox kernelLayer = new VBox(table, runtime, cards);
        kernelLayer.getStyleClass().addAll("layer", "kernel-layer");
        getChildren().addAll(processLayer, kernelLayer);
        // Whatever does not fit is cut at the column's edge, never drawn over the next column.
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** Draws {@code c}, with {@code mark} on the code (null: no line marked). */
    void show(ColumnState c, Screen.CodeMark mark) {
        if (code != null) {
            code.show(mark);
        }
        if (c.equals(shown)) {
            return;
        }
        shown = c;
        where.setText(c.kind() + (c.where().isEmpty() ? "" : " · " + c.where()) + " · user space");
        table.titleProperty().set(c.where().startsWith("pid ") ? "Kernel · descriptors of " + c.where()
                : c.where().isEmpty() ? "Kernel · descriptors" : "Kernel · " + c.where());
        runtime.setText(c.runtime().isEmpty() ? "" : "+ " + c.runtime().split(" · ").length
                + " held since the start: the JVM's files, SockScope's channel");
        runtime.setTooltip(c.runtime().isEmpty() ? null : new javafx.scene.control.Tooltip("Also in this table since the"
                + " process started: " + c.runtime() + ".\nA new descriptor takes the lowest free number of this table."));
        show(runtime, !c.runtime().isEmpty());
        lane.setState(c.lane());
        app.stateProperty().set(c.app());
        app.setVisible(!c.app().name().isEmpty());
        app.setManaged(app.isVisible());
        table.rowsProperty().set(c.rows());
        List<Node> nodes = new ArrayList<>();
        Map<Integer, SocketCard> keep = new LinkedHashMap<>();
        for (ColumnState.Card card : c.sockets()) {
            int fd = card.state().fd();
            SocketCard view = socketCards.computeIfAbsent(fd, k -> newCard(k));
            view.stateProperty().set(card.state());
            show(view.sendBuffer(), card.send());
            show(view.receiveBuffer(), card.receive());
            keep.put(fd, view);
            nodes.add(view);
        }
        socketCards.keySet().retainAll(keep.keySet());
        while (pipeCards.size() < c.pipes().size()) {
            pipeCards.add(new PipeCard());
        }
        for (int i = 0; i < c.pipes().size(); i++) {
            PipeCard p = pipeCards.get(i);
            p.setId("pipe-" + process + "-" + i);
            p.show(c.pipes().get(i));
            nodes.add(p);
        }
        if (!cards.getChildren().equals(nodes)) {
            cards.getChildren().setAll(nodes);
        }
    }

    private SocketCard newCard(int fd) {
        SocketCard card = new SocketCard();
        card.setId("socket-" + process + "-" + fd);
        card.sendBuffer().setId("send-" + process + "-" + fd);
        card.receiveBuffer().setId("recv-" + process + "-" + fd);
        requestedOnlyWhenSet(card.sendBuffer());
        requestedOnlyWhenSet(card.receiveBuffer());
        return card;
    }

    /**
     * A narrow column has no room for "not set (autotuned)": the buffer's "requested" figure is
     * shown only when the program asked for a size (SO_SNDBUF 4096 → capacity 8192 is the lesson).
     */
    private static void requestedOnlyWhenSet(BufferView v) {
        Runnable apply = () -> {
            Node n = v.lookup(".figure-requested");
            if (n != null) {
                boolean set = v.getContent().requested() > 0;
                n.setVisible(set);
                n.setManaged(set);
            }
        };
        v.contentProperty().addListener((o, a, b) -> apply.run());
        v.skinProperty().addListener((o, a, b) -> apply.run());
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** The code pane, or null when the scenario has no listing for this process. */
    CodePane code() {
        return code;
    }
}
