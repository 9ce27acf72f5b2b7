"""A failed save and the warnings of one that went through are reasons: a code with parameters, in words at the edge.

Each case states by hand the code, the English text (the same words the planner read before the
codes) and the Japanese text the command line's translator (kpidesk.i18n, which reads
resources/i18n/kpidesk_ja.ts) makes from the same reason.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

import kpidesk.storage.atomic as atomic
from kpidesk import i18n
from kpidesk.model.reasons import reason_of
from kpidesk.planfile import PlanFile, load, loads, save
from kpidesk.planfile.verify import unsafe_to_write
from kpidesk.storage.atomic import SaveError, backup_path, check_name, explain, write_atomic
from kpidesk.storage.savelock import FileChanged, save_lock

JA = i18n.translator("ja")


def says(why, code: str, english: str, japanese: str) -> None:
    """``why`` (a SaveError or a reason) is ``code`` and reads ``english``, and ``japanese`` in Japanese."""
    found = why.reason if isinstance(why, SaveError) else why
    assert found.code == code
    assert str(why) == english
    assert why.text(JA) == japanese
    json.dumps(found.as_dict())  # plain parameters: a program can read them too


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"old = 1\n")
    return path


# ---- what the system refused ------------------------------------------------------------------
def system_refusals(path: Path) -> list[tuple[OSError, str, str, str, str]]:
    folder = path.parent
    return [
        (OSError(errno.ENOSPC, "No space left on device"), "write", "disk_full",
         f"The disk holding {folder} is full; free some space or save somewhere else.",
         f"{folder} のあるディスクがいっぱいです。空き容量を増やすか、別の場所に保存してください。"),
        (OSError(errno.EROFS, "Read-only file system"), "write", "drive_read_only",
         f"The drive holding {folder} is read-only; save the plan somewhere else.",
         f"{folder} のあるドライブは読み取り専用です。プランは別の場所に保存してください。"),
        (OSError(errno.ENOENT, "No such file or directory"), "rename", "folder_missing",
         f"The folder {folder} does not exist (was it moved, or a drive disconnected?).",
         f"フォルダー {folder} がありません（移動されたか、ドライブの接続が切れていませんか？）。"),
        (OSError(errno.EINVAL, "Invalid argument"), "write", "name_not_allowed_here",
         "The file name 'plan.toml' is not allowed here; choose another name.",
         "ファイル名 'plan.toml' はここでは使えません。別の名前にしてください。"),
        (OSError(errno.EISDIR, "Is a directory"), "write", "is_a_folder",
         f"{path} is a folder, not a file.", f"{path} はフォルダーで、ファイルではありません。"),
        (OSError(errno.EACCES, "Permission denied"), "rename", "replace_blocked",
         "plan.toml could not be replaced: another program (a sync client, a virus scanner, another window) holds "
         "it, or the folder is read-only. The file was left as it was; try again in a moment.",
         "plan.toml を置き換えられませんでした。別のプログラム（同期ソフト、ウイルス対策ソフト、別のウィンドウ）が"
         "使用中か、フォルダーが読み取り専用です。ファイルは元のままです。しばらくしてからもう一度保存してください。"),
        (OSError(errno.EACCES, "Permission denied"), "write", "folder_not_writable",
         f"kpidesk may not write in {folder}: the folder is read-only or belongs to someone else.",
         f"kpidesk は {folder} に書き込めません。フォルダーが読み取り専用か、別のユーザーのものです。"),
        (OSError(errno.EIO, "Input/output error"), "rename", "save_failed",
         f"The plan could not be saved to {path}: Input/output error.",
         f"プランを {path} に保存できませんでした: Input/output error。"),
    ]


def test_each_refusal_of_the_system_is_a_code_in_english_and_japanese(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    for exc, step, code, english, japanese in system_refusals(path):
        error = explain(exc, path, step)
        says(error, code, english, japanese)
        assert error.strerror == english and error.code == exc.errno  # an OSError as before
    assert explain(OSError(errno.EIO, "Input/output error"), path, "write").reason.params == {
        "path": str(path), "detail": "Input/output error"}  # the system's words are a parameter


def test_names_no_file_system_takes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SaveError) as info:
        check_name(tmp_path / "..")
    says(info.value, "name_not_allowed", "The file name '..' is not allowed.", "ファイル名 '..' は使えません。")
    with pytest.raises(SaveError) as info:
        check_name(tmp_path / ("x" * 256))
    says(info.value, "file_name_too_long", "The file name is too long (256 characters); choose a shorter one.",
         "ファイル名が長すぎます（256 文字）。短い名前にしてください。")
    monkeypatch.setattr(atomic, "sys", SimpleNamespace(platform="win32"))
    with pytest.raises(SaveError) as info:
        check_name(tmp_path / "CON")
    says(info.value, "name_not_allowed_windows", "The file name 'CON' is not allowed on Windows.",
         "ファイル名 'CON' は Windows では使えません。")


def test_a_read_only_plan(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "access", lambda path, mode: not (Path(path) == plan and mode == os.W_OK))
    with pytest.raises(SaveError) as info:
        write_atomic(plan, b"new = 2\n")
    says(info.value, "file_read_only", "plan.toml is read-only; save under another name, or make it writable first.",
         "plan.toml は読み取り専用です。別の名前で保存するか、先に書き込めるようにしてください。")
    assert plan.read_bytes() == b"old = 1\n"


def test_another_save_holding_the_lock_and_a_file_changed_meanwhile(plan: Path) -> None:
    with save_lock(plan) as held:
        assert held
        with pytest.raises(SaveError) as info, save_lock(plan, wait=0):
            pass
    says(info.value, "save_lock_timeout",
         "Another program has been saving plan.toml for 0 seconds; the plan was not saved. Try again in a moment.",
         "別のプログラムが 0 秒間 plan.toml を保存し続けているため、プランを保存しませんでした。"
         "しばらくしてからもう一度保存してください。")
    says(FileChanged(plan), "file_changed",
         "plan.toml was changed by another program or person after it was read here, so it was not overwritten: "
         "nothing was written. Save again to choose whether to replace their version, or open the file again to "
         "see it.",
         "plan.toml はここで読み込んだ後に別のプログラムか別の人が変更したため、上書きしませんでした（何も書き込んで"
         "いません）。相手の版を置き換えるかどうかは、もう一度保存すると選べます。相手の版を見るには、ファイルを"
         "開き直してください。")


def test_a_message_made_elsewhere_is_kept_as_it_is() -> None:
    error = SaveError("The disk is full.")
    assert error.reason.code == "refused" and error.text(JA) == "The disk is full." == str(error)
    assert reason_of(error) is error.reason and reason_of(OSError("gone")).text() == "gone"


# ---- text that would not read back -----------------------------------------------------------
PLAN = ('format_version = "1.0"\n\n[plan]\ntitle = "Mine"\n\n'
        '[[metric]]\nid = "goal"\nname = "Goal"\ntarget = 1_000\n\n'
        '[[metric]]\nid = "a"\nparent = "goal"\nname = "A"\nrate = "10%"\n\n'
        '[[metric]]\nid = "b"\nparent = "goal"\nname = "B"\nrate = "20%"\n')
A = 'id = "a"\nparent = "goal"\nname = "A"\nrate = "10%"'
B = 'id = "b"\nparent = "goal"\nname = "B"\nrate = "20%"'


@pytest.mark.parametrize("text, codes, english, japanese", [
    (PLAN.split('\n\n[[metric]]\nid = "b"')[0] + "\n", ("metric_missing",), "metric 'b' would be missing",
     "指標 'b' がなくなります"),
    (PLAN + '\n[[metric]]\nid = "c"\nparent = "goal"\nname = "C"\n', ("metric_appears",), "metric 'c' would appear",
     "指標 'c' が増えます"),
    (PLAN.replace(A, "@").replace(B, A).replace("@", B), ("order_differs",), "the metrics would be in another order",
     "指標の順序が変わります"),
    (PLAN.replace('rate = "20%"', 'rate = "30%"'), ("field_differs",),
     "metric 'b', rate: Decimal('0.3') instead of Decimal('0.2')",
     "指標 'b'、rate: Decimal('0.2') ではなく Decimal('0.3') になります"),
    (PLAN.replace('title = "Mine"', 'title = "Other"'), ("info_differs",), "plan.title: 'Other' instead of 'Mine'",
     "plan.title: 'Mine' ではなく 'Other' になります"),
    ("x = \n", ("would_not_open_at", "toml_invalid"),
     "it would not open again (line 1, column 5: not valid TOML: Invalid value)",
     "保存すると開けなくなります（1 行 5 文字目: 正しい TOML ではありません: Invalid value）"),
    (PLAN.replace('rate = "20%"', 'rate = "lots"'), ("would_not_open_at", "in_metric_key", "not_a_number"),
     "it would not open again (line 21, column 8: metric 'b', rate: 'lots' is not a number)",
     "保存すると開けなくなります（21 行 8 文字目: 指標 'b'、rate: 'lots' は数値ではありません）"),
])
def test_why_text_would_not_read_back_is_a_reason(text: str, codes: tuple[str, ...], english: str,
                                                   japanese: str) -> None:
    why = unsafe_to_write(loads(PLAN).plan, text, "plan.toml")
    assert why is not None and why.codes == codes
    assert why.text() == english and why.text(JA) == japanese


def test_a_save_that_would_not_read_back_says_why_in_one_sentence(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    plan_file = load(path)
    monkeypatch.setattr(PlanFile, "encoded", lambda self: PLAN.split('\n\n[[metric]]\nid = "b"')[0].encode())
    with pytest.raises(SaveError) as info:
        save(plan_file)
    assert info.value.reason.codes == ("not_read_back", "metric_missing")
    says(info.value, "metric_missing",
         "The plan was not saved: the text made for plan.toml does not read back as this plan (metric 'b' would be "
         "missing). plan.toml and its backup were left as they were.",
         "プランを保存しませんでした。plan.toml 用に作ったテキストを読み直すと、このプランになりません（指標 'b' が"
         "なくなります）。plan.toml とそのバックアップは元のままです。")
    assert path.read_text(encoding="utf-8") == PLAN


# ---- warnings: saved, but something could not be kept ------------------------------------------
@pytest.mark.unprivileged
def test_an_owner_that_cannot_be_kept(plan: Path, give_away) -> None:
    give_away(plan)
    warnings = write_atomic(plan, b"new = 2\n", backup=False)
    assert len(warnings) == 1
    says(warnings[0], "owner_not_kept", "plan.toml now belongs to you: its owner or group could not be kept.",
         "plan.toml の所有者またはグループを元のままにできなかったため、所有者があなたになりました。")


def test_extended_attributes_that_cannot_be_kept(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "listxattr"):
        pytest.skip("no extended attributes here")

    def refuse(*args: object) -> None:
        raise OSError(errno.ENOTSUP, "Operation not supported")

    monkeypatch.setattr(os, "listxattr", lambda path: ["user.a", "user.b"])
    monkeypatch.setattr(os, "getxattr", lambda path, name: b"x")
    monkeypatch.setattr(os, "setxattr", refuse)
    warnings = write_atomic(plan, b"new = 2\n", backup=False)
    assert len(warnings) == 1 and warnings[0].params == {"name": "plan.toml", "names": ("user.a", "user.b")}
    says(warnings[0], "attributes_not_kept", "Extended attributes of plan.toml could not be kept: user.a, user.b.",
         "plan.toml の拡張属性を引き継げませんでした: user.a, user.b。")


def test_no_backup_says_why_inside(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if Path(path).name.startswith(f".{plan.name}{atomic.BACKUP_SUFFIX}."):
            raise OSError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    warnings = write_atomic(plan, b"new = 2\n")
    assert len(warnings) == 1 and warnings[0].codes == ("no_backup", "folder_not_writable")
    says(warnings[0], "folder_not_writable",
         f"No backup copy was made (kpidesk may not write in {plan.parent}: the folder is read-only or belongs to "
         "someone else.).",
         f"バックアップを作成できませんでした（kpidesk は {plan.parent} に書き込めません。フォルダーが読み取り専用か、"
         "別のユーザーのものです。）。")
    assert plan.read_bytes() == b"new = 2\n" and not backup_path(plan).exists()


def test_a_reshaped_file_names_itself_in_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text('plan.title = "T"\nmetric = [{id = "goal", name = "Goal"}]\n', encoding="utf-8")
    plan_file = load(path)
    save(plan_file, backup=False)
    assert [w.codes for w in plan_file.save_warnings] == [("reshaped_in_file", "plan_facts_reshaped"),
                                                          ("reshaped_in_file", "metrics_reshaped")]
    plan_note, metrics_note = plan_file.save_warnings
    says(plan_note, "plan_facts_reshaped",
         "inline.toml: the plan's facts were dotted keys or an inline table (plan.title = ...); they are written as "
         "a [plan] table now.",
         "inline.toml: プランの情報がドット付きキーかインラインテーブル（plan.title = ...）で書かれていたため、"
         "[plan] テーブルに書き直しました。")
    says(metrics_note, "metrics_reshaped",
         "inline.toml: the metrics were an inline array (metric = [...]); they are written as [[metric]] tables now, "
         "every value kept (comments inside the array could not be kept).",
         "inline.toml: 指標がインライン配列（metric = [...]）で書かれていたため、[[metric]] テーブルに書き直しました。"
         "値はすべてそのままです（配列内のコメントは残せませんでした）。")
