/* The gloss.geo gazetteer (Plugins/Geo/Data/FORMAT.md), embedded in the library that links this
   target. */
#ifndef GLOSS_GEO_GAZETTEER_H
#define GLOSS_GEO_GAZETTEER_H

#include <stddef.h>

/* The gazetteer's bytes, 16-byte aligned, in read-only memory for the life of the process; never
   free or write them. Stores the length in *length. Any thread. */
const unsigned char *gloss_geo_gazetteer_bytes(size_t *length);

#endif
