"""`lpsa import`, `lpsa template`, `lpsa imports` and `lpsa import-revert`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lpsa_desktop.cli.arguments import row_id
from lpsa_desktop.cli.output import print_json, table
from lpsa_desktop.cli.store_access import open_store
from lpsa_desktop.domain.rounds import Party

if TYPE_CHECKING:
    from lpsa_desktop.importing.import_plan import ImportPlan
    from lpsa_desktop.storage.store import Store

EXIT_OK, EXIT_REFUSED = 0, 1


def register(commands: Any) -> None:
    importing = commands.add_parser("import", help="read council returns; print the plan")
    importing.add_argument("files", nargs="+", metavar="FILE", type=Path)
    importing.add_argument("--agreement", metavar="AGREEMENT", help="the agreement to update")
    importing.add_argument("--dry-run", action="store_true", help="print the plan; never write")
    importing.add_argument("--yes", action="store_true", help="apply the plan without asking")
    importing.add_argument("--rejects", metavar="OUT.xlsx", type=Path, help="write refused rows")
    importing.add_argument("--json", action="store_true", help="print the plan as JSON")
    importing.add_argument("--mapping", metavar="NAME", help="use a saved column mapping")
    importing.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        type=_pair,
        help="read the column HEADER as FIELD ('ignore' skips it); repeatable",
    )
    importing.add_argument("--save-mapping", metavar="NAME", help="save the columns as read")
    importing.add_argument(
        "--clear-blanks",
        action="store_true",
        help="a blank cell clears the stored value (by default it is left as stored)",
    )
    importing.add_argument(
        "--accept-rejects",
        action="store_true",
        help="apply the rows that were read even though some rows were refused",
    )
    importing.add_argument(
        "--round",
        metavar="NAME",
        help='also record the imported position as a round ("Council proposal 2")',
    )
    importing.add_argument(
        "--round-party", choices=[p.value for p in Party], default=Party.COUNCIL.value,
        help="whose position the round is (default council)",
    )  # fmt: skip
    importing.set_defaults(run=run_import)

    template = commands.add_parser("template", help="a return workbook for a council, pre-filled")
    template.add_argument("agreement", metavar="AGREEMENT")
    template.add_argument("out", metavar="OUT.xlsx", type=Path)
    template.set_defaults(run=run_template)

    batches = commands.add_parser("imports", help="import batches, newest first")
    batches.add_argument("agreement", nargs="?", metavar="AGREEMENT")
    batches.set_defaults(run=run_imports)

    revert = commands.add_parser("import-revert", help="undo one import batch whole")
    revert.add_argument("batch", type=row_id, metavar="BATCH")
    revert.set_defaults(run=run_revert)


def _pair(text: str) -> tuple[str, str]:
    header, sep, field = text.rpartition("=")
    if not sep or not header.strip() or not field.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not HEADER=FIELD (e.g. 'Outturn 05/06=actual')"
        )
    return header.strip(), field.strip()


def run_import(args: argparse.Namespace) -> int:
    from lpsa_desktop.cli.import_plan_text import plan_json, plan_text  # noqa: PLC0415
    from lpsa_desktop.cli.progress_line import callback_of, progress_line  # noqa: PLC0415
    from lpsa_desktop.importing.rejects_workbook import write_rejects  # noqa: PLC0415
    from lpsa_desktop.services.column_mappings import check_fields, load_mapping, save_mapping  # noqa: PLC0415
    from lpsa_desktop.services.return_import import plan_import  # noqa: PLC0415

    store = open_store(args, create=True)
    overrides = load_mapping(store, args.mapping) if args.mapping else {}
    overrides.update(dict(args.map))
    check_fields(overrides)
    status = EXIT_OK
    results = []
    line = progress_line(json_output=args.json)
    for path in args.files:
        try:
            plan = plan_import(
                store,
                path,
                agreement=args.agreement,
                overrides=overrides or None,
                clear_blanks=args.clear_blanks,
                progress=callback_of(line),
            )
        finally:
            if line is not None:
                line.clear()
        if args.save_mapping:
            save_mapping(store, args.save_mapping, plan.column_mapping, plan.layout)
        if args.rejects and plan.rejected:
            out = _rejects_path(args.rejects, path, len(args.files))
            write_rejects(out, plan.headers, plan.rejected)
        if not args.json:
            print(plan_text(plan))
        applied = _maybe_apply(store, plan, args)
        if plan.has_errors:
            status = EXIT_REFUSED
        results.append((plan, applied))
        if not args.json:
            print(_outcome(plan, applied, args))
    if args.json:
        print_json([{**plan_json(p), "applied_batches": a} for p, a in results])
    return status


def _maybe_apply(store: Store, plan: ImportPlan, args: argparse.Namespace) -> list[int] | None:
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415
    from lpsa_desktop.services.return_import import RoundRequest, apply_plan  # noqa: PLC0415

    if args.dry_run or not plan.has_changes:
        return None
    if plan.has_errors and not args.accept_rejects:
        return None
    if not args.yes:
        if args.json or not sys.stdin.isatty():
            return None
        if input("Apply this plan? [y/N] ").strip().lower() not in {"y", "yes"}:
            return None
    record = RoundRequest(args.round, Party(args.round_party)) if args.round else None
    return apply_plan(
        store,
        plan,
        officer=current_officer(store),
        accept_rejects=args.accept_rejects,
        record_round=record,
    )


def _outcome(plan: ImportPlan, applied: list[int] | None, args: argparse.Namespace) -> str:
    if applied:
        ids = ", ".join(str(i) for i in applied)
        return f"Applied: import batch {ids} (undo with `lpsa import-revert BATCH`)."
    if applied == [] and plan.outturn_changes:
        return f"Applied: {plan.outturn_changes} outturn(s) from the Periods sheet."
    if not plan.has_changes:
        return "Nothing to write."
    if args.dry_run:
        return "Dry run: nothing was written."
    if plan.has_errors and not args.accept_rejects:
        return (
            "Nothing was written: the file has errors. Correct them and import again, "
            "or add --accept-rejects to apply the rows that were read."
        )
    return "Nothing was written: add --yes to apply this plan."


def _rejects_path(out: Path, source: Path, count: int) -> Path:
    return out if count == 1 else out.with_name(f"{out.stem}-{source.stem}{out.suffix}")


def run_template(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.return_template import write_return_template  # noqa: PLC0415

    agreement = write_return_template(open_store(args), args.agreement, args.out)
    print(f"Wrote the return template of {agreement.ref} to {args.out}")
    return EXIT_OK


def run_imports(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.import_batches import list_import_batches  # noqa: PLC0415

    store = open_store(args)
    ref = None
    if args.agreement:
        with store.unit_of_work() as uow:
            ref = uow.agreements.resolve(args.agreement)
    rows = [
        [
            str(b.id),
            b.imported_at.strftime("%d/%m/%Y %H:%M"),
            b.officer,
            b.agreement_ref,
            b.file_name,
            "reverted" if b.reverted_at else "applied",
        ]
        for b in list_import_batches(store, ref)
    ]
    print(table(["Batch", "When", "Officer", "Agreement", "File", "State"], rows))
    return EXIT_OK


def run_revert(args: argparse.Namespace) -> int:
    from lpsa_desktop.services.import_batches import revert_import_batch  # noqa: PLC0415
    from lpsa_desktop.services.officer import current_officer  # noqa: PLC0415

    store = open_store(args)
    changes = revert_import_batch(store, args.batch, officer=current_officer(store))
    print(f"Reverted import batch {args.batch}: {len(changes)} change(s) undone.")
    return EXIT_OK
