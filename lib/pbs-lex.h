/* pbs-lex.h - numbers written the Chinese way, folded and scanned (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

/* Layer: lexing. Everything that reads a number or a word out of a cell
 * first folds it here: full-width digits, signs and white space become
 * ASCII, surrounding white space goes. */

/* Copies @text folded and trimmed. @text must be valid UTF-8. */
char    *pbs_lex_fold        (const char *text);

/* Checks that @text is UTF-8 (PBS_VALUE_ERROR_INVALID_UTF8 otherwise, the
 * text shown made valid) and returns it folded, or NULL. */
char    *pbs_lex_fold_checked (const char *text, GError **error);

/* Reads an optional sign, ASCII digits with thousands separators in groups
 * of three and an optional fraction from @p (already folded). On success
 * *@endp is the first byte after the number; PBS_VALUE_ERROR_NUMBER or
 * _OVERFLOW otherwise. */
gboolean pbs_lex_number      (const char  *p,
                              PbsDecimal  *out,
                              const char **endp,
                              GError     **error);

/* Is @reason a real 偏差原因 (not empty, not a placeholder such as 无 / -)? */
gboolean pbs_lex_is_reason   (const char *reason);

/* Is @text no value at all (rule book §11): empty, or only /, ／, —, ——,
 * -, －, 无 or 空? @text must be valid UTF-8. */
gboolean pbs_lex_is_no_value (const char *text);

/* Does @text hold a placeholder left to fill in (rule book §11): 待填写,
 * 待补充, XX, xx or ××? */
gboolean pbs_lex_is_placeholder (const char *text);

G_END_DECLS
