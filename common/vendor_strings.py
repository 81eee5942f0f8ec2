"""viewflow's own strings that our workspace shows, so that our catalogue translates them.

viewflow ships no Irish catalogue. Listing its exact msgids here makes `makemessages` keep
them in locale/ga/LC_MESSAGES/django.po, and Django's translation of viewflow's templates
then finds the Irish in our catalogue (LOCALE_PATHS comes before the apps' catalogues).
The msgids come from viewflow's templates (templates/viewflow/base_page.html and
templates/viewflow/includes/*.html); check them when viewflow is upgraded.
"""

from django.utils.translation import gettext_noop

VIEWFLOW_STRINGS = (
    gettext_noop("Applications"),  # drawer: heading of the site menu
    gettext_noop("Back"),  # drawer: link to the parent site
    gettext_noop("Log out"),  # drawer: sign-out button
    gettext_noop("Profile"),  # drawer: profile link, shown when a 'profile' URL exists
    gettext_noop("Login"),  # app bar: sign-in link for anonymous visitors
    gettext_noop("Filter"),  # list views: filter panel
    gettext_noop("Change"),  # detail cards: edit button
    gettext_noop("Pick an action"),  # list views: bulk actions
)
