"""Frozen entry point of the `lpsa-desktop` window."""

import sys

from ui.app import main

sys.exit(main())
