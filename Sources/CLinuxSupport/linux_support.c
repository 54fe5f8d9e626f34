/* The bodies of include/linux_support.h, with the GNU extensions they need. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/vfs.h>
#include <sys/wait.h>

#include "linux_support.h"

/* Asks the kernel to send `signal` to this process when its parent dies (prctl is variadic). */
int gloss_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

/* fcntl(F_SETLEASE) (fcntl is variadic). Returns 0, or -1 with errno. */
int gloss_set_lease(int fd, int type) {
    return fcntl(fd, F_SETLEASE, type);
}

/* Whether child `pid` has ended, without reaping it (waitid with WNOWAIT, so whoever owns the
   child still collects it). Returns 1 if it has ended, with *signal the signal that killed it
   (0 if it exited) and *status its exit status; 0 if it is still running; -1 with errno if it
   is not a waitable child (already reaped: ECHILD). */
int gloss_child_ended(pid_t pid, int *signal, int *status) {
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

/* pipe2(O_CLOEXEC): neither end leaks into a child unless it is placed there on purpose.
   Returns 0, or -1 with errno. */
int gloss_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

/* Starts `path` with `argv` and `envp` (NULL-terminated) as the leader of a process group of its
   own, with `input` as its standard input and `output` as its standard output; standard error is
   inherited, every other descriptor is closed, all signals have their default disposition and
   none is blocked (the parent may ignore or block some for its own signal handling). Returns 0
   and sets *pid, or an errno value (posix_spawn does not set errno). */
int gloss_spawn(const char *path, char *const argv[], char *const envp[], int input, int output, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    sigset_t defaults, mask;
    /* An end that sits at 0, 1 or 2 (the parent's own were closed) is moved up first, so that
       placing one end cannot overwrite the other. */
    int in = input <= STDERR_FILENO ? fcntl(input, F_DUPFD_CLOEXEC, STDERR_FILENO + 1) : input;
    int out = output <= STDERR_FILENO ? fcntl(output, F_DUPFD_CLOEXEC, STDERR_FILENO + 1) : output;
    int error = (in < 0 || out < 0) ? errno : posix_spawn_file_actions_init(&actions);
    if (error) goto moved;
    error = posix_spawnattr_init(&attributes);
    if (error) {
        posix_spawn_file_actions_destroy(&actions);
        goto moved;
    }
    sigfillset(&defaults);
    sigdelset(&defaults, SIGKILL);
    sigdelset(&defaults, SIGSTOP);
    sigemptyset(&mask);
    error = posix_spawn_file_actions_adddup2(&actions, in, STDIN_FILENO);
    if (!error) error = posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
    if (!error) error = posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    if (!error) error = posix_spawnattr_setsigdefault(&attributes, &defaults);
    if (!error) error = posix_spawnattr_setsigmask(&attributes, &mask);
    if (!error) error = posix_spawnattr_setpgroup(&attributes, 0);
    if (!error) error = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    if (!error) error = posix_spawn(pid, path, &actions, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
moved:
    if (in >= 0 && in != input) close(in);
    if (out >= 0 && out != output) close(out);
    return error;
}

