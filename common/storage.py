"""Static files storage for production: hashed, compressed, and tolerant of broken vendor CSS.

viewflow 2.4.0 ships a stray copy of the Roboto stylesheet
(viewflow/fonts/roboto/node_modules/roboto-fontface/css/roboto/roboto-fontface.css) whose url()
references name font files it does not ship. Django's manifest storage refuses the whole collectstatic
for that, so no manifest is written and every page answers 500. Our pages never load that copy, so a
reference to a missing file inside a vendor package's CSS is left as it is (with a warning); a missing
reference in our own static files still fails collectstatic.
"""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class VendorTolerantManifestStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's manifest storage that leaves a vendor CSS reference to a missing file unchanged."""

    vendor_prefixes = ("viewflow/",)

    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)
        if not name.startswith(self.vendor_prefixes):
            return convert

        def convert_or_keep(matchobj):
            try:
                return convert(matchobj)
            except ValueError:  # hashed_name(): "The file ... could not be found"
                logger.warning("%s refers to %s, which does not exist: left unchanged.", name, matchobj.group("url"))
                return matchobj.group("matched")

        return convert_or_keep
