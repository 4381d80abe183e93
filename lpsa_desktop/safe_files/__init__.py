"""Writing files whole or not at all: every file LPSA Desk writes goes through here."""
