"""What a revision changed, in words an officer understands.

The verdict itself comes from pyHanko's difference analysis (``policy.py``); this module
only *names* what a refused revision did, comparing it with the revision before through
pyHanko's historical resolvers: pages added or removed, a page's content or resources
rewritten, annotations and form fields added or their appearance replaced, the document
information or XMP metadata changed. Whatever it cannot name is counted as objects.
"""

from __future__ import annotations

import re
from typing import Any

from pyhanko.pdf_utils import generic

_SUBTYPES = {
    "/FreeText": "a text box",
    "/Square": "a rectangle",
    "/Circle": "an ellipse",
    "/Text": "a sticky note",
    "/Stamp": "a stamp",
    "/Ink": "a drawing",
    "/Link": "a link",
    "/Highlight": "a highlight",
    "/Line": "a line",
    "/Polygon": "a polygon",
    "/FileAttachment": "an attached file",
}
_INFO_STAMPS = frozenset({"/ModDate", "/Producer"})
_PAGE = re.compile(r"^(the [^']*? of )page (\d+)( were changed)$")


def describe_revision(reader: Any, revision: int) -> list[str]:
    """Phrases for what ``revision`` changed compared with ``revision - 1``."""
    old = reader.get_historical_resolver(revision - 1)
    new = reader.get_historical_resolver(revision)
    written = {ref.idnum for ref in reader.xrefs.explicit_refs_in_revision(revision)}
    phrases: list[str] = []
    old_pages, new_pages = _pages(old), _pages(new)
    if len(new_pages) > len(old_pages):
        added = len(new_pages) - len(old_pages)
        phrases.append(
            f"{_count(added, 'page')} added (the document now has {len(new_pages)} pages)"
        )
    elif len(new_pages) < len(old_pages):
        phrases.append(f"{_count(len(old_pages) - len(new_pages), 'page')} removed")
    explained: set[int] = set()
    for number, (old_page, new_page) in enumerate(zip(old_pages, new_pages, strict=False), 1):
        phrases += _page_changes(number, old_page, new_page, written, explained)
    for phrase in _document_changes(old, new, written):
        name = phrase.split("'")[1] if phrase.startswith("a form field '") else None
        if name is None or not any(repr(name) in p for p in phrases):
            phrases.append(phrase)
    if not phrases:
        unexplained = sorted(written - explained)
        if unexplained:
            objects = "1 object" if len(unexplained) == 1 else f"{len(unexplained)} objects"
            phrases.append(
                f"{objects} of the document {'was' if len(unexplained) == 1 else 'were'} "
                f"rewritten (numbers {', '.join(map(str, unexplained[:5]))}"
                f"{'…' if len(unexplained) > 5 else ''})"
            )
    return _grouped(phrases)


def _grouped(phrases: list[str]) -> list[str]:
    """'the fonts of page 1 were changed', '… page 2 …' → '… pages 1–2 …', in order."""
    groups: dict[tuple[str, str], list[int]] = {}
    order: list[tuple[str, str] | str] = []
    for phrase in phrases:
        match = _PAGE.match(phrase)
        if match is None:
            order.append(phrase)
            continue
        key = (match.group(1), match.group(3))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(int(match.group(2)))
    out = []
    for item in order:
        if isinstance(item, str):
            out.append(item)
            continue
        pages = groups[item]
        where = f"page {pages[0]}" if len(pages) == 1 else f"pages {_span(pages)}"
        out.append(f"{item[0]}{where}{item[1]}")
    return out


def _span(pages: list[int]) -> str:
    if pages == list(range(pages[0], pages[0] + len(pages))):
        return f"{pages[0]}–{pages[-1]}"
    return ", ".join(map(str, pages[:-1])) + f" and {pages[-1]}"


def _count(n: int, noun: str) -> str:
    return f"1 {noun} was" if n == 1 else f"{n} {noun}s were"


