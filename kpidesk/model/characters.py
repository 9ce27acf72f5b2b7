"""Characters that must not be in a plan's texts, and the one way kpidesk prints text to a terminal.

A name holding ``ESC [31m`` turns a terminal red when ``kpidesk calc`` prints
it; a NUL or a line break in a name breaks the table it is printed in; the bidi
overrides (U+202A-202E, U+2066-2069) make a name read backwards in the window,
in a printout and in a diff. Such text is refused on every way in (the file,
``kpidesk set``, the window): :func:`forbidden` says which character, and
:func:`character_name` names it ("U+001B ESCAPE"). What kpidesk prints to a
terminal goes through :func:`escape_controls` all the same, so that text from
elsewhere (a file name, a value quoted in an error) cannot reach it raw.
"""

from __future__ import annotations

import re
import unicodedata

#: The Unicode names (aliases) of the C0 controls, DEL and the C1 controls, which have no
#: character name of their own in the Unicode database.
_C0_NAMES = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE",
    "ALERT", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN",
    "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
)
_C1_NAMES = (
    "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX", "NEXT LINE",
    "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET", "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE", "DEVICE CONTROL STRING",
    "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE", "CANCEL CHARACTER", "MESSAGE WAITING",
    "START OF GUARDED AREA", "END OF GUARDED AREA", "START OF STRING", "SINGLE GRAPHIC CHARACTER INTRODUCER",
    "SINGLE CHARACTER INTRODUCER", "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR", "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
)
#: The bidi embeddings, overrides and isolates: they reorder the text around them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
#: Every character kpidesk never lets through: C0, DEL, C1 and the bidi controls.
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
#: In a long text (notes, a definition) a tab, a line feed and a CR before a line feed are fine.
_UNSAFE_IN_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]|\r(?!\n)")
#: What a terminal must not see, line breaks aside (they separate the lines printed).
_UNSAFE_IN_OUTPUT = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]")


def forbidden(text: str, *, multiline: bool = False) -> str | None:
    """The first character of ``text`` that a plan may not hold, or None.

    One-line texts (names, units, owners) take no control character at all;
    long texts (``multiline``: notes, definitions) take tabs and line breaks.
    """
    found = (_UNSAFE_IN_TEXT if multiline else _UNSAFE).search(text)
    return found.group()[0] if found else None


def character_name(char: str) -> str:
    """``U+001B ESCAPE``: the code point and its name, for a message."""
    point = ord(char)
    if point < 0x20:
        name = _C0_NAMES[point]
    elif point == 0x7F:
        name = "DELETE"
    elif 0x80 <= point < 0xA0:
        name = _C1_NAMES[point - 0x80]
    else:
        name = unicodedata.name(char, "")
    return f"U+{point:04X} {name}".rstrip()


def _escape(match: re.Match[str]) -> str:
    point = ord(match.group())
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def escape_controls(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control and bidi character written as an escape (``\\x1b``, ``\\u202e``).

    For a terminal: a table cell escapes line breaks too, a printed message
    (``keep_newlines``) keeps them between its lines.
    """
    return (_UNSAFE_IN_OUTPUT if keep_newlines else _UNSAFE).sub(_escape, text)


#: Characters JSON output leaves raw (it escapes only U+0000-U+001F) that a terminal may act on.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}]")


def json_safe(text: str) -> str:
    """JSON text with DEL, the C1 and the bidi controls as ``\\u`` escapes: the same JSON, safe to print.

    Outside strings JSON holds none of these characters, so every escape lands inside a string.
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


__all__ = ["forbidden", "character_name", "escape_controls", "json_safe"]
