package org.sockscope.ui.widget;

import org.sockscope.kernel.Figure;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.sockscope.ui.widget.BufferContent.Kind.IN_FLIGHT;
import static org.sockscope.ui.widget.BufferContent.Kind.NOT_SENT;
import static org.sockscope.ui.widget.BufferContent.Kind.QUEUED;

/**
 * Draws a {@link BufferView}: heading with capacity, the to-scale track with each send()'s bytes
 * (letter and byte count inside the block when it fits), the exact figures, and a legend for the
 * blocks too narrow to carry their own label.
 */
final class BufferViewSkin extends WrappingSkin<BufferView> {
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    private static final int MAX_CHIPS = 5;
    private static final double LETTER_MIN_WIDTH = 16;
    private static final double CHAR_WIDTH = 9.5;

    private final Label title = new Label();
    private final Label window = label("figure", "figure-window");
    private final Label capacity = label("figure", "figure-capacity");
    private final Label requested = label("figure", "figure-requested");
    private final Label queued = label("figure", "figure-queued");
    private final Label notSent = label("figure", "figure-not-sent");
    private final Label inFlight = label("figure", "figure-in-flight");
    private final FlowPane legend = new FlowPane(8, 0);
    private final Track track = new Track();
    private List<BufferContent.Segment> legendShown = List.of();

    BufferViewSkin(BufferView view) {
        super(view);
        title.getStyleClass().add("buffer-title");
        title.textProperty().bind(view.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane head = Wrap.row("buffer-head", 10, title, window, capacity, requested);
        boolean send = view.getStyleClass().contains("send-buffer");
        FlowPane figures = send ? Wrap.row("buffer-figures", 10, notSent, inFlight) : Wrap.row("buffer-figures", 10, queued);
        notSent.setGraphic(swatch("swatch-not-sent"));
        inFlight.setGraphic(swatch("swatch-in-flight"));
        queued.setGraphic(swatch("swatch-queued"));
        legend.getStyleClass().add("buffer-legend");
        legend.setMinWidth(0);
        VBox bottom = new VBox(0, figures, legend);
        bottom.getStyleClass().add("buffer-bottom");
        VBox box = new VBox(2, head, track, bottom);
        box.getStyleClass().add("buffer-box");
        getChildren().add(box);
        view.contentProperty().addListener((o, a, b) -> update());
        view.frameProperty().addListener((o, a, b) -> track.requestLayout());
        update();
    }

    private void update() {
        BufferContent c = getSkinnable().getContent();
        String fd = c.fd() < 0 ? "fd" : Integer.toString(c.fd());
        boolean send = c.role() == BufferContent.Role.SEND;
        String opt = send ? "SO_SNDBUF" : "SO_RCVBUF";
        Flash.setText(capacity, c.capacity() == 0 ? "—" : "capacity " + Figure.bytes(c.capacity()));
        Source.KERNEL.install(capacity, "getsockopt(" + fd + ", SOL_SOCKET, " + opt + ") = " + Figure.text(c.capacity())
                + ".\nThe track's full width is this figure. Linux stores twice the requested size: the extra is"
                + " for its own bookkeeping, so fewer payload bytes than this fit.");
        Flash.setText(requested, c.requested() > 0 ? "requested " + c.requested() : "not set (autotuned)");
        Source.SYSCALL.install(requested, c.requested() > 0
                ? "setsockopt(" + fd + ", SOL_SOCKET, " + opt + ", " + c.requested() + ") returned 0"
                : "No setsockopt(" + opt + "): the kernel sizes this buffer itself and grows it as needed.");
        boolean readable = c.unreadable().isEmpty();
        String why = readable ? "" : "\nNow unreadable: " + c.unreadable() + ".";
        Flash.setText(queued, readable ? "queued " + c.bytes(QUEUED) + " B" : "queued: unreadable");
        Source.KERNEL.install(queued, "ioctl(" + fd + ", SIOCINQ): bytes waiting for recv(), read by the sampler thread at its rate"
                + " and right after each call (a socket a call is using keeps its last reading)." + why);
        Flash.setText(notSent, readable ? "not sent " + c.bytes(NOT_SENT) + " B" : "not sent: unreadable");
        Source.KERNEL.install(notSent, "ioctl(" + fd + ", SIOCOUTQNSD): bytes send() copied in that TCP has not sent yet." + why);
        Flash.setText(inFlight, readable ? "sent, awaiting ACK " + c.bytes(IN_FLIGHT) + " B (derived)" : "awaiting ACK: unreadable");
        Source.DERIVED.install(inFlight, "ioctl(" + fd + ", SIOCOUTQ) − ioctl(" + fd + ", SIOCOUTQNSD): sent to the"
                + " peer but kept until the peer acknowledges them (needed for retransmission).");
        Flash.setText(window, c.fd() < 0 ? "" : (send ? "· peer's window " : "· window ") + Figure.text(c.window()));
        Source.KERNEL.install(window, send
                ? "getsockopt(" + fd + ", IPPROTO_TCP, TCP_INFO): tcpi_snd_wnd, the receive window the peer"
                        + " advertised. At 0 the sender may not send: bytes stay \"not sent\"."
                : "getsockopt(" + fd + ", IPPROTO_TCP, TCP_INFO): tcpi_rcv_wnd, the window this socket advertises"
                        + " to its peer: about how much more it will accept. 0 when the receive buffer is full.");
        getSkinnable().pseudoClassStateChanged(EMPTY, c.total() == 0);
        Source.DERIVED.install(track, "Which send() wrote which bytes: TCP keeps byte order, so the bytes in the"
                + " buffers are placed by counting send() and recv() return values against the kernel's queue"
                + " sizes. Each send()'s bytes are its letter (A, B, …): what recv() copies out confirms it.");
        track.requestLayout();
    }

    /** Chips for the segments whose blocks are too narrow for their own count. */
    private void updateLegend(List<BufferContent.Segment> unlabelled) {
        if (unlabelled.equals(legendShown)) {
            return;
        }
        legendShown = unlabelled;
        Map<Character, Long> byLetter = new LinkedHashMap<>();
        for (BufferContent.Segment s : unlabelled) {
            byLetter.merge(s.letter(), s.bytes(), Long::sum);
        }
        List<Node> chips = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<Character, Long> e : byLetter.entrySet()) {
            if (shown++ == MAX_CHIPS) {
                Label more = new Label("+" + (byLetter.size() - MAX_CHIPS) + " more");
                more.getStyleClass().add("legend-more");
                chips.add(more);
                break;
            }
            Label chip = new Label(e.getKey() + " " + e.getValue());
            chip.getStyleClass().add("legend-chip");
            chip.setGraphic(swatch("byte-swatch", CallColors.styleClass(e.getKey())));
            Source.DERIVED.install(chip, e.getValue() + " bytes written by the send() whose bytes are '" + e.getKey() + "'.");
            chips.add(chip);
        }
        legend.getChildren().setAll(chips);
    }

