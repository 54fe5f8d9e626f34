/* SwiftPM needs one source file in a C target; the ABI itself is header-only
 * (include/gloss_plugin.h). */
#include "gloss_plugin.h"
