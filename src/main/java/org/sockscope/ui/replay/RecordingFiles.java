package org.sockscope.ui.replay;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** File ▸ Open recording… and File ▸ Save recording…: the choosers, and saving off the FX thread. */
public final class RecordingFiles {
    private RecordingFiles() {
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("SockScope recordings (*" + RecordingFile.EXTENSION + ")", "*" + RecordingFile.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    /** Asks for a recording to open; empty when the user cancelled. */
    public static Optional<Path> chooseToOpen(Window owner) {
        File f = chooser("Open recording").showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** Asks where to save a recording; empty when the user cancelled. */
    public static Optional<Path> chooseToSave(Window owner, String suggestedName) {
        FileChooser c = chooser("Save recording");
        c.setInitialFileName(suggestedName + RecordingFile.EXTENSION);
        File f = c.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /**
     * Writes {@code r} to {@code file} on a thread of its own; completes with the sentence for the
     * status bar ({@code Saved 1,234 events to …} or {@code Could not save …: why}). Never fails.
     */
    public static CompletableFuture<String> save(Recording r, Path file) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread.ofPlatform().name("save-recording").daemon(true).start(() -> {
            try {
                Recording now = r.frozen(); // a live trace goes on growing while it is written
                RecordingFile.write(now, file);
                done.complete(String.format("Saved %,d events to %s (File ▸ Open recording… or sockscope --replay replays it anywhere)",
                        now.trace().size(), file));
            } catch (IOException | RuntimeException e) {
                done.complete("Could not save the recording " + file + ": " + e.getMessage());
            }
        });
        return done;
    }
}
