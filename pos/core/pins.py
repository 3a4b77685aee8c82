"""Operators' PINs, hashed with argon2id (argon2-cffi's ``PasswordHasher``: the PHC
string carries its salt and parameters, so a later change of parameters is read from
each hash and the old ones are upgraded at the next good PIN).

A PIN is four digits: what makes it hard to guess is the lockout after a few wrong tries
(``pos.core.services.operators``); what argon2id adds is that a copied ``operators``
table costs memory-hard work per guess, not microseconds.

Hashes of the PBKDF2 scheme used before argon2id are still verified, only so that an
existing database's supervisors can log in once: a good PIN rehashes them.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

_LEGACY = "pbkdf2_sha256$"


@cache
def _hasher() -> PasswordHasher:
    """argon2id, RFC 9106's low-memory profile (64 MiB, t=3, p=4). argon2-cffi is loaded
    at the first PIN checked, not with the window (the log-in comes after its paint)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_pin(pin: str, hasher: PasswordHasher | None = None) -> str:
    """``hasher``: other parameters (the tests use a cheap one; production never)."""
    return (hasher or _hasher()).hash(pin)


def verify_pin(pin: str, stored: str) -> bool:
    if not stored:
        return False
    if stored.startswith(_LEGACY):
        return _verify_legacy(pin, stored)
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored, pin)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """True for a legacy hash, or an argon2id hash made with other parameters."""
    if stored.startswith(_LEGACY):
        return True
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True


def _verify_legacy(pin: str, stored: str) -> bool:
    try:
        _scheme, iterations, salt, digest = stored.split("$")
        computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt),
                                       int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(computed.hex(), digest)
