"""The PDFs at a city's size, against LibreOffice printing the same ledger.

    python bench/bench_pdfs.py [--quick]

Measured in one run, each as the command line makes it (the data read from the
file, then the PDF written):

- the 项目清单 of 10,000 projects (pages, pages a second), and as the raw baseline
  LibreOffice Calc turning the same 10,000-row ledger (.xlsx, the template the
  offices keep) into a PDF: ``soffice --headless --convert-to pdf``, a whole process
  as a user runs it, after one conversion that sets up its profile; where
  LibreOffice is not installed the table says so;
- the briefing of a year whose 附表 lists 2,000 projects (235 signings in its text);
- the city briefing of the example data (the article's 1~7月, 26 pages);
- one project brief of the example data (the median over its projects).

The listing, LibreOffice and the briefing are the medians of three runs; the first
run of ours in the process (its caches of character widths still empty) is named
beside them.  The data come from the seeded generator (bench/generator.py) and the
example data (``zhaoshang demo``), so runs repeat.  ``--quick`` is a smoke run on
smaller files, each run once.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generator import generate, write_hq_file, write_ledger  # noqa: E402
from bench.measure import Measurement, table, timed  # noqa: E402
from db.io.demo import build_demo  # noqa: E402
from db.reads.briefing import BriefingData, briefing_data  # noqa: E402
from db.reads.figures import Period  # noqa: E402
from db.reads.ledger_table import ProjectFilter  # noqa: E402
from db.reads.listing import listing_data  # noqa: E402
from db.reads.project_brief import find_project, project_brief_data, project_uuids  # noqa: E402
from db.store.unit_file import open_store  # noqa: E402
from reports.briefing import build_briefing  # noqa: E402
from reports.fonts import typefaces  # noqa: E402
from reports.listing import build_listing  # noqa: E402
from reports.project_brief import build_project_brief  # noqa: E402

PRINTED_ON = date(2024, 1, 5)
YEAR = Period(date(2023, 1, 1), date(2023, 12, 31))
ARTICLE = Period(date(2023, 1, 1), date(2023, 7, 31))
# Projects of a city (seed 5, 20 units) whose briefing of 2023 lists 2,000 in its 附表.
BRIEFING_PROJECTS = {False: 3265, True: 800}
LISTING_PROJECTS = {False: 10_000, True: 1_000}


def pages(pdf: Path) -> int:
    return len(PdfReader(str(pdf)).pages)


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def children_cpu() -> float:
    """The processor time of the finished child processes (user and system), seconds."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def libreoffice_pdf(
    program: str, ledger: Path, work: Path, repeat: int
) -> tuple[float, float, int]:
    """LibreOffice turning ``ledger`` into a PDF, as a whole process: its time (the
    median of ``repeat``), its processor time a run and its pages.  A conversion of a
    one-row ledger first sets up the profile it uses."""
    profile = (work / "lo-profile").as_uri()
    out = work / "lo"
    out.mkdir(exist_ok=True)

    def convert(path: Path) -> Path:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(path),
            ],
            check=True,
            capture_output=True,
        )
        return out / f"{path.stem}.pdf"

    convert(write_ledger(work / "warm-up.xlsx", generate(1, 1)))
    began = children_cpu()
    seconds, pdf = timed(lambda: convert(ledger), repeat)
    return seconds, (children_cpu() - began) / repeat, pages(pdf)


