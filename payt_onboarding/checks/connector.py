"""One connector, checked: its fields against Payt's, then a live sample and its data quality.

Each page is folded (fold.py) into field statistics and the rules' accumulators as it comes in,
and dropped. The first rows stay on the outcome (all of a sample, `keep` of a full scan), so a
new field mapping is judged again from them without asking AFAS; after a full scan that says
it was judged on those rows (`judged_rows`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.errors import ResponseTooLarge
from payt_onboarding.afas.models import ConnectorMetadata, RowsPage
from payt_onboarding.checks.fields import PlannedField, candidates, plan_fields, sort_fields
from payt_onboarding.checks.findings import candidates_sentence, make_finding
from payt_onboarding.checks.fold import RoleFold, fold_rows
from payt_onboarding.checks.progress import ProgressCallback, ProgressEvent
from payt_onboarding.checks.rules import RoleData
from payt_onboarding.checks.values import MAX_LENGTH, FieldStats
from payt_onboarding.report.model import AfasField, FieldResult, Finding
from payt_onboarding.requirements.model import ConnectorRequirement, Rules
from payt_onboarding.vocabulary import Code, Language

PAGE_SIZE = 1000
# A table read whole and kept (the reference tables) stops here: far more than any reference
# table holds. A full scan keeps only its first rows; the check's time limit bounds it.
MAX_TABLE_ROWS = 100_000


@dataclass
class ConnectorOutcome:
    """Filled in as the check goes, so a cancelled check still reports what it learned."""

    requirement: ConnectorRequirement
    connector_id: str
    rules: Rules = field(default_factory=Rules)
    read_findings: list[Finding] = field(default_factory=list)  # AFAS errors, slow, empty
    mapped_findings: list[Finding] = field(default_factory=list)  # fields and values: redone
    fields: list[FieldResult] = field(default_factory=list)
    afas_fields: list[AfasField] = field(default_factory=list)
    planned: list[PlannedField] = field(default_factory=list)
    metadata: ConnectorMetadata | None = None
    kept_rows: list[dict[str, Any]] = field(default_factory=list)  # for judging again
    complete: bool = False  # every row was read, not a sample
    rows_sampled: int = 0
    read: RoleFold | None = None  # every row read so far, folded under `read_mapping`
    read_mapping: Mapping[str, str] | None = None
    judged_rows: int | None = None  # judged on the kept rows only, fewer than were read
    duration_ms: float = 0.0
    data: RoleData | None = None
    finished: bool = False

    @property
    def findings(self) -> list[Finding]:
        return self.mapped_findings + self.read_findings


async def check_connector(
    client: AfasClient,
    outcome: ConnectorOutcome,
    *,
    mapping: Mapping[str, str],
    sample_size: int | None,
    keep: int | None,
    slow_ms: float,
    language: Language,
    progress: ProgressCallback,
    asked: Awaitable[ConnectorMetadata] | None = None,
    ready: Callable[[], None] = lambda: None,
) -> None:
    """Read and judge one connector; `keep` rows stay for judging again (None: all).

    `asked` is its field list when already asked for; `ready` is called once the fields
    are planned and after each page (what waits on this connector looks again)."""
    req, cid = outcome.requirement, outcome.connector_id
    outcome.metadata = metadata = await (asked or client.connector_metadata(cid))
    outcome.afas_fields = [AfasField(id=f.id, type=f.data_type, label=f.label)
                           for f in metadata.fields]
    evaluate(outcome, mapping, language)  # the field findings stand even if reading fails
    outcome.read = fold = RoleFold(req, cid, outcome.planned, outcome.rules)
    ready()
    first_ms, total_ms = await _read(client, outcome, metadata, sample_size, keep, fold,
                                     progress, ready)
    rows = outcome.rows_sampled
    outcome.complete = sample_size is None or rows < sample_size
    outcome.read_mapping = dict(mapping)
    outcome.duration_ms = round(total_ms, 1)
    if first_ms > slow_ms:
        outcome.read_findings.append(make_finding(
            Code.CONNECTOR_SLOW, language=language, role=req.role, connector_id=cid,
            connector=cid, ms=round(first_ms)))
    if not rows and req.expect_rows:
        outcome.read_findings.append(make_finding(Code.CONNECTOR_EMPTY, language=language,
                                                  role=req.role, connector_id=cid, connector=cid))
    outcome.finished = True
    evaluate(outcome, mapping, language)


def evaluate(outcome: ConnectorOutcome, mapping: Mapping[str, str], language: Language) -> None:
    """Plan the fields under `mapping` and, once the rows are read, judge their values."""
    req, metadata = outcome.requirement, outcome.metadata
    if metadata is None:
        return
    outcome.planned = planned = plan_fields(req, metadata, mapping)
    found = _field_findings(outcome, metadata, language)
    results: list[FieldResult] = []
    if outcome.finished:
        fold, complete = outcome.read, outcome.complete
        outcome.judged_rows = None
        if fold is None or dict(mapping) != (outcome.read_mapping or {}):
            fold = fold_rows(req, outcome.connector_id, planned, outcome.rules,
                             outcome.kept_rows)
            if len(outcome.kept_rows) < outcome.rows_sampled:
                outcome.judged_rows, complete = len(outcome.kept_rows), False
        for plan in planned:
            stats = fold.stats.get(plan.name)
            results.append(_field_result(plan, stats))
            if stats is not None:
                found += _quality_findings(outcome, plan, stats, language)
        outcome.data = fold.data(complete)
    outcome.fields, outcome.mapped_findings = results, found


def mapping_choices(
    outcome: ConnectorOutcome, payt_field: str
) -> tuple[list[AfasField], list[AfasField]]:
    """The AFAS fields `payt_field` could be read from: the suggestions (fitting type, alike
    name), then every other field no Payt field uses yet (the user may know better)."""
    want = outcome.requirement.field(payt_field)
    if want is None or outcome.metadata is None:
        return [], []
    others = [p for p in outcome.planned if p.name != payt_field]
    best = [f.id for f in candidates(want, outcome.metadata, others)]
    used = {p.afas.id for p in others if p.afas is not None}
    rest = [f.id for f in outcome.metadata.fields if f.id not in used and f.id not in best]
    by_id = {f.id: f for f in outcome.afas_fields}
    return [by_id[i] for i in best if i in by_id], [by_id[i] for i in rest if i in by_id]


async def _read(
    client: AfasClient,
    outcome: ConnectorOutcome,
    metadata: ConnectorMetadata,
    sample_size: int | None,
    keep: int | None,
    fold: RoleFold,
    progress: ProgressCallback,
    ready: Callable[[], None],
) -> tuple[float, float]:
    """The sample (or every row, page by page) folded into `fold`; the first request's and the
    total time in ms.

    Times are AFAS's answer times: a request queued behind the client's in-flight cap is not
    slow, so waiting for a slot (and for retries) does not count.
    """
    req, cid = outcome.requirement, outcome.connector_id
    order = sort_fields(req, outcome.planned, metadata)
    kept = outcome.kept_rows
    times: list[float] = []
    read = 0
    previous: tuple[dict[str, Any], ...] = ()

    def take_from(skip: int) -> int:
        # Pages of at most PAGE_SIZE, for a large sample too (reference: columns x rows per
        # call below 150,000, or AFAS runs out of memory).
        return PAGE_SIZE if sample_size is None else min(PAGE_SIZE, sample_size - skip)

    def ask(skip: int, sent: Callable[[], None] | None = None) -> asyncio.Task[RowsPage]:
        return asyncio.ensure_future(client.rows(cid, skip=skip, take=take_from(skip),
                                                 order_by=order, sent=sent))

    take, asked = take_from(0), ask(0)
    try:
        while True:
            page = await asked
            if page.rows and page.rows == previous:
                raise ResponseTooLarge(
                    f"{cid} answered the same page for skip={read} as before: the server "
                    "ignores skip and would never stop.",
                    reason=f"the same page again at skip={read}")
            previous = page.rows
            times.append(page.elapsed_ms)
            done = len(page.rows) < take or (sample_size is not None
                                             and read + len(page.rows) >= sample_size)
            too_many = keep is None and read + len(page.rows) >= MAX_TABLE_ROWS
            if not done and not too_many:
                # The next page is asked for before this one is folded: AFAS prepares it while
                # the check works through this one (a full page means there may be more).
                goes_now, written = client.sends_at_once, asyncio.Event()
                skip = read + len(page.rows)
                take, asked = take_from(skip), ask(skip, written.set)
                if goes_now:  # on the wire before the fold holds the loop (a few steps)
                    await _first_of(asked, written)
            fold.add(page.rows)
            room = len(page.rows) if keep is None else keep - len(kept)
            kept += page.rows[:room]
            read += len(page.rows)
            outcome.rows_sampled = read
            progress(ProgressEvent("rows_read", role=req.role, connector_id=cid, rows=read))
            ready()
            if done:
                break
            if too_many:
                raise ResponseTooLarge(
                    f"{cid} kept sending rows: {read} read, the most a table read whole and "
                    "kept may hold.", reason=f"more than {MAX_TABLE_ROWS} rows")
    finally:
        if not asked.done():
            asked.cancel()
            await asyncio.gather(asked, return_exceptions=True)
    return times[0], sum(times)


async def _first_of(task: asyncio.Task[RowsPage], event: asyncio.Event) -> None:
    waiter = asyncio.ensure_future(event.wait())
    try:
        await asyncio.wait((task, waiter), return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()


def _field_findings(
    outcome: ConnectorOutcome, metadata: ConnectorMetadata, language: Language
) -> list[Finding]:
    req, cid = outcome.requirement, outcome.connector_id
    found = []
    for plan in outcome.planned:
        want = plan.requirement
        common: dict[str, Any] = {"language": language, "role": req.role, "connector_id": cid,
                                  "field": want.name, "connector": cid}
        if plan.status == "missing":
            examples = [plan.mapped_to_missing] if plan.mapped_to_missing else []
            if want.mandatory:
                offer = [f"{f.id} ({f.label})" if f.label else f.id
                         for f in candidates(want, metadata, outcome.planned)]
                found.append(make_finding(Code.FIELD_MISSING, examples=examples,
                                          payt_type=want.type,
                                          candidates=candidates_sentence(language, offer),
                                          **common))
            else:
                found.append(make_finding(Code.FIELD_OPTIONAL_MISSING, examples=examples,
                                          **common))
        elif plan.status == "type_mismatch" and plan.afas is not None:
            found.append(make_finding(Code.FIELD_TYPE_MISMATCH, afas_field=plan.afas.id,
                                      afas_type=plan.afas.data_type, payt_type=want.type,
                                      **common))
    return found


def _quality_findings(
    outcome: ConnectorOutcome, plan: PlannedField, stats: FieldStats, language: Language
) -> list[Finding]:
    req, cid = outcome.requirement, outcome.connector_id
    common: dict[str, Any] = {"language": language, "role": req.role, "connector_id": cid,
                              "field": plan.name, "connector": cid}
    found = []
    if plan.requirement.mandatory and stats.empty.count:
        found.append(make_finding(Code.FIELD_EMPTY, count=stats.empty.count,
                                  examples=stats.empty.examples, rows=stats.rows, **common))
    if stats.too_long.count:
        found.append(make_finding(Code.FIELD_TOO_LONG, count=stats.too_long.count,
                                  examples=stats.too_long.examples, max=MAX_LENGTH, **common))
    if stats.invalid.count and stats.invalid_code is not None:
        found.append(make_finding(stats.invalid_code, count=stats.invalid.count,
                                  examples=stats.invalid.examples, **common))
    return found


def _field_result(plan: PlannedField, stats: FieldStats | None) -> FieldResult:
    status = plan.status
    if stats is not None and stats.rows and not stats.filled and status in ("ok", "mapped"):
        status = "empty"
    return FieldResult(
        payt_field=plan.name,
        afas_field=plan.afas.id if plan.afas else None,
        mandatory=plan.requirement.mandatory,
        status=status,
        afas_type=plan.afas.data_type if plan.afas else None,
        fill_rate=round(stats.fill_rate, 4) if stats and stats.fill_rate is not None else None,
        payt_type=plan.requirement.type,
        source=plan.requirement.source,
        samples=tuple(stats.samples) if stats else (),
    )
