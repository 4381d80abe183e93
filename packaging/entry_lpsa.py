"""Frozen entry point of the `lpsa` command (PyInstaller needs a script, not an entry point)."""

import sys

from lpsa_desktop.cli.main import main

sys.exit(main())
