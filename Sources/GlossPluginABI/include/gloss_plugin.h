/*
 * gloss_plugin.h -- the Gloss analyzer plugin ABI, version 1.0.
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * This header is the whole contract between Gloss (the host) and an analyzer
 * plugin. A plugin is a shared library (.so) that exports exactly one function,
 * gloss_plugin_entry(), returning a pointer to a static descriptor. The host
 * loads it with dlopen(RTLD_NOW | RTLD_LOCAL), checks the descriptor, creates
 * instances, hands each instance documents, and collects the annotations the
 * instance emits through host callbacks. docs/PLUGINS.md walks through writing
 * one; Plugins/Examples/ holds small plugins in C and Swift to copy.
 *
 * Rules of the ABI
 * ----------------
 *  - Every struct that crosses the boundary starts with uint32_t struct_size,
 *    set by whoever fills the struct to sizeof() as that side compiled it.
 *    Minor versions only append fields to the end of a struct; a reader never
 *    touches a field that lies beyond the struct_size it was given.
 *  - Fields named reserved* must be zero. The host refuses a descriptor with
 *    non-zero reserved words or with flag bits it does not know.
 *  - Offsets into the document text are UTF-8 byte offsets, end exclusive.
 *    They must lie within the text and on character boundaries; the host drops
 *    (and reports) annotations that break this and converts the rest to code
 *    point offsets for the result file.
 *  - Neither side frees memory the other side allocated. Each pointer below
 *    says who owns it and how long it stays valid.
 *  - Status codes are fixed numbers that are never reused.
 *  - A plugin must never exit the process, abort on bad input, install signal
 *    handlers, change the working directory, or close descriptors it did not
 *    open. The host never unloads a plugin (dlclose); a reload starts fresh
 *    worker processes instead.
 *
 * Thread tags
 * -----------
 * Every function pointer carries one of these tags:
 *  [load-thread]     called on the thread that loaded the library, never
 *                    concurrently with any other call into the plugin.
 *  [instance-thread] called on the thread that currently owns the instance.
 *                    Unless the descriptor sets GLOSS_PLUGIN_FLAG_CONCURRENT,
 *                    the host never makes two calls on the same instance at
 *                    once (it creates one instance per worker thread instead);
 *                    consecutive calls may come from different threads.
 *  [any-thread]      may be called from any thread, concurrently.
 *
 * Naming: identifiers are lower case. A plugin id is "vendor.name"
 * (^[a-z0-9]+(\.[a-z0-9_-]+)+$), annotation types and attribute keys are
 * ^[a-z][a-z0-9_]*$.
 */
#ifndef GLOSS_PLUGIN_H
#define GLOSS_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ABI version this header describes. A plugin records the version it was
 * built against in its descriptor; the host refuses another major version and
 * accepts any minor version (minors only append). */
#define GLOSS_ABI_VERSION_MAJOR 1
#define GLOSS_ABI_VERSION_MINOR 1

/* The one symbol a plugin exports. */
#define GLOSS_PLUGIN_ENTRY_SYMBOL "gloss_plugin_entry"

/* Export macro for the entry function; build with -fvisibility=hidden so that
 * it is the only symbol the library exports. */
#if defined(__GNUC__) || defined(__clang__)
#define GLOSS_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define GLOSS_PLUGIN_EXPORT
#endif

/* ------------------------------------------------------------------------ */
/* Status codes. Fixed numbers, never reused; new codes only get new numbers. */

typedef int32_t gloss_status_t;

#define GLOSS_STATUS_OK 0                /* success */
#define GLOSS_STATUS_ERROR 1             /* failure; see the message set with set_error */
#define GLOSS_STATUS_INVALID_ARGUMENT 2  /* a pointer or value passed in was invalid */
#define GLOSS_STATUS_OUT_OF_MEMORY 3     /* an allocation failed */
#define GLOSS_STATUS_BAD_CONFIGURATION 4 /* a configuration value is unusable */
#define GLOSS_STATUS_UNSUPPORTED 5       /* the request is valid but not supported */
#define GLOSS_STATUS_STOP 6              /* emit: the host wants no more annotations;
                                            analyze should return promptly */

