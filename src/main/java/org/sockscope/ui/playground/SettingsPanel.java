package org.sockscope.ui.playground;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.sockscope.lab.SocketOptions;

import java.util.Optional;

/**
 * SO_SNDBUF, SO_RCVBUF and TCP_NODELAY for each side, in a ControlsFX PropertySheet. Applying
 * rebuilds the connection: the options only take effect on fresh sockets (RCVBUF must be set
 * before listen()/connect()).
 */
final class SettingsPanel extends VBox {
    private final PlaygroundViewModel vm;
    private final Runnable onApplied;
    private final Item[] items = {
        new Item(Side.CLIENT, "SO_SNDBUF", Integer.class, "Requested send buffer of P1's socket (bytes; 0 = not set, the kernel autotunes)."),
        new Item(Side.CLIENT, "SO_RCVBUF", Integer.class, "Requested receive buffer of P1's socket (set before connect())."),
        new Item(Side.CLIENT, "TCP_NODELAY", Boolean.class, "Turn Nagle's algorithm off on P1's socket."),
        new Item(Side.SERVER, "SO_SNDBUF", Integer.class, "Requested send buffer of P2's socket (bytes; 0 = not set)."),
        new Item(Side.SERVER, "SO_RCVBUF", Integer.class, "Requested receive buffer of P2's socket (set on the listener before listen(), inherited by accept())."),
        new Item(Side.SERVER, "TCP_NODELAY", Boolean.class, "Turn Nagle's algorithm off on P2's socket."),
    };

    /** The panel for {@code vm}; {@code onApplied} runs once the settings were accepted (e.g. to close the drawer). */
    SettingsPanel(PlaygroundViewModel vm, Runnable onApplied) {
        this.vm = vm;
        this.onApplied = onApplied;
        setId("settings");
        getStyleClass().add("settings-panel");
        Label title = new Label("Connection settings");
        title.getStyleClass().add("settings-title");
        load(Side.CLIENT, vm.clientOptionsProperty().get());
        load(Side.SERVER, vm.serverOptionsProperty().get());
        PropertySheet sheet = new PropertySheet();
        sheet.setId("settingsSheet");
        sheet.getItems().setAll(items);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        Button apply = new Button("Apply & reconnect");
        apply.setId("applySettings");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> apply());
        apply.disableProperty().bind(vm.rebuildingProperty());
        Button defaults = new Button("Defaults");
        defaults.setId("defaultSettings");
        defaults.setOnAction(e -> {
            load(Side.CLIENT, PlaygroundViewModel.DEFAULT_OPTIONS);
            load(Side.SERVER, PlaygroundViewModel.DEFAULT_OPTIONS);
            sheet.getItems().setAll(items);
        });
        Label note = new Label("0 = not set (the kernel autotunes). Linux stores twice the size you request."
                + " Applying closes both sockets and connects a fresh pair.");
        note.getStyleClass().add("settings-note");
        note.setWrapText(true);
        getChildren().addAll(title, sheet, new HBox(8, apply, defaults), note);
    }

    /** Validates the sheet's values, stores them in the view-model and rebuilds the connection. */
    void apply() {
        try {
            vm.clientOptionsProperty().set(options(Side.CLIENT));
            vm.serverOptionsProperty().set(options(Side.SERVER));
        } catch (IllegalArgumentException e) {
            vm.reportError("Settings not applied: " + e.getMessage());
            return;
        }
        vm.rebuild();
        onApplied.run();
    }

    private SocketOptions options(Side side) {
        int snd = 0;
        int rcv = 0;
        boolean nodelay = false;
        for (Item i : items) {
            if (i.side != side) {
                continue;
            }
            switch (i.option) {
                case "SO_SNDBUF" -> snd = ((Number) i.value).intValue();
                case "SO_RCVBUF" -> rcv = ((Number) i.value).intValue();
                default -> nodelay = (Boolean) i.value;
            }
        }
        return new SocketOptions(snd, rcv, nodelay);
    }

    private void load(Side side, SocketOptions o) {
        for (Item i : items) {
            if (i.side == side) {
                i.value = switch (i.option) {
                    case "SO_SNDBUF" -> o.sndbuf();
                    case "SO_RCVBUF" -> o.rcvbuf();
                    default -> o.nodelay();
                };
            }
        }
    }

    /** One option of one side. */
    private static final class Item implements PropertySheet.Item {
        final Side side;
        final String option;
        final Class<?> type;
        final String description;
        Object value;

        Item(Side side, String option, Class<?> type, String description) {
            this.side = side;
            this.option = option;
            this.type = type;
            this.description = description;
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return side.heading();
        }

        @Override
        public String getName() {
            return option;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object v) {
            value = v instanceof Number n && type == Integer.class ? Integer.valueOf(n.intValue()) : v;
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
