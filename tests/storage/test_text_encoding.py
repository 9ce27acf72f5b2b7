"""Lock and recovery files are UTF-8 whatever the system's own encoding (a Japanese Windows reads cp932).

The check runs in a child process whose locale encoding is ASCII, so that a file read in the
system's encoding instead of UTF-8 fails there as it would on such a machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kpidesk.storage import lock, recovery

ROOT = Path(__file__).resolve().parents[2]
READ_BOTH = """
import sys
from pathlib import Path
from kpidesk.storage import lock, recovery
folder = Path(sys.argv[1])
info = lock.read_lock(folder / "plan.toml")
entry = recovery.read_entry(next(folder.glob("*" + recovery.SUFFIX)))
print(ascii((info.user, info.host, entry.title if entry else None, entry.text if entry else None)))
"""


def test_lock_and_recovery_files_are_read_as_utf8_under_an_ascii_locale(tmp_path: Path) -> None:
    (tmp_path / ".~plan.toml.lock").write_text(json.dumps({"user": "田中", "host": "営業-PC", "pid": 1},
                                                          ensure_ascii=False), encoding="utf-8")
    (tmp_path / "1-doc.kpidesk-recovery").write_text(json.dumps(
        {"format": "kpidesk-recovery", "title": "売上", "text": 'title = "売上"\n'}, ensure_ascii=False),
        encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0",
           "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run([sys.executable, "-c", READ_BOTH, str(tmp_path)], env=env, capture_output=True, text=True,
                          encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ascii(("田中", "営業-PC", "売上", 'title = "売上"\n'))
    # and here, where the locale is whatever the machine has
    info, entry = lock.read_lock(tmp_path / "plan.toml"), recovery.read_entry(tmp_path / "1-doc.kpidesk-recovery")
    assert (info.user, info.host, entry.title, entry.text) == ("田中", "営業-PC", "売上", 'title = "売上"\n')
