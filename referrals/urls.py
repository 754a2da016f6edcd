from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("registreren/", views.log, name="log"),
    path("", views.referral_list, name="list"),
    path("inkomend/", views.incoming, name="incoming"),
    path("zonder-ontvanger/", views.without_receiver, name="without_receiver"),
    path("cijfers/", views.figures, name="figures"),
    path("rapport.pdf", views.report_pdf, name="report_pdf"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/corrigeren/", views.correct, name="correct"),
    path("<int:pk>/stap/<slug:slug>/", views.transition, name="transition"),
    # For partner contacts, without an account: the signed link is the key.
    path("partner/<int:pk>/<str:token>/", views.partner, name="partner"),
    path("partner/<int:pk>/<str:token>/bedankt/", views.partner_thanks, name="partner_thanks"),
]
