"""The journal hashes the RFC 8785 (JCS) form of each entry. ``canonical_json`` writes it
with the standard library's C encoder when that gives the same bytes: generated JSON
values, plain or not (non-ASCII and astral keys, floats, integers past 2**53, control
characters), must come out exactly as the ``rfc8785`` library writes them."""

from __future__ import annotations

import hashlib
import os

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.core.journal_chain import GENESIS, canonical_json, chain_hash, hashed_fields

SCALE = int(os.environ.get("GUICHET_PROPERTY_SCALE", "1"))

keys = st.one_of(st.text(max_size=8),
                 st.sampled_from(["a", "B", "é", "\U0001f600", "\ufb01", "\x7f", "a\nb"]))
scalars = st.one_of(
    st.none(), st.booleans(), st.text(max_size=12),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=False, allow_infinity=False))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=20)


def _library(value):
    try:
        return rfc8785.dumps(value)
    except Exception as error:  # noqa: BLE001 - the refusal itself is compared
        return type(error)


def _ours(value):
    try:
        return canonical_json(value)
    except Exception as error:  # noqa: BLE001
        return type(error)


@settings(max_examples=300 * SCALE, deadline=None)
@given(values)
def test_canonical_json_is_the_rfc8785_librarys_own(value) -> None:
    assert _ours(value) == _library(value)


@pytest.mark.parametrize("value", [
    {"é": 1, "e": 2, "\U0001f600": 3, "\ufb01": 4},  # code points and UTF-16 units differ
    {"n": 2**53}, {"n": -(2**53)}, {"x": 1.5}, {"s": "\x00\x1f\"\\\x7f\u2028"},
    {"s": "\udc80"},  # a lone surrogate
])
def test_the_edges_agree(value) -> None:
    assert _ours(value) == _library(value)


def test_an_entry_hashes_as_before() -> None:
    """An entry's hash is the library's JCS form chained: what every stored journal and
    export was written with."""
    entry = hashed_fields(seq=1, counter_id=1, at="2026-12-01T09:00:00.000000Z",
                          action="refund.settled", operator_id=1, approver_id=None,
                          operation_id=7, amount_cents=-24640,
                          payload={"number": 7, "tickets": ["30000000001"], "refunded": "246.40"})
    expected = hashlib.sha256(GENESIS.encode("ascii") + rfc8785.dumps(entry)).hexdigest()
    assert chain_hash(GENESIS, entry) == expected
