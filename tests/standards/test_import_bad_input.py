"""Every kind of bad file or bad row gets a clear message, never a 500, and nothing is imported."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from standards.importing.services import import_job_create
from standards.models import ImportJob, ImportStatus, MetricValue

from .import_support import (
    HEADER,
    confirm,
    csv_file,
    media_root,  # noqa: F401 (fixture)
    return_with_standards,
    upload,
    xlsx_bytes,
    xlsx_file,
)

pytestmark = pytest.mark.usefixtures("media_root")

GOOD_ROW = "P2,,1,2,\n"


@pytest.fixture
def metric_return(cast):
    return return_with_standards(cast.org_a)[0]


@pytest.fixture
def rep(client_for):
    return client_for("rep_a")


def _row_errors(rep, metric_return, body):
    """Upload a CSV with a good row and the given rows; the job must be invalid and confirm must do nothing."""
    response, job = upload(rep, metric_return, csv_file(GOOD_ROW + body))
    assert response.status_code == 200
    assert job.status == ImportStatus.INVALID, job.preview
    assert "The file has problems, so nothing will be imported" in response.content.decode()
    assert "Confirm the import" not in response.content.decode()
    confirm(rep, job)
    assert not MetricValue.objects.exists()
    return job.errors, response.content.decode()


@pytest.mark.parametrize(
    "row,column,message",
    [
        (
            "P1,,,1000,",
            "numerator",
            "Give both the number within the threshold (numerator) and the total (denominator), or leave both empty",
        ),
        ("D1,,,,", "value", "Enter a value."),
        (",5,,,", "standard_code", "The standard code is blank."),
        ("D1,NaN,,,", "value", '"NaN" is not a number'),
        ("D1,#N/A,,,", "value", '"#N/A" is not a number'),
        ("D1,#DIV/0!,,,", "value", "is a spreadsheet error"),
        ('P1,,"1,234.5.6",2000,', "numerator", '"1,234.5.6" is not a number.'),
        ("D1,1e20,,,", "value", '"1e20" is written in a form we do not accept'),
        ("D1,85%,,,", "value", '"85%" has a percent sign. Write the number alone (for example 85)'),
        ('D1,"7,5",,,', "value", "uses a comma for decimals. Use a full stop (for example 7.5)"),
        ("D1,2026-01-05,,,", "value", '"2026-01-05" looks like a date'),
        ("D1,05/01/2026,,,", "value", "looks like a date"),
        ("D1,seven,,,", "value", '"seven" is not a number.'),
        ("NOPE,5,,,", "standard_code", 'No standard with the code "NOPE" in this organisation.'),
        ("p1,,1,2,", "standard_code", 'Did you mean "P1"?'),
        ("P2,,1,2,", "standard_code", 'The code "P2" appears more than once in the file (first on line 2)'),
        ("P1,,11,10,", "numerator", "The number within the threshold (11) cannot be more than the total (10)."),
        ("P1,,0,0,", "denominator", "The total (denominator) is 0"),
        ("D1,-3,,,", "value", "-3 is negative; values cannot be negative."),
        ("P1,,-1,10,", "numerator", "negative"),
        ("Y1,5,,,", "standard_code", 'The standard "Y1" is not part of this return'),
        ("OLD,,1,2,", "standard_code", 'The standard "OLD" is not part of this return'),
        ("P1,80,850,1000,", "value", "The value 80 does not match the counts: numerator ÷ denominator × 100 = 85."),
        ("P1,101,,,", "value", "101 is more than 100; a percentage is between 0 and 100."),
        ("P1,,,,", "value", "Enter the percentage as the value, or the number within the threshold"),
        ("D1,5,1,2,", "numerator", "This standard is not a percentage"),
        ("D1,99999999999,,,", "value", "is too large"),
    ],
)
def test_bad_row_is_reported_with_its_line_and_reason(rep, metric_return, row, column, message):
    errors, page = _row_errors(rep, metric_return, row + "\n")
    assert [line for line, _, _ in errors] == [3], errors
    assert errors[0][1] == column
    assert message in errors[0][2], errors
    assert message.replace('"', "&quot;") in page


def test_every_bad_row_is_listed(rep, metric_return):
    errors, _ = _row_errors(rep, metric_return, "NOPE,1,,,\nD1,85%,,,\nP1,,5,4,\n")
    assert [line for line, _, _ in errors] == [3, 4, 5]


def test_thousands_separators_and_a_percentage_value_are_accepted(rep, metric_return):
    _, job = upload(rep, metric_return, csv_file('P1,85%,"1,700","2,000",\nP2,,1 200,1 500,\nD1,"1,234.5",,,\n'))
    assert job.status == ImportStatus.READY, job.errors
    assert [row[4][:3] for row in job.preview["rows"]] == [
        ["85", "1700", "2000"],
        ["80", "1200", "1500"],
        ["1234.5", "", ""],
    ]


def test_value_rounded_like_the_rate_is_accepted(rep, metric_return):
    _, job = upload(rep, metric_return, csv_file("P1,66.7,2,3,\nP2,67,2,3,\n"))
    assert job.status == ImportStatus.READY, job.errors


def test_blank_lines_and_semicolons_are_understood(rep, metric_return):
    body = "standard_code;value;numerator;denominator;note\n\nD1;4;;;\n;;;;\n"
    _, job = upload(rep, metric_return, SimpleUploadedFile("semi.csv", body.encode()))
    assert job.status == ImportStatus.READY and job.total_rows == 1, job.errors


def _refused(rep, metric_return, upload_file, message):
    """A file refused at upload: the form shows the message and no job is kept."""
    response, job = upload(rep, metric_return, upload_file)
    assert response.status_code == 200
    page = response.content.decode()
    assert message.replace('"', "&quot;") in page, page[page.find("form-errors") :][:800]
    assert job is None and not MetricValue.objects.exists()


def test_empty_file(rep, metric_return):
    _refused(rep, metric_return, SimpleUploadedFile("empty.csv", b""), "The file is empty.")
    _refused(rep, metric_return, SimpleUploadedFile("blank.csv", b"\n\n  \n"), "The file is empty.")
    _refused(rep, metric_return, SimpleUploadedFile("commas.csv", b",,,\n,,\n"), "The file is empty.")
    _refused(rep, metric_return, xlsx_file({"Sheet1": []}), "The file is empty.")


def test_header_without_rows(rep, metric_return):
    response, job = upload(rep, metric_return, csv_file(""))
    assert job.status == ImportStatus.INVALID
    assert "The file has a header row but no rows of values." in response.content.decode()


def test_missing_columns(rep, metric_return):
    _refused(
        rep,
        metric_return,
        SimpleUploadedFile("x.csv", b"code,amount\nP1,5\n"),
        "The first row must name the columns standard_code, value, numerator, denominator, note",
    )


def test_file_over_the_size_cap(rep, metric_return):
    big = SimpleUploadedFile("big.csv", HEADER.encode() + b"P1,1,1,1,x\n" * (50 * 1024 * 1024 // 11))
    _refused(rep, metric_return, big, "the largest file you can import is 10.0\xa0MB")


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "The file is not a spreadsheet."),
        ("report.pdf", b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n1 0 obj", "The file is not UTF-8 text"),
        ("latin1.csv", HEADER.encode() + "P1,1,1,1,café\n".encode("latin-1"), 'save it again as "CSV UTF-8"'),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Excel 97-2003 (.xls) file"),
        ("broken.xlsx", b"PK\x03\x04" + b"garbage" * 20, "is damaged"),
    ],
)
def test_not_a_spreadsheet(rep, metric_return, name, content, message):
    _refused(rep, metric_return, SimpleUploadedFile(name, content), message)


def test_zip_that_is_not_a_workbook(rep, metric_return):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("notes.txt", "hello")
    _refused(rep, metric_return, SimpleUploadedFile("x.xlsx", archive.getvalue()), "is a zip archive, not an XLSX")


def test_zip_bomb_is_refused_before_opening(rep, metric_return, settings):
    settings.STANDARDS_IMPORT_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("xl/workbook.xml", "<workbook/>")
        zipped.writestr("xl/worksheets/sheet1.xml", b"\x00" * (5 * 1024 * 1024))
    assert len(archive.getvalue()) < 20_000
    _refused(
        rep, metric_return, SimpleUploadedFile("bomb.xlsx", archive.getvalue()), "The workbook unpacks to 5.0\xa0MB"
    )


def test_damaged_workbook_with_the_right_members(rep, metric_return):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("xl/workbook.xml", "not xml at all")
    _refused(rep, metric_return, SimpleUploadedFile("x.xlsx", archive.getvalue()), "could not be read")


def test_wrong_sheet_lists_the_sheets_found(rep, metric_return):
    workbook = xlsx_file({"Summary": [["Total", 5]], "Notes": [], "Data": [["code", "amount"], ["P1", 5]]})
    _refused(
        rep,
        metric_return,
        workbook,
        'No sheet has the columns standard_code, value, numerator, denominator, note. Sheets found: "Summary" '
        '(columns: total, 5); "Notes" (empty); "Data" (columns: code, amount).',
    )


def test_first_sheet_with_the_header_is_read(rep, metric_return):
    sheets = {
        "Summary": [["Quarterly figures"]],
        "Values": [
            ["Standard code", "Value", "Numerator", "Denominator", "Note", "Owner"],
            ["D1", 4, None, None, "ok"],
        ],
    }
    response, job = upload(rep, metric_return, xlsx_file(sheets))
    assert job.status == ImportStatus.READY, job.errors
    assert job.preview["sheet"] == "Values" and job.preview["ignored_columns"] == ["owner"]
    page = response.content.decode()
    assert 'Read from the sheet "Values".' in page and "Columns not used: owner." in page


def test_excel_date_cells_and_other_typed_cells(rep, metric_return):
    sheets = {
        "values": [
            ["standard_code", "value", "numerator", "denominator", "note"],
            ["P2", None, 1, 2, None],
            ["D1", datetime.datetime(2026, 1, 5), None, None, None],
            ["P1", None, datetime.date(2026, 2, 1), 10, None],
            [101, True, None, None, None],
            ["P2", "85%", None, None, None],
        ]
    }
    response, job = upload(rep, metric_return, xlsx_file(sheets))
    assert job.status == ImportStatus.INVALID
    by_line = {}
    for line, column, message in job.errors:
        by_line.setdefault(line, []).append((column, message))
    assert (
        by_line[3] == [("value", by_line[3][0][1])]
        and "This cell is a date or time (2026-01-05T00:00:00)" in by_line[3][0][1]
    )
    assert by_line[4][0][0] == "numerator" and "date or time" in by_line[4][0][1]
    assert any('"101"' in message for _, message in by_line[5])
    assert any("TRUE is a yes/no value" in message for _, message in by_line[5])
    assert any("appears more than once" in message for _, message in by_line[6])
    assert "This cell is a date or time" in response.content.decode()
    confirm(rep, job)
    assert not MetricValue.objects.exists()


def test_xlsx_numbers_and_blank_cells(rep, metric_return):
    sheets = {
        "values": [
            ["standard_code", "value", "numerator", "denominator", "note"],
            ["P1", None, 850, 1000, None],
            ["D1", 7.25, None, None, "  spaced  "],
            [None, None, None, None, None],
        ]
    }
    _, job = upload(rep, metric_return, xlsx_file(sheets))
    assert job.status == ImportStatus.READY, job.errors
    assert [row[4] for row in job.preview["rows"]] == [["85", "850", "1000", ""], ["7.25", "", "", "spaced"]]


def test_row_limit(rep, metric_return, settings):
    settings.STANDARDS_IMPORT_MAX_ROWS = 2
    _refused(rep, metric_return, csv_file("P1,,1,2,\nP2,,1,2,\nD1,1,,,\n"), "at most 2 rows can be imported at once")


def test_stored_file_of_a_refused_upload_is_removed(rep, metric_return, media_root):  # noqa: F811
    _refused(rep, metric_return, SimpleUploadedFile("x.csv", b"code,amount\nP1,5\n"), "The first row must name")
    assert not [path for path in media_root.rglob("*") if path.is_file()]
    assert not ImportJob.objects.exists()


def test_unchanged_bytes_of_xlsx_file_round_trip(rep, metric_return):
    content = xlsx_bytes({"values": [["standard_code", "value"], ["D1", 3]]})
    _, job = upload(rep, metric_return, SimpleUploadedFile("a.xlsx", content))
    assert job.status == ImportStatus.READY
    assert job.file.read() == content


LONG_CELL = "x" * 200_000


@pytest.mark.parametrize(
    "content,message",
    [
        ((LONG_CELL + ",value\nP1,5\n").encode(), "is longer than 131,072 characters"),
        (b'standard_code,"value\nD1,5\n', "A quotation mark in the row that starts on line 1 is never closed."),
        (b'standard_code,"va"lue\nD1,5\n', "Line 1 is not valid CSV: a quotation mark must surround the whole cell."),
        (HEADER.encode() + "D1,5,,,café\n".encode("cp1252"), "The file is not UTF-8 text"),
        (b"\xef\xbb\xbf" + HEADER.encode() + b"D1,5,,,\xff\n", "The file is not UTF-8 text"),
    ],
)
def test_unreadable_csv_is_refused_and_leaves_no_file(rep, metric_return, media_root, content, message):  # noqa: F811
    _refused(rep, metric_return, SimpleUploadedFile("values.csv", content), message)
    assert not [path for path in media_root.rglob("*") if path.is_file()]
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    "body,message",
    [
        ('D1,5,,,"Busy month\nP1,,1,2,\n', "A quotation mark in the row that starts on line 3 is never closed."),
        (f'D1,5,,,"{LONG_CELL}"\n', "A cell in the row that starts on line 3 is longer than 131,072 characters."),
        ('D1,5,,,"note"s\n', "Line 3 is not valid CSV"),
    ],
)
def test_unreadable_row_is_a_clear_message(rep, metric_return, body, message):
    response, job = upload(rep, metric_return, csv_file(GOOD_ROW + body))
    assert response.status_code == 200
    assert job.status == ImportStatus.INVALID
    assert message in job.errors[0][2], job.errors
    assert message.replace('"', "&quot;") in response.content.decode()
    confirm(rep, job)
    assert not MetricValue.objects.exists()


def test_a_failure_after_the_file_is_stored_removes_it(cast, metric_return, media_root, monkeypatch):  # noqa: F811
    def broken_check(*, job):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("standards.importing.services.import_job_check", broken_check)
    with pytest.raises(RuntimeError):
        import_job_create(actor=cast.rep_a, metric_return=metric_return, upload=csv_file(GOOD_ROW))
    assert not [path for path in media_root.rglob("*") if path.is_file()]
