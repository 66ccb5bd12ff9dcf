"""The PDF's document information: subject and keywords, which Qt's PDF writer cannot set.

Qt writes the title, author and creator. Subject and keywords go into the file's XMP packet
(QPdfWriter.setDocumentXmpMetadata) and into a fresh Info dictionary appended as a standard PDF
incremental update (ISO 32000-1, 7.5.6): a few hundred bytes at the end, whatever the size of
the document, with no PDF library at run time. Reading Qt's trailer back also checks that Qt
wrote the file to its end.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

_TAIL = 4096
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_ROOT = re.compile(rb"/Root\s+(\d+\s+\d+\s+R)")
_SIZE = re.compile(rb"/Size\s+(\d+)")
_ID = re.compile(rb"/ID\s*(\[[^\]]*\])")


class IncompletePdf(ValueError):
    """The file does not end the way a complete PDF does."""


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str
    keywords: tuple[str, ...]
    creator: str
    producer: str
    created: dt.datetime  # aware, any zone

    @property
    def keyword_text(self) -> str:
        return ", ".join(self.keywords)


def xmp_packet(info: DocumentInfo) -> bytes:
    """The XMP metadata packet saying the same as the Info dictionary."""
    stamp = info.created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    subjects = "".join(f"<rdf:li>{escape(word)}</rdf:li>" for word in info.keywords)
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    pdf:Keywords={quoteattr(info.keyword_text)}
    pdf:Producer={quoteattr(info.producer)}
    xmp:CreatorTool={quoteattr(info.creator)}
    xmp:CreateDate="{stamp}" xmp:ModifyDate="{stamp}" xmp:MetadataDate="{stamp}"
    xmpMM:DocumentID="uuid:{uuid.uuid4()}">
   <dc:format>application/pdf</dc:format>
   <dc:title>{_alternatives(info.title)}</dc:title>
   <dc:description>{_alternatives(info.subject)}</dc:description>
   <dc:subject><rdf:Bag>{subjects}</rdf:Bag></dc:subject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return packet.encode("utf-8")


def _alternatives(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


def append_info(path: Path, info: DocumentInfo) -> None:
    """Append an incremental update whose Info dictionary holds all of info.

    Raises IncompletePdf when the file does not end in a trailer (Qt could not finish it) and
    OSError when the update cannot be written.
    """
    with path.open("r+b") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - _TAIL))
        tail = handle.read()
        previous_xref, trailer = _last_trailer(tail)
        handle.seek(previous_xref)
        if handle.read(4) != b"xref":
            raise IncompletePdf("the cross-reference table is not where the trailer says")
        number = int(_SIZE.search(trailer).group(1))
        ids = _ID.search(trailer)
        object_at = size + 1
        update = b"\n%d 0 obj\n%s\nendobj\n" % (number, _info_dictionary(info))
        xref_at = object_at + len(update) - 1
        update += b"xref\n%d 1\n%010d 00000 n \n" % (number, object_at)
        update += b"trailer\n<< /Size %d /Root %s /Info %d 0 R /Prev %d%s >>\n" % (
            number + 1, _ROOT.search(trailer).group(1), number, previous_xref,
            b" /ID " + ids.group(1) if ids else b"",
        )  # fmt: skip
        update += b"startxref\n%d\n%%%%EOF\n" % xref_at
        handle.seek(size)
        handle.write(update)


def _last_trailer(tail: bytes) -> tuple[int, bytes]:
    end = _STARTXREF.search(tail)
    start = tail.rfind(b"trailer")
    if end is None or start < 0 or start > end.start():
        raise IncompletePdf("the file does not end with a PDF trailer")
    trailer = tail[start : end.start()]
    if _ROOT.search(trailer) is None or _SIZE.search(trailer) is None:
        raise IncompletePdf("the PDF trailer names no catalogue")
    return int(end.group(1)), trailer


def _info_dictionary(info: DocumentInfo) -> bytes:
    entries = {
        "Title": _text(info.title),
        "Subject": _text(info.subject),
        "Keywords": _text(info.keyword_text),
        "Creator": _text(info.creator),
        "Producer": _text(info.producer),
        "CreationDate": _pdf_date(info.created),
        "ModDate": _pdf_date(info.created),
    }
    return b"<<\n" + b"".join(b"/%s %s\n" % (k.encode(), v) for k, v in entries.items()) + b">>"


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte-order mark, in hex so nothing needs escaping."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _pdf_date(moment: dt.datetime) -> bytes:
    return moment.astimezone(dt.UTC).strftime("(D:%Y%m%d%H%M%SZ)").encode("ascii")
