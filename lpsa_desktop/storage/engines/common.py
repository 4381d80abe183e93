"""What both engines share."""

WRITE_OPTION = "lpsa_write"
"""The execution option a write unit sets: its transaction takes the store's write lock."""
