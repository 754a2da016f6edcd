"""The site runs from its checkout: templates and fixtures sit in the top-level templates/ and
fixtures/ folders, and the package metadata builds without licence warnings."""

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


def test_templates_and_fixtures_come_from_the_top_level_folders():
    from django.conf import settings
    from django.template.loader import get_template

    for app in PACKAGES:
        assert not (ROOT / app / "templates").exists(), app
        assert not (ROOT / app / "fixtures").exists(), app
    for name in ["base.html", "registration/login.html", "themes/phase.html", "beheer/home.html"]:
        assert Path(get_template(name).origin.name).is_relative_to(ROOT / "templates"), name
    assert settings.FIXTURE_DIRS == [ROOT / "fixtures"]
    assert {p.name for p in (ROOT / "fixtures").glob("*.json")} >= {
        "wegwijzer_inhoud.json",
        "quickscan_vragenlijst.json",
    }


def test_package_builds_without_licence_warnings(tmp_path):
    # Build from a clean copy: setuptools reuses an in-tree build/ folder.
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
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    # An app left out of packages.find in pyproject.toml would be missing from an install.
    assert {app for app in PACKAGES if any(n.startswith(f"{app}/") for n in names)} == set(PACKAGES)
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)
