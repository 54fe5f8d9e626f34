/* The trained entity model, embedded in the library that links this target. */
#ifndef GLOSS_ENTITY_MODEL_H
#define GLOSS_ENTITY_MODEL_H

#include <stddef.h>

/* The model's bytes, 16-byte aligned, in read-only memory for the life of the process; never
   free or write them. Stores the length in *length. Any thread. */
const unsigned char *gloss_entity_model_bytes(size_t *length);

#endif
