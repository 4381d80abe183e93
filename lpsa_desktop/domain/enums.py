"""The closed vocabularies of an LPSA. Values are the stable strings used in JSON and the store."""

from __future__ import annotations

from enum import StrEnum


class Generation(StrEnum):
    LPSA1 = "LPSA1"
    LPSA2 = "LPSA2"


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    NEGOTIATING = "negotiating"
    PROVISIONALLY_AGREED = "provisionally_agreed"
    SIGNED = "signed"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


class PotRounding(StrEnum):
    """How the reward pot is rounded (real schedules rounded, e.g. Isle of Wight to £1,000)."""

    NONE = "none"
    NEAREST_POUND = "nearest_pound"
    NEAREST_THOUSAND = "nearest_thousand"


class Unit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    RATE_PER_1000 = "rate_per_1000"
    RATE_PER_100000 = "rate_per_100000"
    MONEY = "money"
    DAYS = "days"
    SCORE = "score"
    RATIO = "ratio"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class CouncilType(StrEnum):
    COUNTY = "county"
    UNITARY = "unitary"
    METROPOLITAN_DISTRICT = "metropolitan_district"
    LONDON_BOROUGH = "london_borough"
    SHIRE_DISTRICT = "shire_district"
    OTHER = "other"


class CpaCategory(StrEnum):
    EXCELLENT = "excellent"
    GOOD = "good"
    FAIR = "fair"
    WEAK = "weak"
    POOR = "poor"


class PartnerKind(StrEnum):
    LSP = "lsp"
    POLICE = "police"
    PCT = "pct"
    DISTRICT_COUNCIL = "district_council"
    FIRE = "fire"
    VOLUNTARY = "voluntary"
    BUSINESS = "business"
    OTHER = "other"


class FreedomStatus(StrEnum):
    REQUESTED = "requested"
    UNDER_DISCUSSION = "under_discussion"
    AGREED = "agreed"
    AGREED_IN_PRINCIPLE = "agreed_in_principle"
    AGREED_SUBJECT_TO_FEASIBILITY = "agreed_subject_to_feasibility"
    ALTERNATIVE_OFFERED = "alternative_offered"
    NOT_AGREED = "not_agreed"
    WITHDRAWN = "withdrawn"


class DeliveryStatus(StrEnum):
    """Tracked apart from FreedomStatus: many agreed freedoms were never delivered."""

    NOT_STARTED = "not_started"
    DELIVERED = "delivered"
    PARTLY_DELIVERED = "partly_delivered"
    NOT_DELIVERED = "not_delivered"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class NegotiationStatus(StrEnum):
    """Where an item stands in the negotiation (who set it and when is in the audit trail)."""

    OPEN = "open"
    AGREED = "agreed"
    PARKED = "parked"
    DROPPED = "dropped"
