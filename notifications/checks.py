from django.conf import settings
from django.core.checks import Warning, register


@register("notifications", deploy=True)
def email_configured(app_configs, **kwargs):
    problems = []
    if not getattr(settings, "EMAIL_URL", ""):
        problems.append(
            Warning(
                "EMAIL_URL is not set: e-mail goes to the log instead of to people.",
                hint="Set EMAIL_URL, for example smtp+tls://user:password@mail.example.org:587",
                id="notifications.W001",
            )
        )
    if not settings.WEGWIJZER_BASE_URL.startswith(("http://", "https://")):
        problems.append(
            Warning(
                "WEGWIJZER_BASE_URL is not set: links in e-mails cannot point at the app.",
                hint="Set WEGWIJZER_BASE_URL to the address staff use, e.g. https://wegwijzer.bibliotheek.nl",
                id="notifications.W002",
            )
        )
    return problems
