"""HTTPS for the simulator: a throw-away CA made for one run (trustme, the test extra)."""

from __future__ import annotations

import ssl
from pathlib import Path


def throwaway_tls(directory: Path) -> tuple[ssl.SSLContext, Path]:
    """A server context from a throw-away CA, and the CA file a client must trust."""
    try:
        import trustme
    except ImportError:
        raise RuntimeError(
            "--tls needs the 'trustme' package: pip install 'payt-onboarding[test]'"
        ) from None
    ca = trustme.CA()
    server_cert = ca.issue_cert("127.0.0.1", "localhost", "::1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_cert.configure_cert(context)
    ca_path = directory / "simulator-ca.pem"
    ca.cert_pem.write_to_path(str(ca_path))
    return context, ca_path