/* ------------------------------------------------------------------------ */
/* Attribute values of an annotation. */

typedef uint32_t gloss_value_kind_t;

#define GLOSS_VALUE_STRING 1      /* string_value: UTF-8, NUL-terminated */
#define GLOSS_VALUE_INTEGER 2     /* integer_value */
#define GLOSS_VALUE_NUMBER 3      /* number_value: finite (no NaN, no infinity) */
#define GLOSS_VALUE_BOOLEAN 4     /* integer_value: 0 is false, 1 is true */
#define GLOSS_VALUE_STRING_LIST 5 /* string_list: string_count UTF-8 strings */

/* One named, typed attribute ("value" = "2015-06", "lat" = 32.9, ...).
 * Only the field(s) matching kind are read; the others must be zero.
 * Owned by whoever filled it; read by the other side only during the call it
 * was passed to (or, for annotations in gloss_document_t, while that document
 * is being analyzed). No struct_size: this struct is frozen; new value kinds
 * get new kind numbers instead. */
typedef struct gloss_attribute {
    const char *key;                /* ^[a-z][a-z0-9_]*$, NUL-terminated */
    gloss_value_kind_t kind;        /* one of GLOSS_VALUE_* */
    uint32_t reserved;              /* must be 0 */
    const char *string_value;       /* GLOSS_VALUE_STRING */
    int64_t integer_value;          /* GLOSS_VALUE_INTEGER, GLOSS_VALUE_BOOLEAN */
    double number_value;            /* GLOSS_VALUE_NUMBER */
    const char *const *string_list; /* GLOSS_VALUE_STRING_LIST: string_count pointers */
    uint64_t string_count;          /* GLOSS_VALUE_STRING_LIST */
} gloss_attribute_t;

/* One finding: a span of the document text, its type and attributes.
 * Used both ways: a plugin fills one to emit it, and the host passes the
 * annotations of earlier analyzers in gloss_document_t. */
typedef struct gloss_annotation {
    uint32_t struct_size;   /* sizeof(gloss_annotation_t) as the filler compiled it */
    uint32_t reserved0;     /* must be 0 */
    const char *analyzer;   /* id of the analyzer that produced it. Set by the host
                               in earlier annotations; ignored (may be NULL) on emit */
    const char *type;       /* annotation type, ^[a-z][a-z0-9_]*$, and one of the
                               types the descriptor lists in annotation_types */
    uint64_t start;         /* UTF-8 byte offset of the first byte */
    uint64_t end;           /* UTF-8 byte offset one past the last byte; end > start */
    double confidence;      /* 0.0 ... 1.0 */
    const gloss_attribute_t *attributes; /* attribute_count entries, or NULL if 0;
                                            keys must be unique within one annotation */
    uint64_t attribute_count;
    uint64_t reserved[2];   /* must be 0 */
} gloss_annotation_t;

/* ------------------------------------------------------------------------ */
/* What the host hands to a plugin instance. */

typedef struct gloss_host gloss_host_t;

/* Log levels for gloss_host_t.log. */
typedef int32_t gloss_log_level_t;
#define GLOSS_LOG_DEBUG 0
#define GLOSS_LOG_INFO 1
#define GLOSS_LOG_WARNING 2
#define GLOSS_LOG_ERROR 3

/* Host services, passed to create(). The host owns this struct and every
 * pointer in it; they stay valid until destroy() of the instance that received
 * it has returned. The plugin may keep the pointer for that long. */
struct gloss_host {
    uint32_t struct_size;   /* sizeof(gloss_host_t) as the host compiled it */
    uint16_t abi_major;     /* ABI version of the host */
    uint16_t abi_minor;
    void *host_data;        /* opaque to the plugin; do not touch */

