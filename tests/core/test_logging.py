import logging

import pytest

LOGGER = "django.security.DisallowedHost"


def refused(caplog):
    return [r for r in caplog.records if r.name == LOGGER]


@pytest.mark.django_db
def test_an_unknown_host_is_a_one_line_warning_without_traceback(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/some/path/", HTTP_HOST="scanner.example")
    assert response.status_code == 400
    [record] = refused(caplog)
    assert record.levelno == logging.WARNING
    assert record.levelname == "WARNING"
    assert record.exc_info is None
    line = logging.Formatter("%(levelname)s %(name)s %(message)s").format(record)
    assert "\n" not in line
    assert "Traceback" not in line
    assert "'scanner.example'" in line
    assert "/some/path/" in line


@pytest.mark.django_db
def test_a_path_cannot_break_the_line(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/a%0Aforged%20line/", HTTP_HOST="scanner.example")
    assert response.status_code == 400
    [record] = refused(caplog)
    line = logging.Formatter().format(record)
    assert "\n" not in line
    assert "/a%0Aforged%20line/" in line


@pytest.mark.django_db
def test_other_security_errors_keep_their_level(caplog):
    with caplog.at_level(logging.INFO):
        logging.getLogger("django.security.SuspiciousFileOperation").error("kept")
    [record] = [r for r in caplog.records if r.getMessage() == "kept"]
    assert record.levelno == logging.ERROR


@pytest.mark.django_db
def test_an_allowed_host_is_served(client):
    assert client.get("/", HTTP_HOST="localhost").status_code != 400
