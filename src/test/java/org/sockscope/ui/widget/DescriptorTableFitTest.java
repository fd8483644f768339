package org.sockscope.ui.widget;

import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockscope.ui.MainWindow;
import org.sockscope.ui.playground.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A descriptor row's name is never cut, however short it is: a one-letter C name (u, s) included.
 * (JavaFX reports a wrapping label cut when its text is narrower than the ellipsis string, "..."
 * by default: 382 of FitTest's problems were "u" and "s" in 9 px.)
 */
@ExtendWith(ApplicationExtension.class)
class DescriptorTableFitTest {
    private DescriptorTableView table;

    @Start
    void start(Stage stage) {
        table = new DescriptorTableView();
        StackPane root = new StackPane(table);
        root.getStyleClass().add("root");
        Scene scene = new Scene(root, 400, 200);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void shortAndLongNamesFit() {
        Fx.run(() -> table.rowsProperty().set(List.of(
                new DescriptorRow(9, "socket", "u", "UDP", "receiver", true),
                new DescriptorRow(10, "socket", "s", "UDP", "sender", false),
                new DescriptorRow(11, "socket", "conn.server", "ESTABLISHED", "receiver", true))));
        List<String> cut = Fx.on(() -> {
            table.applyCss();
            table.getParent().layout();
            return table.lookupAll(".label").stream().filter(n -> n instanceof Labeled l && l.isTextTruncated())
                    .map(n -> "'" + ((Labeled) n).getText() + "' in " + ((Labeled) n).getWidth() + " px").toList();
        });
        assertEquals(List.of(), cut);
    }
}
