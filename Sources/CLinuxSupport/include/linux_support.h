/* Linux calls Swift cannot make directly because they are variadic or macros. The bodies are in
   linux_support.c, compiled with _GNU_SOURCE (F_SETLEASE, pipe2,
   posix_spawn_file_actions_addclosefrom_np); this header declares them with plain types only, so
   that it defines no system struct differently from the other C modules a Swift file imports
   (glibc's fd_set has another field name under _GNU_SOURCE, and two definitions of one struct
   in two modules break a clean build). */
#ifndef GLOSS_LINUX_SUPPORT_H
#define GLOSS_LINUX_SUPPORT_H

#include <sys/types.h>
#include <sys/vfs.h> /* statfs, for SpoolWatcher */

/* Asks the kernel to send `signal` to this process when its parent dies (prctl is variadic). */
int gloss_set_parent_death_signal(int signal);

/* fcntl(F_SETLEASE) (fcntl is variadic). Returns 0, or -1 with errno. */
int gloss_set_lease(int fd, int type);

/* Whether child `pid` has ended, without reaping it (waitid with WNOWAIT, so whoever owns the
   child still collects it). Returns 1 if it has ended, with *signal the signal that killed it
   (0 if it exited) and *status its exit status; 0 if it is still running; -1 with errno if it
   is not a waitable child (already reaped: ECHILD). */
int gloss_child_ended(pid_t pid, int *signal, int *status);

/* pipe2(O_CLOEXEC): neither end leaks into a child unless it is placed there on purpose.
   Returns 0, or -1 with errno. */
int gloss_pipe_cloexec(int fds[2]);

/* Starts `path` with `argv` and `envp` (NULL-terminated) as the leader of a process group of its
   own, with `input` as its standard input and `output` as its standard output; standard error is
   inherited, every other descriptor is closed, all signals have their default disposition and
   none is blocked (the parent may ignore or block some for its own signal handling). Returns 0
   and sets *pid, or an errno value (posix_spawn does not set errno). */
int gloss_spawn(const char *path, char *const argv[], char *const envp[], int input, int output, pid_t *pid);

#endif
