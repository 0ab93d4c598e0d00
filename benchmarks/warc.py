"""Web archives: newsdoc streaming through a WARC, and the WARC libraries' raw read speed.

    make bench                                  # part of it; or:
    python benchmarks/warc.py [--mb 1024] [--keep] [--skip-newsdoc]
    NEWSDOC_WARC_MB=64 python benchmarks/warc.py   # a small run

The archive is built at run time from the evaluation corpus's HTML pages (``NEWSDOC_CORPUS``,
default ``../shared/corpus``): a warcinfo record, then for each page a request and a response
record (HTTP headers and the page), repeated until the plain WARC holds ``--mb`` MiB; the
``.warc.gz`` beside it has one gzip member per record, as Common Crawl writes them. Both go to a
temporary directory (or ``build/warc-bench`` with ``--keep``), never into the project.

Every measurement runs in a child process of its own, which reports its peak RSS
(``resource.getrusage``): the records per second and MiB per second (of uncompressed WARC) of
FastWARC and warcio, when installed, reading every response record's HTTP payload; and the
documents per second of ``newsdoc.load_all`` on the archive, and of ``newsdoc.load_many`` on two
worker processes (the peak RSS of the reading process, and of the largest worker).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSDOC_CORPUS", ROOT.parent / "shared" / "corpus"))
_MIB = 1024 * 1024


def corpus_pages() -> list[bytes]:
    pages = []
    for path in sorted(CORPUS.glob("*/*/*.html.gz")):
        pages.append(gzip.decompress(path.read_bytes()))
    if not pages:
        sys.exit(f"no HTML pages under {CORPUS} (set NEWSDOC_CORPUS)")
    return pages


def record(kind: str, uri: str | None, block: bytes, content_type: str) -> bytes:
    lines = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        "WARC-Date: 2024-05-01T12:00:00Z",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
    ]
    if uri is not None:
        lines.append(f"WARC-Target-URI: {uri}")
    lines += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}", "", ""]
    return "\r\n".join(lines).encode() + block + b"\r\n\r\n"


def build(directory: Path, megabytes: int) -> tuple[Path, Path, int]:
    """Write ``bench.warc`` and ``bench.warc.gz``; return their paths and the response count."""
    pages = corpus_pages()
    plain_path, gz_path = directory / "bench.warc", directory / "bench.warc.gz"
    target = megabytes * _MIB
    responses = 0
    with plain_path.open("wb") as plain, gz_path.open("wb") as packed:
        info = record(
            "warcinfo", None, b"software: newsdoc benchmark\r\n", "application/warc-fields"
        )
        written = plain.write(info)
        packed.write(gzip.compress(info, compresslevel=6, mtime=0))
        while written < target:
            for page in pages:
                uri = f"https://news.example/{responses}/story.html"
                request = b"GET /%d/story.html HTTP/1.1\r\nHost: news.example\r\n\r\n" % responses
                http = (
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(page)
                ) + page
                for data in (
                    record("request", uri, request, "application/http; msgtype=request"),
                    record("response", uri, http, "application/http; msgtype=response"),
                ):
                    written += plain.write(data)
                    packed.write(gzip.compress(data, compresslevel=6, mtime=0))
                responses += 1
                if written >= target:
                    break
    return plain_path, gz_path, responses


# -- the children ------------------------------------------------------------------------------


def _child_fastwarc(path: str) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    with open(path, "rb") as stream:
        for rec in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            rec.reader.read()
            count += 1
    return count


def _child_warcio(path: str) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with open(path, "rb") as stream:
        for rec in ArchiveIterator(stream):
            if rec.rec_type == "response":
                rec.content_stream().read()
                count += 1
    return count


def _child_newsdoc(path: str) -> int:
    import newsdoc

    return sum(1 for _ in newsdoc.load_all(path))  # the default limits: they are per record


def _child_newsdoc_batch(path: str) -> int:
    import newsdoc

    # The archive is read here, its pages parsed on two worker processes.
    with newsdoc.load_many([path], jobs=2) as batch:
        return sum(isinstance(item, newsdoc.Document) for item in batch)


def _child_newsdoc_members(path: str) -> int:
    from newsdoc.archive import Member, iter_members
    from newsdoc.limits import DEFAULT_LIMITS

    return sum(isinstance(m, Member) for m in iter_members(path, limits=DEFAULT_LIMITS))


_CHILDREN = {
    "fastwarc": _child_fastwarc,
    "warcio": _child_warcio,
    "newsdoc": _child_newsdoc,
    "newsdoc-members": _child_newsdoc_members,
    "load_many-jobs2": _child_newsdoc_batch,
}


def child(kind: str, path: str) -> None:
    import resource

    started = time.perf_counter()
    count = _CHILDREN[kind](path)
    elapsed = time.perf_counter() - started
    peak_kib = _peak_kib() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The largest of the worker processes, when there were any (load_many).
    workers_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {"count": count, "seconds": elapsed, "peak_mib": peak_kib / 1024}
    result["worker_peak_mib"] = workers_kib / 1024
    print(json.dumps(result))


def _peak_kib() -> int | None:
    """VmHWM, the peak RSS of this process image: unlike ru_maxrss, it starts afresh at exec
    (ru_maxrss keeps the parent's peak from before the fork)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def measure(kind: str, path: Path) -> dict[str, float] | None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        print(f"  {kind}: failed: {done.stderr.strip().splitlines()[-1:]}")
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=int(os.environ.get("NEWSDOC_WARC_MB", "1024")))
    parser.add_argument("--keep", action="store_true", help="build in build/warc-bench, kept")
    parser.add_argument("--skip-newsdoc", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.keep:
        directory = ROOT / "build" / "warc-bench"
        directory.mkdir(parents=True, exist_ok=True)
    else:
        directory = Path(tempfile.mkdtemp(prefix="newsdoc-warc-"))
    try:
        plain, packed, responses = build(directory, args.mb)
        size = plain.stat().st_size
        print(
            f"archive: {responses:,} responses, {size / _MIB:,.0f} MiB plain, "
            f"{packed.stat().st_size / _MIB:,.0f} MiB gzipped (one member per record)"
        )
        kinds = [k for k in ("fastwarc", "warcio") if _installed(k)]
        if not args.skip_newsdoc:
            kinds += ["newsdoc-members", "newsdoc", "load_many-jobs2"]
        print(f"{'reader':<16} {'input':<8} {'records/s':>10} {'MiB/s':>8} {'peak RSS MiB':>13}")
        for kind in kinds:
            for path in (packed, plain):
                result = measure(kind, path)
                if result is None:
                    continue
                rate = result["count"] / result["seconds"]
                speed = size / _MIB / result["seconds"]
                name = "gz" if path.suffix == ".gz" else "plain"
                peak = result["peak_mib"]
                line = f"{kind:<16} {name:<8} {rate:>10,.0f} {speed:>8,.1f} {peak:>13,.0f}"
                if result.get("worker_peak_mib"):
                    line += f"  (largest worker: {result['worker_peak_mib']:,.0f} MiB)"
                print(line)
                if kind in ("newsdoc", "load_many-jobs2"):
                    break  # the documents dominate: one input is enough
    finally:
        if not args.keep:
            shutil.rmtree(directory, ignore_errors=True)


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    main()