    /** The to-scale drawing: capacity is the track's width. */
    private final class Track extends Pane {
        /** Blocks per colour class, never restyled (a style-class change costs a CSS pass). */
        private final Map<String, List<Label>> blocks = new java.util.HashMap<>();
        private final Map<String, Integer> used = new java.util.HashMap<>();
        private final Region inFlightOverlay = new Region();
        private final Region inFlightTop = new Region();
        private final Region inFlightBottom = new Region();
        private final Region divider = new Region();

        Track() {
            getStyleClass().add("buffer-track");
            inFlightOverlay.getStyleClass().add("in-flight-overlay");
            inFlightOverlay.setMouseTransparent(true);
            inFlightOverlay.setManaged(false);
            divider.getStyleClass().add("span-divider");
            divider.setMouseTransparent(true);
            divider.setManaged(false);
            for (Region band : new Region[] {inFlightTop, inFlightBottom}) {
                band.getStyleClass().add("in-flight-band");
                band.setMouseTransparent(true);
                band.setManaged(false);
            }
            getChildren().addAll(inFlightTop, inFlightBottom, inFlightOverlay, divider);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(widthProperty());
            clip.heightProperty().bind(heightProperty());
            setClip(clip);
        }

        @Override
        protected void layoutChildren() {
            BufferView view = getSkinnable();
            BufferContent c = view.getContent();
            double[] b = view.shownBoundaries();
            Insets in = getInsets();
            double w = getWidth() - in.getLeft() - in.getRight();
            double h = getHeight() - in.getTop() - in.getBottom();
            List<BufferContent.Segment> unlabelled = new ArrayList<>();
            if (c.capacity() <= 0 || b.length < 2 || w <= 0) {
                blocks.values().forEach(list -> list.forEach(l -> l.setVisible(false)));
                showInFlight(false);
                divider.setVisible(false);
                updateLegend(c.segments());
                return;
            }
            double scale = w / c.capacity();
            double head = b[0];
            double tail = b[b.length - 1];
            List<BufferContent.Segment> segs = new ArrayList<>();
            BufferContent prev = view.previousContent();
            long targetHead = c.head();
            if (prev != null) {
                for (BufferContent.Segment s : prev.segments()) {
                    if (s.from() < targetHead) { // bytes recv() just took, still sliding out
                        segs.add(new BufferContent.Segment(s.from(), Math.min(s.to(), targetHead), s.letter()));
                    }
                }
            }
            segs.addAll(c.segments());
            used.clear();
            for (BufferContent.Segment s : segs) {
                double from = Math.max(s.from(), head);
                double to = Math.min(s.to(), tail);
                if (to - from <= 0) {
                    continue;
                }
                double x0 = in.getLeft() + (from - head) * scale;
                double x1 = Math.min(in.getLeft() + w, in.getLeft() + (to - head) * scale);
                if (x1 - x0 < 0.5) {
                    if (s.from() >= targetHead) {
                        unlabelled.add(s);
                    }
                    continue;
                }
                Label block = block(CallColors.styleClass(s.letter()));
                String full = s.letter() + " " + s.bytes();
                double width = x1 - x0;
                if (width >= full.length() * CHAR_WIDTH + 8) {
                    setIfChanged(block, full);
                } else {
                    setIfChanged(block, width >= LETTER_MIN_WIDTH ? String.valueOf(s.letter()) : "");
                    if (s.from() >= targetHead) {
                        unlabelled.add(s);
                    }
                }
                block.resizeRelocate(x0, in.getTop(), width, h);
                block.setVisible(true);
            }
            blocks.forEach((style, list) -> {
                for (int i = used.getOrDefault(style, 0); i < list.size(); i++) {
                    list.get(i).setVisible(false);
                }
            });
            layoutSendSpans(c, b, scale, in, h);
            updateLegend(unlabelled);
        }

