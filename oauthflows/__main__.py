"""Run the command line as ``python -m oauthflows``; the installed ``oauthflows`` script calls ``main``."""

from __future__ import annotations

import sys

from ._cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
