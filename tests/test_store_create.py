"""Store creation survives a creator that died holding the ``.creating`` flag (SIGKILL, power loss), and never
steals the flag of a creator that is still running."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.store import core, open_store

_HANG_IN_CREATE = """
import sys, time
from eventwire.store import migrations, open_store
migrations.write_store_file = lambda *a, **k: time.sleep(600)  # stop inside creation, flag held
open_store(sys.argv[1], create=True)
"""


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _flag(root: Path, owner: dict[str, object] | None, age_s: float = 0.0) -> Path:
    root.mkdir(parents=True)
    flag = root / ".creating"
    flag.write_text(json.dumps(owner) if owner is not None else "", encoding="utf-8")
    then = time.time() - age_s
    os.utime(flag, (then, then))
    return flag


def test_store_created_after_creator_was_sigkilled(tmp_path: Path) -> None:
    root = tmp_path / "s"
    child = subprocess.Popen([sys.executable, "-c", _HANG_IN_CREATE, str(root)])
    try:
        flag = root / ".creating"
        for _ in range(3000):  # the child is stuck inside creation once its flag names it
            if flag.exists() and flag.read_text(encoding="utf-8").strip():
                break
            time.sleep(0.01)
        assert json.loads(flag.read_text(encoding="utf-8"))["pid"] == child.pid
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert flag.exists()  # the dead creator's flag is still there ...
    store = open_store(root, create=True)  # ... and no longer blocks the store
    assert (root / "store.json").exists() and not flag.exists()
    assert store.write_batch([]) and open_store(root).root == root


@pytest.mark.parametrize(
    ("owner", "age_s"),
    [
        ({"pid": "dead", "host": "here", "started": 0}, 0.0),  # dead pid on this host: stale at once
        ({"pid": 1, "host": "elsewhere.example", "started": 0}, core.STALE_CREATING_S + 5),  # too old
        (None, core.UNOWNED_CREATING_S + 5),  # empty flag (died before writing it, or an older eventwire)
        ({"pid": "self", "host": "here", "started": 0}, core.STALE_CREATING_S + 5),  # pid reused since
    ],
)
def test_stale_flag_is_recovered(tmp_path: Path, owner: dict[str, object] | None, age_s: float) -> None:
    if owner is not None:
        owner = {
            **owner,
            "pid": {"dead": _dead_pid(), "self": os.getpid()}.get(str(owner["pid"]), owner["pid"]),
            "host": socket.gethostname() if owner["host"] == "here" else owner["host"],
        }
    flag = _flag(tmp_path / "s", owner, age_s)
    open_store(tmp_path / "s", create=True)
    assert (tmp_path / "s" / "store.json").exists() and not flag.exists()


@pytest.mark.parametrize(
    "owner",
    [
        {"pid": "self", "host": "here"},  # a live creator on this machine
        {"pid": 1, "host": "elsewhere.example"},  # a recent creator on another machine (shared file system)
        None,  # a flag just created, its owner not yet written
    ],
)
def test_live_flag_is_respected(
    tmp_path: Path, owner: dict[str, object] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(core, "CREATE_WAIT_S", 0.2)
    if owner is not None:
        owner = {
            "pid": os.getpid() if owner["pid"] == "self" else owner["pid"],
            "host": socket.gethostname() if owner["host"] == "here" else owner["host"],
            "started": time.time(),
        }
    flag = _flag(tmp_path / "s", owner)
    with pytest.raises(EventwireError) as err:
        open_store(tmp_path / "s", create=True)
    assert err.value.code == "E021"
    assert flag.exists() and not (tmp_path / "s" / "store.json").exists()
