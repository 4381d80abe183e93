"""Frozen entry point of the `lpsa` command (PyInstaller needs a script, not an entry point)."""

import multiprocessing
import sys

from lpsa_desktop.cli.main import main

if __name__ == "__main__":
    # An .xls is opened first in a child process (importing/xls_probe.py): a frozen
    # program must let multiprocessing run that child instead of the command line.
    multiprocessing.freeze_support()
    sys.exit(main())
