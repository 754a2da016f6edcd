from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.home, name="home"),
    path("mijn/", views.mine, name="mine"),
    path("overzicht/", views.overview, name="overview"),
    path("nieuw/", views.course_new, name="course_new"),
    path("<int:pk>/", views.course_detail, name="course"),
    path("<int:pk>/bewerken/", views.course_edit, name="course_edit"),
    path("<int:pk>/deelnemers/", views.participants_add, name="participants_add"),
    path("<int:pk>/bijeenkomst/nieuw/", views.meeting_new, name="meeting_new"),
    path("bijeenkomst/<int:pk>/", views.meeting_edit, name="meeting_edit"),
    path("bijeenkomst/<int:pk>/aanwezigheid/", views.attendance, name="attendance"),
    path("deelnemer/<int:pk>/", views.participant_detail, name="participant"),
    path("deelnemer/<int:pk>/e-learnings/", views.completions_update, name="completions"),
    path("deelnemer/<int:pk>/leervragen/", views.learning_update, name="learning"),
    path("deelnemer/<int:pk>/uit-de-groep/", views.participant_remove, name="participant_remove"),
    path("deelnemer/<int:pk>/deelname.pdf", views.participation_pdf, name="participation_pdf"),
]
