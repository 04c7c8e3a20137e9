"""A unit file's own Ed25519 key pair, which signs the manifest of its handovers.

The key pair is made when the file is created (or, for a file from before
handovers existed, at its first export) and kept in the file's settings; a
handover carries only the public key.  Headquarters pins a unit's public key on
the first handover it accepts (db.io.handover.verify).
"""

from __future__ import annotations

import base64

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from db.store import settings

PRIVATE_KEY = "file.signing_key"  # never leaves the unit's file
PUBLIC_KEY = "file.public_key"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def public_text(key: Ed25519PublicKey) -> str:
    return _b64(key.public_bytes(Encoding.Raw, PublicFormat.Raw))


def ensure_key_pair() -> str:
    """The file's public key, making the key pair first if the file has none."""
    stored = settings.get(PUBLIC_KEY)
    if stored and settings.get(PRIVATE_KEY):
        return str(stored)
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    settings.put(PRIVATE_KEY, _b64(raw))
    public = public_text(private.public_key())
    settings.put(PUBLIC_KEY, public)
    return public


def sign(message: bytes) -> str:
    """The file's signature of ``message`` (base64)."""
    raw = base64.b64decode(str(settings.get(PRIVATE_KEY)))
    return _b64(Ed25519PrivateKey.from_private_bytes(raw).sign(message))


def verify(public_key: str, message: bytes, signature: str) -> bool:
    """Whether ``signature`` (base64) of ``message`` was made with ``public_key``'s pair."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
