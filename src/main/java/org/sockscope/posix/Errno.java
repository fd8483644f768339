package org.sockscope.posix;

import java.util.Map;

/**
 * Linux errno values with their C names and glibc messages. x86_64 and aarch64 share the
 * asm-generic numbering, so one table serves both.
 */
public final class Errno {
    private Errno() {
    }

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    /** Same value as {@link #EAGAIN} on Linux. */
    public static final int EWOULDBLOCK = EAGAIN;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int EINVAL = 22;
    public static final int ENFILE = 23;
    public static final int EMFILE = 24;
    public static final int ENOTTY = 25;
    public static final int ENOSPC = 28;
    public static final int ESPIPE = 29;
    public static final int EPIPE = 32;
    public static final int ENOSYS = 38;
    public static final int ENOTSOCK = 88;
    public static final int EDESTADDRREQ = 89;
    public static final int EMSGSIZE = 90;
    public static final int EPROTOTYPE = 91;
    public static final int ENOPROTOOPT = 92;
    public static final int EPROTONOSUPPORT = 93;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int EADDRINUSE = 98;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENETUNREACH = 101;
    public static final int ECONNABORTED = 103;
    public static final int ECONNRESET = 104;
    public static final int ENOBUFS = 105;
    public static final int EISCONN = 106;
    public static final int ENOTCONN = 107;
    public static final int ESHUTDOWN = 108;
    public static final int ETIMEDOUT = 110;
    public static final int ECONNREFUSED = 111;
    public static final int EALREADY = 114;
    public static final int EINPROGRESS = 115;

    private record Entry(String name, String message) {
    }

    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            Map.entry(EPERM, new Entry("EPERM", "Operation not permitted")),
            Map.entry(ENOENT, new Entry("ENOENT", "No such file or directory")),
            Map.entry(EINTR, new Entry("EINTR", "Interrupted system call")),
            Map.entry(EIO, new Entry("EIO", "Input/output error")),
            Map.entry(EBADF, new Entry("EBADF", "Bad file descriptor")),
            Map.entry(EAGAIN, new Entry("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(ENOMEM, new Entry("ENOMEM", "Cannot allocate memory")),
            Map.entry(EACCES, new Entry("EACCES", "Permission denied")),
            Map.entry(EFAULT, new Entry("EFAULT", "Bad address")),
            Map.entry(EBUSY, new Entry("EBUSY", "Device or resource busy")),
            Map.entry(EEXIST, new Entry("EEXIST", "File exists")),
            Map.entry(EINVAL, new Entry("EINVAL", "Invalid argument")),
            Map.entry(ENFILE, new Entry("ENFILE", "Too many open files in system")),
            Map.entry(EMFILE, new Entry("EMFILE", "Too many open files")),
            Map.entry(ENOTTY, new Entry("ENOTTY", "Inappropriate ioctl for device")),
            Map.entry(ENOSPC, new Entry("ENOSPC", "No space left on device")),
            Map.entry(ESPIPE, new Entry("ESPIPE", "Illegal seek")),
            Map.entry(EPIPE, new Entry("EPIPE", "Broken pipe")),
            Map.entry(ENOSYS, new Entry("ENOSYS", "Function not implemented")),
            Map.entry(ENOTSOCK, new Entry("ENOTSOCK", "Socket operation on non-socket")),
            Map.entry(EDESTADDRREQ, new Entry("EDESTADDRREQ", "Destination address required")),
            Map.entry(EMSGSIZE, new Entry("EMSGSIZE", "Message too long")),
            Map.entry(EPROTOTYPE, new Entry("EPROTOTYPE", "Protocol wrong type for socket")),
            Map.entry(ENOPROTOOPT, new Entry("ENOPROTOOPT", "Protocol not available")),
            Map.entry(EPROTONOSUPPORT, new Entry("EPROTONOSUPPORT", "Protocol not supported")),
            Map.entry(EOPNOTSUPP, new Entry("EOPNOTSUPP", "Operation not supported")),
            Map.entry(EAFNOSUPPORT, new Entry("EAFNOSUPPORT", "Address family not supported by protocol")),
            Map.entry(EADDRINUSE, new Entry("EADDRINUSE", "Address already in use")),
            Map.entry(EADDRNOTAVAIL, new Entry("EADDRNOTAVAIL", "Cannot assign requested address")),
            Map.entry(ENETUNREACH, new Entry("ENETUNREACH", "Network is unreachable")),
            Map.entry(ECONNABORTED, new Entry("ECONNABORTED", "Software caused connection abort")),
            Map.entry(ECONNRESET, new Entry("ECONNRESET", "Connection reset by peer")),
            Map.entry(ENOBUFS, new Entry("ENOBUFS", "No buffer space available")),
            Map.entry(EISCONN, new Entry("EISCONN", "Transport endpoint is already connected")),
            Map.entry(ENOTCONN, new Entry("ENOTCONN", "Transport endpoint is not connected")),
            Map.entry(ESHUTDOWN, new Entry("ESHUTDOWN", "Cannot send after transport endpoint shutdown")),
            Map.entry(ETIMEDOUT, new Entry("ETIMEDOUT", "Connection timed out")),
            Map.entry(ECONNREFUSED, new Entry("ECONNREFUSED", "Connection refused")),
            Map.entry(EALREADY, new Entry("EALREADY", "Operation already in progress")),
            Map.entry(EINPROGRESS, new Entry("EINPROGRESS", "Operation now in progress")));

    /** The C name ({@code "EAGAIN"}), {@code ""} for 0, or {@code "errno N"} for an unlisted value. */
    public static String name(int errno) {
        if (errno == 0) {
            return "";
        }
        Entry e = TABLE.get(errno);
        return e != null ? e.name() : "errno " + errno;
    }

    /** The C name with its alias where Linux gives one value two names ({@code "EAGAIN/EWOULDBLOCK"}). */
    public static String nameWithAlias(int errno) {
        return errno == EAGAIN ? "EAGAIN/EWOULDBLOCK" : name(errno);
    }

    /** glibc's {@code strerror} text for the value. */
    public static String message(int errno) {
        if (errno == 0) {
            return "Success";
        }
        Entry e = TABLE.get(errno);
        return e != null ? e.message() : "Unknown error " + errno;
    }

    /** The value for a C name (either alias accepted), or -1 when unknown. */
    public static int valueOf(String name) {
        if ("EWOULDBLOCK".equals(name)) {
            return EAGAIN;
        }
        for (Map.Entry<Integer, Entry> e : TABLE.entrySet()) {
            if (e.getValue().name().equals(name)) {
                return e.getKey();
            }
        }
        return -1;
    }
}
