"""load / loads / load_all / detect / formats: the road from a file to documents."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import newsdoc
from newsdoc import LimitExceededError, Limits, ParseError, UnknownFormatError
from tests.helpers import SEED, story, story_bytes

HERE = Path(__file__).parent
SEED_PATH = HERE / SEED


def test_load_seed_gives_the_prezly_title_although_it_ends_in_txt() -> None:
    doc = newsdoc.load(SEED_PATH)
    assert doc.format == "prezly"
    assert doc.title == "Belgium summons Russian ambassador over threats to Kyiv diplomats"
    assert doc.source == str(SEED_PATH)


def test_detect_names_prezly_for_the_seed() -> None:
    assert newsdoc.detect(SEED_PATH) == "prezly"
    assert newsdoc.detect(str(SEED_PATH)) == "prezly"


def test_formats_lists_the_builtins() -> None:
    assert "prezly" in newsdoc.formats()


def test_loads_accepts_str_and_bytes_alike() -> None:
    data = story_bytes(title="Prévot à Kyiv")
    from_bytes = newsdoc.loads(data)
    from_str = newsdoc.loads(data.decode())
    assert from_bytes == from_str
    assert from_bytes.title == "Prévot à Kyiv"
    assert from_bytes.source is None


def test_loads_refuses_other_types_clearly() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        newsdoc.loads(SEED_PATH)  # type: ignore[arg-type]


def test_loads_names_the_source_in_errors() -> None:
    with pytest.raises(UnknownFormatError, match=r"^feed\.xml: no format recognised"):
        newsdoc.loads(b"\x00\x01\x02", source="feed.xml")
    with pytest.raises(UnknownFormatError, match=r"^<data>: no format recognised"):
        newsdoc.loads(b"\x00\x01\x02")


def test_unknown_content_lists_the_formats_tried(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"hello": "world"}')
    with pytest.raises(UnknownFormatError) as info:
        newsdoc.load(path)
    assert str(path) in str(info.value)
    assert "tried: prezly" in str(info.value)
    assert info.value.tried == newsdoc.formats()
    assert info.value.source == str(path)


def test_format_keyword_skips_detection() -> None:
    # Without the markers a sniffer needs, detection fails; forcing the format parses it.
    data = json.dumps({"title": "Bare", "body": "<p>x</p>"})
    with pytest.raises(UnknownFormatError):
        newsdoc.loads(data)
    assert newsdoc.loads(data, format="prezly").title == "Bare"


def test_unknown_format_name_is_an_error() -> None:
    with pytest.raises(UnknownFormatError, match="no format is called 'rss'"):
        newsdoc.loads(story_bytes(), format="rss")


def test_load_all_yields_every_story_and_load_warns(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(json.dumps([story(title="One"), story(title="Two"), story(title="Three")]))
    docs = list(newsdoc.load_all(path))
    assert [doc.title for doc in docs] == ["One", "Two", "Three"]
    assert all(not doc.warnings for doc in docs)
    first = newsdoc.load(path)
    assert first.title == "One"
    [warning] = first.warnings
    assert warning.code == "source.multiple-documents"
    assert "3 documents" in warning.message
    assert "newsdoc.load_all()" in warning.message


def test_load_all_on_a_single_document_yields_exactly_one() -> None:
    docs = list(newsdoc.load_all(SEED_PATH))
    assert len(docs) == 1
    assert docs[0] == newsdoc.load(SEED_PATH)


def test_load_all_raises_for_a_missing_file_before_iteration(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        newsdoc.load_all(tmp_path / "missing.json")


def test_a_source_with_no_document(tmp_path: Path) -> None:
    path = tmp_path / "empty-export.json"
    path.write_text("[]")
    with pytest.raises(ParseError, match="holds no document"):
        newsdoc.load(path, format="prezly")
    assert list(newsdoc.load_all(path, format="prezly")) == []


def test_strict_turns_the_first_warning_into_an_error() -> None:
    data = story_bytes(title=None)
    lenient = newsdoc.loads(data)
    assert [w.code for w in lenient.warnings] == ["prezly.no-title"]
    with pytest.raises(ParseError, match=r"prezly\.no-title") as info:
        newsdoc.loads(data, strict=True)
    assert info.value.code == "prezly.no-title"


def test_strict_passes_a_clean_document() -> None:
    assert newsdoc.loads(story_bytes(), strict=True).title == "A title"


def test_gzip_is_decompressed_by_magic_bytes(tmp_path: Path) -> None:
    path = tmp_path / "story.bin"
    path.write_bytes(gzip.compress(story_bytes(title="Zipped")))
    assert newsdoc.load(path).title == "Zipped"
    assert newsdoc.detect(path) == "prezly"
    assert newsdoc.loads(gzip.compress(story_bytes(title="Zipped"))).title == "Zipped"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(story_bytes(body="<p>" + "x" * 5000 + "</p>"))
    with pytest.raises(LimitExceededError, match="max_bytes") as info:
        newsdoc.load(path, limits=Limits(max_bytes=1000))
    assert info.value.limit == "max_bytes"
    assert str(path) in str(info.value)
    with pytest.raises(LimitExceededError):
        newsdoc.loads(path.read_bytes(), limits=Limits(max_bytes=1000))


def test_documents_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([story(title=str(i)) for i in range(5)]))
    with pytest.raises(LimitExceededError, match="max_documents"):
        list(newsdoc.load_all(path, limits=Limits(max_documents=4)))
    assert len(list(newsdoc.load_all(path, limits=Limits(max_documents=5)))) == 5


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_depth"):
        Limits(max_depth=0)
    with pytest.raises(ValueError, match="max_quotes"):
        Limits(max_quotes=-1)


def test_links_are_made_absolute_and_unfollowable_ones_dropped() -> None:
    body = (
        '<p><a href="/a">relative</a> <a href="javascript:alert(1)">js</a> '
        '<a href="mailto:press@example.org">mail</a> <a href="data:text/html,x">data</a></p>'
    )
    doc = newsdoc.loads(story_bytes(body=body, url="https://example.org/news/story"))
    assert [(link.url, link.text) for link in doc.links] == [
        ("https://example.org/a", "relative"),
        ("mailto:press@example.org", "mail"),
    ]
    [warning] = doc.warnings
    assert warning.code == "link.dropped"
    assert "1 javascript:" in warning.message
    assert "1 data:" in warning.message


def test_relative_links_without_a_document_url_are_dropped_with_a_warning() -> None:
    doc = newsdoc.loads(story_bytes(body='<p><a href="/a">relative</a></p>', url=None))
    assert doc.links == ()
    assert [w.code for w in doc.warnings] == ["link.dropped"]
    assert "1 relative" in doc.warnings[0].message


def test_language_tags_are_normalised() -> None:
    assert newsdoc.loads(story_bytes(culture="nl_be")).metadata.language == "nl-BE"
    assert newsdoc.loads(story_bytes(culture=None, language="EN")).metadata.language == "en"


def test_loads_of_a_str_that_kept_its_bom() -> None:
    assert newsdoc.loads("\ufeff" + story_bytes().decode()).title == "A title"


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:
        handle.truncate(2 * 1024 * 1024)  # sparse: nothing is written, the size is what counts
    with pytest.raises(LimitExceededError, match="max_bytes"):
        newsdoc.load(path, limits=Limits(max_bytes=1024 * 1024))


def _fifo_with(tmp_path: Path, data: bytes) -> Path:
    """A named pipe that a thread fills with ``data``: a file with no size to trust."""
    path = tmp_path / "pipe"
    os.mkfifo(path)

    def fill() -> None:
        with contextlib.suppress(BrokenPipeError), open(path, "wb") as handle:
            handle.write(data)

    threading.Thread(target=fill, daemon=True).start()
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_read_to_its_end(tmp_path: Path) -> None:
    data = story_bytes() + b" " * (3 * 1024 * 1024)  # more than one read's chunk
    assert newsdoc.load(_fifo_with(tmp_path, data)).title == "A title"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = _fifo_with(tmp_path, story_bytes() + b" " * 5000)
    with pytest.raises(LimitExceededError, match="max_bytes"):
        newsdoc.load(path, limits=Limits(max_bytes=4000))


def test_detect_reads_only_the_start(tmp_path: Path) -> None:
    # A story followed by far more than the sniffers see: detection still works, on the head.
    path = tmp_path / "long.json"
    path.write_bytes(story_bytes(body="<p>" + "word " * 200_000 + "</p>"))
    assert newsdoc.detect(path) == "prezly"
    zipped = tmp_path / "long.json.gz"
    zipped.write_bytes(gzip.compress(path.read_bytes()))
    assert newsdoc.detect(zipped) == "prezly"


def test_loads_all_yields_every_document_held_in_memory() -> None:
    data = json.dumps([story(title="One"), story(title="Two")])
    assert [doc.title for doc in newsdoc.loads_all(data)] == ["One", "Two"]
    assert [doc.title for doc in newsdoc.loads_all(data.encode())] == ["One", "Two"]
    [warning] = newsdoc.loads(data).warnings
    assert "newsdoc.loads_all()" in warning.message
    assert len(list(newsdoc.loads_all(story_bytes()))) == 1


def test_documents_pickle_for_multiprocessing() -> None:
    import pickle

    for doc in newsdoc.load_all(HERE / "fixtures" / "prezly" / "api_v2_content_v3.json"):
        back = pickle.loads(pickle.dumps(doc))
        assert back == doc
        assert back.body == doc.body
        assert hash(back) == hash(doc)


def test_loading_from_several_threads_at_once() -> None:
    from concurrent.futures import ThreadPoolExecutor

    expected = newsdoc.load(SEED_PATH)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: newsdoc.load(SEED_PATH), range(40)))
    assert all(doc == expected for doc in results)


def test_an_error_about_unnamed_data_has_no_source() -> None:
    with pytest.raises(LimitExceededError, match=r"^<data>: the input is larger") as info:
        newsdoc.loads(b"x" * 2000, limits=Limits(max_bytes=1000))
    assert info.value.source is None


def test_importing_newsdoc_leaves_the_detector_the_converter_and_entry_points_for_later() -> None:
    # A program that reads UTF-8 and never serialises does not pay for their imports.
    code = (
        "import sys, newsdoc; "
        "print(sorted(m for m in ('charset_normalizer', 'cattrs', 'importlib.metadata', "
        "'importlib.resources') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
    doc = newsdoc.loads(b"Budget approved\n\nThe council approved the budget on Monday.")
    assert newsdoc.from_json(newsdoc.to_json(doc)) == doc


def test_quotes_beyond_the_limit_are_not_read_and_the_document_says_so() -> None:
    body = "".join(f"<p>“Point {n} stands,” she said.</p>" for n in range(12))
    page = f"<html><body><article><h1>Twelve points</h1>{body}</article></body></html>"
    doc = newsdoc.loads(page.encode(), limits=Limits(max_quotes=5))
    assert [quote.text for quote in doc.quotes] == [f"Point {n} stands" for n in range(5)]
    assert "quotes.limit" in [warning.code for warning in doc.warnings]
    whole = newsdoc.loads(page.encode())
    assert len(whole.quotes) == 12
    assert "quotes.limit" not in [warning.code for warning in whole.warnings]
    assert newsdoc.extract_quotes(whole.body, max_quotes=3) == whole.quotes[:3]


def test_no_quotes_are_read_when_the_limit_is_zero() -> None:
    body = "".join(f"<p>“Point {n} stands,” she said.</p>" for n in range(3))
    page = f"<html><body><article><h1>Three points</h1>{body}</article></body></html>"
    doc = newsdoc.loads(page.encode(), limits=Limits(max_quotes=0))
    whole = newsdoc.loads(page.encode())
    assert doc.quotes == ()
    assert len(whole.quotes) == 3
    assert doc.warnings == whole.warnings  # no quotes.limit warning
    assert doc.body == whole.body
