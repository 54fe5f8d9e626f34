/* libsystemd (Debian: libsystemd-dev): journald and sd_notify. Gloss calls
 * sd_journal_sendv, not the variadic sd_journal_send, which Swift cannot call. */
/* The same feature macros as CLinuxSupport: glibc's headers declare some structs differently
 * with _GNU_SOURCE (fd_set's fds_bits), and two modules that import one header with two
 * definitions cannot both be imported into one Swift file (a clean build fails). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
