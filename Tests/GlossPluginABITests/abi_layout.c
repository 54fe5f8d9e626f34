/*
 * abi_layout.c -- freezes the Gloss plugin ABI 1.0 (gloss_plugin.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * Compiled, never linked, by HeaderCompilationTests.swift as C11 and as C++17:
 *
 *   cc  -std=c11   -pedantic -Wall -Wextra -Werror       -c -o /dev/null abi_layout.c
 *   c++ -std=c++17 -pedantic -Wall -Wextra -Werror -x c++ -c -o /dev/null abi_layout.c
 *
 * If one of these assertions fails, the change to gloss_plugin.h breaks every
 * plugin already built: put the header back. The only compatible change is to
 * append fields to the end of a struct that has struct_size, in a new minor
 * version -- and then add asserts here for the new fields and size.
 *
 * The offsets are those of LP64 Linux (x86_64, aarch64), computed with
 * offsetof/sizeof. Every struct is packed without holes: each field starts
 * where the previous one ends, and sizeof is the end of the last field.
 * GLOSS_FIELD asserts offset and size of each field, so the no-hole property
 * is frozen too.
 */
#include "gloss_plugin.h" /* first: the header must be self-contained */

#ifdef __cplusplus
#define GLOSS_STATIC_ASSERT(condition, message) static_assert(condition, message)
#define GLOSS_ALIGNOF(type) alignof(type)
#define GLOSS_ZERO_INIT {}
#else
#define GLOSS_STATIC_ASSERT(condition, message) _Static_assert(condition, message)
#define GLOSS_ALIGNOF(type) _Alignof(type)
#define GLOSS_ZERO_INIT {0}
#endif

/* ------------------------------------------------------------------------ */
/* Constants: the same on every platform. */

GLOSS_STATIC_ASSERT(GLOSS_ABI_VERSION_MAJOR == 1, "ABI major version is 1");
GLOSS_STATIC_ASSERT(GLOSS_ABI_VERSION_MINOR == 1, "ABI minor version is 1");
GLOSS_STATIC_ASSERT(sizeof(GLOSS_PLUGIN_ENTRY_SYMBOL) == sizeof("gloss_plugin_entry"),
                    "entry symbol is gloss_plugin_entry");

GLOSS_STATIC_ASSERT(GLOSS_STATUS_OK == 0, "GLOSS_STATUS_OK is 0");
GLOSS_STATIC_ASSERT(GLOSS_STATUS_ERROR == 1, "GLOSS_STATUS_ERROR is 1");
GLOSS_STATIC_ASSERT(GLOSS_STATUS_INVALID_ARGUMENT == 2, "GLOSS_STATUS_INVALID_ARGUMENT is 2");
GLOSS_STATIC_ASSERT(GLOSS_STATUS_OUT_OF_MEMORY == 3, "GLOSS_STATUS_OUT_OF_MEMORY is 3");
GLOSS_STATIC_ASSERT(GLOSS_STATUS_BAD_CONFIGURATION == 4, "GLOSS_STATUS_BAD_CONFIGURATION is 4");
GLOSS_STATIC_ASSERT(GLOSS_STATUS_UNSUPPORTED == 5, "GLOSS_STATUS_UNSUPPORTED is 5");
GLOSS_STATIC_ASSERT(GLOSS_STATUS_STOP == 6, "GLOSS_STATUS_STOP is 6");

GLOSS_STATIC_ASSERT(GLOSS_VALUE_STRING == 1, "GLOSS_VALUE_STRING is 1");
GLOSS_STATIC_ASSERT(GLOSS_VALUE_INTEGER == 2, "GLOSS_VALUE_INTEGER is 2");
GLOSS_STATIC_ASSERT(GLOSS_VALUE_NUMBER == 3, "GLOSS_VALUE_NUMBER is 3");
GLOSS_STATIC_ASSERT(GLOSS_VALUE_BOOLEAN == 4, "GLOSS_VALUE_BOOLEAN is 4");
GLOSS_STATIC_ASSERT(GLOSS_VALUE_STRING_LIST == 5, "GLOSS_VALUE_STRING_LIST is 5");

