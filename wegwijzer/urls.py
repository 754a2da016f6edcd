from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from beheer.forms import PasswordResetByEmailForm
from core import health
from core import views as core_views
from core.forms import LoginForm

from . import training_referrals, views

urlpatterns = [
    path("", views.home, name="home"),
    path("mijn-taken/", views.my_tasks, name="my_tasks"),
    path(
        "cijfers/leergang/",
        training_referrals.training_referrals,
        name="training_referrals",
    ),
    path("gezond/", health.health, name="health"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/tweestapsverificatie/",
        core_views.two_factor_setup,
        name="two_factor_setup",
    ),
    path(
        "accounts/tweestapsverificatie/code/",
        core_views.two_factor_verify,
        name="two_factor_verify",
    ),
    path(
        "accounts/wachtwoord/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # Password reset by e-mail: the same answer whether or not the address is known.
    path(
        "accounts/wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetByEmailForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "accounts/wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/nieuw-wachtwoord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/nieuw-wachtwoord/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # The link in an invitation: the same single-use token, its own words.
    path(
        "accounts/uitnodiging/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/invitation_confirm.html",
            success_url=reverse_lazy("invitation_complete"),
        ),
        name="invitation_confirm",
    ),
    path(
        "accounts/uitnodiging/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/invitation_complete.html"
        ),
        name="invitation_complete",
    ),
    path("beheer/", include("beheer.urls")),
    path("wegwijzer/", include("themes.urls")),
    path("quickscan/", include("quickscan.urls")),
    path("verwijzingen/", include("referrals.urls")),
    path("leergang/", include("training.urls")),
    path("meldingen/", include("notifications.urls")),
    path("admin/", admin.site.urls),
]
