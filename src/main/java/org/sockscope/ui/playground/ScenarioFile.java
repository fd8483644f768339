package org.sockscope.ui.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;

/** Writes a saved scenario's text to disk off the FX thread, whole or not at all. No JavaFX. */
final class ScenarioFile {
    private ScenarioFile() {
    }

    /**
     * Writes {@code yaml} to {@code file} on a thread of its own: into a temporary file beside it,
     * then moved over it, so a failure never leaves half a file (nor spoils one that was there).
     * Completes with the file, or exceptionally with an {@link UncheckedIOException} saying which
     * file and why.
     */
    static CompletableFuture<Path> write(String yaml, Path file) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        Thread.ofPlatform().name("save-scenario").daemon(true).start(() -> {
            Path target = file.toAbsolutePath();
            Path tmp = null;
            try {
                tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                done.complete(file);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp);
                done.completeExceptionally(new UncheckedIOException("Could not save the scenario to " + file + ": "
                        + reason(e), e instanceof IOException io ? io : new IOException(e)));
            }
        });
        return done;
    }

    private static String reason(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException n -> "no such folder or file (" + n.getFile() + ")";
            case java.nio.file.AccessDeniedException a -> "permission denied (" + a.getFile() + ")";
            case java.nio.file.FileSystemException f -> f.getReason() != null ? f.getReason() + " (" + f.getFile() + ")" : f.toString();
            default -> e.getMessage() != null ? e.getMessage() : e.toString();
        };
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do: the message says the save failed
            }
        }
    }
}