    /* [any-thread] Logs one message. The host sends it to its log (journald
     * under the daemon) tagged with the plugin's id. message: UTF-8,
     * NUL-terminated, owned by the plugin, read only during the call. */
    void (*log)(const gloss_host_t *host, gloss_log_level_t level, const char *message);

    /* [any-thread] Looks up a configuration value from the plugin's section of
     * gloss.yaml (analyzers: <plugin id>: ...). key names a value within that
     * section; nested keys are joined with '.', for example "cities.minimum_population".
     * Returns the value as UTF-8 text (YAML scalars as written; lists joined with
     * '\n'), or NULL if the key is absent. The returned string is owned by the
     * host and valid until the instance is destroyed. */
    const char *(*config_get)(const gloss_host_t *host, const char *key);

    /* Absolute path of the plugin's data directory (models, tables), or NULL if
     * none is configured. UTF-8, NUL-terminated, owned by the host, valid until
     * the instance is destroyed. The plugin may read there, not write. */
    const char *data_directory;

    uint64_t reserved[8];   /* zero in version 1.0 */
};

/* The document to analyze, passed to analyze(). Owned by the host; every
 * pointer in it is valid only until analyze() returns. */
typedef struct gloss_document {
    uint32_t struct_size;   /* sizeof(gloss_document_t) as the host compiled it */
    uint32_t reserved0;     /* 0 */
    const char *text;       /* the decoded text as valid UTF-8, text_length bytes,
                               followed by a NUL byte that is not part of it. The text
                               itself never contains NUL. */
    uint64_t text_length;   /* bytes, without the trailing NUL */
    const char *language;   /* "ar", "en" or "und" (undetermined), from the scripts
                               of the letters in the text */
    const char *name;       /* the input's file name (no directory), UTF-8 */
    const char *reference_time; /* RFC 3339 time, e.g. "2016-05-17T08:00:00Z", that
                                   anchors relative expressions such as "yesterday" */
    int64_t reference_time_unix_ms; /* the same instant in milliseconds since
                                       1970-01-01T00:00:00Z */
    const gloss_annotation_t *annotations; /* the annotations already made by the
                                              analyzers this one requires, directly or
                                              through them, sorted by start; NULL when
                                              annotation_count is 0 */
    uint64_t annotation_count;
    uint64_t reserved[6];   /* 0 */
} gloss_document_t;

typedef struct gloss_sink gloss_sink_t;

/* Where a plugin sends its results during one analyze() call. Owned by the
 * host; valid only until that analyze() returns. */
struct gloss_sink {
    uint32_t struct_size;   /* sizeof(gloss_sink_t) as the host compiled it */
    uint32_t reserved0;     /* 0 */
    void *host_data;        /* opaque to the plugin; do not touch */

    /* [instance-thread] Emits one annotation. The host copies everything it
     * needs before returning, so annotation and all it points to may be freed
     * or reused right after the call. Returns GLOSS_STATUS_OK, or
     * GLOSS_STATUS_STOP when the host wants no more annotations for this
     * document (the plugin should then return from analyze() promptly).
     * An invalid annotation is dropped and reported against the plugin; the
     * return value stays GLOSS_STATUS_OK so the plugin need not handle it. */
    gloss_status_t (*emit)(const gloss_sink_t *sink, const gloss_annotation_t *annotation);

    /* [instance-thread] Sets the error message that explains a non-OK status
     * returned by analyze(). message: UTF-8, NUL-terminated, owned by the
     * plugin and copied by the host during the call. The last call wins. */
    void (*set_error)(const gloss_sink_t *sink, const char *message);

    uint64_t reserved[4];   /* 0 */
};

/* ------------------------------------------------------------------------ */
/* What a plugin exports. */

typedef struct gloss_instance gloss_instance_t; /* opaque; defined by the plugin */

