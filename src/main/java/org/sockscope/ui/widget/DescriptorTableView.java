package org.sockscope.ui.widget;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import java.util.List;

/**
 * A process's descriptor table like the lecture's: the descriptors the lab opened, with their
 * numbers large; the rest of the table folded into one expandable line.
 */
public final class DescriptorTableView extends Control {
    /** The style class of every DescriptorTableView. */
    public static final String DEFAULT_STYLE_CLASS = "descriptor-table";

    private final ObjectProperty<List<DescriptorRow>> rows = new SimpleObjectProperty<>(this, "rows", List.of());
    private final ObjectProperty<FoldedDescriptors> folded =
            new SimpleObjectProperty<>(this, "folded", FoldedDescriptors.UNKNOWN);
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", false);
    private final StringProperty title = new SimpleStringProperty(this, "title", "Descriptor table");

    /** An empty table. */
    public DescriptorTableView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
    }

    /** The lab's descriptors, by number. */
    public final ObjectProperty<List<DescriptorRow>> rowsProperty() {
        return rows;
    }

    public final List<DescriptorRow> getRows() {
        return rows.get();
    }

    /** The folded rest of the table. */
    public final ObjectProperty<FoldedDescriptors> foldedProperty() {
        return folded;
    }

    /** True while the folded line is expanded. */
    public final BooleanProperty expandedProperty() {
        return expanded;
    }

    /** The heading. */
    public final StringProperty titleProperty() {
        return title;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new DescriptorTableSkin(this);
    }

    /** Its text wraps on a narrow screen: a parent must ask its height for the width it gives. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }
}
