"""The strict difference policy: after a signature, only signatures (and validation data).

pyHanko's ``StandardDiffPolicy`` rejects every object a later revision writes unless a
whitelisting rule explains it. Its ``DEFAULT_DIFF_POLICY`` explains too much for a signed
agreement: new signature fields (the overlay that paints a new figure over the reward),
changes to other form fields, any edit of the document information (its title), new XMP
metadata. Ours keeps only the rules a signing revision needs:

* ``SigFieldModificationRule``: an existing, empty signature field receives its value
  and appearance (no ``SigFieldCreationRule``: a new field is never explained);
* ``CatalogModificationRule`` with a shorter list of catalogue keys allowed to change
  (``/AcroForm``, ``/DSS``, ``/Extensions``, ``/Version``; not ``/Metadata`` or
  ``/MarkInfo``);
* the cross-reference and object stream rules, and ``DSSCompareRule`` (validation data a
  later signer may add), at level ``LTA_UPDATES``;
* ``ModDateRule`` (ours): the document information may change only in ``/ModDate`` and
  ``/Producer``, which pyHanko's writer stamps on every update;
* ``XmpStampRule`` (ours, on pyHanko's ``MetadataUpdateRule``): the XMP metadata stream
  may be rewritten (pyHanko's signer does, every time) only if nothing but the modify
  date, metadata date and producer differ.

Object freeing is refused (pyHanko's default). Whether a filled field is one the agreement
*declared* is checked on top of this, in ``analysis.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import RawPdfPath
from pyhanko.sign.diff_analysis import (
    CatalogModificationRule,
    DSSCompareRule,
    FormUpdatingRule,
    MetadataUpdateRule,
    ModificationLevel,
    ObjectStreamRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
    SuspiciousModification,
    WhitelistRule,
    XrefStreamRule,
)
from pyhanko.sign.diff_analysis.rules_api import Context, ReferenceUpdate

INFO_KEYS_A_SIGNER_MAY_STAMP = frozenset({"/ModDate", "/Producer"})
CATALOG_KEYS_A_SIGNER_MAY_CHANGE = frozenset({"/AcroForm", "/DSS", "/Extensions", "/Version"})


class ModDateRule(WhitelistRule):
    """The ``/Info`` dictionary may be rewritten only to stamp the date and the producer."""

    def apply(self, old: Any, new: Any) -> Iterable[ReferenceUpdate]:
        new_ref = new.trailer_view.get_value_as_reference("/Info", optional=True)
        if new_ref is None:
            return
        old_ref = old.trailer_view.get_value_as_reference("/Info", optional=True)
        # A bare Reference resolves in the newest revision: ask each revision's resolver.
        old_info = _as_dict(old(old_ref) if old_ref is not None else None)
        new_info = _as_dict(new(new_ref))
        changed = {
            key for key in set(old_info) | set(new_info) if old_info.get(key) != new_info.get(key)
        }
        if changed - INFO_KEYS_A_SIGNER_MAY_STAMP:
            raise SuspiciousModification(
                "the document information was changed: " + ", ".join(sorted(changed))
            )
        yield ReferenceUpdate(
            new_ref, context_checked=Context.from_absolute(old, RawPdfPath("/Info"))
        )


class XmpStampRule(MetadataUpdateRule):
    """pyHanko's check that the metadata is well-formed XMP without entities, and then: the
    properties other than the signer's stamps are exactly as they were."""

    def apply(self, old: Any, new: Any) -> Iterable[ReferenceUpdate]:
        updates = list(super().apply(old, new))
        if updates:
            before, after = xmp_properties(old), xmp_properties(new)
            if before != after:
                changed = sorted({key for key, _ in before ^ after})
                raise SuspiciousModification(f"the XMP metadata was changed: {', '.join(changed)}")
        yield from updates


_XMP_STAMPS = ("}ModifyDate", "}MetadataDate", "}Producer", "}about")


def xmp_properties(resolver: Any) -> frozenset[tuple[str, str]]:
    # pyHanko's own dependency, parsed as pyHanko parses it (no entities, no network)
    from lxml import etree  # type: ignore[import-untyped]  # noqa: PLC0415

    ref = resolver.root.get_value_as_reference("/Metadata", optional=True)
    if ref is None:
        return frozenset()
    stream = resolver(ref)  # not ref.get_object(): that reads the newest revision
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(stream.data, parser=parser)
    found: set[tuple[str, str]] = set()
    for description in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
        for key, value in description.attrib.items():
            found.add((str(key), str(value)))
        for child in description:
            found.add((str(child.tag), etree.tostring(child, encoding="unicode")))
    return frozenset((k, v) for k, v in found if not k.endswith(_XMP_STAMPS))


def _as_dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, generic.DictionaryObject):
        return {}
    return {str(key): value.raw_get(key) for key in value}


STRICT_DIFF_POLICY = StandardDiffPolicy(
    global_rules=[
        CatalogModificationRule(ignored_keys=CATALOG_KEYS_A_SIGNER_MAY_CHANGE),  # type: ignore[no-untyped-call]
        ModDateRule().as_qualified(ModificationLevel.LTA_UPDATES),
        XmpStampRule().as_qualified(ModificationLevel.LTA_UPDATES),  # type: ignore[no-untyped-call]
        XrefStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        ObjectStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        DSSCompareRule().as_qualified(ModificationLevel.LTA_UPDATES),
    ],
    form_rule=FormUpdatingRule(field_rules=[SigFieldModificationRule()]),
    reject_object_freeing=True,
    # pyHanko's default lets a later revision add objects nothing refers to; a forger can
    # stash content in them for a reader that recovers broken files, so we refuse them too.
    ignore_orphaned_objects=False,
)
