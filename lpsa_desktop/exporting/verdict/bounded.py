"""``verify_file``: the verdict on a file, computed in a child process that cannot hurt us.

The child gets an address-space cap (``RLIMIT_AS``, 512 MB; pyHanko and its imports take
about 70 MB) and the parent kills it after a time limit (20 s); a CPU limit slightly above
that is a second fence. Whatever goes wrong in there — the cap reached, the time up, a
recursion the pre-checks missed, a crash — comes back as one line, "too large or
malformed to verify safely", with the detail in the log. The child is started with
``spawn``, never ``fork``: the window's process has Qt and worker threads running.

The caller waits on a pipe, so the window calls this from a thread of its own, never from
the store worker: edits keep saving while a hostile file is being checked.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from lpsa_desktop.exporting.errors import DocumentError
from lpsa_desktop.exporting.verdict.model import REFUSAL_TOO_BIG, DocumentVerdict
from lpsa_desktop.exporting.verdict.precheck import HEADER_WINDOW, Refused, check_header, check_size

log = logging.getLogger("lpsa.signatures")


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = 512 * 1024 * 1024
    seconds: float = 20.0


DEFAULT_LIMITS = Limits()


def verify_file(
    path: Path,
    trusted: Sequence[bytes] = (),
    *,
    limits: Limits = DEFAULT_LIMITS,
    should_stop: Any = None,
) -> DocumentVerdict:
    """The verdict on ``path``; ``trusted``: DER certificates of the trust list.

    ``should_stop`` (optional, no arguments) is polled while waiting; when it returns true
    the child is killed and the file reported as not verified."""
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(HEADER_WINDOW)
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        check_size(size)
        check_header(head)
    except Refused as exc:
        return DocumentVerdict(name, refusal=str(exc))
    return _in_child(name, tuple(trusted), limits, should_stop)


def _in_child(
    name: str, trusted: tuple[bytes, ...], limits: Limits, should_stop: Any
) -> DocumentVerdict:
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(
        target=_child,
        args=(theirs, name, trusted, limits),
        name="lpsa-verify",
        daemon=True,
    )
    process.start()
    theirs.close()
    deadline = time.monotonic() + limits.seconds
    try:
        while not ours.poll(0.05):
            if not process.is_alive():
                ours.poll(0.2)  # a result sent just before exiting
                break
            if should_stop is not None and should_stop():
                return DocumentVerdict(name, refusal="the check was stopped")
            if time.monotonic() > deadline:
                log.info("verifying %s took over %.0f s: stopped", name, limits.seconds)
                return DocumentVerdict(name, refusal=REFUSAL_TOO_BIG)
        if not ours.poll():
            log.info(
                "the verification of %s ended without an answer (exit %s)", name, process.exitcode
            )
            return DocumentVerdict(name, refusal=REFUSAL_TOO_BIG)
        kind, payload = ours.recv()
    except (EOFError, OSError) as exc:
        log.info("the verification of %s ended without an answer: %s", name, exc)
        return DocumentVerdict(name, refusal=REFUSAL_TOO_BIG)
    finally:
        ours.close()
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
    if kind == "verdict":
        verdict: DocumentVerdict = payload
        return verdict
    log.info("the verification of %s failed:\n%s", name, payload)
    return DocumentVerdict(name, refusal=REFUSAL_TOO_BIG)


def _child(connection: Connection, name: str, trusted: tuple[bytes, ...], limits: Limits) -> None:
    """Runs in the child: cap ourselves, pre-check the bytes, then let pyHanko parse."""
    _cap(limits)
    try:
        verdict = _verify_here(name, trusted)
        connection.send(("verdict", verdict))
    except (MemoryError, RecursionError) as exc:
        connection.send(("fault", f"{type(exc).__name__}"))
    except Exception:  # anything at all: the parent words it, the log keeps it
        connection.send(("fault", traceback.format_exc()))
    finally:
        connection.close()


def _verify_here(name: str, trusted: tuple[bytes, ...]) -> DocumentVerdict:
    from lpsa_desktop.exporting.verdict.precheck import check_bytes  # noqa: PLC0415

    data = Path(name).read_bytes()
    try:
        check_bytes(data)
    except Refused as exc:
        return DocumentVerdict(name, refusal=str(exc))
    # Imported only now: a file refused above never costs the ~1 s pyHanko takes to load.
    from asn1crypto import x509  # noqa: PLC0415

    from lpsa_desktop.exporting.verdict.analysis import verify_bytes  # noqa: PLC0415

    roots = [x509.Certificate.load(der) for der in trusted]
    return verify_bytes(data, roots, name=name)


def _cap(limits: Limits) -> None:
    try:
        import resource  # noqa: PLC0415 (POSIX only; on Windows the time limit alone holds)
    except ImportError:
        return
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    cpu = int(limits.seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
