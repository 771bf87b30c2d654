from pathlib import Path

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse


def test_it_serves_the_service_worker_for_the_whole_app(client):
    response = client.get(reverse("portal:service_worker"))

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == reverse("portal:home")
    assert "no-cache" in response["Cache-Control"]  # a new version reaches phones at once
    assert static("portal/queue.js") in body and reverse("portal:offline") in body


def test_it_changes_the_workers_version_only_with_the_app_shell(client):
    first = client.get(reverse("portal:service_worker")).content
    again = client.get(reverse("portal:service_worker")).content

    assert first == again


def test_it_describes_an_installable_indonesian_app(client):
    manifest = client.get(reverse("portal:manifest"))

    data = manifest.json()
    assert manifest["Content-Type"] == "application/manifest+json"
    assert data["name"] == "Lapor Bapas" and data["lang"] == "id"
    assert data["start_url"] == data["scope"] == reverse("portal:home")
    assert data["display"] == "standalone"
    for icon in data["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path and Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in data["icons"]}


def test_the_csp_lets_our_own_worker_and_manifest_in(client):
    response = client.get(reverse("portal:sign_in"))

    policy = response["Content-Security-Policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
    assert b"bootstrap" not in response.content  # the portal's first load stays small
