import pytest

from pos.config import Config, ConfigError, load_config, parse_config


def test_defaults_print_to_a_file_and_use_embedded_sqlite(tmp_path, monkeypatch):
    monkeypatch.setenv("GUICHET_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GUICHET_DATABASE_URL", raising=False)
    config = Config()
    assert config.printer.connection == "file"
    assert config.printer_file_path == tmp_path / "printer-output.bin"
    assert config.database_url == f"sqlite:///{tmp_path / 'guichet.sqlite3'}"
    assert config.drawer.kind == "printer" and config.scanner.kind == "keyboard"


def test_a_full_file_is_read():
    config = parse_config("""
[database]
url = "postgresql+psycopg://box@db/guichet"
[counter]
name = "Guichet 3"
[printer]
connection = "network"
host = "192.0.2.10"
port = 9100
paper_width = 58
[drawer]
pin = 5
[scanner]
kind = "serial"
port = "/dev/serial/by-id/usb-scanner"
terminator = "CRLF"
""")
    assert config.counter.name == "Guichet 3"
    assert (config.printer.host, config.printer.port, config.printer.paper_width) == (
        "192.0.2.10", 9100, 58)
    assert config.drawer.pin == 5 and config.scanner.terminator == "CRLF"
    assert parse_config('[refunds]\ncauses = ["A", "B"]').refunds.causes == ("A", "B")


@pytest.mark.parametrize("text, expected", [
    ("[printer]\nhots = 'x'", "[printer] hots : clé inconnue"),
    ("[printr]\nhost = 'x'", "[printr] : section inconnue"),
    ("[printer]\nconnection = 'bluetooth'", "[printer] connection = 'bluetooth' : attendu"),
    ("[printer]\nport = '9100'", "[printer] port = '9100' : attendu un entier"),
    ("[printer]\nport = 70000", "attendu : un port entre 1 et 65535"),
    ("[printer]\nconnection = 'network'", "[printer] host : obligatoire"),
    ("[scanner]\nkind = 'serial'", "[scanner] port : obligatoire"),
    ("[drawer]\npin = 3", "[drawer] pin = 3 : attendu : 2 ou 5"),
    ("[printer\n", "TOML illisible"),
    ("[refunds]\ncauses = 'Echange'", "[refunds] causes = 'Echange' : attendu une liste"),
    ("[refunds]\nother_modes = ['bitcoin']", "[refunds] other_modes"),
])
def test_a_wrong_key_or_value_is_named_in_one_line(text, expected):
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_file_lookup_order_and_database_override(tmp_path, monkeypatch):
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text('[counter]\nname = "A"\n')
    b.write_text('[counter]\nname = "B"\n')
    monkeypatch.setenv("GUICHET_CONFIG", str(b))
    assert load_config(a).counter.name == "A"
    assert load_config().counter.name == "B"
    monkeypatch.setenv("GUICHET_DATABASE_URL", "sqlite:////tmp/override.sqlite3")
    assert load_config().database_url == "sqlite:////tmp/override.sqlite3"
    with pytest.raises(ConfigError, match="introuvable"):
        load_config(tmp_path / "missing.toml")
