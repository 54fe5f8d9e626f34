/*
 * A configurable fixture plugin for the host's tests. Each test compiles it
 * with cc and -D macros into a real .so that is right or wrong in one way.
 *
 *   FIXTURE_ID="vendor.name"   the plugin id (default "test.fixture")
 *   FIXTURE_REQUIRES="a.b"      one required plugin id
 *   FIXTURE_OPTIONAL="a.b"      one optional plugin id (ABI 1.1 optional_plugins)
 *   FIXTURE_ABI_1_0             a descriptor as a 1.0 plugin has it: struct_size ends
 *                               before the 1.1 fields (which are set anyway, to show
 *                               that the host does not read past struct_size)
 *   FIXTURE_ABI_MAJOR=N         the ABI major it claims
 *   FIXTURE_FLAGS=N             descriptor flags
 *   FIXTURE_RESERVED=N          value of reserved[3]
 *   FIXTURE_NO_ENTRY            export no entry function
 *   FIXTURE_EMIT_INVALID        also emit annotations the host must drop
 *   FIXTURE_FAIL                analyze() fails with a message
 *   FIXTURE_FAIL_CREATE         create() fails with BAD_CONFIGURATION
 *   FIXTURE_CRASH               analyze() dereferences NULL on a text containing "crash"
 *   FIXTURE_HANG                analyze() never returns on a text containing "hang"
 *   FIXTURE_EXIT                analyze() calls exit(0) on a text containing "exit"
 *   FIXTURE_GREEDY              analyze() allocates without bound on a text containing "greedy"
 *   FIXTURE_SLOW                analyze() sleeps 2 s on a text containing "slow"
 *   FIXTURE_FORK_PIDFILE="path" on a text containing "fork", analyze() forks a child that
 *                               writes its pid to path and sleeps 120 s holding the
 *                               worker's descriptors, then crashes
 *
 * By default it emits one `word` annotation per space-separated word, with
 * attributes: `length` (bytes, integer), `greeting` (config value "greeting",
 * if set), and `seen` (the number of earlier annotations it received).
 */
#define _POSIX_C_SOURCE 200809L /* nanosleep */
#include "gloss_plugin.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef FIXTURE_FORK_PIDFILE
#include <stdio.h>
#include <unistd.h>
#endif

#ifndef FIXTURE_ID
#define FIXTURE_ID "test.fixture"
#endif
#ifndef FIXTURE_ABI_MAJOR
#define FIXTURE_ABI_MAJOR GLOSS_ABI_VERSION_MAJOR
#endif
#ifndef FIXTURE_FLAGS
#define FIXTURE_FLAGS 0
#endif
#ifndef FIXTURE_RESERVED
#define FIXTURE_RESERVED 0
#endif

struct gloss_instance {
    const gloss_host_t *host;
};

#ifndef FIXTURE_FAIL_CREATE
static struct gloss_instance the_instance;
#endif

static gloss_status_t fixture_create(const gloss_host_t *host, gloss_instance_t **out) {
#ifdef FIXTURE_FAIL_CREATE
    host->log(host, GLOSS_LOG_ERROR, "fixture: refusing to start");
    (void)out;
    return GLOSS_STATUS_BAD_CONFIGURATION;
#else
    the_instance.host = host;
    *out = &the_instance;
    return GLOSS_STATUS_OK;
#endif
}

static void fixture_destroy(gloss_instance_t *instance) { (void)instance; }

static gloss_status_t emit_span(const gloss_sink_t *sink, const char *type, uint64_t start, uint64_t end,
                                double confidence, const gloss_attribute_t *attributes, uint64_t count) {
    gloss_annotation_t a;
    memset(&a, 0, sizeof a);
    a.struct_size = sizeof a;
    a.type = type;
    a.start = start;
    a.end = end;
    a.confidence = confidence;
    a.attributes = attributes;
    a.attribute_count = count;
    return sink->emit(sink, &a);
}

