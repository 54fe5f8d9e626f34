/* Embeds data/gazetteer.bin (written by scripts/geo/build-gazetteer.py) in .rodata. The assembler
   finds the file through the target's header search path. SwiftPM does not see the file as an
   input of this one: the build script touches this file after writing a new gazetteer, so the
   next build picks it up. */
#include "gloss_geo_gazetteer.h"

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".hidden gloss_geo_gazetteer\n"
        ".global gloss_geo_gazetteer\n"
        "gloss_geo_gazetteer:\n"
        ".incbin \"gazetteer.bin\"\n"
        ".hidden gloss_geo_gazetteer_end\n"
        ".global gloss_geo_gazetteer_end\n"
        "gloss_geo_gazetteer_end:\n"
        ".byte 0\n"
        ".previous");

extern const unsigned char gloss_geo_gazetteer[];
extern const unsigned char gloss_geo_gazetteer_end[];

const unsigned char *gloss_geo_gazetteer_bytes(size_t *length) {
    *length = (size_t)(gloss_geo_gazetteer_end - gloss_geo_gazetteer);
    return gloss_geo_gazetteer;
}
