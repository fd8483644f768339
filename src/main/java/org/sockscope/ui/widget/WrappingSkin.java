package org.sockscope.ui.widget;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.SkinBase;

/**
 * A skin whose children's text wraps: SkinBase asks its children's height without a width, so
 * this one gives them the width it was given (a wrapped label then reports its real height).
 */
abstract class WrappingSkin<C extends Control> extends SkinBase<C> {

    WrappingSkin(C control) {
        super(control);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        if (width < 0) {
            return super.computePrefHeight(width, top, right, bottom, left);
        }
        double h = 0;
        for (Node n : getChildren()) {
            if (n.isManaged()) {
                h = Math.max(h, n.prefHeight(width - left - right));
            }
        }
        return top + h + bottom;
    }
}