def _pages(resolver: Any) -> list[tuple[int, Any]]:
    """(object number, page dictionary) for every page, in order."""
    pages: list[tuple[int, Any]] = []

    def walk(node_ref: Any, depth: int) -> None:
        if depth > 32 or len(pages) > 100_000:
            return
        node = node_ref.get_object() if hasattr(node_ref, "get_object") else node_ref
        if not isinstance(node, generic.DictionaryObject):
            return
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            for kid in node.raw_get("/Kids") if "/Kids" in node else []:
                walk(kid, depth + 1)
        else:
            number = node_ref.idnum if isinstance(node_ref, generic.IndirectObject) else -1
            pages.append((number, node))

    walk(resolver.root.raw_get("/Pages"), 0)
    return pages


def _refs(value: Any, depth: int = 0) -> set[int]:
    """Object numbers reachable from ``value`` through arrays and dictionaries (not further
    than a few levels, and never through other objects: those are checked on their own)."""
    if depth > 4:
        return set()
    if isinstance(value, generic.IndirectObject):
        return {value.idnum}
    found: set[int] = set()
    if isinstance(value, generic.DictionaryObject):
        for key in value:
            found |= _refs(value.raw_get(key), depth + 1)
    elif isinstance(value, generic.ArrayObject):
        for item in value:
            found |= _refs(item, depth + 1)
    return found


def _content_refs(page: Any) -> set[int]:
    if "/Contents" not in page:
        return set()
    found = _refs(page.raw_get("/Contents"))
    contents = page["/Contents"]  # an indirect array of streams: the streams count too
    if isinstance(contents, generic.ArrayObject):
        found |= _refs(contents)
    return found


def _resource_refs(page: Any) -> set[int]:
    if "/Resources" not in page:
        return set()
    resources = page.raw_get("/Resources")
    found = _refs(resources)
    resources = resources.get_object()
    if isinstance(resources, generic.DictionaryObject):
        for key in resources:
            found |= _refs(resources[key])
    return found


def _annotations(page: Any) -> dict[int, Any]:
    if "/Annots" not in page:
        return {}
    annots = page["/Annots"]
    if not isinstance(annots, generic.ArrayObject):
        return {}
    refs: list[Any] = [ref for ref in annots if isinstance(ref, generic.IndirectObject)]
    return {ref.idnum: ref.get_object() for ref in refs}


def _page_changes(
    number: int, old: tuple[int, Any], new: tuple[int, Any], written: set[int], seen: set[int]
) -> list[str]:
    (old_ref, old_page), (new_ref, new_page) = old, new
    phrases: list[str] = []
    if new_ref != old_ref:
        phrases.append(f"page {number} was replaced by another page")
        return phrases
    old_content, new_content = _content_refs(old_page), _content_refs(new_page)
    if old_content != new_content or new_content & written:
        phrases.append(f"the text or graphics of page {number} were changed")
    seen |= new_content
    resources = _resource_refs(new_page)
    if resources != _resource_refs(old_page) or resources & written:
        phrases.append(f"the fonts, images or drawings of page {number} were changed")
    seen |= resources
    old_annots, new_annots = _annotations(old_page), _annotations(new_page)
    for ref, annot in new_annots.items():
        seen.add(ref)
        if ref not in old_annots:
            phrases.append(f"{_annotation_words(annot)} was added on page {number}")
        elif ref in written and not _is_signature_fill(old_annots[ref], annot):
            phrases.append(
                f"the appearance of {_annotation_words(annot)} on page {number} was replaced"
            )
    for ref in set(old_annots) - set(new_annots):
        phrases.append(f"{_annotation_words(old_annots[ref])} was removed from page {number}")
    if new_ref in written and not phrases:
        keys = _changed_keys(old_page, new_page) - {"/Annots"}
        if keys:
            phrases.append(f"page {number}'s settings ({', '.join(sorted(keys))}) were changed")
    return phrases


def _is_signature_fill(old: Any, new: Any) -> bool:
    """A signature field that was empty and now holds a signature: what signing does."""
    return _field_type(new) == "/Sig" and "/V" not in old and "/V" in new


