"""Credentials: secrets never shown or pickled; key files read and checked with clear errors."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from payt_onboarding.afas.credentials import (
    ClientSecret,
    CredentialInputError,
    OAuthClient,
    PrivateKey,
    auth_kind,
)
from payt_onboarding.simulator.demo import demo_credentials
from payt_onboarding.simulator.oauth import DEMO_CLIENT_SECRET, demo_private_key_pem


def pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
        password: bytes | None = None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password) if password
        else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             encryption)


def test_a_secret_shows_only_a_hint_and_cannot_be_pickled() -> None:
    secret = ClientSecret.parse(f'  "{DEMO_CLIENT_SECRET}"\n')
    assert secret.reveal() == DEMO_CLIENT_SECRET
    client = OAuthClient("payt", secret)
    for text in (repr(secret), str(secret), f"{secret}", repr(client), str(client)):
        assert DEMO_CLIENT_SECRET not in text
        assert DEMO_CLIENT_SECRET[-4:] in text or "…" in text
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        pickle.dumps(client)
    assert copy.deepcopy(secret) is secret
    with pytest.raises(AttributeError):
        secret.x = 1


def test_a_private_key_shows_its_path_not_its_contents(tmp_path: Path) -> None:
    path = tmp_path / "payt.pem"
    path.write_text(demo_private_key_pem())
    key = PrivateKey.load(path)
    assert (key.algorithm, key.path) == ("ES256", path)
    assert "PRIVATE" not in repr(key) and str(path) in repr(key)
    with pytest.raises(TypeError):
        pickle.dumps(key)


def test_an_rsa_key_signs_with_rs256(tmp_path: Path) -> None:
    path = tmp_path / "rsa.pem"
    path.write_bytes(pem(rsa.generate_private_key(public_exponent=65537, key_size=2048)))
    assert PrivateKey.load(path).algorithm == "RS256"


@pytest.mark.parametrize("content,message_id", [
    (None, "input.key.unreadable"),
    (b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "input.key.not_a_key"),
    ("encrypted", "input.key.encrypted"),
    ("p384", "input.key.unsupported"),
])
def test_unusable_key_files_say_what_to_do(tmp_path: Path, content: object,
                                           message_id: str) -> None:
    path = tmp_path / "key.pem"
    if content == "encrypted":
        path.write_bytes(pem(ec.generate_private_key(ec.SECP256R1()), b"pw"))
    elif content == "p384":
        path.write_bytes(pem(ec.generate_private_key(ec.SECP384R1())))
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(CredentialInputError) as caught:
        PrivateKey.load(path)
    assert caught.value.id == message_id
    assert str(path) in caught.value.text("nl") and caught.value.__context__ is None


@pytest.mark.parametrize("text,message_id", [
    ("", "input.secret.empty"), ("  ''  ", "input.secret.empty"),
    ("two words", "input.secret.spaces"), ("x" * 1001, "input.secret.too_long")])
def test_unusable_secrets(text: str, message_id: str) -> None:
    with pytest.raises(CredentialInputError) as caught:
        ClientSecret.parse(text)
    assert caught.value.id == message_id


@pytest.mark.parametrize("client_id,message_id", [
    (" ", "input.client_id.empty"), ("with space", "input.client_id.invalid")])
def test_unusable_client_ids(client_id: str, message_id: str) -> None:
    with pytest.raises(CredentialInputError) as caught:
        OAuthClient(client_id, ClientSecret.parse("s3cret-value"))
    assert caught.value.id == message_id


def test_an_oauth_client_has_exactly_one_way_to_prove_itself() -> None:
    key = demo_credentials("private_key")
    assert isinstance(key, OAuthClient) and key.private_key is not None
    with pytest.raises(ValueError, match="not both"):
        OAuthClient("payt", ClientSecret.parse("s3cret-value"), key.private_key)
    with pytest.raises(ValueError, match="not both or none"):
        OAuthClient("payt")
    with pytest.raises(ValueError, match="private_key_jwt"):
        OAuthClient("payt", ClientSecret.parse("s3cret-value"), client_auth="private_key_jwt")
    assert [auth_kind(demo_credentials(k)) for k in ("token", "client_secret", "private_key")] == [
        "classic_token", "oauth_client_secret", "oauth_private_key_jwt"]
