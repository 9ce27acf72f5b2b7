"""The English templates of what a save refuses or could not keep, by code (context ``SaveErrors``).

A failed save (:class:`kpidesk.storage.atomic.SaveError`) and the warnings of
one that went through (``PlanFile.save_warnings``) are
:class:`~kpidesk.model.reasons.Reason` objects like the errors of reading a
file; :func:`kpidesk.model.messages.error_template` finds their templates
here, and their text is made at the edge: in English, through Qt's
translation in the window, through :mod:`kpidesk.i18n` on the command line.
"""

from __future__ import annotations

from kpidesk.model.reasons import QT_TRANSLATE_NOOP

SAVE_CONTEXT = "SaveErrors"


#: code -> English template of what a save refuses or could not keep (context "SaveErrors").
#: ``{folder}`` and ``{path}`` are full paths, ``{name}`` a file's name; ``{reason}`` is the reason inside.
SAVE_ERRORS: dict[str, str] = {
    # the file name (kpidesk.storage.atomic.check_name)
    "name_not_allowed": QT_TRANSLATE_NOOP("SaveErrors", "The file name {name!r} is not allowed."),
    "file_name_too_long": QT_TRANSLATE_NOOP(
        "SaveErrors", "The file name is too long ({count} characters); choose a shorter one."),
    "name_not_allowed_windows": QT_TRANSLATE_NOOP("SaveErrors", "The file name {name!r} is not allowed on Windows."),
    # what the system refused (kpidesk.storage.atomic.explain)
    "disk_full": QT_TRANSLATE_NOOP(
        "SaveErrors", "The disk holding {folder} is full; free some space or save somewhere else."),
    "drive_read_only": QT_TRANSLATE_NOOP(
        "SaveErrors", "The drive holding {folder} is read-only; save the plan somewhere else."),
    "folder_missing": QT_TRANSLATE_NOOP(
        "SaveErrors", "The folder {folder} does not exist (was it moved, or a drive disconnected?)."),
    "name_not_allowed_here": QT_TRANSLATE_NOOP(
        "SaveErrors", "The file name {name!r} is not allowed here; choose another name."),
    "is_a_folder": QT_TRANSLATE_NOOP("SaveErrors", "{path} is a folder, not a file."),
    "replace_blocked": QT_TRANSLATE_NOOP(
        "SaveErrors", "{name} could not be replaced: another program (a sync client, a virus scanner, another "
        "window) holds it, or the folder is read-only. The file was left as it was; try again in a moment."),
    "folder_not_writable": QT_TRANSLATE_NOOP(
        "SaveErrors", "kpidesk may not write in {folder}: the folder is read-only or belongs to someone else."),
    "save_failed": QT_TRANSLATE_NOOP("SaveErrors", "The plan could not be saved to {path}: {detail}."),
    "file_read_only": QT_TRANSLATE_NOOP(
        "SaveErrors", "{name} is read-only; save under another name, or make it writable first."),
    # another save, another program (kpidesk.storage.savelock)
    "save_lock_timeout": QT_TRANSLATE_NOOP(
        "SaveErrors", "Another program has been saving {name} for {seconds} seconds; the plan was not saved. "
        "Try again in a moment."),
    "file_changed": QT_TRANSLATE_NOOP(
        "SaveErrors", "{name} was changed by another program or person after it was read here, so it was not "
        "overwritten: nothing was written. Save again to choose whether to replace their version, or open the "
        "file again to see it."),
    # text that would not read back as the plan (kpidesk.planfile.verify): the phrase, then why
    "not_read_back": QT_TRANSLATE_NOOP(
        "SaveErrors", "The plan was not saved: the text made for {name} does not read back as this plan "
        "({reason}). {name} and its backup were left as they were."),
    "would_not_open": QT_TRANSLATE_NOOP("SaveErrors", "it would not open again"),
    "would_not_open_at": QT_TRANSLATE_NOOP(
        "SaveErrors", "it would not open again (line {line}, column {column}: {reason})"),
    "metric_missing": QT_TRANSLATE_NOOP("SaveErrors", "metric {metric!r} would be missing"),
    "metric_appears": QT_TRANSLATE_NOOP("SaveErrors", "metric {metric!r} would appear"),
    "order_differs": QT_TRANSLATE_NOOP("SaveErrors", "the metrics would be in another order"),
    "field_differs": QT_TRANSLATE_NOOP("SaveErrors", "metric {metric!r}, {key}: {found} instead of {wanted}"),
    "info_differs": QT_TRANSLATE_NOOP("SaveErrors", "plan.{key}: {found} instead of {wanted}"),
    # warnings: saved, but something of the old file could not be kept
    "owner_not_kept": QT_TRANSLATE_NOOP(
        "SaveErrors", "{name} now belongs to you: its owner or group could not be kept."),
    "attributes_not_kept": QT_TRANSLATE_NOOP(
        "SaveErrors", "Extended attributes of {name} could not be kept: {names}."),
    "no_backup": QT_TRANSLATE_NOOP("SaveErrors", "No backup copy was made ({reason})."),
    # warnings: the file was written in the shape kpidesk writes (kpidesk.planfile.shapes)
    "reshaped_in_file": QT_TRANSLATE_NOOP("SaveErrors", "{name}: {reason}."),
    "plan_facts_reshaped": QT_TRANSLATE_NOOP(
        "SaveErrors", "the plan's facts were dotted keys or an inline table (plan.title = ...); they are written "
        "as a [plan] table now"),
    "metrics_reshaped": QT_TRANSLATE_NOOP(
        "SaveErrors", "the metrics were an inline array (metric = [...]); they are written as [[metric]] tables "
        "now, every value kept (comments inside the array could not be kept)"),
}

__all__ = ["SAVE_CONTEXT", "SAVE_ERRORS"]
