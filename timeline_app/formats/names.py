"""The formats' names as the command line and the window offer them (light: imports nothing)."""

IMPORT_FORMATS = {
    "json": "this app's JSON",
    "timelinejs": "TimelineJS JSON",
    "timelinejs-csv": "TimelineJS sheet saved as CSV",
    "timeline": "wxPython Timeline (.timeline)",
    "csv": "any CSV, with a column mapping",
}
EXPORT_FORMATS = {
    "pdf": "PDF of what the filter shows",
    "json": "this app's JSON (everything, lossless)",
    "timelinejs": "TimelineJS JSON",
    "csv": "TimelineJS sheet as CSV",
}


def export_format_of(name: str) -> str | None:
    """The export format a file name asks for: .pdf, .csv, .json (this app's), .timelinejs.json;
    None for any other name."""
    name = name.lower()
    if name.endswith((".timelinejs.json", ".tljs.json")):
        return "timelinejs"
    for suffix, format_name in ((".csv", "csv"), (".json", "json"), (".pdf", "pdf")):
        if name.endswith(suffix):
            return format_name
    return None
