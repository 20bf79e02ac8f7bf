"""Where the shared corpus of real security sections lives, for the tests that read it.

The corpus is other people's public data, so it stays outside the repository,
in ``shared/corpus`` beside the clone. Tests skip without it, except under CI
(``CI=true``), where it must be present.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

CORPUS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_files(subfolder: str) -> list[object]:
    """Return one pytest parameter per JSON file of the corpus subfolder, named by its stem.

    Without the corpus, return one parameter that skips, or fails under CI.
    """
    folder = CORPUS_DIR / subfolder
    if folder.is_dir():
        return [pytest.param(path, id=path.stem) for path in sorted(folder.glob("*.json"))]
    if os.environ.get("CI") == "true":
        return [pytest.param(None, id="corpus-missing")]  # load_corpus_file fails the test
    reason = f"the corpus folder {folder} is missing"
    return [pytest.param(None, id="corpus-missing", marks=pytest.mark.skip(reason=reason))]


def load_corpus_file(path: object) -> dict[str, object]:
    """Read one corpus file, failing the test when the corpus is missing."""
    if not isinstance(path, Path):
        pytest.fail(f"the corpus folder {CORPUS_DIR} is missing, and CI=true requires it")
    with path.open(encoding="utf-8") as file:
        data: dict[str, object] = json.load(file)
    return data
