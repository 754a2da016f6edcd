from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("teller/", views.bell, name="bell"),
    path("voorkeuren/", views.preferences, name="preferences"),
    path("alles-gelezen/", views.mark_all_read, name="read_all"),
    path("<int:pk>/gelezen/", views.mark_read, name="read"),
    path("<int:pk>/openen/", views.open_notification, name="open"),
    path("mislukt/", views.email_problems, name="failed"),
    path("mislukt/<int:pk>/opnieuw/", views.email_retry, name="retry"),
]
