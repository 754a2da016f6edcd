import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_oversized_request_is_refused(client_for):
    client = client_for("frontoffice")
    response = client.post(
        reverse("referrals:log"), {"note": "x" * (2 * 1024 * 1024)}, follow=False
    )
    assert response.status_code == 400


def test_security_headers_on_every_page(client_for):
    response = client_for("mt").get("/")
    csp = response["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_in_any_template():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    templates = list(root.glob("templates/**/*.html"))
    assert len(templates) > 50, "the templates were not found"
    for template in templates:
        html = template.read_text()
        for chunk in html.split("<script")[1:]:
            assert chunk.lstrip().startswith("src="), f"inline script in {template}"
        assert " onclick=" not in html and " onload=" not in html, template