def listing_measurement(count: int, work: Path, repeat: int) -> Measurement:
    projects = generate(count, 20, seed=11)
    store = open_store(write_hq_file(work / "listing.zsdb", projects)).make_default()
    out = work / "listing.pdf"
    first, _ = timed(
        lambda: build_listing(listing_data(ProjectFilter(), printed_on=PRINTED_ON), out)
    )
    began = time.process_time()
    seconds, _ = timed(
        lambda: build_listing(listing_data(ProjectFilter(), printed_on=PRINTED_ON), out), repeat
    )
    cpu = (time.process_time() - began) / repeat
    store.close()
    ours = pages(out)
    note = (
        f"{ours:,} pages, {ours / seconds:.0f} pages/s; median of {repeat}, the first "
        f"{first:.2f} s; processor time {cpu:.2f} s"
    )
    print(f"listing of {count:,} projects: {seconds:.2f} s, {note}")
    program = libreoffice()
    if program is None:
        print("LibreOffice: not installed")
        return Measurement(
            f"项目清单 of {count:,} projects (PDF)",
            seconds,
            "LibreOffice: not installed",
            note=note,
        )
    ledger = write_ledger(work / "ledger.xlsx", projects)
    theirs, their_cpu, their_pages = libreoffice_pdf(program, ledger, work, repeat)
    note += f" (LibreOffice's {their_cpu:.2f} s)"
    print(f"LibreOffice, the same {count:,}-row ledger: {theirs:.2f} s, {their_pages:,} pages")
    return Measurement(
        f"项目清单 of {count:,} projects (PDF)",
        seconds,
        f"LibreOffice soffice --convert-to pdf of the same ledger (.xlsx, {their_pages:,} pages)",
        theirs,
        note,
    )


def briefing_measurement(count: int, work: Path, repeat: int) -> Measurement:
    store = open_store(write_hq_file(work / "city.zsdb", generate(count, 20, seed=5)))
    store.make_default()
    out = work / "briefing.pdf"
    first, _ = timed(lambda: _briefing(YEAR, out))
    began = time.process_time()
    seconds, data = timed(lambda: _briefing(YEAR, out), repeat)
    cpu = (time.process_time() - began) / repeat
    store.close()
    note = (
        f"{len(data.appendix):,} projects in the 附表, {pages(out)} pages; "
        f"median of {repeat}, the first {first:.2f} s; processor time {cpu:.2f} s"
    )
    print(f"briefing of 2023: {seconds:.2f} s, {note}")
    return Measurement(
        f"briefing whose 附表 lists {len(data.appendix):,} projects", seconds, note=note
    )


def _briefing(period: Period, out: Path) -> BriefingData:
    data = briefing_data(period, None, None, PRINTED_ON)
    build_briefing(data, out)
    return data


def example_measurements(work: Path, briefs: int) -> list[Measurement]:
    store = build_demo(work / "demo.zsdb")
    store.make_default()
    out = work / "article.pdf"
    city, _ = timed(lambda: _briefing(ARTICLE, out), repeat=5)
    city_pages = pages(out)
    print(f"city briefing of the example data: {city * 1000:.0f} ms, {city_pages} pages")
    times = []
    for i, uuid in enumerate(project_uuids()[:briefs]):
        began = time.perf_counter()
        build_project_brief(project_brief_data(find_project(uuid), PRINTED_ON), work / f"{i}.pdf")
        times.append(time.perf_counter() - began)
    brief = statistics.median(times)
    slowest = max(times) * 1000
    print(f"project brief: median {brief * 1000:.1f} ms of {len(times)}, slowest {slowest:.1f} ms")
    store.close()
    return [
        Measurement(
            "city briefing of the example data (the article's 1~7月)",
            city,
            note=f"{city_pages} pages, median of 5",
        ),
        Measurement(
            "one project brief of the example data",
            brief,
            note=f"median of {len(times)}, slowest {slowest:.0f} ms",
        ),
    ]


def bench(quick: bool = False) -> list[Measurement]:
    """The measurements of ``make bench`` (bench/measure.py)."""
    work = Path(tempfile.mkdtemp(prefix="zhaoshang-pdfs-"))
    try:
        typefaces()  # fonts are registered once per process, before any document
        repeat = 1 if quick else 3
        measurements = [
            listing_measurement(LISTING_PROJECTS[quick], work, repeat),
            briefing_measurement(BRIEFING_PROJECTS[quick], work, repeat),
            *example_measurements(work, 20 if quick else 60),
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MiB")
    return measurements


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller files, a smoke run")
    print(table(bench(parser.parse_args().quick)))


if __name__ == "__main__":
    main()
