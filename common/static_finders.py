"""Static-file finders that leave out vendor files no page loads.

viewflow ships copies of its npm packages and its Plotly Dash bundles (viewflow.contrib.plotly, not
installed): 35 of its 49 MB, which every release would otherwise hash and compress. They include the
stray stylesheet whose broken references common/storage.py tolerates. Pages never load them, so
collectstatic leaves them out; the finders still serve anything a page does ask for.
"""

from django.contrib.staticfiles import finders

UNUSED_VENDOR_FILES = [
    "*/node_modules",
    "*/node_modules/*",
    "viewflow/js/contrib/dash",
    "viewflow/js/contrib/dash/*",
]


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *UNUSED_VENDOR_FILES])
