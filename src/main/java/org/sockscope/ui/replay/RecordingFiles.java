package org.sockscope.ui.replay;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sockscope.trace.ChromeTrace;
import org.sockscope.trace.Recording;
import org.sockscope.trace.RecordingFile;
import org.sockscope.trace.StraceText;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** File ▸ Open recording…, Save recording… and Export…: the choosers, and writing off the FX thread. */
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

    /** Asks where to export a run; a name ending {@code .json} gets Chrome Trace Event JSON, any other strace-style text. */
    public static Optional<Path> chooseToExport(Window owner, String suggestedName) {
        FileChooser c = new FileChooser();
        c.setTitle("Export for other tools");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Chrome Trace Event JSON, for Perfetto (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("strace-style text (*.txt)", "*.txt"));
        c.setInitialFileName(suggestedName + ".json");
        File f = c.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** Writes {@code r} for other tools on a thread of its own (see {@link #chooseToExport}); completes with the status sentence. */
    public static CompletableFuture<String> export(Callable<Recording> r, Path file) {
        boolean chrome = file.getFileName().toString().endsWith(".json");
        return offThread("export-run", r, now -> {
            Files.writeString(file, chrome ? ChromeTrace.of(now) : StraceText.of(now));
            return "Exported " + now.trace().size() + " events to " + file
                    + (chrome ? " as Chrome Trace Event JSON (open it in ui.perfetto.dev)" : " as strace-style text");
        }, "Could not export to " + file + ": ");
    }

    /**
     * Makes the recording {@code r} and writes it to {@code file} on a thread of its own; completes with the sentence for the
     * status bar ({@code Saved 1,234 events to …} or {@code Could not save …: why}). Never fails.
     */
    public static CompletableFuture<String> save(Callable<Recording> r, Path file) {
        return offThread("save-recording", r, now -> {
            RecordingFile.write(now, file);
            return String.format("Saved %,d events to %s (File ▸ Open recording… or sockscope --replay replays it anywhere)",
                    now.trace().size(), file);
        }, "Could not save the recording " + file + ": ");
    }

    /** Writing that can fail, given the run as it is now. */
    private interface Write {
        String to(Recording now) throws IOException;
    }

    /**
     * Makes the recording ({@code r}), freezes it (a live trace goes on growing) and runs {@code w} on
     * it, all on a thread of its own; never fails.
     */
    private static CompletableFuture<String> offThread(String name, Callable<Recording> r, Write w, String failure) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread.ofPlatform().name(name).daemon(true).start(() -> {
            try {
                done.complete(w.to(r.call().frozen()));
            } catch (Exception e) {
                done.complete(failure + e.getMessage());
            }
        });
        return done;
    }
}
