"""Errors of the agreement document: export, signing identities, signing and verification.

Every one is an LpsaError, so the command line prints it as one line and exits 1. Messages
name the file and what to do; they never contain a passphrase.
"""

from __future__ import annotations

from lpsa_desktop.errors import LpsaError


class DocumentError(LpsaError):
    """A PDF that cannot be written or read (not a PDF, damaged, unwritable path)."""


class IdentityError(LpsaError):
    """A signing identity (PKCS#12 file) that cannot be made or used."""


class WrongPassphraseError(IdentityError):
    """The passphrase does not open the identity file."""


class CorruptIdentityError(IdentityError):
    """The identity file is not a PKCS#12 file, or it is damaged."""


class SigningError(LpsaError):
    """A signature that cannot be added (unknown signatory, out of turn, already signed)."""
