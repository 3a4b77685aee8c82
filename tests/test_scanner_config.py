"""[scanner] keys the scanners rely on are refused at start when wrong."""

from __future__ import annotations

import pytest

from pos.config import ConfigError, parse_config


def test_a_function_key_prefix_is_accepted():
    assert parse_config('[scanner]\nprefix = "F12"').scanner.prefix == "F12"
    assert parse_config("").scanner.prefix == ""


@pytest.mark.parametrize("prefix", ["Ctrl+J", "F25", "f12", "12"])
def test_another_prefix_is_refused_with_its_name(prefix):
    with pytest.raises(ConfigError, match=r"\[scanner\] prefix"):
        parse_config(f'[scanner]\nprefix = "{prefix}"')


def test_a_serial_scanner_needs_its_port():
    with pytest.raises(ConfigError, match=r"\[scanner\] port"):
        parse_config('[scanner]\nkind = "serial"')
    config = parse_config('[scanner]\nkind = "serial"\nport = "/dev/serial/by-id/x"\n'
                          'terminator = "CRLF"')
    assert config.scanner.terminator == "CRLF"
