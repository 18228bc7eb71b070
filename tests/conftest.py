"""Shared fixtures: sample portals on free loopback ports, a CLI runner, paths to shared data."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NO_SHARED = "../shared 不存在（没有共享材料的独立克隆）：跳过需要通知原文的测试"


def shared(relative: str | Path) -> Path:
    """A file or folder of ../shared that a test needs.

    Skipped, with the reason, only in a clone without ../shared; where ../shared exists (CI) a missing
    file is a failure that names it, so that quote checks never pass silently.
    """
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    path = SHARED / relative
    assert path.exists(), f"../shared 存在但缺少 {relative}：共享材料不完整，无法核对"
    return path


def free_port_base(count: int = 8) -> int:
    """A base port with ``count`` consecutive free ports on 127.0.0.1."""
    for base in range(20000 + (os.getpid() % 200) * 50, 60000, 97):
        sockets = []
        try:
            for offset in range(count):
                s = socket.socket()
                s.bind(("127.0.0.1", base + offset))
                sockets.append(s)
            return base
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no free ports")


def zwgk(*args: str, cwd: Path | None = None, check: bool = True, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run the real ``zwgk`` command line in a subprocess."""
    result = subprocess.run(
        [sys.executable, "-m", "zwgk.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"zwgk {' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def sample_portals(tmp_path):
    """The bundled sample portals served on free ports; yields the targets file path."""
    from zwgk.sample_portals import SamplePortals, sample_targets_yaml

    base = free_port_base()
    targets = tmp_path / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    with SamplePortals(base):
        yield targets
