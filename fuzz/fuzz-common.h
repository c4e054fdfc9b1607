/* fuzz-common.h - what every libFuzzer target in fuzz/ shares
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A target defines FUZZ_NAME (its program's name, for messages) and then
 * includes this header after <pbscore/pbscore.h>. A broken promise prints
 * what was broken, the error and the text involved, and abort()s, which
 * libFuzzer reports as a crash with the input that caused it
 * (doc/fuzzing.md).
 */
#ifndef PBS_FUZZ_COMMON_H
#define PBS_FUZZ_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef FUZZ_NAME
#error "define FUZZ_NAME before including fuzz-common.h"
#endif

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* @error and @text (the input, or what was written) may be NULL. */
static G_GNUC_UNUSED G_GNUC_NORETURN void
broken_promise (const char *what, const GError *error, const char *text)
{
  fprintf (stderr, FUZZ_NAME ": %s\n", what);
  if (error != NULL)
    fprintf (stderr, "  error: %s/%d: %s\n", g_quark_to_string (error->domain),
             error->code, error->message);
  if (text != NULL)
    fprintf (stderr, "  text:\n%s\n", text);
  abort ();
}

/* A failure's promise: @error is set (else @what was broken), in one of
 * the domains listed after @domain (0 ends the list), with a UTF-8
 * message. */
static G_GNUC_UNUSED void
check_error (const GError *error, const char *what, const char *text, GQuark domain, ...)
{
  gboolean known = FALSE;
  va_list ap;

  if (error == NULL)
    broken_promise (what, NULL, text);
  va_start (ap, domain);
  for (GQuark d = domain; d != 0 && !known; d = va_arg (ap, GQuark))
    known = error->domain == d;
  va_end (ap);
  if (!known)
    broken_promise ("an error in the wrong domain", error, text);
  if (error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
    broken_promise ("an error message that is not UTF-8", error, text);
}

#endif /* PBS_FUZZ_COMMON_H */
