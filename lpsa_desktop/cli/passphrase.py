"""Reading a passphrase: from a file (``--passphrase-file``) or a prompt, never an argument.

An argument would sit in the shell history and in every process listing. The passphrase
is returned as bytes, handed straight to the key functions, and never logged or stored.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from lpsa_desktop.exporting.errors import IdentityError


def read_passphrase(file: Path | None, *, prompt: str, confirm: bool = False) -> bytes:
    """The first line of ``file`` (without its line ending), else what is typed at a prompt.

    ``confirm`` asks twice at the prompt (for a new identity), so a typo cannot lock the
    owner out of their own key.
    """
    if file is not None:
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise IdentityError(
                f"cannot read the passphrase file {file}: {exc.strerror or exc}"
            ) from exc
        # A BOM (Notepad's UTF-8) and the line ending (CR LF too) are not the passphrase.
        raw = raw.removeprefix(b"\xef\xbb\xbf")
        first = raw.splitlines()[0].rstrip(b"\r\n") if raw.splitlines() else b""
        if not first:
            raise IdentityError(f"the passphrase file {file} is empty")
        return first
    try:
        typed = getpass.getpass(prompt)
        if confirm and getpass.getpass("Type it again: ") != typed:
            raise IdentityError("the two passphrases typed do not match")
    except EOFError:
        raise IdentityError(
            "no passphrase given (use --passphrase-file when not at a terminal)"
        ) from None
    if not typed:
        raise IdentityError("no passphrase given")
    return typed.encode("utf-8")
