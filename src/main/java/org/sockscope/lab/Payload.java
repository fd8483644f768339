package org.sockscope.lab;

/**
 * The bytes SockScope sends: every byte of call {@code k} is the letter {@link #tag(long)}, so the
 * receiver's bytes tell which send() they came from, and a run-length text of them
 * ({@code "A×60 B×40"}) is what the trace keeps.
 */
public final class Payload {
    private Payload() {
    }

    /** The letter for call id {@code callId}: A for 1, B for 2, …, wrapping after Z. */
    public static char tag(long callId) {
        return (char) ('A' + Math.floorMod(callId - 1, 26));
    }

    /** A per-thread buffer reused by every call of an actor: streaming makes no garbage per call. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);

    /**
     * A buffer whose first {@code length} bytes are call {@code callId}'s tag. The array is this
     * thread's scratch buffer (it may be longer): use it before the thread's next call.
     */
    public static byte[] fill(long callId, int length) {
        byte[] b = scratch(length);
        java.util.Arrays.fill(b, 0, length, (byte) tag(callId));
        return b;
    }

    /** This thread's scratch buffer, at least {@code length} bytes long (contents undefined). */
    public static byte[] scratch(int length) {
        byte[] b = SCRATCH.get();
        if (b.length < length) {
            b = new byte[Math.max(length, b.length * 2)];
            SCRATCH.set(b);
        }
        return b;
    }

    /** Run-length text of {@code data[0..n)}: {@code "A×60 B×40"}; empty for n ≤ 0. */
    public static String describe(byte[] data, int n) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && data[j] == data[i]) {
                j++;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            int c = data[i] & 0xff;
            sb.append(c >= 0x21 && c < 0x7f ? Character.toString(c) : String.format("0x%02x", c)).append('×').append(j - i);
            i = j;
        }
        return sb.toString();
    }
}
