"""Screenshots of the app for the README, taken in a real window (run under Xvfb:
``make screenshots``), plus the first page of each PDF rendered with pdftoppm."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.fonts import ensure_cjk_font

    work = Path(tempfile.mkdtemp(prefix="zhaoshang-shots-"))
    os.environ["ZHAOSHANG_DATA_DIR"] = str(work)
    app = QApplication(sys.argv)
    app.setOrganizationName("zhaoshang-screenshots")
    i18n.install("zh_CN")
    if not ensure_cjk_font().ok:
        print("no CJK font: install fonts-wqy-microhei", file=sys.stderr)
        return 1
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    DOCS.mkdir(exist_ok=True)

    from ui.main_window import MainWindow

    window = MainWindow(work, settings)
    window.open_url = lambda _url: True  # no viewer is started
    window.resize(1366, 800)
    window.show()

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def shoot(widget: object, name: str) -> None:
        settle()
        widget.grab().save(str(DOCS / name))  # type: ignore[attr-defined]
        print("wrote", DOCS / name)

    shoot(window, "start-screen.png")
    window.open_demo()
    settle()
    window.tabs.setCurrentWidget(window.ledger)
    shoot(window, "ledger.png")
    window.tabs.setCurrentWidget(window.dashboard)
    from PySide6.QtCore import QDate

    window.dashboard.period_from.setDate(QDate(2023, 1, 1))
    window.dashboard.period_to.setDate(QDate(2023, 7, 31))
    shoot(window, "dashboard.png")

    from db.reads.project_brief import find_project
    from ui.project_form import ProjectForm

    project = find_project("大亚新能源材料建设项目")
    form = ProjectForm(window.session, project.uuid, window)
    form.resize(1000, 760)
    form.tabs.setCurrentIndex(5)  # 建设内容与效益: figures with their qualifiers, capacity
    form.show()
    shoot(form, "project-form.png")
    form.reject()

    from db.reads.briefing import briefing_data
    from db.reads.figures import Period
    from db.reads.project_brief import project_brief_data
    from reports.briefing import build_briefing
    from reports.project_brief import build_project_brief

    brief = build_briefing(
        briefing_data(Period(date(2023, 1, 1), date(2023, 7, 31)), None, 7, date(2023, 8, 5)),
        work / "briefing.pdf",
    )
    one = build_project_brief(project_brief_data(project, date(2023, 8, 5)), work / "daya.pdf")
    from db.reads.ledger_table import ProjectFilter
    from db.reads.listing import listing_data
    from db.rules.vocabulary import Stage
    from reports.listing import build_listing

    listing = build_listing(
        listing_data(
            ProjectFilter(stages=frozenset({Stage.TALKS, Stage.SIGNED})),
            printed_on=date(2023, 8, 5),
        ),
        work / "listing.pdf",
    )
    for pdf, stem in (
        (brief, "briefing-page"),
        (one, "project-brief-page"),
        (listing, "listing-page"),
    ):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(DOCS / stem),
            ],
            check=True,
        )
        print("wrote", DOCS / f"{stem}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
