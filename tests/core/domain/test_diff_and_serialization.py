"""The field diff (audit trail, import plan) and the JSON form of an agreement."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

from lpsa_desktop.domain.agreement import Agreement, Partner
from lpsa_desktop.domain.diff import diff_agreements
from lpsa_desktop.domain.enums import PartnerKind
from lpsa_desktop.domain.serialization import agreement_from_dict, agreement_to_dict


def test_identical_agreements_have_no_changes(demo: Agreement) -> None:
    assert diff_agreements(demo, dataclasses.replace(demo)) == []


def test_an_indicator_value_change_is_located_with_old_and_new(demo: Agreement) -> None:
    target = demo.targets[0]
    edited_ind = dataclasses.replace(target.indicators[1], with_=Decimal("76"))
    edited = dataclasses.replace(
        demo,
        targets=(
            dataclasses.replace(
                target, indicators=(target.indicators[0], edited_ind, target.indicators[2])
            ),
            *demo.targets[1:],
        ),
    )
    [change] = diff_agreements(demo, edited)
    assert (change.kind, change.entity, change.field, change.old, change.new) == (
        "changed",
        "target 1 / indicator 1b",
        "with",
        "75",
        "76",
    )


def test_added_and_removed_targets_and_partner_kinds_are_reported(demo: Agreement) -> None:
    renumbered = dataclasses.replace(demo.targets[-1], ref="13", reserve=False)
    partners = (Partner(demo.partners[0].name, PartnerKind.OTHER), *demo.partners[1:])
    edited = dataclasses.replace(demo, targets=(*demo.targets[:-1], renumbered), partners=partners)
    kinds = {(c.kind, c.entity or c.field) for c in diff_agreements(demo, edited)}
    assert ("added", "target 13") in kinds
    assert ("removed", "target R1") in kinds
    assert ("changed", "partners") in kinds


def test_json_round_trip_is_exact(demo: Agreement) -> None:
    text = json.dumps(agreement_to_dict(demo), default=str)
    assert agreement_from_dict(json.loads(text, parse_float=Decimal)) == demo


def test_json_has_the_contract_shape(demo: Agreement) -> None:
    data = agreement_to_dict(demo)
    assert data["reward_pot"] == "3577950.00"
    assert data["net_budget_requirement"] == "143118000.00"
    assert data["period"] == {"start": "2003-04-01", "end": "2006-03-31"}
    assert set(data) >= {
        "ref",
        "title",
        "generation",
        "status",
        "councils",
        "reward_rate",
        "pump_priming_grant",
        "partners",
        "signatories",
        "targets",
        "freedoms",
    }
    ind = data["targets"][0]["indicators"][0]
    assert set(ind) >= {
        "ref",
        "description",
        "unit",
        "direction",
        "baseline",
        "baseline_period",
        "without",
        "with",
        "interim",
        "end_period",
        "actual",
        "weight",
    }
    assert set(data["freedoms"][0]) >= {
        "ref",
        "description",
        "targets",
        "department",
        "legal_basis",
        "status",
        "response",
        "delivered",
    }


def test_delivery_reads_the_contract_examples_yes_no_and_partly(demo: Agreement) -> None:
    data = agreement_to_dict(demo)
    words = ["no", "yes", "partly", "not_started"]
    for freedom, word in zip(data["freedoms"], words, strict=False):
        freedom["delivered"] = word
    states = [f.delivery.value for f in agreement_from_dict(data).freedoms[:4]]
    assert states == ["not_delivered", "delivered", "partly_delivered", "not_started"]


def test_a_stated_zero_is_kept_not_replaced_by_the_default(demo: Agreement) -> None:
    data = agreement_to_dict(demo)
    data["interim_fraction"] = "0"
    data["reward_rate"] = "0"
    agreement = agreement_from_dict(data)
    assert (agreement.interim_fraction, agreement.reward_rate) == (0, 0)
    del data["interim_fraction"]
    assert agreement_from_dict(data).interim_fraction == Decimal("0.2")
