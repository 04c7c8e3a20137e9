"""合并交接文件: headquarters chooses (or drops) the units' handover files, merges them in
the background with progress, and sees what each file brought or why it was refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from db.io.handover.manifest import SUFFIX
from db.io.handover.merge import MergeOutcome
from ui.handover_worker import MergeJob
from ui.i18n import either
from ui.session import Session

COUNT_COLUMNS = ("new", "changed", "unchanged", "conflict", "deleted")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MergeWizard", text)


def outcome_words(outcome: MergeOutcome) -> tuple[str, str]:
    """The result of one file in a word, and what the user should know about it."""
    if outcome.status == "refused":
        return _tr("拒收"), either(outcome.reason_zh or "", outcome.reason_en or "")
    if outcome.status == "already":
        return _tr("已合并过"), _tr("此文件以前已合并,未作改动")
    if outcome.status == "stale":
        return _tr("过期"), _tr("该单位已有更新的交接文件,此文件未作改动")
    note = ""
    if outcome.flag == "sequence_backwards":
        note = _tr("交接序号倒退:该单位可能从旧备份恢复了文件,请核实")
    if outcome.counts.get("conflict"):
        note = (note + " " if note else "") + _tr("有冲突待处理")
    return _tr("已合并"), note


class MergeWizard(QDialog):
    merged = Signal()  # headquarters' file changed: the views show it anew

    def __init__(
        self, session: Session, parent: QWidget | None = None, files: list[Path] | None = None
    ) -> None:
        super().__init__(parent)
        # Closed means gone: no window left behind listening to the file.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("mergeWizard")
        self.setWindowTitle(self.tr("合并交接文件"))
        self.setAcceptDrops(True)
        self.session = session
        self.job: MergeJob | None = None
        self.thread_: QThread | None = None
        self.outcomes: list[MergeOutcome] = []

        intro = QLabel(
            self.tr(
                "选择各单位交来的交接文件(.zshd),可一次选择多个,也可把文件拖到这里。"
                "每个文件先经过检查(签名、校验值、结构),有问题的文件不会改动总部数据。"
            )
        )
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setObjectName("mergeFiles")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add = QPushButton(self.tr("添加文件(&A)…"))
        add.setObjectName("addFilesButton")
        add.clicked.connect(self.choose_files)
        remove = QPushButton(self.tr("移除(&R)"))
        remove.setObjectName("removeFileButton")
        remove.clicked.connect(self.remove_selected)
        self.start_button = QPushButton(self.tr("开始合并(&S)"))
        self.start_button.setObjectName("startMergeButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.close)
        self.progress = QProgressBar()
        self.progress.setObjectName("mergeProgress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("mergeStatus")
        self.status.setWordWrap(True)
        self.results = QTableWidget(0, 4 + len(COUNT_COLUMNS))
        self.results.setObjectName("mergeResults")
        self.results.setHorizontalHeaderLabels(
            [
                self.tr("文件"),
                self.tr("单位"),
                self.tr("结果"),
                self.tr("新增项目"),
                self.tr("更新项目"),
                self.tr("未变项目"),
                self.tr("冲突"),
                self.tr("删除项目"),
                self.tr("说明"),
            ]
        )
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.results.hide()

        file_buttons = QHBoxLayout()
        file_buttons.addWidget(add)
        file_buttons.addWidget(remove)
        file_buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.start_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files, 1)
        layout.addLayout(file_buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.results, 2)
        layout.addLayout(bottom)
        self.resize(860, 520)
        for path in files or []:
            self.add_file(path)
        self._update_buttons()

    # -- choosing files --------------------------------------------------------------

    def add_file(self, path: Path) -> None:
        known = {self.files.item(i).text() for i in range(self.files.count())}
        if str(path) not in known:
            self.files.addItem(str(path))
        self._update_buttons()

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择交接文件"), str(Path.home()), self.tr("交接文件 (*.zshd)")
        )
        for name in chosen:
            self.add_file(Path(name))

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._update_buttons()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == SUFFIX:
                self.add_file(path)
            elif path.is_dir():
                for inner in sorted(path.glob(f"*{SUFFIX}")):
                    self.add_file(inner)
        event.acceptProposedAction()

    def _update_buttons(self) -> None:
        running = self.job is not None
        self.start_button.setEnabled(self.files.count() > 0 and not running)
        self.close_button.setText(self.tr("停止") if running else self.tr("关闭"))

    # -- merging ----------------------------------------------------------------------

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def start(self) -> None:
        paths = self.paths()
        if not paths or self.job is not None:
            return
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.progress.show()
        self.job = MergeJob(self.session.store, paths)
        self.job.progress.connect(self._step)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self._failed)
        self.thread_ = self.job.start()
        self._update_buttons()

    def _step(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        if name:
            self.status.setText(
                self.tr("正在检查并合并 %1(%2/%3)…")
                .replace("%1", name)
                .replace("%2", str(done + 1))
                .replace("%3", str(total))
            )

    def _finish_job(self) -> None:
        # The thread quits by itself once the job's last signal is out; the
        # reference is kept until then (waiting here would wait for this slot).
        self.job = None
        # A merge cannot be undone, and undoing edits made before it could
        # reach into records it has changed.
        self.session.undo_stack.clear()
        self.session.notify()
        self.merged.emit()
        self._update_buttons()

    def _done(self, outcomes: object) -> None:
        assert isinstance(outcomes, list)
        self.outcomes = outcomes
        self._finish_job()
        self.show_results(outcomes)

    def _failed(self, error: object) -> None:
        self._finish_job()
        assert isinstance(error, UserError)
        self.status.setText(either(error.zh, error.en))

    def show_results(self, outcomes: list[MergeOutcome]) -> None:
        self.results.setRowCount(len(outcomes))
        for row, outcome in enumerate(outcomes):
            word, note = outcome_words(outcome)
            cells = [outcome.file_name, outcome.unit_name or "", word]
            projects = outcome.by_table.get("project", {})
            for kind in COUNT_COLUMNS:
                # Projects are what a user counts; a conflict in any record needs review.
                source = outcome.counts if kind == "conflict" else projects
                cells.append(str(source.get(kind, "")) if outcome.counts else "")
            if outcome.duplicates:
                extra = self.tr("疑似重复 %1 组").replace("%1", str(outcome.duplicates))
                note = f"{note} {extra}".strip()
            cells.append(note)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.results.setItem(row, column, item)
        self.results.show()
        merged = sum(1 for o in outcomes if o.status == "merged")
        refused = sum(1 for o in outcomes if o.status == "refused")
        self.status.setText(
            self.tr("共 %1 个文件:合并 %2 个,拒收 %3 个,其余未作改动。")
            .replace("%1", str(len(outcomes)))
            .replace("%2", str(merged))
            .replace("%3", str(refused))
        )

    @property
    def running(self) -> bool:
        return self.job is not None or bool(self.thread_ and self.thread_.isRunning())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()  # after the file being merged: never half a file
            event.ignore()
            return
        super().closeEvent(event)
