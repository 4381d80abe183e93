"""Models of the exchange record (schema 4): the agreement states sent to or received
from another laptop, kept whole, so that a later package can be merged against the last
state both laptops hold (the merge base)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lpsa_desktop.storage.orm import Base


class ExchangedStateRow(Base):
    __tablename__ = "exchanged_states"
    __table_args__ = (UniqueConstraint("agreement_ref", "state_hash"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_ref: Mapped[str] = mapped_column(index=True)
    state_hash: Mapped[str]
    """SHA-256 of the shared part of the agreement as canonical JSON (domain.shared_state)."""
    snapshot: Mapped[str] = mapped_column(Text)
    """The agreement as the package carried it (the `lpsa show --json` shape)."""
    recorded_at: Mapped[datetime]
    direction: Mapped[str]
    """'sent' (exported from here) or 'received' (merged here)."""
    file_name: Mapped[str]
    officer: Mapped[str]