/* Descriptor flag bits. The host refuses a descriptor with any other bit set. */
#define GLOSS_PLUGIN_FLAG_CONCURRENT ((uint64_t)1) /* analyze() may be called on one
                                                      instance from several threads
                                                      at once */
#define GLOSS_PLUGIN_KNOWN_FLAGS_1_0 (GLOSS_PLUGIN_FLAG_CONCURRENT)

/* The plugin's descriptor, returned by gloss_plugin_entry(). It must be static
 * and constant: the host reads it for as long as the process lives, and every
 * pointer in it must stay valid just as long. */
typedef struct gloss_plugin_descriptor {
    uint32_t struct_size;   /* sizeof(gloss_plugin_descriptor_t) */
    uint16_t abi_major;     /* GLOSS_ABI_VERSION_MAJOR the plugin was built against */
    uint16_t abi_minor;     /* GLOSS_ABI_VERSION_MINOR the plugin was built against */
    uint64_t flags;         /* GLOSS_PLUGIN_FLAG_* bits; unknown bits are refused */

    const char *id;          /* "vendor.name", unique among loaded plugins */
    const char *version;     /* the plugin's own version, e.g. "1.2.0" */
    const char *description; /* one line for `gloss plugins list` */
    const char *const *languages;        /* NULL-terminated list of language tags the
                                            plugin reads ("ar", "en"), or "*" for all.
                                            Other documents are not passed to it. */
    const char *const *annotation_types; /* NULL-terminated list of the annotation
                                            types it emits; at least one */
    const char *const *required_plugins; /* NULL-terminated list of plugin ids whose
                                            annotations it reads, or NULL for none.
                                            They run before it. (Not named
                                            `requires`: a C++20 keyword.) */

    /* [load-thread] Creates an instance. host stays valid until destroy() of
     * this instance returns. Configuration is read here (host->config_get); a
     * bad value is reported with host->log and GLOSS_STATUS_BAD_CONFIGURATION.
     * On GLOSS_STATUS_OK, *out_instance holds the new instance (it may be NULL
     * if the plugin keeps no state). On failure *out_instance is ignored. */
    gloss_status_t (*create)(const gloss_host_t *host, gloss_instance_t **out_instance);

    /* [load-thread] Destroys an instance made by create(). Never called while
     * analyze() runs on it. The host may also skip it when the process exits.
     * May be NULL if the plugin keeps no per-instance state. */
    void (*destroy)(gloss_instance_t *instance);

    /* [instance-thread] Analyzes one document: emits annotations through
     * sink->emit and returns GLOSS_STATUS_OK, or returns another status after
     * sink->set_error. Annotations emitted before a failure are discarded.
     * document and sink are valid only during this call. */
    gloss_status_t (*analyze)(gloss_instance_t *instance, const gloss_document_t *document,
                              const gloss_sink_t *sink);

    uint64_t reserved[8];   /* must be 0 */

    /* --- ABI 1.1 --- A host reads the fields below only when struct_size
     * covers them; a plugin built against 1.0 simply ends before them. */

    const char *const *optional_plugins; /* NULL-terminated list of plugin ids whose
                                            annotations it reads when they are loaded,
                                            or NULL for none. Those that are loaded run
                                            before it and hand it their annotations;
                                            one that is absent, refused or failed on a
                                            document does not stop it (unlike
                                            required_plugins). Not enabled by enabling
                                            this plugin. */
} gloss_plugin_descriptor_t;

/* The function every plugin exports (the only exported symbol):
 *
 *   GLOSS_PLUGIN_EXPORT const gloss_plugin_descriptor_t *gloss_plugin_entry(void);
 *
 * [load-thread] Returns the descriptor, the same pointer on every call. It must
 * not start threads, do I/O or read configuration; do that in create(). It may
 * build the descriptor once, on the first call (a language whose constants are
 * not static data, such as Swift, does), and must never free it. */
typedef const gloss_plugin_descriptor_t *(*gloss_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* GLOSS_PLUGIN_H */
