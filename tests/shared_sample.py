"""Where the team's shared example article lives: beside the repository (CI's clone)
or in the workspace. Tests that need it skip when it is absent."""

from __future__ import annotations

from pathlib import Path

NAME = "example-input_2022-02-09.txt"
_CANDIDATES = [
    Path(__file__).resolve().parents[2] / "shared" / "samples" / NAME,
    Path("/work/shared/samples") / NAME,
]
SHARED_SAMPLE = next((p for p in _CANDIDATES if p.exists()), _CANDIDATES[0])
