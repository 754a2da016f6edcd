from django.urls import path

from . import views

app_name = "referrals"

urlpatterns = [
    path("registreren/", views.log, name="log"),
    path("", views.referral_list, name="list"),
    path("inkomend/", views.incoming, name="incoming"),
    path("cijfers/", views.figures, name="figures"),
    path("rapport.pdf", views.report_pdf, name="report_pdf"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/afsluiten/", views.close, name="close"),
    path("<int:pk>/heropenen/", views.reopen, name="reopen"),
]
