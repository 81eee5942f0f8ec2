"""Import of metric values from CSV or XLSX into one metric return.

The file has one row per standard with the columns ``standard_code, value, numerator,
denominator, note``. An upload is checked first (a dry run whose preview lists every
row that would change and every bad row with its line number), then confirmed. Files
with more than ``background_rows()`` rows are checked and imported by a Celery task.

Modules: ``files`` (upload checks and reading), ``checking`` (rows against the return: the
plan of changes and the errors; one cell and one row go through ``standards.services.values``,
as in the form grid and the feeds), ``services`` (the job life cycle), ``access`` (who may import).
"""

from django.conf import settings

COLUMNS = ["standard_code", "value", "numerator", "denominator", "note"]
REQUIRED_COLUMNS = ["standard_code", "value"]


def max_upload_bytes():
    return getattr(settings, "STANDARDS_IMPORT_MAX_BYTES", 10 * 1024 * 1024)


def max_uncompressed_bytes():
    """XLSX files are zip archives: the sum of their members' sizes is capped before opening."""
    return getattr(settings, "STANDARDS_IMPORT_MAX_UNCOMPRESSED_BYTES", 200 * 1024 * 1024)


def max_rows():
    return getattr(settings, "STANDARDS_IMPORT_MAX_ROWS", 200_000)


def background_rows():
    """Files with more data rows than this are checked and imported in the background."""
    return getattr(settings, "STANDARDS_IMPORT_BACKGROUND_ROWS", 2_000)
