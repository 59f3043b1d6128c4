"""Repair text that was double-encoded (UTF-8 read as Windows-1252, then saved again as
UTF-8: "menâ€”Donald"), with ftfy, and only that.

ftfy runs with every fixer off but the encoding fix: quotes stay curly, ligatures,
full-width letters, line breaks, control characters, HTML entities and Unicode
normalization are left as they are, so text that is fine comes back identical.
restore_byte_a0 and decode_inconsistent_utf8 are off too: with them, a legitimate
"â€" followed by a space became "†". So a line is repaired only when all of it reads
back as UTF-8 (a line that mixes mojibake with fine non-Latin-1 text stays as it is).
ftfy only sees the lines that hold a telltale pair (a UTF-8 lead byte read as cp1252,
then a continuation byte read as cp1252); fine text costs one regex scan in C (ftfy
itself takes ~0.5 s on 1 MB of fine text).
"""

from __future__ import annotations

import re

__all__ = ["REPAIRED", "repair_mojibake"]

REPAIRED = "repaired mis-encoded text (UTF-8 that had been read as Windows-1252)"

# A UTF-8 lead byte C2-F4 seen as cp1252 (U+00C2-U+00F4), then a continuation byte
# 80-BF seen as cp1252: its punctuation and letters for 80-9F (C1 controls where cp1252
# has no character, as browsers decode them), U+00A0-U+00BF for A0-BF.
_TELLTALE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> tuple[str, bool]:
    """(text with its double-encoded lines repaired, whether anything changed)."""
    if _TELLTALE.search(text) is None:
        return text, False
    from ftfy import TextFixerConfig, fix_text  # imported only when a file needs it

    config = TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
        restore_byte_a0=False, replace_lossy_sequences=False, decode_inconsistent_utf8=False,
        fix_c1_controls=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
        remove_control_chars=False, normalization=None,
        explain=True,  # ftfy 6.3 without it turns a lone "â€ " into "†" all the same
    )
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if _TELLTALE.search(line) is not None:
            fixed = fix_text(line, config)
            if fixed != line and "\n" not in fixed:
                lines[i] = fixed
                changed = True
    return ("\n".join(lines), True) if changed else (text, False)