GLOSS_STATIC_ASSERT(GLOSS_LOG_DEBUG == 0, "GLOSS_LOG_DEBUG is 0");
GLOSS_STATIC_ASSERT(GLOSS_LOG_INFO == 1, "GLOSS_LOG_INFO is 1");
GLOSS_STATIC_ASSERT(GLOSS_LOG_WARNING == 2, "GLOSS_LOG_WARNING is 2");
GLOSS_STATIC_ASSERT(GLOSS_LOG_ERROR == 3, "GLOSS_LOG_ERROR is 3");

GLOSS_STATIC_ASSERT(GLOSS_PLUGIN_FLAG_CONCURRENT == 1u, "GLOSS_PLUGIN_FLAG_CONCURRENT is bit 0");
GLOSS_STATIC_ASSERT(sizeof(GLOSS_PLUGIN_FLAG_CONCURRENT) == 8, "flags are 64-bit");
GLOSS_STATIC_ASSERT(GLOSS_PLUGIN_KNOWN_FLAGS_1_0 == 1u, "ABI 1.0 knows only GLOSS_PLUGIN_FLAG_CONCURRENT");
GLOSS_STATIC_ASSERT(sizeof(GLOSS_PLUGIN_KNOWN_FLAGS_1_0) == 8, "flags are 64-bit");

/* The scalar typedefs: width and signedness. */
GLOSS_STATIC_ASSERT(sizeof(gloss_status_t) == 4 && (gloss_status_t)-1 < 0, "gloss_status_t is int32_t");
GLOSS_STATIC_ASSERT(sizeof(gloss_value_kind_t) == 4 && (gloss_value_kind_t)-1 > 0,
                    "gloss_value_kind_t is uint32_t");
GLOSS_STATIC_ASSERT(sizeof(gloss_log_level_t) == 4 && (gloss_log_level_t)-1 < 0, "gloss_log_level_t is int32_t");

#ifndef GLOSS_PLUGIN_EXPORT
#error "gloss_plugin.h must define GLOSS_PLUGIN_EXPORT"
#endif

#ifdef __cplusplus
/* C++ can also compare the text of the entry symbol at compile time. */
constexpr bool gloss_same_text(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}
GLOSS_STATIC_ASSERT(gloss_same_text(GLOSS_PLUGIN_ENTRY_SYMBOL, "gloss_plugin_entry"),
                    "entry symbol is gloss_plugin_entry");
#endif

/* ------------------------------------------------------------------------ */
/* Layout: LP64 only (x86_64 and aarch64 Linux, arm64 macOS). */

#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu

