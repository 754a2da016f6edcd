from django.urls import path

from . import views

app_name = "quickscan"

urlpatterns = [
    path("", views.home, name="home"),
    path("nieuwe-ronde/", views.round_open, name="round_open"),
    path("ronde/<int:pk>/", views.round_detail, name="round"),
    path("ronde/<int:pk>/uitnodigen/", views.round_invite, name="invite"),
    path(
        "ronde/<int:pk>/deelnemer/<int:respondent_pk>/intrekken/",
        views.respondent_remove,
        name="respondent_remove",
    ),
    path("ronde/<int:pk>/invullen/", views.answer, name="answer"),
    path("ronde/<int:pk>/invullen/aanpassen/", views.answer_withdraw, name="answer_withdraw"),
    path("ronde/<int:pk>/afstemmen/", views.agree, name="agree"),
    path("ronde/<int:pk>/afstemmen/<int:item_pk>/", views.agree_item, name="agree_item"),
    path("ronde/<int:pk>/afsluiten/", views.round_close, name="close"),
    path("ronde/<int:pk>/heropenen/", views.round_reopen, name="reopen"),
    path("ronde/<int:pk>/resultaten/", views.results, name="results"),
    path("ronde/<int:pk>/vergelijking/", views.comparison, name="comparison"),
    path("ronde/<int:pk>/rapport.pdf", views.report_pdf, name="report_pdf"),
    path("ronde/<int:pk>/antwoorden.csv", views.export_csv, name="export_csv"),
    path("actie/<int:pk>/afvinken/", views.action_done, name="action_done"),
]
