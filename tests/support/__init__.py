"""What the tests share, imported as a normal package (`from tests.support.afas import ...`).

- leaks: the token-leak guard's secrets and the checks against them (every form of a token)
- afas: simulators on 127.0.0.1, clients for them, fast retries, the demo token's headers
- afas_inputs: the bad base URLs and tokens that the afas tests and the Dutch-message tests share
- scenarios: the expected verdict and codes of every simulator scenario, and a check to run
- reports: a realistic Report to render and validate
- profiles: profiles, tokens and an in-memory keyring for the profile tests
- keyring_session: the throw-away Secret Service of tests/keyring_session.sh
- wizard: an isolated wizard against the simulator, and the walk through its pages

Fixtures are not here: the global ones are in tests/conftest.py, the others in the conftest.py
of the folder that uses them.
"""
