"""Production settings are checked by starting a real `manage.py` with a production environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRONG_SECRET = "q8Zr3kP0vX2mN7bT1yL5cW9hJ4dF6gS0aE2uR8iO3pK7lM1nB5vC9xZ4wQ6tY0e"


def manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    base.pop("DATABASE_URL", None)
    base["DJANGO_SETTINGS_MODULE"] = "wegwijzer.settings"
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_missing_secret():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="wegwijzer.example.nl")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_refuses_weak_secret():
    result = manage(
        "check",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="geheim",
        DJANGO_ALLOWED_HOSTS="wegwijzer.example.nl",
    )
    assert result.returncode != 0
    assert "too weak" in result.stderr


def test_production_refuses_missing_allowed_hosts():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=STRONG_SECRET)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_check_deploy_is_clean_for_production():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=STRONG_SECRET,
        DJANGO_ALLOWED_HOSTS="wegwijzer.example.nl",
        EMAIL_URL="smtp+tls://wegwijzer:geheim@mail.example.nl:587",
        WEGWIJZER_BASE_URL="https://wegwijzer.example.nl",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_is_clean_behind_a_tls_proxy_without_own_redirect():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=STRONG_SECRET,
        DJANGO_ALLOWED_HOSTS="wegwijzer.example.nl",
        DJANGO_BEHIND_TLS_PROXY="1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        EMAIL_URL="smtp+tls://wegwijzer:geheim@mail.example.nl:587",
        WEGWIJZER_BASE_URL="https://wegwijzer.example.nl",
    )
    assert result.returncode == 0, result.stderr


def test_check_deploy_warns_without_email_and_base_url():
    result = manage(
        "check",
        "--deploy",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=STRONG_SECRET,
        DJANGO_ALLOWED_HOSTS="wegwijzer.example.nl",
    )
    assert "notifications.W001" in result.stderr and "notifications.W002" in result.stderr


SHOW_EMAIL = (
    "from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
    "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL, s.DEFAULT_FROM_EMAIL, sep='|')"
)


def test_email_url_configures_smtp():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        SHOW_EMAIL,
        EMAIL_URL="smtp+tls://bieb%40example.nl:ge%2Fheim@mail.example.nl:587",
        DJANGO_DEFAULT_FROM_EMAIL="Wegwijzer <wegwijzer@example.nl>",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.nl",
        "587",
        "bieb@example.nl",
        "ge/heim",
        "True",
        "False",
        "Wegwijzer <wegwijzer@example.nl>",
    ]
    ssl = manage(
        "shell", "--no-imports", "-c", SHOW_EMAIL, EMAIL_URL="smtp+ssl://mail.example.nl:465"
    )
    assert ssl.stdout.strip().split("|")[5:7] == ["False", "True"]


def test_without_email_url_mail_goes_to_the_console():
    result = manage("shell", "--no-imports", "-c", SHOW_EMAIL)
    assert result.stdout.split("|")[0] == "django.core.mail.backends.console.EmailBackend"


def test_unclear_boolean_is_refused():
    result = manage("check", DJANGO_DEBUG="misschien")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be 0 or 1" in result.stderr


def test_local_defaults_without_environment():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.TIME_ZONE, s.LANGUAGE_CODE, s.DATABASES['default']['ENGINE'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "True",
        "Europe/Amsterdam",
        "nl",
        "django.db.backends.sqlite3",
    ]
