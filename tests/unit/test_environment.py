"""pyproject.toml (pip users) and environment.yml (conda users) describe the same environment."""
from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement

from analysis import config

# conda-forge names that differ from PyPI's.
CONDA_TO_PYPI = {"python-duckdb": "duckdb", "country_converter": "country-converter"}


def pip_requirements() -> dict[str, str]:
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    requirements = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]]
    return {r.name.lower(): str(r.specifier) for r in requirements}


def conda_requirements() -> dict[str, str]:
    environment = yaml.safe_load((config.PROJECT_ROOT / "environment.yml").read_text())
    found = {}
    for entry in environment["dependencies"]:
        entries = entry["pip"] if isinstance(entry, dict) else [entry]
        for spec in entries:
            if spec.startswith("-e") or spec == "pip":
                continue
            name, version = re.match(r"([A-Za-z0-9_.\-]+)\s*(.*)", spec).groups()
            found[CONDA_TO_PYPI.get(name.lower(), name.lower())] = str(Requirement(f"x{version}").specifier)
    return found


def test_same_packages_and_version_ranges():
    conda = conda_requirements()
    python = conda.pop("python")
    assert conda == pip_requirements()
    requires_python = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert Requirement(f"x{requires_python}").specifier == Requirement(f"x{python}").specifier


def test_constraints_pin_every_direct_dependency():
    pinned = {}
    for line in (config.PROJECT_ROOT / "requirements" / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pinned[name.lower().replace("_", "-")] = version.strip()
    for name, specifier in pip_requirements().items():
        assert name in pinned, f"{name} is not pinned in requirements/constraints.txt (run `make lock`)"
        assert Requirement(f"x{specifier}").specifier.contains(pinned[name]), f"{name}=={pinned[name]} outside {specifier}"
