"""A database URL as it is printed (errors, `config`, `status`, logs): no secret in it, whatever its shape (cli35).

Was: a password given in the query, which libpq takes (`postgresql://bob@db/x?password=…`), printed whole in "the
database … is unreachable", and a URL that did not parse (`bob:secret@db`, a port that is no number) printed whole in
"not a database URL"; the port that is no number was "internal error", exit 4. Pure: strings in, strings out."""

from __future__ import annotations

import pytest

from mofcom_watch.config import ConfigError, _database_url, redact_url
from storage.db import shown_url

SECRET = "s3cret"


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql+psycopg://bob:s3cret@db:5432/x", "postgresql+psycopg://bob:***@db:5432/x"),
    ("postgresql://bob@db/x?password=s3cret&sslmode=require", "postgresql://bob@db/x?password=***&sslmode=require"),
    ("postgresql://bob@db/x?sslpassword=s3cret", "postgresql://bob@db/x?sslpassword=***"),
    ("postgresql://bob:s3c:ret@db/x", "postgresql://bob:***@db/x"),
    ("postgresql://bob:s3cret@db:notaport/x", "postgresql://bob:***@db:notaport/x"),  # no URL: parsed by hand
    ("postgresql://bob:s3cret@[::1/x", "postgresql://bob:***@[::1/x"),
    ("bob:s3cret@db", "bob:***@db"),
    ("sqlite:////data/mofcom-watch.sqlite", "sqlite:////data/mofcom-watch.sqlite"),  # nothing to hide: as it is
])
def test_no_secret_is_printed(url: str, shown: str) -> None:
    assert shown_url(url) == shown == redact_url(url)


@pytest.mark.parametrize("url", ["postgresql://bob:s3cret@db:notaport/x", "postgresql://bob:s3cret@[::1/x",
                                 "bob:s3cret@db"])
def test_a_url_that_does_not_parse_is_a_usage_error_saying_no_secret(url: str) -> None:
    with pytest.raises(ConfigError, match="not a database URL") as caught:
        _database_url(url, "database_url (from flag --db)")
    assert SECRET not in str(caught.value) and "***" in str(caught.value)
