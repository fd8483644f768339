package org.sockscope.posix;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** epoll through the bindings: the interest list in the kernel, the ready entries it returns, its errors. */
class EpollTest {

    @Test
    void epollWaitReturnsOnlyTheReadyDescriptorsWithTheirEvents() {
        Libc.PipeFds a = Libc.pipe();
        Libc.PipeFds b = Libc.pipe();
        int ep = Libc.epollCreate1(LinuxAbi.EPOLL_CLOEXEC).intValue();
        try {
            assertTrue(ep >= 0);
            assertEquals(0, Libc.epollCtl(ep, LinuxAbi.EPOLL_CTL_ADD, a.readFd(), LinuxAbi.EPOLLIN).value());
            assertEquals(0, Libc.epollCtl(ep, LinuxAbi.EPOLL_CTL_ADD, b.readFd(), LinuxAbi.EPOLLIN).value());
            List<Libc.EpollEvent> ready = new ArrayList<>();
            assertEquals(0, Libc.epollWait(ep, 8, 0, ready).value(), "nothing written yet");
            Libc.write(b.writeFd(), new byte[] {7}, 0, 1);
            assertEquals(1, Libc.epollWait(ep, 8, 1000, ready).value());
            assertEquals(List.of(new Libc.EpollEvent(b.readFd(), LinuxAbi.EPOLLIN)), ready, "the entry's data is the descriptor");
            ready.clear();
            Libc.close(a.writeFd());
            assertEquals(2, Libc.epollWait(ep, 8, 1000, ready).value());
            Libc.EpollEvent hup = ready.stream().filter(e -> e.fd() == a.readFd()).findFirst().orElseThrow();
            assertTrue((hup.events() & LinuxAbi.EPOLLHUP) != 0, "the writer is gone: a hang-up, " + hup);
            SysResult again = Libc.epollCtl(ep, LinuxAbi.EPOLL_CTL_ADD, b.readFd(), LinuxAbi.EPOLLIN);
            assertEquals(Errno.EEXIST, again.errno(), "already in the interest list: " + again);
            assertEquals(0, Libc.epollCtl(ep, LinuxAbi.EPOLL_CTL_DEL, b.readFd(), 0).value());
            ready.clear();
            Libc.epollWait(ep, 8, 0, ready);
            assertEquals(List.of(a.readFd()), ready.stream().map(Libc.EpollEvent::fd).toList(), "b left the list");
        } finally {
            Libc.close(ep);
            Libc.close(a.readFd());
            Libc.close(b.readFd());
            Libc.close(b.writeFd());
        }
    }
}
