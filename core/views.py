"""Pages of the shared base: two-step sign-in (set up, check at sign-in, recovery codes)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from . import twofactor
from .twofactor_forms import SetupForm, TokenForm


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@sensitive_post_parameters("token", "secret")
@require_http_methods(["GET", "POST"])
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Switch two-step sign-in on, or (once on and verified) make new recovery codes."""
    user = request.user
    if twofactor.has_device(user):
        if not user.is_verified():
            return redirect("two_factor_verify")
        if request.method == "POST" and request.POST.get("action") == "recovery_codes":
            codes = twofactor.recovery_codes_renew(user=user)
            return render(request, "registration/two_factor_codes.html", {"codes": codes})
        return render(
            request,
            "registration/two_factor_status.html",
            {"codes_left": twofactor.recovery_codes_left(user)},
        )

    form = SetupForm(request.POST if request.method == "POST" else None)
    key = signed = None
    if form.is_bound and form.is_valid():
        signed = form.cleaned_data["secret"]
        key = twofactor.secret_from_signed(user, signed)
        if key is None:
            form.add_error(
                None,
                _("Dit formulier is verlopen. Scan de nieuwe QR-code en probeer het opnieuw."),
            )
        else:
            try:
                enrolment = twofactor.two_factor_enrol(
                    user=user, key=key, token=form.cleaned_data["token"]
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field, errors)
            else:
                otp_login(request, enrolment.device)
                request.session[twofactor.SESSION_HAS_DEVICE] = True
                return render(
                    request,
                    "registration/two_factor_codes.html",
                    {"codes": enrolment.recovery_codes, "next": _next_url(request)},
                )
    if key is None:
        # After a typo the same secret stays, so the app just set up keeps working.
        key, signed = twofactor.new_setup(user)
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "signed_secret": signed,
            "qr": twofactor.qr_svg(
                twofactor.config_url(user, key),
                title=_("QR-code om Wegwijzer aan je authenticator-app toe te voegen"),
            ),
            "typed_secret": twofactor.secret_for_typing(key),
            "required": twofactor.two_factor_required(user),
            "next": _next_url(request),
        },
        status=400 if form.is_bound else 200,
    )


@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request) or "home")
    if not twofactor.has_device(user):
        return redirect("two_factor_setup")
    form = TokenForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        device = twofactor.two_factor_check(user=user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request) or "home")
        form.add_error(
            "token",
            _(
                "Deze code klopt niet of is al gebruikt. Na een paar foute pogingen moet je "
                "steeds iets langer wachten."
            ),
        )
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.is_bound else 200,
    )
