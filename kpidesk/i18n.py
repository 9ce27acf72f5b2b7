"""The program's language and its translations without Qt, for the command line.

The window translates through Qt (``kpidesk_ja.qm``); the headless commands
must not import Qt, so they read the same translations from the Qt Linguist
source, ``resources/i18n/kpidesk_ja.ts``, with the standard library's XML
parser (once, when a text is first translated). One file holds every
translation, so the command line and the window can never disagree.

The language is chosen by one rule, for both: ``--lang``, else the window's
preference (Edit > Preferences), else the first of ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` that is set, else English. ``ja``,
``ja_JP.UTF-8`` and ``ja-JP`` are Japanese; ``C`` and ``POSIX`` are English.
Environment variables are read rather than ``setlocale``, because a
Japanese locale is often not generated on the machines where kpidesk runs
headless, while ``LANG=ja_JP.UTF-8`` still says what the planner reads.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from kpidesk import paths
from kpidesk.model.reasons import QT_TRANSLATE_NOOP

ENGLISH, JAPANESE = "en", "ja"
#: Languages with a translation (English is the source language).
LANGUAGES = (ENGLISH, JAPANESE)
#: Where the language comes from, in order, when no option and no preference say it.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
#: Values of ``--lang`` and of the preference that mean "as the environment says".
SYSTEM_WORDS = frozenset({"", "system", "auto"})

_chosen: str | None = None  # set by --lang (set_language); None: from the environment
_in_use: str | None = None  # set by the window from its rule, preference included (use_language)



def language_of(tag: str) -> str | None:
    """The supported language a locale name or language tag means, or None for one kpidesk lacks.

    ``ja``, ``ja_JP.UTF-8``, ``ja-JP`` -> ``ja``; ``C``, ``C.UTF-8``, ``POSIX``, ``en_GB`` -> ``en``.
    A ``LANGUAGE`` list (``fr:ja:en``) means its first language that kpidesk has.
    """
    for item in tag.split(":"):
        code = item.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
        if code in ("c", "posix"):
            return ENGLISH
        if code in LANGUAGES:
            return code
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: the first of :data:`ENVIRONMENT` that is set, else English."""
    env = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = env.get(name, "").strip()
        if value:
            return language_of(value) or ENGLISH
    return ENGLISH


def language(requested: str | None = None, preference: str | None = None,
             environ: Mapping[str, str] | None = None) -> str:
    """The language to use: ``requested`` (``--lang``), else ``preference``, else the environment.

    A value that names no language kpidesk has (``fr``) falls through to the next source.
    """
    for choice in (requested, preference):
        if choice is not None and choice.strip().lower() not in SYSTEM_WORDS:
            found = language_of(choice)
            if found is not None:
                return found
    return system_language(environ)


def set_language(requested: str | None) -> str:
    """Fix the language for this process (the ``--lang`` option); returns the language in effect."""
    global _chosen, _in_use
    _chosen = language(requested) if requested is not None and requested.strip().lower() not in SYSTEM_WORDS \
        else None
    _in_use = None
    return current()


def use_language(lang: str) -> str:
    """Speak ``lang`` from now on without taking it for ``--lang`` (the window, after its preference)."""
    global _in_use
    _in_use = language(lang)
    return _in_use


def requested() -> str | None:
    """The language ``--lang`` asked for (None: no option; the window's preference or the environment decide)."""
    return _chosen


def current() -> str:
    """The language in effect: the window's choice, else ``--lang`` when given, else the environment's."""
    return _in_use or _chosen or system_language()


def take_lang_option(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """Split ``--lang X`` (or ``--lang=X``) off ``argv``, wherever it stands before ``--``.

    Returns the requested language (None when absent) and the other arguments.
    Raises ValueError when the option has no value or names no language kpidesk has.
    """
    rest: list[str] = []
    requested: str | None = None
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        if item == "--":
            rest += items[index:]
            break
        if item == "--lang" or item.startswith("--lang="):
            if item == "--lang":
                if index + 1 >= len(items):
                    raise ValueError("--lang needs a value: en, ja or system")
                value = items[index + 1]
                index += 1
            else:
                value = item.split("=", 1)[1]
            if value.strip().lower() not in SYSTEM_WORDS and language_of(value) is None:
                raise ValueError(f"--lang {value}: kpidesk speaks {', '.join(LANGUAGES)} (or system)")
            requested = value
        else:
            rest.append(item)
        index += 1
    return requested, rest


def catalogue_path(lang: str) -> str:
    """The Qt Linguist file that holds ``lang``'s translations."""
    return str(paths.resource("i18n", f"kpidesk_{lang}.ts"))


@lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, English text) -> translation, for every finished entry of ``lang``'s file.

    Unfinished, obsolete and empty translations are left out (the English text
    is shown instead, as Qt does). English, and a missing file, give {}.
    """
    if lang == ENGLISH:
        return {}
    try:
        root = ET.parse(catalogue_path(lang)).getroot()
    except (OSError, ET.ParseError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") is not None:
                continue
            text = translation.text or ""
            if text:
                found[(name, source)] = text
    return found


def translate(context: str, text: str) -> str:
    """``text`` in the current language; the signature of ``QCoreApplication.translate``.

    Called with literals, ``translate("Cli", "Metric")`` is also the marker
    pyside6-lupdate finds.
    """
    return catalogue(current()).get((context, text), text)


def translator(lang: str) -> Callable[[str, str], str]:
    """A translate function for ``lang`` regardless of the process's language (for tests and reports)."""
    table = catalogue(lang)

    def translate_in(context: str, text: str) -> str:
        return table.get((context, text), text)

    return translate_in


__all__ = [
    "ENGLISH", "JAPANESE", "LANGUAGES", "QT_TRANSLATE_NOOP", "catalogue", "current", "language", "language_of",
    "requested", "set_language", "system_language", "use_language", "take_lang_option", "translate", "translator",
]
