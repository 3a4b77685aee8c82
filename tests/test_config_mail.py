"""The [mail] section: no server by default (documents go to the outbox folder)."""

import pytest

from pos.config import Config, ConfigError, parse_config


def test_default_is_no_server_and_the_outbox_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GUICHET_DATA_DIR", str(tmp_path))
    config = Config()
    assert config.mail.host == "" and config.mail.security == "starttls"
    assert (config.mail.port, config.mail.timeout) == (587, 10.0)
    assert config.mail_outbox_dir == tmp_path / "outbox"
    assert parse_config("").mail == config.mail


def test_a_full_mail_section_is_read(tmp_path):
    config = parse_config(f"""
[mail]
host = "smtp.theatre.test"
port = 465
security = "ssl"
username = "guichet"
password = "s3cret"
sender = "billetterie@theatre.test"
timeout = 20
outbox_dir = "{tmp_path}"
""")
    m = config.mail
    assert (m.host, m.port, m.security, m.username, m.password, m.sender) == (
        "smtp.theatre.test", 465, "ssl", "guichet", "s3cret", "billetterie@theatre.test")
    assert m.timeout == 20.0 and config.mail_outbox_dir == tmp_path


@pytest.mark.parametrize("text, expected", [
    ("[mail]\nhots = 'x'", "[mail] hots : clé inconnue"),
    ("[mail]\nsecurity = 'tls'", "[mail] security = 'tls' : attendu"),
    ("[mail]\nport = 0", "[mail] port = 0 : attendu : un port entre 1 et 65535"),
    ("[mail]\nport = '587'", "[mail] port = '587' : attendu un entier"),
    ("[mail]\ntimeout = 0", "[mail] timeout = 0.0 : attendu : un nombre positif"),
    ("[mail]\nsender = 'billetterie'", "[mail] sender = 'billetterie' : attendu : une adresse"),
    ("[mail]\nhost = 'smtp.theatre.test'", "[mail] sender : obligatoire quand host"),
])
def test_a_wrong_mail_key_or_value_is_named_in_one_line(text, expected):
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)
