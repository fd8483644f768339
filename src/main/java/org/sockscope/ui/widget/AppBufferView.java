package org.sockscope.ui.widget;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Pane;

import java.util.ArrayList;
import java.util.List;

/**
 * The application buffer of the last byte-moving call (the lecture's {@code r_buf (size 200)}):
 * its size is what the call asked for; the fill is what the kernel copied, lettered by send().
 * The name and the count above the bar, side by side where they fit.
 */
public final class AppBufferView extends VBox {
    /** The style class of every AppBufferView. */
    public static final String DEFAULT_STYLE_CLASS = "app-buffer";
    private final ObjectProperty<AppBufferState> state = new SimpleObjectProperty<>(this, "state", AppBufferState.NONE);
    private final Label title = new Label();
    private final Label copied = new Label();
    private final Fill fill = new Fill();

    /** An empty view. */
    public AppBufferView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        title.getStyleClass().addAll("app-title", "code");
        copied.getStyleClass().addAll("figure", "figure-copied");
        fill.setMinWidth(40);
        getChildren().addAll(Wrap.row("app-head", 10, title, copied), fill);
        setSpacing(2);
        state.addListener((o, a, b) -> update());
        update();
    }

    /** What the view shows. */
    public final ObjectProperty<AppBufferState> stateProperty() {
        return state;
    }

    public final AppBufferState getState() {
        return state.get();
    }

    private void update() {
        AppBufferState s = getState();
        if (s.name().isEmpty()) {
            title.setText("s_buf / r_buf");
            copied.setText("no send()/recv() yet");
            fill.requestLayout();
            return;
        }
        title.setText(s.name() + " (size " + s.asked() + ")");
        Source.SYSCALL.install(title, "The length argument the program passed to " + s.callText()
                + ": the size of its buffer, not a kernel figure.");
        String verb = s.name().equals("s_buf") ? "kernel took " : "got ";
        Flash.setText(copied, s.running()
                ? (s.copiedDerived() ? verb + s.copied() + " so far (derived)" : "waiting…")
                : verb + s.copied());
        if (s.running() && s.copiedDerived()) {
            Source.DERIVED.install(copied, "The call has not returned: the bytes it has copied so far are derived from"
                    + " the kernel's queues as the sampler last read them: bytes the peer has read + the receiver's"
                    + " ioctl(SIOCINQ) + the sender's ioctl(SIOCOUTQNSD) − bytes earlier calls wrote (TCP keeps byte"
                    + " order: written − read = not sent + queued at the receiver).");
        } else if (s.running()) {
            Source.DERIVED.install(copied, "The call has not returned yet: no return value, and no count made up meanwhile.");
        } else {
            Source.SYSCALL.install(copied, "The return value of " + s.callText() + ": the bytes the kernel copied.");
        }
        fill.requestLayout();
    }

    /** The buffer drawn as a bar: its width is the asked size. */
    private final class Fill extends Pane {
        private final List<Label> blocks = new ArrayList<>();

        Fill() {
            getStyleClass().add("app-track");
        }

        @Override
        protected void layoutChildren() {
            AppBufferState s = getState();
            Insets in = getInsets();
            double w = getWidth() - in.getLeft() - in.getRight();
            double h = getHeight() - in.getTop() - in.getBottom();
            List<AppBufferState.Piece> pieces = new ArrayList<>(s.pieces());
            long known = pieces.stream().mapToLong(AppBufferState.Piece::count).sum();
            if (known < s.copied()) {
                pieces.add(new AppBufferState.Piece('?', s.copied() - known));
            }
            double x = in.getLeft();
            int used = 0;
            for (AppBufferState.Piece p : pieces) {
                if (s.asked() <= 0) {
                    break;
                }
                double pw = Math.min(w - (x - in.getLeft()), w * p.count() / s.asked());
                if (pw < 0.5) {
                    continue;
                }
                Label b = block(used++);
                CallColors.style(b, p.letter());
                String text = pw >= 18 ? String.valueOf(p.letter()) : "";
                if (!text.equals(b.getText())) {
                    b.setText(text);
                }
                b.resizeRelocate(x, in.getTop(), pw, h);
                b.setVisible(true);
                x += pw;
            }
            for (int i = used; i < blocks.size(); i++) {
                blocks.get(i).setVisible(false);
            }
        }

        private Label block(int i) {
            while (blocks.size() <= i) {
                Label l = new Label();
                l.setManaged(false);
                l.setMinSize(0, 0);
                blocks.add(l);
                getChildren().add(l);
            }
            return blocks.get(i);
        }
    }
}