#define GLOSS_FIELD(type, field, offset, size)                                         \
    GLOSS_STATIC_ASSERT(offsetof(type, field) == (offset), #type "." #field " offset"); \
    GLOSS_STATIC_ASSERT(sizeof(((type *)0)->field) == (size), #type "." #field " size")

#define GLOSS_STRUCT(type, size)                                           \
    GLOSS_STATIC_ASSERT(sizeof(type) == (size), "sizeof(" #type ")");      \
    GLOSS_STATIC_ASSERT(GLOSS_ALIGNOF(type) == 8, "alignment of " #type)

GLOSS_STATIC_ASSERT(sizeof(void *) == 8, "LP64 pointers");
GLOSS_STATIC_ASSERT(sizeof(void (*)(void)) == 8, "LP64 function pointers");

GLOSS_FIELD(gloss_attribute_t, key, 0, 8);
GLOSS_FIELD(gloss_attribute_t, kind, 8, 4);
GLOSS_FIELD(gloss_attribute_t, reserved, 12, 4);
GLOSS_FIELD(gloss_attribute_t, string_value, 16, 8);
GLOSS_FIELD(gloss_attribute_t, integer_value, 24, 8);
GLOSS_FIELD(gloss_attribute_t, number_value, 32, 8);
GLOSS_FIELD(gloss_attribute_t, string_list, 40, 8);
GLOSS_FIELD(gloss_attribute_t, string_count, 48, 8);
GLOSS_STRUCT(gloss_attribute_t, 56);

GLOSS_FIELD(gloss_annotation_t, struct_size, 0, 4);
GLOSS_FIELD(gloss_annotation_t, reserved0, 4, 4);
GLOSS_FIELD(gloss_annotation_t, analyzer, 8, 8);
GLOSS_FIELD(gloss_annotation_t, type, 16, 8);
GLOSS_FIELD(gloss_annotation_t, start, 24, 8);
GLOSS_FIELD(gloss_annotation_t, end, 32, 8);
GLOSS_FIELD(gloss_annotation_t, confidence, 40, 8);
GLOSS_FIELD(gloss_annotation_t, attributes, 48, 8);
GLOSS_FIELD(gloss_annotation_t, attribute_count, 56, 8);
GLOSS_FIELD(gloss_annotation_t, reserved, 64, 16);
GLOSS_STRUCT(gloss_annotation_t, 80);

GLOSS_FIELD(gloss_host_t, struct_size, 0, 4);
GLOSS_FIELD(gloss_host_t, abi_major, 4, 2);
GLOSS_FIELD(gloss_host_t, abi_minor, 6, 2);
GLOSS_FIELD(gloss_host_t, host_data, 8, 8);
GLOSS_FIELD(gloss_host_t, log, 16, 8);
GLOSS_FIELD(gloss_host_t, config_get, 24, 8);
GLOSS_FIELD(gloss_host_t, data_directory, 32, 8);
GLOSS_FIELD(gloss_host_t, reserved, 40, 64);
GLOSS_STRUCT(gloss_host_t, 104);

GLOSS_FIELD(gloss_document_t, struct_size, 0, 4);
GLOSS_FIELD(gloss_document_t, reserved0, 4, 4);
GLOSS_FIELD(gloss_document_t, text, 8, 8);
GLOSS_FIELD(gloss_document_t, text_length, 16, 8);
GLOSS_FIELD(gloss_document_t, language, 24, 8);
GLOSS_FIELD(gloss_document_t, name, 32, 8);
GLOSS_FIELD(gloss_document_t, reference_time, 40, 8);
GLOSS_FIELD(gloss_document_t, reference_time_unix_ms, 48, 8);
GLOSS_FIELD(gloss_document_t, annotations, 56, 8);
GLOSS_FIELD(gloss_document_t, annotation_count, 64, 8);
GLOSS_FIELD(gloss_document_t, reserved, 72, 48);
GLOSS_STRUCT(gloss_document_t, 120);

GLOSS_FIELD(gloss_sink_t, struct_size, 0, 4);
GLOSS_FIELD(gloss_sink_t, reserved0, 4, 4);
GLOSS_FIELD(gloss_sink_t, host_data, 8, 8);
GLOSS_FIELD(gloss_sink_t, emit, 16, 8);
GLOSS_FIELD(gloss_sink_t, set_error, 24, 8);
GLOSS_FIELD(gloss_sink_t, reserved, 32, 32);
GLOSS_STRUCT(gloss_sink_t, 64);

GLOSS_FIELD(gloss_plugin_descriptor_t, struct_size, 0, 4);
GLOSS_FIELD(gloss_plugin_descriptor_t, abi_major, 4, 2);
GLOSS_FIELD(gloss_plugin_descriptor_t, abi_minor, 6, 2);
GLOSS_FIELD(gloss_plugin_descriptor_t, flags, 8, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, id, 16, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, version, 24, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, description, 32, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, languages, 40, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, annotation_types, 48, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, required_plugins, 56, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, create, 64, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, destroy, 72, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, analyze, 80, 8);
GLOSS_FIELD(gloss_plugin_descriptor_t, reserved, 88, 64);
/* ABI 1.1 appended: */
GLOSS_FIELD(gloss_plugin_descriptor_t, optional_plugins, 152, 8);
GLOSS_STRUCT(gloss_plugin_descriptor_t, 160);

#endif /* LP64 */

/* ------------------------------------------------------------------------ */
/* Types: every field and every callback signature, on every platform.
 * Taking a field's address into a pointer of the expected type fails (an
 * incompatible-pointer warning under -Werror in C, an error in C++) when the
 * field's type changes, even to one of the same size (int64_t -> uint64_t,
 * uint64_t -> double, const char * -> char *). The callbacks below have
 * exactly the documented signatures and are stored into the function-pointer
 * fields, which freezes those signatures the same way. */

#define GLOSS_FIELD_TYPE(object, field, type)         \
    do {                                               \
        type *field_address = &(object).field;         \
        (void)field_address;                           \
    } while (0)

typedef uint64_t gloss_reserved2_t[2];
typedef uint64_t gloss_reserved4_t[4];
typedef uint64_t gloss_reserved6_t[6];
typedef uint64_t gloss_reserved8_t[8];

static void layout_log(const gloss_host_t *host, gloss_log_level_t level, const char *message)
{
    (void)host;
    (void)level;
    (void)message;
}

static const char *layout_config_get(const gloss_host_t *host, const char *key)
{
    (void)host;
    (void)key;
    return NULL;
}

static gloss_status_t layout_emit(const gloss_sink_t *sink, const gloss_annotation_t *annotation)
{
    (void)sink;
    (void)annotation;
    return GLOSS_STATUS_OK;
}

static void layout_set_error(const gloss_sink_t *sink, const char *message)
{
    (void)sink;
    (void)message;
}

static gloss_status_t layout_create(const gloss_host_t *host, gloss_instance_t **out_instance)
{
    (void)host;
    *out_instance = NULL;
    return GLOSS_STATUS_OK;
}

static void layout_destroy(gloss_instance_t *instance)
{
    (void)instance;
}

static gloss_status_t layout_analyze(gloss_instance_t *instance, const gloss_document_t *document,
                                     const gloss_sink_t *sink)
{
    (void)instance;
    (void)document;
    return sink->emit(sink, document->annotations);
}

static gloss_plugin_descriptor_t layout_descriptor; /* zero: static storage */

static const gloss_plugin_descriptor_t *layout_entry(void)
{
    return &layout_descriptor;
}

/* The translation-unit anchor: the only symbol with external linkage. */
int gloss_abi_layout_anchor(void);

int gloss_abi_layout_anchor(void)
{
    gloss_attribute_t attribute = GLOSS_ZERO_INIT;
    gloss_annotation_t annotation = GLOSS_ZERO_INIT;
    gloss_host_t host = GLOSS_ZERO_INIT;
    gloss_document_t document = GLOSS_ZERO_INIT;
    gloss_sink_t sink = GLOSS_ZERO_INIT;
    gloss_plugin_entry_fn entry = layout_entry;
    const gloss_plugin_descriptor_t *descriptor;
    gloss_instance_t *instance = NULL;
    gloss_status_t status;

    GLOSS_FIELD_TYPE(attribute, key, const char *);
    GLOSS_FIELD_TYPE(attribute, kind, gloss_value_kind_t);
    GLOSS_FIELD_TYPE(attribute, reserved, uint32_t);
    GLOSS_FIELD_TYPE(attribute, string_value, const char *);
    GLOSS_FIELD_TYPE(attribute, integer_value, int64_t);
    GLOSS_FIELD_TYPE(attribute, number_value, double);
    GLOSS_FIELD_TYPE(attribute, string_list, const char *const *);
    GLOSS_FIELD_TYPE(attribute, string_count, uint64_t);

    GLOSS_FIELD_TYPE(annotation, struct_size, uint32_t);
    GLOSS_FIELD_TYPE(annotation, reserved0, uint32_t);
    GLOSS_FIELD_TYPE(annotation, analyzer, const char *);
    GLOSS_FIELD_TYPE(annotation, type, const char *);
    GLOSS_FIELD_TYPE(annotation, start, uint64_t);
    GLOSS_FIELD_TYPE(annotation, end, uint64_t);
    GLOSS_FIELD_TYPE(annotation, confidence, double);
    GLOSS_FIELD_TYPE(annotation, attributes, const gloss_attribute_t *);
    GLOSS_FIELD_TYPE(annotation, attribute_count, uint64_t);
    GLOSS_FIELD_TYPE(annotation, reserved, gloss_reserved2_t);

    GLOSS_FIELD_TYPE(host, struct_size, uint32_t);
    GLOSS_FIELD_TYPE(host, abi_major, uint16_t);
    GLOSS_FIELD_TYPE(host, abi_minor, uint16_t);
    GLOSS_FIELD_TYPE(host, host_data, void *);
    GLOSS_FIELD_TYPE(host, data_directory, const char *);
    GLOSS_FIELD_TYPE(host, reserved, gloss_reserved8_t);

    GLOSS_FIELD_TYPE(document, struct_size, uint32_t);
    GLOSS_FIELD_TYPE(document, reserved0, uint32_t);
    GLOSS_FIELD_TYPE(document, text, const char *);
    GLOSS_FIELD_TYPE(document, text_length, uint64_t);
    GLOSS_FIELD_TYPE(document, language, const char *);
    GLOSS_FIELD_TYPE(document, name, const char *);
    GLOSS_FIELD_TYPE(document, reference_time, const char *);
    GLOSS_FIELD_TYPE(document, reference_time_unix_ms, int64_t);
    GLOSS_FIELD_TYPE(document, annotations, const gloss_annotation_t *);
    GLOSS_FIELD_TYPE(document, annotation_count, uint64_t);
    GLOSS_FIELD_TYPE(document, reserved, gloss_reserved6_t);

    GLOSS_FIELD_TYPE(sink, struct_size, uint32_t);
    GLOSS_FIELD_TYPE(sink, reserved0, uint32_t);
    GLOSS_FIELD_TYPE(sink, host_data, void *);
    GLOSS_FIELD_TYPE(sink, reserved, gloss_reserved4_t);

    GLOSS_FIELD_TYPE(layout_descriptor, struct_size, uint32_t);
    GLOSS_FIELD_TYPE(layout_descriptor, abi_major, uint16_t);
    GLOSS_FIELD_TYPE(layout_descriptor, abi_minor, uint16_t);
    GLOSS_FIELD_TYPE(layout_descriptor, flags, uint64_t);
    GLOSS_FIELD_TYPE(layout_descriptor, id, const char *);
    GLOSS_FIELD_TYPE(layout_descriptor, version, const char *);
    GLOSS_FIELD_TYPE(layout_descriptor, description, const char *);
    GLOSS_FIELD_TYPE(layout_descriptor, languages, const char *const *);
    GLOSS_FIELD_TYPE(layout_descriptor, annotation_types, const char *const *);
    GLOSS_FIELD_TYPE(layout_descriptor, required_plugins, const char *const *);
    GLOSS_FIELD_TYPE(layout_descriptor, reserved, gloss_reserved8_t);

    /* Every function-pointer field and gloss_plugin_entry_fn, stored and called. */
    host.struct_size = (uint32_t)sizeof host;
    host.abi_major = GLOSS_ABI_VERSION_MAJOR;
    host.abi_minor = GLOSS_ABI_VERSION_MINOR;
    host.log = layout_log;
    host.config_get = layout_config_get;

    sink.struct_size = (uint32_t)sizeof sink;
    sink.emit = layout_emit;
    sink.set_error = layout_set_error;

    attribute.kind = GLOSS_VALUE_BOOLEAN;
    annotation.struct_size = (uint32_t)sizeof annotation;
    annotation.attributes = &attribute;
    annotation.attribute_count = 1;
    document.struct_size = (uint32_t)sizeof document;
    document.annotations = &annotation;
    document.annotation_count = 1;

    layout_descriptor.struct_size = (uint32_t)sizeof layout_descriptor;
    layout_descriptor.flags = GLOSS_PLUGIN_KNOWN_FLAGS_1_0;
    layout_descriptor.create = layout_create;
    layout_descriptor.destroy = layout_destroy;
    layout_descriptor.analyze = layout_analyze;

    descriptor = entry();
    status = descriptor->create(&host, &instance);
    if (status == GLOSS_STATUS_OK) {
        status = descriptor->analyze(instance, &document, &sink);
        descriptor->destroy(instance);
    }
    host.log(&host, GLOSS_LOG_DEBUG, host.config_get(&host, "key"));
    sink.set_error(&sink, "message");
    return (int)status;
}
