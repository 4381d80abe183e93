"""One session per user action: commit at the end, roll back on any error."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from lpsa_desktop.storage.agreement_removal import AgreementRemoval
from lpsa_desktop.storage.agreement_repository import AgreementRepository
from lpsa_desktop.storage.audit_repository import AuditRepository
from lpsa_desktop.storage.council_repository import CouncilRepository
from lpsa_desktop.storage.database import describe_database_error
from lpsa_desktop.storage.delivery_repository import DeliveryRepository
from lpsa_desktop.storage.engines.common import WRITE_OPTION
from lpsa_desktop.storage.exchange_repository import ExchangeRepository
from lpsa_desktop.storage.import_batch_repository import ImportBatchRepository
from lpsa_desktop.storage.meeting_repository import MeetingRepository
from lpsa_desktop.storage.new_agreement_writer import NewAgreementWriter
from lpsa_desktop.storage.round_repository import RoundRepository
from lpsa_desktop.storage.settings_repository import SettingsRepository


class UnitOfWork:
    """``with store.unit_of_work(write=True) as uow: ...`` — all of it is written, or none.

    A write unit takes SQLite's write lock when it begins (BEGIN IMMEDIATE), so it either
    waits for another writer or fails before it has read anything it could act on.
    """

    agreements: AgreementRepository
    audit: AuditRepository
    settings: SettingsRepository
    import_batches: ImportBatchRepository
    rounds: RoundRepository
    meetings: MeetingRepository
    delivery: DeliveryRepository
    new_agreements: NewAgreementWriter
    councils: CouncilRepository
    removals: AgreementRemoval
    exchanges: ExchangeRepository

    def __init__(self, engine: Engine, url: str, *, write: bool) -> None:
        self._engine = engine.execution_options(**{WRITE_OPTION: write}) if write else engine
        self._url = url
        self._write = write
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self._session = Session(self._engine, expire_on_commit=False)
        self.agreements = AgreementRepository(self._session)
        self.audit = AuditRepository(self._session)
        self.settings = SettingsRepository(self._session)
        self.import_batches = ImportBatchRepository(self._session)
        self.rounds = RoundRepository(self._session)
        self.meetings = MeetingRepository(self._session)
        self.delivery = DeliveryRepository(self._session)
        self.new_agreements = NewAgreementWriter(self._session)
        self.councils = CouncilRepository(self._session)
        self.removals = AgreementRemoval(self._session)
        self.exchanges = ExchangeRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self._session
        assert session is not None
        try:
            if exc_type is None and self._write:
                try:
                    session.commit()
                except DBAPIError as error:
                    session.rollback()
                    raise describe_database_error(self._url, error) from error
            else:
                session.rollback()
        finally:
            session.close()
            self._session = None
