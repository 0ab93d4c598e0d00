"""The email format: sniffing, attachments, a release's furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdoc
from newsdoc.parsers.email import sniff
from newsdoc.parsers.text import sniff as text_sniff
from tests.conftest import FIXTURES, fixture_inputs

EMAILS = [path for path in fixture_inputs() if path.parent.name == "email"]
OTHERS = [path for path in fixture_inputs() if path.parent.name != "email"]


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(FIXTURES)) for path in paths]


def test_there_are_email_fixtures() -> None:
    assert len(EMAILS) >= 4


@pytest.mark.parametrize("path", EMAILS, ids=_ids(EMAILS))
def test_every_email_fixture_is_claimed_above_text(path: Path) -> None:
    head = path.read_bytes()[: newsdoc.registry.SNIFF_BYTES]
    assert sniff(head, path.name) > text_sniff(head, path.name)
    assert newsdoc.detect(path) == "email"


@pytest.mark.parametrize("path", OTHERS, ids=_ids(OTHERS))
def test_no_other_fixture_is_claimed(path: Path) -> None:
    assert sniff(path.read_bytes()[: newsdoc.registry.SNIFF_BYTES], path.name) == 0.0


@pytest.mark.parametrize(
    "head",
    [
        b"From: a reader\nTo the editor: thanks\n\nA letter.",  # two header-like lines only
        b"Subject: budget\nDate: Monday\nMessage-ID: <x@y>\n\nno From",
        b"From: Anna\nDate: today\nThe council met on Monday and decided.\n\nMore.",
        b"<html><head><title>From: x</title></head></html>",
        b'{"From": "x", "Date": "y", "Subject": "z"}',
        b"",
    ],
)
def test_what_is_not_an_email(head: bytes) -> None:
    assert sniff(head, None) == 0.0


def test_an_mbox_line_and_folded_headers() -> None:
    head = (
        b"From someone@example.com Tue Apr  2 08:12:44 2024\n"
        b"Received: from a\n  by b;\n\tTue, 2 Apr 2024\n"
        b"From: A <a@example.com>\nSubject: Hello\n\nBody"
    )
    assert sniff(head, None) == 0.8


_MIXED = (
    b"From: Press <press@example.com>\r\nSubject: A release\r\nDate: Mon, 4 Mar 2024 09:00:00"
    b" +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
    b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe story in one line.\r\n"
    b"--b\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Disposition: attachment;"
    b" filename=notes.txt\r\n\r\nSECRET ATTACHMENT TEXT\r\n"
    b"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    b"iVBORw0KGgo=\r\n--b--\r\n"
)


def test_attachments_are_listed_never_read() -> None:
    documents = list(newsdoc.loads_all(_MIXED))
    assert len(documents) == 1
    (doc,) = documents
    assert doc.format == "email"
    assert [block.text for block in doc.blocks] == ["The story in one line."]
    assert "SECRET" not in doc.body
    attachments = doc.metadata.extra["attachments"]
    assert attachments == (
        {"filename": "notes.txt", "content_type": "text/plain", "size": 22},
        {"content_type": "image/png", "size": 8},
    )


def test_the_attachment_of_the_multipart_fixture() -> None:
    doc = newsdoc.load(FIXTURES / "email" / "multipart_alternative_attachment.eml")
    assert "PDF" not in doc.body
    assert "JVBER" not in doc.body
    assert doc.metadata.extra["attachments"] == (
        {"filename": "fact-sheet.pdf", "content_type": "application/pdf", "size": 77},
    )


def test_the_furniture_goes_to_extra() -> None:
    doc = newsdoc.load(FIXTURES / "email" / "windows1252_quoted_printable.eml")
    extra = doc.metadata.extra
    assert extra["release"] == "FOR IMMEDIATE RELEASE"
    assert extra["embargo"] == "EMBARGOED UNTIL 00:01 CET, 12 February 2024"
    assert extra["end_mark"] == "###"
    notes = extra["notes"]
    assert isinstance(notes, str)
    assert notes.startswith("About Brioche & Co")
    assert "presse@brioche.example.fr" in notes
    text = doc.body
    assert "IMMEDIATE" not in text
    assert "EMBARGO" not in text
    assert "###" not in text
    assert "About" not in text
    assert "Claire Martin" not in text
    assert doc.title == "Café chain “Brioche & Co” opens its 100th shop"
    assert doc.metadata.authors[0].name == "Amélie Durand"


def test_a_forwarded_release() -> None:
    doc = newsdoc.load(FIXTURES / "email" / "forwarded_release.eml")
    assert doc.title == "Museum reopens after two-year restoration"
    fields = doc.metadata.extra["email"]
    assert fields["subject_prefix"] == "Fwd: FW:"  # type: ignore[index]
    forwarded = doc.metadata.extra["forwarded"]
    assert forwarded["from"] == "City Museum <press@museum.example.org>"  # type: ignore[index]
    assert "Forwarded" not in doc.body
    assert "Received" not in doc.body
    assert doc.blocks[0].text.startswith("BRISTOL")


def test_an_end_mark_in_the_first_block_is_prose() -> None:
    data = b"From: a@example.com\nSubject: S\nDate: Mon, 4 Mar 2024 09:00:00 +0000\n\n###\nBody.\n"
    doc = newsdoc.loads(data)
    assert "end_mark" not in doc.metadata.extra


def test_no_body() -> None:
    data = (
        b"From: a@example.com\nSubject: Only a file\nMIME-Version: 1.0\n"
        b"Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"
    )
    doc = newsdoc.loads(data)
    assert doc.blocks == ()
    assert [warning.code for warning in doc.warnings] == ["email.no-body"]
    assert doc.metadata.extra["attachments"] == ({"content_type": "application/pdf", "size": 5},)


def test_a_bad_date_and_a_broken_part() -> None:
    data = (
        b"From: a@example.com\nSubject: S\nDate: sometime soon\nMIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        b"VGhlIHN0b3J5Lg=\n"
    )
    doc = newsdoc.loads(data)
    codes = {warning.code for warning in doc.warnings}
    assert codes == {"email.bad-date", "email.undecodable-part"}
    assert doc.metadata.published is None


def test_an_inline_image_is_an_attachment_not_an_image() -> None:
    data = (
        b"From: A <a@example.com>\nSubject: S\nDate: Mon, 4 Mar 2024 09:00:00 +0000\n"
        b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=r\n\n--r\n"
        b'Content-Type: text/html; charset=utf-8\n\n<p>Text here.</p><img src="cid:logo@x">\n'
        b"--r\nContent-Type: image/png\nContent-ID: <logo@x>\nContent-Transfer-Encoding: base64"
        b"\n\niVBORw0KGgo=\n--r--\n"
    )
    doc = newsdoc.loads(data)
    assert [block.text for block in doc.blocks] == ["Text here."]
    assert doc.metadata.images == ()
    assert doc.warnings == ()
    assert doc.metadata.extra["attachments"] == ({"content_type": "image/png", "size": 8},)


def test_an_mbox_gives_every_message_in_order() -> None:
    first = (
        b"From a@example.org Tue Mar  5 09:00:00 2024\nFrom: A <a@example.org>\n"
        b"Subject: One\nDate: Tue, 05 Mar 2024 09:00:00 +0100\n\nThe first release.\n"
        b">From here on, quoted.\n"
    )
    second = (
        b"\nFrom b@example.org Wed Mar  6 09:00:00 2024\nFrom: B <b@example.org>\n"
        b"Subject: Two\nDate: Wed, 06 Mar 2024 09:00:00 +0100\n\nThe second release.\n"
    )
    documents = list(newsdoc.loads_all(first + second))
    assert [doc.title for doc in documents] == ["One", "Two"]
    assert documents[0].blocks[0].text == "The first release. From here on, quoted."
    assert [doc.blocks[0].text for doc in documents][1] == "The second release."


def test_a_from_line_in_a_body_without_headers_under_it_does_not_split() -> None:
    data = (
        b"From a@example.org Tue Mar  5 09:00:00 2024\nFrom: A <a@example.org>\n"
        b"Subject: One\nDate: Tue, 05 Mar 2024 09:00:00 +0100\n\nA line.\n\n"
        b"From the start, the plan was clear.\nAnd so it went.\n"
    )
    assert len(list(newsdoc.loads_all(data))) == 1
