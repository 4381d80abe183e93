"""Before signing an agreement still under negotiation: a warning that says why, and asks."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from lpsa_desktop.domain.agreement import Agreement
from lpsa_desktop.domain.settled import unsettled_reasons
from ui.dialogs.confirm_dialog import ConfirmDialog


def draft_warning(agreement: Agreement, parent: QWidget | None = None) -> ConfirmDialog | None:
    """The question to ask before signing ``agreement``; None when it is settled."""
    reasons = unsettled_reasons(agreement)
    if not reasons:
        return None
    dialog = ConfirmDialog(
        "Sign a draft?",
        "This agreement is still under negotiation. Sign it all the same?",
        "\n".join(f"• {reason}" for reason in reasons)
        + "\n\nA signature says the signatory agrees to the text as it stands.",
        "Sign the draft…",
        parent,
    )
    dialog.setObjectName("draftWarning")
    dialog.setIcon(QMessageBox.Icon.Warning)
    return dialog
