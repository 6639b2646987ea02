"""Settings come from the environment with safe defaults."""

import pytest

from web.cache import cache_config
from web.settings import SettingsError, load_settings


def test_defaults_are_safe():
    settings = load_settings({})
    assert settings.debug is False
    assert settings.host == "127.0.0.1"
    assert settings.port == 8050
    assert settings.cache_type == "FileSystemCache"


def test_redis_url_selects_redis(tmp_path):
    settings = load_settings({"REDIS_URL": "redis://127.0.0.1:6379/0", "CACHE_DIR": str(tmp_path)})
    config = cache_config(settings)
    assert config["CACHE_TYPE"] == "RedisCache"
    assert config["CACHE_REDIS_URL"] == "redis://127.0.0.1:6379/0"


def test_filesystem_cache_uses_configured_folder(tmp_path):
    config = cache_config(load_settings({"CACHE_DIR": str(tmp_path / "c")}))
    assert config["CACHE_DIR"].startswith(str(tmp_path / "c"))
    assert (tmp_path / "c").is_dir()


@pytest.mark.parametrize("value", ["yes", "1", "true", "ON"])
def test_debug_only_when_asked(value):
    assert load_settings({"DASH_DEBUG": value}).debug is True


@pytest.mark.parametrize(("name", "value"), [("PORT", "eighty"), ("PORT", "70000"), ("CACHE_TIMEOUT", "-1")])
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})


def test_trusted_hosts_and_public_url_are_read_and_checked():
    settings = load_settings({"TRUSTED_HOSTS": "violencia.example.org, .example.org", "PUBLIC_URL": "https://violencia.example.org/"})
    assert settings.trusted_hosts == ("violencia.example.org", ".example.org")
    assert settings.public_url == "https://violencia.example.org"
    assert load_settings({}).trusted_hosts == () and load_settings({}).public_url == ""


@pytest.mark.parametrize(("name", "value"), [("TRUSTED_HOSTS", "https://example.org"), ("TRUSTED_HOSTS", "a b"),
                                             ("PUBLIC_URL", "example.org"), ("PUBLIC_URL", "javascript:alert(1)"),
                                             ("PUBLIC_URL", "https://example.org/?x=1")])
def test_hosts_and_addresses_that_are_not_name_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})
