/*
 * abi_c99.c -- gloss_plugin.h compiles as pedantic C99, first and alone in a
 * translation unit (it includes everything it needs itself).
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * Checked by HeaderCompilationTests.swift with
 *
 *   cc -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only abi_c99.c
 *
 * The layout itself is frozen in abi_layout.c, which needs C11 _Static_assert.
 * Include nothing else here: the header must stay the first and only include.
 */
#include "gloss_plugin.h"

/* The translation-unit anchor: the only symbol with external linkage. */
int gloss_abi_c99_anchor(void);

int gloss_abi_c99_anchor(void)
{
    /* One complete object of each struct type. */
    gloss_attribute_t attribute = {0};
    gloss_annotation_t annotation = {0};
    gloss_host_t host = {0};
    gloss_document_t document = {0};
    gloss_sink_t sink = {0};
    gloss_plugin_descriptor_t descriptor = {0};
    gloss_plugin_entry_fn entry = NULL;
    gloss_instance_t *instance = NULL;
    bool complete = attribute.kind == 0 && annotation.struct_size == 0 && host.struct_size == 0 &&
                    document.struct_size == 0 && sink.struct_size == 0 &&
                    descriptor.flags == (uint64_t)0 && entry == NULL && instance == NULL;
    return complete ? GLOSS_STATUS_OK : GLOSS_STATUS_ERROR;
}
