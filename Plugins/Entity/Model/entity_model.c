/* Embeds data/entity.model (written by `gloss-train entity`) in .rodata. The assembler finds the
   file through the target's header search path. SwiftPM does not see the model as an input of
   this file: the training tool touches this file after writing a model, so the next build
   picks the new model up. */
#include "gloss_entity_model.h"

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".hidden gloss_entity_model\n"
        ".global gloss_entity_model\n"
        "gloss_entity_model:\n"
        ".incbin \"entity.model\"\n"
        ".hidden gloss_entity_model_end\n"
        ".global gloss_entity_model_end\n"
        "gloss_entity_model_end:\n"
        ".byte 0\n"
        ".previous");

extern const unsigned char gloss_entity_model[];
extern const unsigned char gloss_entity_model_end[];

const unsigned char *gloss_entity_model_bytes(size_t *length) {
    *length = (size_t)(gloss_entity_model_end - gloss_entity_model);
    return gloss_entity_model;
}
