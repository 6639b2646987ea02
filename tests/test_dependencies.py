"""Dependency versions are pinned: direct requirements exactly, everything else through constraints.txt."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][^\s;#]*)$")


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "-r ")):
            continue
        match = PIN.match(line)
        assert match, f"{path.name}: {line!r} is not pinned as name==version"
        found[normalised(match[1])] = match[2]
    return found


@pytest.mark.parametrize("requirements", ["requirements.txt", "requirements-dev.txt"])
def test_requirements_are_pinned_and_agree_with_the_constraints(requirements):
    constraints = pins(ROOT / "constraints.txt")
    for name, version in pins(ROOT / requirements).items():
        assert constraints.get(name) == version, f"{name}=={version} in {requirements}, {constraints.get(name)} in constraints"


def test_every_installed_dependency_of_the_app_is_constrained():
    """Walk the requirements' dependency tree as installed here: each package in it has a pinned version."""
    constraints = pins(ROOT / "constraints.txt")
    pending = list(pins(ROOT / "requirements.txt")) + list(pins(ROOT / "requirements-dev.txt"))
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        assert name in constraints, f"{name} is installed for the app but has no version in constraints.txt"
        assert metadata.version(name) == constraints[name], f"{name}: installed {metadata.version(name)}"
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(normalised(requirement.name))
    assert len(seen) > 30
