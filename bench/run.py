"""Benchmark oauthflows against FastAPI's models, msgspec and mashumaro, and write docs/benchmarks.md.

Run it with any Python 3.10 or newer: ``python3 bench/run.py``. It creates
(or reuses) a virtual environment in ``bench/.venv`` with the pinned
versions of ``bench/requirements.txt``, restarts itself inside it, measures
the working tree's ``oauthflows``, and rewrites the results page. A run takes
about a minute on two cores; ``--quick`` takes about ten seconds and gives
rougher numbers, for trying a change.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
REQUIREMENTS = BENCH / "requirements.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds and runs: rougher numbers in about ten seconds"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=ROOT / "docs" / "benchmarks.md",
        help="results page to write (default: %(default)s)",
    )
    parser.add_argument(
        "--venv",
        type=Path,
        default=BENCH / ".venv",
        help="virtual environment to create or reuse (default: %(default)s)",
    )
    arguments = parser.parse_args()

    if Path(sys.prefix).resolve() != arguments.venv.resolve():
        python = _prepare_environment(arguments.venv)
        os.execv(python, [python, str(Path(__file__).resolve()), *sys.argv[1:]])

    sys.path[:0] = [str(ROOT), str(BENCH)]
    import suite  # Only inside the environment, where the other libraries are installed.

    suite.run(quick=arguments.quick, output=arguments.output)


def _prepare_environment(location: Path) -> str:
    """Create the virtual environment if needed and install the pinned requirements when they changed."""
    python = location / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"creating {location}", file=sys.stderr)
        venv.create(location, with_pip=True)

    stamp = location / "requirements.sha256"
    requirements_hash = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != requirements_hash:
        print(f"installing {REQUIREMENTS.name} into {location}", file=sys.stderr)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                str(REQUIREMENTS),
            ],
            check=True,
        )
        stamp.write_text(requirements_hash)
    return str(python)


if __name__ == "__main__":
    main()
