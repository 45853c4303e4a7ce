"""The bundled dataset is found by every kind of install: a wheel, a wheel built
from the sdist, and an editable install. Each is built with the real backend
(hatchling) from a copy of the project, and run from outside the checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

pytest.importorskip("hatchling")

IGNORED = shutil.ignore_patterns(".git", ".venv*", "__pycache__", "*.pyc", "build", "dist",
                                 ".pytest_cache", ".hypothesis", "*.egg-info")


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("project") / "thirdneighbor"
    shutil.copytree(REPO, copy, ignore=IGNORED)
    return copy


def build(hook: str, source: Path, out: Path) -> Path:
    """Run one PEP 517 hook of hatchling in `source`; return the built file."""
    out.mkdir(parents=True, exist_ok=True)
    code = f"import hatchling.build as b; print(b.{hook}({str(out)!r}))"
    done = subprocess.run([sys.executable, "-c", code], cwd=source, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out / done.stdout.strip().splitlines()[-1]


def run_installed(site: Path, cwd: Path, *args: str, editable: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the CLI with `site` as its only source of the package, like an install there."""
    add_site = f"import site; site.addsitedir({str(site)!r}); " if editable else ""
    code = (
        "import sys; "
        # The test venv's own editable install must not be what answers.
        f"sys.path[:] = [p for p in sys.path if p != {str(REPO / 'src')!r}]; "
        f"{add_site}"
        f"sys.path.insert(0, {str(site)!r}); "
        "import thirdneighbor, thirdneighbor.data.load as d; "
        "print(thirdneighbor.__file__, file=sys.stderr); print(d.bundled_dataset_path(), file=sys.stderr); "
        f"from thirdneighbor.cli.app import app; app({list(args)!r}, prog_name='thirdneighbor')"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"})


def unpack(wheel: Path, target: Path) -> Path:
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def test_wheel_carries_the_dataset(project_copy: Path, tmp_path: Path) -> None:
    wheel = build("build_wheel", project_copy, tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        assert "thirdneighbor/data/partners.toml" in archive.namelist()
        packaged = archive.read("thirdneighbor/data/partners.toml")
    assert packaged == (REPO / "data" / "partners.toml").read_bytes()
    site = unpack(wheel, tmp_path / "install" / "site-packages")
    result = run_installed(site, tmp_path, "list", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 16
    module_file, data_file = result.stderr.splitlines()[:2]
    assert module_file.startswith(str(site)) and data_file.startswith(str(site))


def test_the_wheel_states_both_licences_and_carries_their_files(project_copy: Path, tmp_path: Path) -> None:
    wheel = build("build_wheel", project_copy, tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [metadata] = [name for name in names if name.endswith(".dist-info/METADATA")]
        headers = archive.read(metadata).decode("utf-8").split("\n\n", 1)[0].splitlines()
        licenses = [name for name in names if "/licenses/" in name]
        assert archive.read(next(name for name in licenses if name.endswith("/licenses/LICENSE"))).startswith(
            b"MIT License")
    assert "License-Expression: MIT AND CC-BY-SA-4.0" in headers
    assert sorted(line for line in headers if line.startswith("License-File:")) == [
        "License-File: LICENSE", "License-File: data/LICENSE"]
    assert sorted(name.split("/licenses/", 1)[1] for name in licenses) == ["LICENSE", "data/LICENSE"]


def test_sdist_builds_a_wheel_with_the_dataset(project_copy: Path, tmp_path: Path) -> None:
    sdist = build("build_sdist", project_copy, tmp_path / "sdist")
    shutil.unpack_archive(sdist, tmp_path / "unpacked")
    [source] = (tmp_path / "unpacked").iterdir()
    assert (source / "data" / "partners.toml").is_file()
    for name in ("LICENSE", "data/LICENSE", "CITATION.cff"):
        assert (source / name).is_file(), name
    wheel = build("build_wheel", source, tmp_path / "dist")
    site = unpack(wheel, tmp_path / "install" / "site-packages")
    result = run_installed(site, tmp_path, "show", "korea", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["since"] == "2021-09-10"


def test_editable_install_reads_the_repository_file(project_copy: Path, tmp_path: Path) -> None:
    wheel = build("build_editable", project_copy, tmp_path / "dist")
    site = unpack(wheel, tmp_path / "install" / "site-packages")
    # hatchling's force-include also drops a copy of the file into site-packages; it
    # goes stale at the first edit, so the tool must read the repository file instead.
    result = run_installed(site, tmp_path, "tiers", "--json", editable=True)
    assert result.returncode == 0, result.stderr
    module_file, data_file = result.stderr.splitlines()[:2]
    assert module_file.startswith(str(project_copy / "src"))
    assert data_file == str(project_copy / "data" / "partners.toml")
    # The point of an editable install: an edit to the repository file shows at once.
    data = project_copy / "data" / "partners.toml"
    data.write_text(data.read_text(encoding="utf-8").replace('name = "Canada"', 'name = "Kanada"'), encoding="utf-8")
    edited = run_installed(site, tmp_path, "show", "kanada", "--json", editable=True)
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout)["id"] == "canada"
