package org.sockscope.kernel;

import org.sockscope.posix.Libc;
import org.sockscope.posix.LinuxAbi;
import org.sockscope.posix.SockAddr;
import org.sockscope.posix.SysResult;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A process's descriptor table from {@code /proc/<pid>/fd}. For this process's own sockets the
 * addresses and TCP state come from getsockname/getpeername/TCP_INFO (exact and cheap, unlike
 * parsing {@code /proc/net/tcp}).
 */
public final class DescriptorTable {
    private DescriptorTable() {
    }

    /** This process's table, sorted by number. */
    public static List<Descriptor> self() {
        return read(Libc.getpid());
    }

    /** The table of process {@code pid}, sorted by number; empty when it cannot be read. */
    public static List<Descriptor> read(int pid) {
        try {
            return OwnFiles.read(() -> readTable(pid));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Descriptor> readTable(int pid) throws IOException {
        Path dir = Path.of("/proc", Integer.toString(pid), "fd");
        boolean own = pid == Libc.getpid();
        List<Descriptor> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                int fd;
                try {
                    fd = Integer.parseInt(entry.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                String target;
                try {
                    target = Files.readSymbolicLink(entry).toString();
                } catch (IOException e) {
                    continue; // closed between listing and reading: not in the table any more
                }
                if (target.equals(dir.toString()) || target.equals(dir.toAbsolutePath().toString())) {
                    continue; // the directory stream of this very listing, not a descriptor of the program
                }
                out.add(describe(pid, fd, target, own));
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparingInt(Descriptor::fd));
        return out;
    }

    /** One descriptor of this process, or null when it is not open. */
    public static Descriptor describeOwn(int fd) {
        int pid = Libc.getpid();
        try {
            String target = Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "fd", Integer.toString(fd))).toString();
            return describe(pid, fd, target, true);
        } catch (IOException e) {
            return null;
        }
    }

    /** Number of open descriptors of this process. */
    public static int countSelf() {
        try {
            return OwnFiles.read(() -> {
                try (var s = Files.list(Path.of("/proc/self/fd"))) {
                    return (int) s.count();
                }
            });
        } catch (IOException e) {
            return -1;
        }
    }

    static Descriptor describe(int pid, int fd, String target, boolean own) {
        if (target.startsWith("socket:")) {
            if (!own) {
                return new Descriptor(fd, Descriptor.Kind.SOCKET, -1, target, "", "", "");
            }
            SysResult cookie = Libc.socketCookie(fd);
            SockAddr local = Libc.getsockname(fd);
            SockAddr remote = Libc.getpeername(fd);
            return new Descriptor(fd, Descriptor.Kind.SOCKET, cookie.failed() ? -1 : cookie.value(), target,
                    local == null ? "" : local.toString(), remote == null ? "" : remote.toString(), SocketProbe.tcpState(fd));
        }
        if (target.startsWith("pipe:")) {
            int mode = accessMode(pid, fd);
            return Descriptor.of(fd, mode == LinuxAbi.O_WRONLY ? Descriptor.Kind.PIPE_WRITE : Descriptor.Kind.PIPE_READ,
                    Descriptor.inodeOf(target), target);
        }
        if (target.startsWith("anon_inode:")) {
            return Descriptor.of(fd, Descriptor.Kind.ANON_INODE, -1, target);
        }
        if (target.startsWith("/")) {
            return Descriptor.of(fd, Descriptor.Kind.FILE, -1, target);
        }
        return Descriptor.of(fd, Descriptor.Kind.OTHER, -1, target);
    }

    /** The O_ACCMODE bits of {@code /proc/<pid>/fdinfo/<fd>}'s octal flags line, -1 when unknown. */
    private static int accessMode(int pid, int fd) {
        try {
            Path info = Path.of("/proc", Integer.toString(pid), "fdinfo", Integer.toString(fd));
            for (String line : OwnFiles.read(() -> Files.readAllLines(info))) {
                if (line.startsWith("flags:")) {
                    return Integer.parseInt(line.substring(6).trim(), 8) & LinuxAbi.O_ACCMODE;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
