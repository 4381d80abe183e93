"""Exact column types. SQLite's NUMERIC is a float underneath, so Decimals never go there."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from lpsa_desktop.domain.money import from_pence, to_pence


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal kept as its exact text ('45.5', '0.025'): no binary rounding, ever."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else f"{value:f}"

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(str(value))


class Pence(TypeDecorator[Decimal]):
    """Money: Decimal pounds in Python, integer pence in the file."""

    impl = Integer
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        # SQLite's INTEGER holds 64 bits; PostgreSQL's holds 32 (£21m in pence), so money
        # is BIGINT there. SQLite keeps INTEGER: its released schema dumps stay as they are.
        if dialect.name == "postgresql":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Integer())

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_pence(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_pence(int(value))
