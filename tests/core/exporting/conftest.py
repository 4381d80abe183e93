"""Fixtures for the agreement document: the demo exported once per module, and signing
identities (EC P-256: fast) for the demo's three signatories, made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from lpsa_desktop.exporting.agreement_pdf import export_agreement_pdf
from lpsa_desktop.exporting.identity import IdentityFiles, create_identity
from lpsa_desktop.services.demo import demo_agreement
from tests.core.exporting.helpers import PASSPHRASE, sign_as


@pytest.fixture(scope="session")
def identities(tmp_path_factory: pytest.TempPathFactory) -> list[IdentityFiles]:
    """One identity per demo signatory, in signing order."""
    folder = tmp_path_factory.mktemp("identities")
    return [
        create_identity(
            folder / f"signatory{n}.p12",
            name=s.name,
            organisation=s.organisation,
            passphrase=PASSPHRASE,
        )
        for n, s in enumerate(demo_agreement().signatories, start=1)
    ]


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "agreement.pdf"
    export_agreement_pdf(demo_agreement(), path)
    return path


@pytest.fixture(scope="module")
def signed_twice(
    demo_pdf: Path, identities: list[IdentityFiles], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The demo signed by its first signatory (certifying) and then its second."""
    folder = tmp_path_factory.mktemp("signed")
    names = [s.name for s in demo_agreement().signatories]
    once = sign_as(demo_pdf, folder / "once.pdf", identities[0].identity, names[0], certify=True)
    return sign_as(once, folder / "twice.pdf", identities[1].identity, names[1])
