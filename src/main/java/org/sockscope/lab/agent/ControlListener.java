package org.sockscope.lab.agent;

import org.sockscope.lab.LabException;
import org.sockscope.posix.Errno;
import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SockAddr;
import org.sockscope.posix.SysResult;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a process that another process actor spawned reports to the app: a listening socket on
 * 127.0.0.1. The spawned process connects and names itself by a one-time token it was given on
 * its command line; a connection without an expected token is closed. (Its parent cannot hand it
 * a channel of the app's: the app never passes its descriptors to a lesson's process.)
 */
final class ControlListener implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A spawned process that reported: its control channel and its pid. */
    record Joined(Channel channel, int pid) {
    }

    private final int fd;
    private final int port;
    private final Map<String, CompletableFuture<Joined>> expected = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private ControlListener(int fd, int port) {
        this.fd = fd;
        this.port = port;
        Thread.ofPlatform().name("control-listener").daemon(true).start(this::acceptLoop);
    }

    /** Listens on 127.0.0.1 at a port the kernel picks. */
    static ControlListener open() throws LabException {
        SysResult s = Libc.socket(LinuxAbi.AF_INET, LinuxAbi.SOCK_STREAM, 0);
        if (s.failed()) {
            throw new LabException("socket() for the control listener failed: " + Errno.name(s.errno()));
        }
        int fd = s.intValue();
        SysResult b = Libc.bind(fd, SockAddr.loopback(0));
        SysResult l = b.failed() ? b : Libc.listen(fd, 64);
        SockAddr at = l.failed() ? null : Libc.getsockname(fd);
        if (at == null) {
            Libc.close(fd);
            throw new LabException("the control listener could not listen on 127.0.0.1: " + Errno.name(l.errno()));
        }
        return new ControlListener(fd, at.port());
    }

    /** The control argument for a process to be spawned ({@code tcp:PORT:TOKEN}); {@code joined} completes when it reports. */
    String expect(CompletableFuture<Joined> joined) {
        byte[] t = new byte[16];
        RANDOM.nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        expected.put(token, joined);
        joined.whenComplete((j, e) -> expected.remove(token));
        return "tcp:" + port + ":" + token;
    }

    private void acceptLoop() {
        while (!closing) {
            SysResult r = Libc.accept(fd);
            if (r.failed()) {
                if (r.errno() == Errno.EINTR || r.errno() == Errno.ECONNABORTED) {
                    continue;
                }
                return; // closed
            }
            int s = r.intValue();
            Thread.ofPlatform().name("control-greet").daemon(true).start(() -> greet(s));
        }
    }

    /** Reads the first message; hands the channel to whoever expects its token, or closes it. */
    private void greet(int s) {
        Channel channel = new Channel(s);
        try {
            if (channel.receive(Message.class) instanceof Message.Joined j) {
                CompletableFuture<Joined> f = expected.remove(j.token());
                if (f != null) {
                    f.complete(new Joined(channel, j.pid()));
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not one of ours: closed below
        }
        Libc.close(s);
    }

    @Override
    public void close() {
        closing = true;
        Libc.shutdown(fd, LinuxAbi.SHUT_RDWR); // wakes accept()
        Libc.close(fd);
        expected.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the app's control listener closed")));
    }
}
