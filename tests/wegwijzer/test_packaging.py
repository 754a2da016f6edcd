"""`pip install .` gives a copy that runs on its own: the wheel carries every template, static
file, fixture and migration, not only the Python modules."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
# Every app of this project that INSTALLED_APPS names: a new app left out of the package
# list in pyproject.toml fails here.
PACKAGES = sorted(
    config.name for config in apps.get_app_configs() if Path(config.path).parent == ROOT
)


def git_files(*paths: str) -> list[str]:
    return subprocess.run(
        ["git", "ls-files", "--", *paths], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()


def test_wheel_holds_every_file_of_the_packages(tmp_path):
    assert {"wegwijzer", "core", "themes"} <= set(PACKAGES)
    tracked = git_files(*PACKAGES)
    for kind in ["/templates/", "/static/", "/fixtures/", "/migrations/", "/management/"]:
        assert any(kind in name for name in tracked), kind
    # Build from a clean copy: setuptools reuses an in-tree build/ folder, whose leftovers
    # would hide a file the package data no longer lists.
    source = tmp_path / "src"
    for name in git_files("pyproject.toml", "README.md", "LICENSE", *PACKAGES):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "dist"

    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    # setuptools warns about the licence metadata unless it is an SPDX expression.
    assert "license" not in result.stderr.lower(), result.stderr
    (wheel,) = wheels.glob("wegwijzer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    assert set(tracked) - names == set()
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)
