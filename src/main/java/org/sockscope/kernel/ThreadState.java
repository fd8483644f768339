package org.sockscope.kernel;

/**
 * A thread's state as the kernel tells it in {@code /proc/<pid>/task/<tid>/{stat,wchan,syscall}}.
 *
 * @param state       the one-letter state from {@code stat} (R running, S sleeping, D disk sleep, …)
 * @param wchan       the kernel function it sleeps in ({@code wait_woken}), or empty when running
 * @param syscallNr   the system call it is in, -1 when running in user space or unknown
 * @param syscallName that call's name for this architecture ({@code recvfrom}), or empty
 * @param firstArg    the call's first argument (the descriptor for I/O calls), -1 when unknown
 */
public record ThreadState(char state, String wchan, int syscallNr, String syscallName, long firstArg) {

    /** True when the kernel says the thread sleeps (S or D). */
    public boolean sleeping() {
        return state == 'S' || state == 'D';
    }

    /** True when the thread sleeps inside a system call the kernel named. */
    public boolean sleepingInSyscall() {
        return sleeping() && syscallNr >= 0;
    }
}
