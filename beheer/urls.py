from django.urls import path

from . import views

app_name = "beheer"

urlpatterns = [
    path("", views.home, name="home"),
    path("medewerkers/", views.staff_list, name="staff"),
    path("medewerkers/uitnodigen/", views.staff_invite, name="staff_invite"),
    path("medewerkers/<int:pk>/", views.staff_edit, name="staff_edit"),
    path("medewerkers/<int:pk>/uitschakelen/", views.staff_deactivate, name="staff_deactivate"),
    path("medewerkers/<int:pk>/aanzetten/", views.staff_reactivate, name="staff_reactivate"),
    path("medewerkers/<int:pk>/uitnodiging/", views.staff_resend, name="staff_resend"),
    path("bibliotheek/", views.library, name="library"),
    path("bibliotheek/vestigingen/nieuw/", views.branch_add, name="branch_add"),
    path("bibliotheek/vestigingen/<int:pk>/", views.branch_edit, name="branch_edit"),
    path("aanbod/", views.offers, name="offers"),
    path("aanbod/nieuw/", views.offer_add, name="offer_add"),
    path("aanbod/<int:pk>/", views.offer_edit, name="offer_edit"),
    path("aanbod/<slug:kind>/nieuw/", views.desk_option_add, name="desk_option_add"),
    path("aanbod/<slug:kind>/<int:pk>/", views.desk_option_edit, name="desk_option_edit"),
    path("inhoud/", views.content, name="content"),
    path("inhoud/stap/<int:pk>/", views.step_content, name="step_content"),
    path("inhoud/hulpmiddel/<int:pk>/", views.resource_edit, name="resource_edit"),
]
