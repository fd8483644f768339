/*
 * SockScope's call meter: makes one libc call between two readings of the calling thread's kernel
 * counters, all in one native frame.
 *
 * Why native: through FFM, every downcall returns to Java, and at that native-to-Java transition
 * the JVM may park the thread (a safepoint, a handshake), which is a voluntary context switch the
 * kernel counts in ru_nvcsw. Read from Java, "the thread slept during the call" could then be the
 * JVM's sleep, not the kernel's. Here nothing runs between the readings but the call itself.
 *
 * The call is made through a generic six-argument pointer: on x86_64 SysV and AArch64 AAPCS64
 * every integer or pointer argument travels in its own 64-bit register, so a function taking
 * fewer (or narrower) integer arguments reads exactly the ones it declares. int_ret says the
 * function returns int, whose upper register half is undefined and must not be read.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/resource.h>
#include <time.h>

struct ss_meter {
    long ret;
    long err;
    long wall0, wall1;   /* CLOCK_MONOTONIC, ns */
    long cpu0, cpu1;     /* CLOCK_THREAD_CPUTIME_ID, ns */
    long nvcsw0, nvcsw1; /* voluntary context switches of this thread */
    long nivcsw0, nivcsw1;
};

typedef long (*long_fn)(long, long, long, long, long, long);
typedef int (*int_fn)(long, long, long, long, long, long);

static long ns(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

long ss_metered(void *fn, int int_ret, long a0, long a1, long a2, long a3, long a4, long a5, struct ss_meter *m) {
    struct rusage ru;
    getrusage(RUSAGE_THREAD, &ru);
    m->nvcsw0 = ru.ru_nvcsw;
    m->nivcsw0 = ru.ru_nivcsw;
    m->cpu0 = ns(CLOCK_THREAD_CPUTIME_ID);
    m->wall0 = ns(CLOCK_MONOTONIC);

    errno = 0;
    long ret = int_ret ? (long) ((int_fn) fn)(a0, a1, a2, a3, a4, a5) : ((long_fn) fn)(a0, a1, a2, a3, a4, a5);
    int err = errno;

    m->wall1 = ns(CLOCK_MONOTONIC);
    m->cpu1 = ns(CLOCK_THREAD_CPUTIME_ID);
    getrusage(RUSAGE_THREAD, &ru);
    m->nvcsw1 = ru.ru_nvcsw;
    m->nivcsw1 = ru.ru_nivcsw;
    m->ret = ret;
    m->err = ret == -1 ? err : 0;
    return ret;
}
