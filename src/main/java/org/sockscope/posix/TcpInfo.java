package org.sockscope.posix;

/**
 * The fields of Linux's {@code struct tcp_info} that SockScope shows, read with
 * {@code getsockopt(fd, IPPROTO_TCP, TCP_INFO)}. Offsets are from {@code include/uapi/linux/tcp.h}.
 *
 * @param state          {@code tcpi_state}, a kernel TCP state number
 * @param unacked        {@code tcpi_unacked}, segments sent but not acknowledged; on a listening
 *                       socket, the connections waiting in its accept queue
 * @param sacked         {@code tcpi_sacked}, segments selectively acknowledged; on a listening
 *                       socket, its backlog (the accept queue's limit)
 * @param rttMicros      {@code tcpi_rtt}
 * @param bytesAcked     {@code tcpi_bytes_acked}
 * @param bytesReceived  {@code tcpi_bytes_received}
 * @param notsentBytes   {@code tcpi_notsent_bytes}
 * @param sndWnd         {@code tcpi_snd_wnd}, the peer's advertised window
 * @param rcvWnd         {@code tcpi_rcv_wnd}, the window this socket advertises
 */
public record TcpInfo(int state, int unacked, int sacked, int rttMicros, long bytesAcked, long bytesReceived,
                      int notsentBytes, int sndWnd, int rcvWnd) {

    static final int BUFFER_SIZE = 512;
    static final int OFF_STATE = 0;
    static final int OFF_UNACKED = 24;
    static final int OFF_SACKED = 28;
    static final int OFF_RTT = 68;
    static final int OFF_BYTES_ACKED = 120;
    static final int OFF_BYTES_RECEIVED = 128;
    static final int OFF_NOTSENT = 144;
    static final int OFF_SND_WND = 228;
    static final int OFF_RCV_WND = 232;
    /** The kernel must fill at least this much for every field above to be present (Linux ≥ 5.4). */
    static final int MIN_LENGTH = OFF_RCV_WND + 4;

    /** The state's name ({@code "ESTABLISHED"}). */
    public String stateName() {
        return LinuxAbi.tcpStateName(state);
    }
}
