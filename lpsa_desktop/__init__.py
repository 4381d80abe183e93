"""LPSA Desk core: domain, storage, importing, exporting and services. No Qt here."""
