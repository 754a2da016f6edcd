from django.urls import path

from . import views

app_name = "themes"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("mijn-stappen/", views.my_steps, name="my_steps"),
    path("cycli/", views.cycles, name="cycles"),
    path("dossier.pdf", views.dossier_pdf, name="dossier_pdf"),
    path("stap/<int:pk>/afvinken/", views.step_tick, name="step_tick"),
    path("stap/<int:pk>/", views.step_edit, name="step_edit"),
    path("<slug:slug>/", views.theme_detail, name="theme"),
    path("<slug:slug>/<slug:kind>/", views.phase_detail, name="phase"),
]