def _field_type(annot: Any) -> str | None:
    if "/FT" in annot:
        return str(annot["/FT"])
    parent = annot.get("/Parent")
    if parent is not None and "/FT" in parent.get_object():
        return str(parent.get_object()["/FT"])
    return None


def _annotation_words(annot: Any) -> str:
    subtype = str(annot.get("/Subtype", ""))
    if subtype == "/Widget":
        name = annot.get("/T")
        named = f" {str(name)!r}" if name is not None else ""
        if _field_type(annot) == "/Sig":
            return f"a signature field{named}"
        return f"a form field{named}"
    return _SUBTYPES.get(subtype, f"an annotation ({subtype.lstrip('/') or 'untyped'})")


def _changed_keys(old: Any, new: Any) -> set[str]:
    keys = set(old) | set(new)
    return {
        str(k)
        for k in keys
        if _plain(old.raw_get(k) if k in old else None)
        != _plain(new.raw_get(k) if k in new else None)
    }


def _plain(value: Any, depth: int = 0) -> Any:
    """A value comparable across revisions (pyHanko's references compare by resolver)."""
    if isinstance(value, generic.IndirectObject):
        return ("ref", value.idnum, value.generation)
    if depth > 8:
        return "…"
    if isinstance(value, generic.StreamObject):
        return ("stream", value.data)
    if isinstance(value, generic.DictionaryObject):
        return tuple(sorted((str(k), _plain(value.raw_get(k), depth + 1)) for k in value))
    if isinstance(value, generic.ArrayObject):
        return tuple(_plain(v, depth + 1) for v in value)
    return value


def _document_changes(old: Any, new: Any, written: set[int]) -> list[str]:
    phrases: list[str] = []
    old_info, new_info = _info(old), _info(new)
    changed = {
        key.lstrip("/")
        for key in set(old_info) | set(new_info)
        if key not in _INFO_STAMPS and old_info.get(key) != new_info.get(key)
    }
    if changed:
        phrases.append(f"the document information ({', '.join(sorted(changed))}) was changed")
    old_meta, new_meta = _raw(old.root, "/Metadata"), _raw(new.root, "/Metadata")
    if _plain(old_meta) != _plain(new_meta) or (
        _refs(new_meta) & written and _xmp_changed(old, new)
    ):
        phrases.append("the document's XMP metadata was changed")
    keys = _changed_keys(old.root, new.root) - {"/AcroForm", "/DSS", "/Metadata", "/Pages"}
    if keys:
        phrases.append(f"the document catalogue ({', '.join(sorted(keys))}) was changed")
    old_fields, new_fields = _field_names(old), _field_names(new)
    for name in sorted(new_fields - old_fields):
        phrases.append(f"a form field {name!r} was added to the form")
    return phrases


def _xmp_changed(old: Any, new: Any) -> bool:
    from lpsa_desktop.exporting.verdict.policy import xmp_properties  # noqa: PLC0415

    try:
        return xmp_properties(old) != xmp_properties(new)
    except Exception:  # unreadable metadata is a change worth naming
        return True


def _raw(dictionary: Any, key: str) -> Any:
    return dictionary.raw_get(key) if key in dictionary else None


def _info(resolver: Any) -> dict[str, str]:
    ref = resolver.trailer_view.get_value_as_reference("/Info", optional=True)
    if ref is None:
        return {}
    info = resolver(ref)  # a bare Reference would resolve in the newest revision
    if not isinstance(info, generic.DictionaryObject):
        return {}
    return {str(k): str(info[k]) for k in info}


def _field_names(resolver: Any) -> set[str]:
    form = resolver.root.get("/AcroForm")
    if form is None:
        return set()
    fields = form.get_object().get("/Fields")
    if not isinstance(fields, generic.ArrayObject):
        return set()
    names = set()
    for ref in fields:
        field = ref.get_object()
        if isinstance(field, generic.DictionaryObject) and "/T" in field:
            names.add(str(field["/T"]))
    return names
