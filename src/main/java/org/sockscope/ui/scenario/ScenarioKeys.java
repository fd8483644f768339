package org.sockscope.ui.scenario;

import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Locale;

/**
 * The scenario mode's keys, for a lecture hall (presenter clickers send Page Down / Page Up):
 * Space, → or Page Down: next · ← or Page Up: back (review) · A–E: pick · Enter: reveal ·
 * Home: reset · End: run to end · P: autoplay · + / −: faster / slower · F5: run again to here.
 * Keys with Ctrl, Alt or Meta are left to the menus.
 */
final class ScenarioKeys {
    /** The keys as the Help text lists them. */
    static final String HELP = """
            Space, → or Page Down   next step (while reviewing: the next recorded step)
            ← or Page Up            back: review the recorded moment after the previous step
            A … E                   pick a choice of the question
            Enter                   reveal: run the question's steps, show what the kernel did
            Home                    reset: a fresh lab, before step 1
            End                     run to the end
            P                       autoplay on/off     + / −   faster / slower
            F5                      run again to here (replay from a fresh lab)""";

    private ScenarioKeys() {
    }

    /** Handles {@code e} (a KEY_PRESSED filter on the scenario view); consumes what it handles. */
    static void handle(KeyEvent e, ScenarioViewModel vm) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        Node target = e.getTarget() instanceof Node n ? n : null;
        if (target instanceof TextInputControl) {
            return;
        }
        // Arrows, Space and Enter belong to a control that uses them (the picker, a list, the log, the pace slider).
        boolean navigates = target instanceof ComboBoxBase || target instanceof ListView || target instanceof Slider
                || target instanceof TableView;
        KeyCode code = e.getCode();
        boolean handled = true;
        switch (code) {
            case PAGE_DOWN -> vm.next();
            case PAGE_UP -> vm.previous();
            case SPACE, RIGHT -> {
                if (navigates) {
                    return;
                }
                vm.next();
            }
            case LEFT -> {
                if (navigates) {
                    return;
                }
                vm.previous();
            }
            case ENTER -> {
                if (navigates) {
                    return;
                }
                vm.reveal();
            }
            case HOME -> vm.reset();
            case END -> vm.runToEnd();
            case F5 -> vm.runAgainToHere();
            case PLUS, ADD, EQUALS -> vm.secondsPerStepProperty().set(Math.max(0.5, vm.secondsPerStepProperty().get() / 1.5));
            case MINUS, SUBTRACT -> vm.secondsPerStepProperty().set(Math.min(8, vm.secondsPerStepProperty().get() * 1.5));
            default -> handled = letter(code, vm);
        }
        if (handled) {
            e.consume();
        }
    }

    /** A choice's letter picks it; P toggles autoplay (unless a choice is called P). */
    private static boolean letter(KeyCode code, ScenarioViewModel vm) {
        if (!code.isLetterKey()) {
            return false;
        }
        String letter = code.getName().toUpperCase(Locale.ROOT);
        if (vm.question().flatMap(q -> q.choice(letter)).isPresent()) {
            vm.pick(letter);
            return true;
        }
        if (letter.equals("P")) {
            vm.autoplayProperty().set(!vm.autoplayProperty().get() && vm.readyProperty().get());
            return true;
        }
        return false;
    }
}
