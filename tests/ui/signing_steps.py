"""Getting past the warning that Sign PDF gives on an agreement still under negotiation
(the demo is one), as an officer who means to sign the draft does."""

from __future__ import annotations

from typing import Any

from ui.dialogs.confirm_dialog import ConfirmDialog


def past_draft_warning(files: Any) -> Any:
    """The dialog File ▸ Sign PDF shows once its draft warning (if any) is confirmed."""
    warning = files.dialog
    if isinstance(warning, ConfirmDialog) and warning.objectName() == "draftWarning":
        warning.confirm_button.click()
    return files.dialog
