"""Issue 16, point 18: the app says "je", also where Django's own Dutch texts say "u" (the
password pages, the validators, the CSRF page)."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db

FORMAL = re.compile(r"\b(u|uw|U|Uw|uzelf)\b")
LOCALE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"


def _text(response) -> str:
    html = response.content.decode()
    body = html.split("<body", 1)[-1]
    return strip_tags(re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S))


def test_password_change_errors_say_je(client_for):
    response = client_for("werkgroep").post(
        reverse("password_change"),
        {"old_password": "fout", "new_password1": "12345", "new_password2": "12345"},
    )
    text = _text(response)
    assert "Je huidige wachtwoord klopt niet" in text
    assert not FORMAL.search(text), FORMAL.findall(text)


def test_new_password_rules_say_je(client_for, users):
    user = users["werkgroep"]
    user.set_password("een-lang-oud-wachtwoord-42")
    user.save()
    client = client_for("werkgroep")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "een-lang-oud-wachtwoord-42",
            "new_password1": "123456789",
            "new_password2": "123456789",
        },
    )
    text = _text(response)
    assert "alleen uit cijfers" in text
    assert "Dit wachtwoord is te kort. Het moet minstens 10 tekens lang zijn." in text
    assert "too short" not in text
    assert not FORMAL.search(text), FORMAL.findall(text)


@pytest.mark.parametrize("name", ["login", "password_reset", "password_reset_done"])
def test_sign_in_and_reset_pages_say_je(client, name):
    text = _text(client.get(reverse(name)))
    assert not FORMAL.search(text), FORMAL.findall(text)


def test_the_csrf_page_says_je(db):
    response = Client(enforce_csrf_checks=True).post(
        reverse("login"), {"username": "x", "password": "y"}
    )
    assert response.status_code == 403
    text = _text(response)
    assert "cookie" in text.lower()
    assert not FORMAL.search(text), FORMAL.findall(text)


def _po_entries(path: Path) -> dict:
    """msgid (or (msgid, n) for plurals) -> msgstr, from our small hand-written .po file."""

    def unquote(lines: list[str]) -> str:
        joined = "".join(line.strip()[1:-1] for line in lines)
        return joined.replace('\\"', '"').replace("\\n", "\n")

    entries: dict = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, list[str]] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[key].append(line)  # type: ignore[index]
                continue
            key, _, rest = line.partition(" ")
            fields[key] = [rest]
        msgid = unquote(fields.get("msgid", ['""']))
        if not msgid:
            continue
        if "msgid_plural" in fields:
            for key in fields:
                if key.startswith("msgstr["):
                    entries[(msgid, int(key[7:-1]))] = unquote(fields[key])
        else:
            entries[msgid] = unquote(fields["msgstr"])
    return entries


def test_the_compiled_catalogue_matches_the_po_file():
    with open(LOCALE / "django.mo", "rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    entries = _po_entries(LOCALE / "django.po")
    assert entries
    for key, text in entries.items():
        assert catalog.get(key) == text, key
        assert not FORMAL.search(text), text
