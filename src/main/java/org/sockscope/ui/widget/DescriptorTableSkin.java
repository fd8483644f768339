package org.sockscope.ui.widget;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** Draws a {@link DescriptorTableView}. */
final class DescriptorTableSkin extends WrappingSkin<DescriptorTableView> {
    private static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");
    private final Label title = new Label();
    private final VBox rows = new VBox(2);
    private final ToggleButton fold = new ToggleButton();
    private final VBox foldedLines = new VBox(0);
    private final ScrollPane foldedScroll = new ScrollPane(foldedLines);
    private List<DescriptorRow> drawn = List.of();

    DescriptorTableSkin(DescriptorTableView table) {
        super(table);
        title.getStyleClass().add("table-title");
        title.textProperty().bind(table.titleProperty());
        rows.getStyleClass().add("descriptor-rows");
        fold.getStyleClass().add("fold-line");
        fold.setMaxWidth(Double.MAX_VALUE);
        fold.selectedProperty().bindBidirectional(table.expandedProperty());
        foldedLines.getStyleClass().add("folded-lines");
        foldedScroll.getStyleClass().add("folded-scroll");
        foldedScroll.setFitToWidth(true);
        foldedScroll.setMaxHeight(150);
        foldedScroll.visibleProperty().bind(table.expandedProperty());
        foldedScroll.managedProperty().bind(table.expandedProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        fold.setMinWidth(0);
        fold.setWrapText(true);
        HBox.setHgrow(fold, Priority.ALWAYS);
        HBox head = new HBox(10, title, fold);
        head.getStyleClass().add("table-head");
        VBox box = new VBox(3, head, rows, foldedScroll);
        box.getStyleClass().add("table-box");
        getChildren().add(box);
        table.rowsProperty().addListener((o, a, b) -> updateRows());
        table.foldedProperty().addListener((o, a, b) -> updateFolded());
        table.expandedProperty().addListener((o, a, b) -> updateFolded());
        updateRows();
        updateFolded();
    }

    private void updateRows() {
        List<DescriptorRow> now = getSkinnable().getRows();
        if (now.equals(drawn)) {
            return;
        }
        List<Node> nodes = new ArrayList<>();
        for (DescriptorRow r : now) {
            Label fd = new Label(Integer.toString(r.fd()));
            fd.getStyleClass().add("fd-number");
            Source.SYSCALL.install(fd, "The number the call that opened it returned (socket(), accept(), pipe()): an"
                    + " index into the process's descriptor table.");
            Label kind = new Label(r.kind());
            kind.getStyleClass().add("fd-kind");
            Label detail = new Label(r.detail());
            detail.getStyleClass().add("fd-detail");
            detail.setMinWidth(0);
            Source.KERNEL.install(detail, "The name is SockScope's; the kind from readlink(/proc/<pid>/fd/" + r.fd()
                    + "); the ports from getsockname()/getpeername(" + r.fd() + "), read when the lab registered it.");
            Label state = new Label(r.state());
            state.getStyleClass().add("fd-state");
            Source.KERNEL.install(state, "A TCP socket: getsockopt(" + r.fd() + ", IPPROTO_TCP, TCP_INFO), tcpi_state. A UDP or"
                    + " AF_UNIX socket has no TCP state: getsockopt(" + r.fd() + ", SOL_SOCKET, SO_DOMAIN and SO_TYPE) say"
                    + " which it is. Both " + Source.SAMPLED + ".");
            Label owner = new Label(r.mine() ? "" : "used by " + r.owner());
            owner.getStyleClass().add("fd-owner");
            javafx.scene.layout.FlowPane row = Wrap.row("descriptor-row", 8, kind, detail, state, owner);
            row.getChildren().addFirst(fd); // the number never wraps
            row.pseudoClassStateChanged(MINE, r.mine());
            row.setId(null);
            row.getProperties().put("fd", r.fd());
            boolean old = drawn.stream().anyMatch(d -> d.equals(r));
            nodes.add(row);
            if (!old && !drawn.isEmpty()) {
                Flash.flash(row);
            }
        }
        if (nodes.isEmpty()) {
            Label none = new Label("no descriptors opened by the lab");
            none.getStyleClass().add("legend-empty");
            nodes.add(none);
        }
        rows.getChildren().setAll(nodes);
        drawn = now;
    }

    private void updateFolded() {
        FoldedDescriptors f = getSkinnable().foldedProperty().get();
        boolean open = getSkinnable().expandedProperty().get();
        String arrow = open ? "▾ " : "▸ ";
        fold.setText(f.equals(FoldedDescriptors.NOT_RECORDED) ? arrow + "the rest of the table is not in the recording"
                : f.count() < 0 ? arrow + "reading the rest of the table…"
                : arrow + "+" + f.count() + " other descriptors: " + f.summary());
        Source.KERNEL.install(fold, "readlink(/proc/<pid>/fd/*): everything else this process has open, read again"
                + " whenever the lab opens or closes a descriptor.");
        if (open) {
            List<Node> lines = new ArrayList<>();
            for (String s : f.lines()) {
                Label l = new Label(s);
                l.getStyleClass().addAll("folded-line", "code");
                lines.add(l);
            }
            foldedLines.getChildren().setAll(lines);
        }
    }
}
