"""/healthz asks the database itself, so a load balancer stops sending patients to a
server that can't save their steps."""

from django.db import OperationalError, connection


def test_it_answers_503_when_the_database_does_not_answer(client, db):
    asked = []

    def database_down(execute, sql, params, many, context):
        asked.append(sql)
        raise OperationalError("could not connect to server: Connection refused")

    with connection.execute_wrapper(database_down):
        response = client.get("/healthz")
    assert asked == ["SELECT 1"]
    assert response.status_code == 503
    assert response.json() == {"status": "database unavailable"}
    assert "no-store" in response["Cache-Control"]


def test_it_answers_over_plain_http_in_production(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/today/").status_code == 301
