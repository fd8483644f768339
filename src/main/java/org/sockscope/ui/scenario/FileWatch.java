package org.sockscope.ui.scenario;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Tells when one file's text changes (editors save by writing or by replacing it): the kernel's
 * inotify, through a {@link WatchService} on the file's folder, read by a daemon thread that also
 * reads the file, so a save that leaves the text as it was tells nothing. {@code changed} runs on
 * that thread; the caller hands it on.
 */
final class FileWatch implements AutoCloseable {
    private final WatchService service;

    private FileWatch(WatchService service) {
        this.service = service;
    }

    /** Watches {@code file}; empty when its folder cannot be watched (the file still loads, it just does not reload). */
    static java.util.Optional<FileWatch> of(Path file, Runnable changed) {
        Path dir = file.toAbsolutePath().getParent();
        Path name = file.getFileName();
        try {
            WatchService ws = dir.getFileSystem().newWatchService();
            dir.register(ws, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            Thread.ofPlatform().name("watch-" + name).daemon(true).start(() -> run(ws, file, changed));
            return java.util.Optional.of(new FileWatch(ws));
        } catch (IOException | UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
    }

    private static void run(WatchService ws, Path file, Runnable changed) {
        Path name = file.getFileName();
        String last = text(file);
        try {
            while (true) {
                WatchKey key = ws.take();
                boolean ours = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    ours |= name.equals(e.context());
                }
                key.reset();
                String now = ours ? text(file) : null;
                if (now != null && !now.equals(last)) {
                    last = now;
                    changed.run();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the scenario was replaced or the window closed
        }
    }

    /** The file's text, or null while it cannot be read (replaced while being written: the next event reads it). */
    private static String text(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // the watch thread ends either way
        }
    }
}
