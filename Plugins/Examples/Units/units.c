/*
 * gloss.example.units -- an example Gloss plugin in plain C.
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * Finds numbers followed by a unit -- "130 كلم", "٣٥ كيلومترا", "5.5 km",
 * "40%" -- and emits one `quantity` annotation for each, with the number as
 * `value` (a double) and the unit normalized as `unit` ("km", "kg", "percent",
 * ...). Digits may be ASCII (0-9), Arabic-Indic (U+0660-0669) or Eastern
 * Arabic-Indic (U+06F0-06F9); the decimal separator may be '.', ',' or '٫'.
 *
 * Build outside SwiftPM with exactly one exported symbol:
 *   cc -std=c11 -Wall -Wextra -O2 -shared -fPIC -fvisibility=hidden \
 *      -I Sources/GlossPluginABI/include -o gloss-example-units.so \
 *      Plugins/Examples/Units/units.c
 */
#include "gloss_plugin.h"

#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 helpers ------------------------------------------------------ */

/* Decodes the code point at text[*at] and advances *at. The host guarantees
 * valid UTF-8, so no error handling is needed beyond staying in bounds. */
static uint32_t next_code_point(const unsigned char *text, uint64_t length, uint64_t *at) {
    unsigned char byte = text[*at];
    uint32_t cp;
    int extra;
    if (byte < 0x80) { cp = byte; extra = 0; }
    else if ((byte & 0xE0) == 0xC0) { cp = byte & 0x1F; extra = 1; }
    else if ((byte & 0xF0) == 0xE0) { cp = byte & 0x0F; extra = 2; }
    else { cp = byte & 0x07; extra = 3; }
    (*at)++;
    while (extra-- > 0 && *at < length) {
        cp = (cp << 6) | (text[*at] & 0x3F);
        (*at)++;
    }
    return cp;
}

/* The value of a decimal digit in any of the three digit sets, or -1. */
static int digit_value(uint32_t cp) {
    if (cp >= '0' && cp <= '9') return (int)(cp - '0');
    if (cp >= 0x0660 && cp <= 0x0669) return (int)(cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return (int)(cp - 0x06F0);
    return -1;
}

/* Letters (ASCII, Latin-1 and the Arabic block) and digits continue a word. */
static int is_word_char(uint32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || digit_value(cp) >= 0 ||
           (cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x0620 && cp <= 0x064A) ||
           (cp >= 0x066E && cp <= 0x06D3);
}

/* ---- units -------------------------------------------------------------- */

struct unit {
    const char *spelling; /* as written, UTF-8 */
    const char *unit;     /* normalized */
};

/* Longer spellings first where one is a prefix of another. */
static const struct unit units[] = {
    {"كيلومترات", "km"}, {"كيلومترا", "km"}, {"كيلومتر", "km"}, {"كلم", "km"}, {"كم", "km"},
    {"أمتار", "m"}, {"مترا", "m"}, {"متر", "m"},
    {"كيلوغرامات", "kg"}, {"كيلوغراما", "kg"}, {"كيلوغرام", "kg"}, {"كلغ", "kg"}, {"كغ", "kg"},
    {"أطنان", "t"}, {"طنا", "t"}, {"طن", "t"},
    {"بالمئة", "percent"}, {"بالمائة", "percent"}, {"في المئة", "percent"}, {"في المائة", "percent"},
    {"دولارات", "USD"}, {"دولارا", "USD"}, {"دولار", "USD"}, {"يورو", "EUR"},
    {"kilometres", "km"}, {"kilometers", "km"}, {"kilometre", "km"}, {"kilometer", "km"}, {"km", "km"},
    {"metres", "m"}, {"meters", "m"}, {"metre", "m"}, {"meter", "m"},
    {"kilograms", "kg"}, {"kilogram", "kg"}, {"kg", "kg"},
    {"tonnes", "t"}, {"tons", "t"}, {"tonne", "t"}, {"ton", "t"},
    {"miles", "mi"}, {"mile", "mi"},
    {"percent", "percent"}, {"per cent", "percent"}, {"%", "percent"}, {"٪", "percent"},
    {"dollars", "USD"}, {"euros", "EUR"},
};

/* If a unit starts at text[at], returns it and sets *end past it. A unit made
 * of letters must end at a word boundary ("km" matches in "5 km." but not in
 * "5 kmh"). */
static const struct unit *match_unit(const unsigned char *text, uint64_t length, uint64_t at, uint64_t *end) {
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t n = strlen(units[i].spelling);
        if (at + n > length || memcmp(text + at, units[i].spelling, n) != 0) continue;
        uint64_t after = at + n;
        if (after < length) {
            uint64_t probe = after;
            uint32_t cp = next_code_point(text, length, &probe);
            unsigned char first = (unsigned char)units[i].spelling[0];
            int is_symbol = first == '%' || memcmp(units[i].spelling, "٪", 2) == 0;
            if (!is_symbol && is_word_char(cp)) continue;
        }
        *end = after;
        return &units[i];
    }
    return NULL;
}

