"""Public pages (no log-in): published charters and public comment on draft charters. Included at ``charters/``."""

app_name = "charters"

urlpatterns = [
    # charterpub: published charters, their versions and PDFs
    # consult: public comment periods
]
