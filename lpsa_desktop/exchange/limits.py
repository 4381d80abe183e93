"""The sizes past which a package is refused before any of it is parsed.

A 500-indicator agreement with 20 rounds makes a package of about 1 MB (about 6 MB of
JSON), so these are far beyond any real one and low enough that reading what passes them
stays within a few hundred MB of memory.
"""

from __future__ import annotations

MAX_PACKAGE_BYTES = 100 * 1024 * 1024
"""The .lpsa file as it sits on disk."""

MAX_PART_BYTES = 200 * 1024 * 1024
"""One part once decompressed."""

MAX_TOTAL_BYTES = 400 * 1024 * 1024
"""All parts together, decompressed."""

MAX_RATIO = 100
"""Decompressed ÷ compressed size past which a part is a zip bomb. JSON of an agreement
deflates about 5-10 to 1 (measured on the bench agreement); bombs reach 1,000 to 1."""

RATIO_FLOOR_BYTES = 1024 * 1024
"""Parts smaller than this are never refused for their ratio (a tiny part of repeated
text compresses well and harms nobody)."""
