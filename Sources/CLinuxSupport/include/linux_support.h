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

/* Asks the kernel to send `signal` to this process when its parent dies (prctl is variadic). */
static inline int gloss_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

/* fcntl(F_SETLEASE) (fcntl is variadic). Returns 0, or -1 with errno. */
static inline int gloss_set_lease(int fd, int type) {
    return fcntl(fd, F_SETLEASE, type);
}

#endif
