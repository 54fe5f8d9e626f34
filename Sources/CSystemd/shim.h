/* libsystemd (Debian: libsystemd-dev): journald and sd_notify. Gloss calls
 * sd_journal_sendv, not the variadic sd_journal_send, which Swift cannot call. */
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
