app_name = "quickscan"

urlpatterns: list = []
