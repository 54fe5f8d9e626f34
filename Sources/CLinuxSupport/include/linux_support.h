/* Linux calls Swift cannot make directly because they are variadic or macros. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* F_SETLEASE */
#endif
#ifndef GLOSS_LINUX_SUPPORT_H
#define GLOSS_LINUX_SUPPORT_H

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/vfs.h>
#include <sys/wait.h>

/* Asks the kernel to send `signal` to this process when its parent dies (prctl is variadic). */
static inline int gloss_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

/* fcntl(F_SETLEASE) (fcntl is variadic). Returns 0, or -1 with errno. */
static inline int gloss_set_lease(int fd, int type) {
    return fcntl(fd, F_SETLEASE, type);
}

/* Whether child `pid` has ended, without reaping it (waitid with WNOWAIT, so whoever owns the
   child still collects it). Returns 1 if it has ended, with *signal the signal that killed it
   (0 if it exited) and *status its exit status; 0 if it is still running; -1 with errno if it
   is not a waitable child (already reaped: ECHILD). */
static inline int gloss_child_ended(pid_t pid, int *signal, int *status) {
    siginfo_t info;
    info.si_pid = 0;
    if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT | WNOHANG) != 0) return -1;
    if (info.si_pid == 0) return 0;
    if (info.si_code == CLD_EXITED) {
        *signal = 0;
        *status = info.si_status;
    } else {
        *signal = info.si_status;
        *status = info.si_status;
    }
    return 1;
}

#endif