/* ---- the plugin --------------------------------------------------------- */

static gloss_status_t units_create(const gloss_host_t *host, gloss_instance_t **out_instance) {
    (void)host;
    *out_instance = NULL; /* no per-instance state */
    return GLOSS_STATUS_OK;
}

static void units_destroy(gloss_instance_t *instance) {
    (void)instance;
}

static gloss_status_t units_analyze(gloss_instance_t *instance, const gloss_document_t *document,
                                    const gloss_sink_t *sink) {
    (void)instance;
    const unsigned char *text = (const unsigned char *)document->text;
    uint64_t length = document->text_length;
    uint64_t at = 0;
    uint32_t previous = ' ';

    while (at < length) {
        uint64_t start = at;
        uint32_t cp = next_code_point(text, length, &at);
        if (digit_value(cp) < 0 || is_word_char(previous)) {
            previous = cp;
            continue;
        }
        /* A number: digits, then optionally one separator and more digits. */
        double value = digit_value(cp);
        double scale = 0;
        uint64_t number_end = at;
        while (at < length) {
            uint64_t probe = at;
            uint32_t c = next_code_point(text, length, &probe);
            int d = digit_value(c);
            if (d >= 0) {
                if (scale > 0) { value += d / scale; scale *= 10; }
                else value = value * 10 + d;
                at = number_end = probe;
            } else if (scale == 0 && (c == '.' || c == ',' || c == 0x066B) && probe < length) {
                uint64_t look = probe;
                if (digit_value(next_code_point(text, length, &look)) < 0) break;
                scale = 10;
                at = probe;
            } else {
                break;
            }
        }
        /* Optional spaces, then a unit. */
        uint64_t unit_start = number_end;
        while (unit_start < length && text[unit_start] == ' ') unit_start++;
        uint64_t unit_end = 0;
        const struct unit *unit = match_unit(text, length, unit_start, &unit_end);
        previous = '0';
        if (unit == NULL) continue;

        gloss_attribute_t attributes[2];
        memset(attributes, 0, sizeof attributes);
        attributes[0].key = "value";
        attributes[0].kind = GLOSS_VALUE_NUMBER;
        attributes[0].number_value = value;
        attributes[1].key = "unit";
        attributes[1].kind = GLOSS_VALUE_STRING;
        attributes[1].string_value = unit->unit;

        gloss_annotation_t annotation;
        memset(&annotation, 0, sizeof annotation);
        annotation.struct_size = sizeof annotation;
        annotation.type = "quantity";
        annotation.start = start;
        annotation.end = unit_end;
        annotation.confidence = 0.9;
        annotation.attributes = attributes;
        annotation.attribute_count = 2;
        if (sink->emit(sink, &annotation) == GLOSS_STATUS_STOP) break;
        at = unit_end;
    }
    return GLOSS_STATUS_OK;
}

static const char *const units_languages[] = {"ar", "en", NULL};
static const char *const units_types[] = {"quantity", NULL};

static const gloss_plugin_descriptor_t units_descriptor = {
    .struct_size = sizeof(gloss_plugin_descriptor_t),
    .abi_major = GLOSS_ABI_VERSION_MAJOR,
    .abi_minor = GLOSS_ABI_VERSION_MINOR,
    .flags = GLOSS_PLUGIN_FLAG_CONCURRENT, /* no mutable state: safe from any thread */
    .id = "gloss.example.units",
    .version = "1.0.0",
    .description = "Numbers with units (130 كلم, 5.5 km, 40%), in C",
    .languages = units_languages,
    .annotation_types = units_types,
    .required_plugins = NULL,
    .create = units_create,
    .destroy = units_destroy,
    .analyze = units_analyze,
};

GLOSS_PLUGIN_EXPORT const gloss_plugin_descriptor_t *gloss_plugin_entry(void) {
    return &units_descriptor;
}