static gloss_status_t fixture_analyze(gloss_instance_t *instance, const gloss_document_t *doc,
                                      const gloss_sink_t *sink) {
#ifdef FIXTURE_CRASH
    if (strstr(doc->text, "crash") != NULL) {
        volatile int *nowhere = NULL;
        *nowhere = 1;
    }
#endif
#ifdef FIXTURE_FORK_PIDFILE
    if (strstr(doc->text, "fork") != NULL) {
        if (fork() == 0) {
            FILE *file = fopen(FIXTURE_FORK_PIDFILE, "w");
            if (file != NULL) {
                fprintf(file, "%ld\n", (long)getpid());
                fclose(file);
            }
            struct timespec pause = {120, 0};
            nanosleep(&pause, NULL);
            _exit(0);
        }
        volatile int *nowhere = NULL;
        *nowhere = 1;
    }
#endif
#ifdef FIXTURE_HANG
    if (strstr(doc->text, "hang") != NULL) {
        for (volatile int spin = 0; spin >= 0; spin = (spin + 1) % 1000) {}
    }
#endif
#ifdef FIXTURE_GREEDY
    if (strstr(doc->text, "greedy") != NULL) {
        for (;;) {
            char *block = malloc(16 << 20);
            if (block == NULL) break;
            memset(block, 1, 16 << 20); /* touch it, so it is resident */
        }
    }
#endif
#ifdef FIXTURE_SLOW
    if (strstr(doc->text, "slow") != NULL) {
        struct timespec pause = {2, 0};
        nanosleep(&pause, NULL);
    }
#endif
#ifdef FIXTURE_EXIT
    if (strstr(doc->text, "exit") != NULL) exit(0);
#endif
#ifdef FIXTURE_FAIL
    sink->set_error(sink, "fixture: this document cannot be analyzed");
    return GLOSS_STATUS_ERROR;
#endif
    const char *greeting = instance->host->config_get(instance->host, "greeting");
    instance->host->log(instance->host, GLOSS_LOG_INFO, "fixture: analyzing");
    uint64_t i = 0;
    while (i < doc->text_length) {
        while (i < doc->text_length && doc->text[i] == ' ') i++;
        uint64_t start = i;
        while (i < doc->text_length && doc->text[i] != ' ') i++;
        if (i == start) break;
        gloss_attribute_t attrs[3];
        memset(attrs, 0, sizeof attrs);
        uint64_t n = 0;
        attrs[n].key = "length"; attrs[n].kind = GLOSS_VALUE_INTEGER; attrs[n].integer_value = (int64_t)(i - start); n++;
        attrs[n].key = "seen"; attrs[n].kind = GLOSS_VALUE_INTEGER; attrs[n].integer_value = (int64_t)doc->annotation_count; n++;
        if (greeting != NULL) {
            attrs[n].key = "greeting"; attrs[n].kind = GLOSS_VALUE_STRING; attrs[n].string_value = greeting; n++;
        }
        if (emit_span(sink, "word", start, i, 1.0, attrs, n) == GLOSS_STATUS_STOP) break;
    }
#ifdef FIXTURE_EMIT_INVALID
    emit_span(sink, "word", 0, doc->text_length + 5, 1.0, NULL, 0);   /* past the end */
    emit_span(sink, "word", 1, 2, 1.0, NULL, 0);                      /* inside a character (Arabic text) */
    emit_span(sink, "undeclared", 0, 1, 1.0, NULL, 0);                /* type not declared */
    emit_span(sink, "word", 0, doc->text_length, 7.5, NULL, 0);       /* confidence out of range */
    emit_span(sink, "word", 3, 3, 1.0, NULL, 0);                      /* empty span */
    gloss_attribute_t bad;
    memset(&bad, 0, sizeof bad);
    bad.key = "Bad-Key"; bad.kind = GLOSS_VALUE_INTEGER;
    emit_span(sink, "word", 0, 2, 1.0, &bad, 1);                      /* invalid attribute name */
    bad.key = "kind"; bad.kind = 99;
    emit_span(sink, "word", 0, 2, 1.0, &bad, 1);                      /* unknown value kind */
#endif
    return GLOSS_STATUS_OK;
}

static const char *const fixture_languages[] = {"*", NULL};
static const char *const fixture_types[] = {"word", NULL};
#ifdef FIXTURE_REQUIRES
static const char *const fixture_requires[] = {FIXTURE_REQUIRES, NULL};
#define FIXTURE_REQUIRES_LIST fixture_requires
#else
#define FIXTURE_REQUIRES_LIST NULL
#endif

#ifdef FIXTURE_OPTIONAL
static const char *const fixture_optional[] = {FIXTURE_OPTIONAL, NULL};
#define FIXTURE_OPTIONAL_LIST fixture_optional
#else
#define FIXTURE_OPTIONAL_LIST NULL
#endif
#ifdef FIXTURE_ABI_1_0
#define FIXTURE_STRUCT_SIZE offsetof(gloss_plugin_descriptor_t, optional_plugins)
#define FIXTURE_ABI_MINOR 0
#else
#define FIXTURE_STRUCT_SIZE sizeof(gloss_plugin_descriptor_t)
#define FIXTURE_ABI_MINOR GLOSS_ABI_VERSION_MINOR
#endif

static const gloss_plugin_descriptor_t descriptor = {
    .struct_size = FIXTURE_STRUCT_SIZE,
    .abi_major = FIXTURE_ABI_MAJOR,
    .abi_minor = FIXTURE_ABI_MINOR,
    .flags = FIXTURE_FLAGS,
    .id = FIXTURE_ID,
    .version = "0.0.1",
    .description = "test fixture",
    .languages = fixture_languages,
    .annotation_types = fixture_types,
    .required_plugins = FIXTURE_REQUIRES_LIST,
    .create = fixture_create,
    .destroy = fixture_destroy,
    .analyze = fixture_analyze,
    .reserved = {0, 0, 0, FIXTURE_RESERVED, 0, 0, 0, 0},
    .optional_plugins = FIXTURE_OPTIONAL_LIST,
};

#ifndef FIXTURE_NO_ENTRY
GLOSS_PLUGIN_EXPORT const gloss_plugin_descriptor_t *gloss_plugin_entry(void) { return &descriptor; }
#else
GLOSS_PLUGIN_EXPORT const gloss_plugin_descriptor_t *not_the_entry(void) { return &descriptor; }
#endif
