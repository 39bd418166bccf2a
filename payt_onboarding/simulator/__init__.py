"""A local AFAS Profit simulator (reference/afas-profit-rest.md), on loopback only; no Qt.

The public face: `server.SimulatorServer` (a context manager; `.url`, `.requests`),
`scenarios.build_config(name, ...)` and `SCENARIOS`, `names.SCENARIO_NAMES` (light, for the
parser), `config` (`SimulatorConfig`, `Switches`, `Fault`, `DEMO_UID`, `DEMO_TOKEN_DATA`),
`tls.throwaway_tls` for HTTPS. docs/simulator.md lists every endpoint, switch and fault.
"""
