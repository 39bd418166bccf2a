"""`payt-onboarding demo`: the AFAS client against the built-in simulator, start to finish.

Until the wizard exists this is the quickest way to see what the tool talks to: it starts the
simulator in-process on a free loopback port, reads the AppConnector, every connector's fields
and first rows, and one invoice PDF, and prints what it found.
"""

from __future__ import annotations

import asyncio
import sys
import time

from payt_onboarding.afas.client import AfasClient
from payt_onboarding.afas.environment import Environment
from payt_onboarding.afas.errors import AfasError
from payt_onboarding.afas.token import AfasToken
from payt_onboarding.simulator.config import DEMO_TOKEN_DATA, DEMO_UID
from payt_onboarding.simulator.scenarios import build_config
from payt_onboarding.simulator.server import SimulatorServer


def run_demo(scenario: str) -> int:
    config = build_config(scenario)
    with SimulatorServer(config) as server:
        print(f"AFAS Profit simulator, scenario '{scenario}', at {server.url}\n")
        environment = Environment.parse(DEMO_UID, base_url=server.url)
        token = AfasToken.from_data(DEMO_TOKEN_DATA)
        return asyncio.run(_tour(environment, token))


async def _tour(environment: Environment, token: AfasToken) -> int:
    async with AfasClient(environment, token, language="en-us") as client:
        try:
            meta = await client.metainfo()
        except AfasError as exc:
            print(f"Connection test failed [{exc.code.value}]: {exc}")
            return 2
        info = meta.info
        print(f"Environment {info.envid}, AppConnector '{info.app_name}', group '{info.group}', "
              f"token expiry {info.token_expiry or 'none'}\n")
        results = await asyncio.gather(*(_probe(client, c.id) for c in meta.get_connectors))
        width = max(len(c.id) for c in meta.get_connectors)
        print(f"{'GetConnector':<{width}}  fields  rows  time     result")
        failures = 0
        for connector, (fields, rows, ms, problem) in zip(meta.get_connectors, results,
                                                            strict=True):
            failures += problem is not None
            print(f"{connector.id:<{width}}  {fields:>6}  {rows:>4}  {ms:>5.0f} ms  "
                  f"{problem or 'ok'}")
        print()
        failures += await _first_pdf(client)
    return 2 if failures else 0


async def _probe(client: AfasClient, connector_id: str) -> tuple[int, int, float, str | None]:
    started = time.perf_counter()
    try:
        metadata = await client.connector_metadata(connector_id)
        order = [metadata.fields[0].id] if metadata.fields else []
        page = await client.rows(connector_id, take=20, order_by=order)
    except AfasError as exc:
        return 0, 0, (time.perf_counter() - started) * 1000, f"{exc.code.value}: {exc}"
    return len(metadata.fields), len(page.rows), (time.perf_counter() - started) * 1000, None


async def _first_pdf(client: AfasClient) -> int:
    try:
        page = await client.rows("Payt_subject_attachments", take=1, order_by=["attachment_id"])
        if not page.rows:
            print("No dossier attachments found.")
            return 1
        row = page.rows[0]
        attachment = await client.subject_attachment(row["subject_id"], row["file_id"])
    except AfasError as exc:
        print(f"Invoice PDF: failed [{exc.code.value}]: {exc}")
        return 1
    print(f"Invoice PDF through AppConnectorSubject: {attachment.filename} "
          f"({attachment.mimetype}, {len(attachment.data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(run_demo(sys.argv[1] if len(sys.argv) > 1 else "healthy"))
