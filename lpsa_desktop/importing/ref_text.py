"""Target and indicator refs as people write them: 'Target 1', '01', '1.' → '1';
'1(a)', '1 a', '1.a' → '1a'; a sub-target column saying 'a' or '(a)' on target 1's row → '1a'.
A sub-target cell that repeats its target's ref ('2' on target 2's row, as many officers
type for a single-indicator target) is the target's own ref, never '2.2': the importer
never makes up a ref the file does not hold."""

from __future__ import annotations

import re

from lpsa_desktop.importing.cell_numbers import CellProblem, Raw, float_decimal

_TARGET_WORDS = re.compile(r"^(?:target|tgt|no\.?|number|ref\.?)\s*(?:no\.?|number)?\s*", re.I)
_TARGET = re.compile(r"^(?P<prefix>[A-Za-z]?)0*(?P<number>\d+)\.?$")
_COMBINED = re.compile(
    r"^(?P<prefix>[A-Za-z]?)0*(?P<number>\d+)\s*[.(]?\s*(?P<sub>[a-z]{1,4})\)?$", re.I
)
_SUB = re.compile(r"^\(?\s*(?P<sub>[a-z]{1,4}|\d{1,2})\s*[.)]?$", re.I)
REF_EXPECTED = "a target ref such as 1, 'Target 1' or 1a"


def _clean(raw: Raw) -> str:
    if isinstance(raw, float):
        return f"{float_decimal(raw):f}"
    return " ".join(str(raw).split())


def parse_target_ref(raw: Raw) -> tuple[str, str | None]:
    """(target ref, indicator ref or None): 'Target 3' → ('3', None); '1(a)' → ('1', '1a')."""
    if type(raw) is str and raw.isdecimal() and raw.isascii():
        return raw.lstrip("0") or "0", None  # the usual '12', '012'
    text = _TARGET_WORDS.sub("", _clean(raw)).strip()
    if match := _TARGET.match(text):
        return match["prefix"].upper() + match["number"], None
    if match := _COMBINED.match(text):
        target = match["prefix"].upper() + match["number"]
        return target, target + match["sub"].lower()
    if isinstance(raw, float) and float_decimal(raw) == float_decimal(raw).to_integral_value():
        return str(int(raw)), None
    raise CellProblem(REF_EXPECTED, "is not a target ref")


def parse_indicator_ref(raw: Raw, target: str) -> str:
    """A sub-target column's cell on ``target``'s row → the indicator's full ref."""
    if type(raw) is str and len(raw) == 1 and raw.isalpha():
        return target + raw.lower()  # the usual sub-target column: 'a', 'b' …
    text = _clean(raw)
    if repeats_target(text, target):
        return target
    if text.startswith(target) and text[len(target) : len(target) + 1] in {".", " ", "(", ""}:
        rest = text[len(target) :].strip(" .()")
        if rest and rest.isalnum():
            return f"{target}.{rest}" if rest[0].isdigit() else target + rest.lower()
    if text.startswith(target) and text[len(target) : len(target) + 1].isalpha():
        rest = text[len(target) :].strip(" .()")
        if rest.isalpha():
            return target + rest.lower()
    if match := _SUB.match(text):
        sub = match["sub"].lower()
        return f"{target}.{sub}" if sub.isdigit() else target + sub
    own_target, own_ref = parse_target_ref(raw)
    if own_target != target:
        raise CellProblem(
            f"an indicator of target {target} (such as {target}a)",
            f"names target {own_target}, not target {target} of this row",
        )
    return own_ref or own_target


def repeats_target(text: str, target: str) -> bool:
    """Whether a sub-target cell's text ('2', '02', '2.', 'Target 2') is ``target`` itself."""
    try:
        own_target, own_ref = parse_target_ref(text)
    except CellProblem:
        return False
    return own_ref is None and own_target == target
