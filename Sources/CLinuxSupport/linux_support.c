/* SwiftPM needs one source file in a C target; everything is in include/linux_support.h. */
#include "linux_support.h"
