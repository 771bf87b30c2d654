"""`bimkemas demo-logins` prints the address `make serve` really listens on."""

from io import StringIO

from django.core.management import call_command


def demo_logins() -> str:
    out = StringIO()
    call_command("demo_logins", stdout=out)
    return out.getvalue()


def test_it_prints_the_default_address(monkeypatch, office):
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.delenv("PORT", raising=False)

    assert "Open http://127.0.0.1:8000/" in demo_logins()


def test_it_prints_the_port_and_host_make_passes(monkeypatch, office):
    monkeypatch.setenv("HOST", "192.168.1.20")
    monkeypatch.setenv("PORT", "8101")

    assert "Open http://192.168.1.20:8101/" in demo_logins()


def test_it_prints_a_local_address_when_serving_on_every_interface(monkeypatch, office):
    monkeypatch.setenv("HOST", "0.0.0.0")  # noqa: S104
    monkeypatch.setenv("PORT", "8101")

    assert "Open http://127.0.0.1:8101/" in demo_logins()
