"""scripts/system-deps, which `make test`, `make run` and CI call first: on a machine that lacks a
system package it installs it when it can, and otherwise stops at once with the one command to
run (issue 10 §1). The machine is simulated by a PATH holding only the commands it has, since the
packages themselves cannot be removed from under the test run."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "system-deps"
NEEDED = ("chromium", "soffice", "pdftotext", "pdfinfo", "npm", "msgfmt")


def _machine(tmp_path: Path, *, has: tuple[str, ...], uid: int, apt: bool) -> dict:
    """A PATH with bash, the given commands, `id` answering uid and, if apt, an apt-get that
    records what it was asked to install."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "bash").symlink_to(shutil.which("bash"))
    for name in has:
        _command(bin_dir, name, "exit 0")
    _command(bin_dir, "id", f'[ "$1" = -u ] && echo {uid}')
    if apt:
        _command(bin_dir, "apt-get", f'echo "$@" >> {tmp_path / "apt.log"}')
    return {"PATH": str(bin_dir)}


def _command(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text(f"#!{shutil.which('bash')}\n{body}\n")
    path.chmod(0o755)


def _run(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [shutil.which("bash"), str(SCRIPT)], env=env, capture_output=True, text=True, timeout=30
    )


def test_a_machine_that_has_everything_is_left_alone(tmp_path):
    result = _run(_machine(tmp_path, has=NEEDED, uid=1000, apt=True))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "apt.log").exists()


def test_as_root_on_debian_the_missing_packages_are_installed(tmp_path):
    has = tuple(c for c in NEEDED if c not in ("soffice", "chromium"))
    result = _run(_machine(tmp_path, has=has, uid=0, apt=True))
    assert result.returncode == 0, result.stderr
    installed = (tmp_path / "apt.log").read_text().splitlines()
    assert "update" in installed[0].split()
    asked = set(installed[1].split()) - {"install", "-y", "-qq"}
    assert asked == {"chromium", "libreoffice-writer-nogui"}


def test_without_root_it_stops_at_once_with_the_command_to_run(tmp_path):
    # Two commands of one package: the package is named once.
    has = tuple(c for c in NEEDED if c not in ("pdfinfo", "pdftotext"))
    result = _run(_machine(tmp_path, has=has, uid=1000, apt=True))
    assert result.returncode == 1
    assert "Missing system packages: poppler-utils\n" in result.stderr
    assert "sudo sh -c 'apt-get update && apt-get install -y poppler-utils'" in result.stderr
    assert not (tmp_path / "apt.log").exists()


def test_without_apt_get_it_names_the_debian_packages_to_find_elsewhere(tmp_path):
    result = _run(_machine(tmp_path, has=(), uid=0, apt=False))
    assert result.returncode == 1
    named = result.stderr.splitlines()[0].removeprefix("Missing system packages: ").split()
    assert set(named) >= {"chromium", "libreoffice-writer-nogui", "poppler-utils", "npm", "gettext"}
    assert "package manager" in result.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="CI runs as root; the real check needs it")
def test_this_machine_has_what_the_tests_need():
    """What `make test` ran first left this machine complete: the script has nothing to do."""
    result = subprocess.run([str(SCRIPT)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout == ""