        private void layoutSendSpans(BufferContent c, double[] b, double scale, Insets in, double h) {
            boolean send = c.role() == BufferContent.Role.SEND && b.length == 3;
            if (!send) {
                showInFlight(false);
                divider.setVisible(false);
                return;
            }
            double x0 = in.getLeft();
            double x1 = in.getLeft() + (b[1] - b[0]) * scale;
            double x2 = in.getLeft() + (b[2] - b[0]) * scale;
            // Hatched bands above and below, a dashed outline: the block's letter stays readable.
            showInFlight(x1 - x0 >= 0.5);
            double band = Math.min(9, h / 4);
            inFlightOverlay.resizeRelocate(x0, in.getTop(), x1 - x0, h);
            inFlightTop.resizeRelocate(x0, in.getTop(), x1 - x0, band);
            inFlightBottom.resizeRelocate(x0, in.getTop() + h - band, x1 - x0, band);
            inFlightTop.toFront();
            inFlightBottom.toFront();
            inFlightOverlay.toFront();
            divider.setVisible(x1 - x0 >= 0.5 && x2 - x1 >= 0.5);
            divider.resizeRelocate(x1 - 1.5, in.getTop(), 3, h);
            divider.toFront();
        }

        private void showInFlight(boolean on) {
            inFlightOverlay.setVisible(on);
            inFlightTop.setVisible(on);
            inFlightBottom.setVisible(on);
        }

        private Label block(String style) {
            List<Label> list = blocks.computeIfAbsent(style, k -> new ArrayList<>());
            int i = used.merge(style, 1, Integer::sum) - 1;
            while (list.size() <= i) {
                Label l = new Label();
                l.getStyleClass().setAll("byte-block", style);
                l.setMinSize(0, 0);
                l.setManaged(false);
                l.setMouseTransparent(true);
                list.add(l);
                getChildren().add(0, l);
            }
            return list.get(i);
        }
    }

    private static void setIfChanged(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    private static Label label(String... classes) {
        Label l = new Label();
        l.getStyleClass().addAll(classes);
        return l;
    }

    private static Region swatch(String... classes) {
        Region r = new Region();
        r.getStyleClass().add("swatch");
        r.getStyleClass().addAll(classes);
        return r;
    }
}
