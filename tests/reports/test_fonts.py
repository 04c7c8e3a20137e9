"""The font of each role: the office's own when installed, else the free fonts with the
same roles, a file that is no TrueType font passed over, the built-in CID font last."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reports import fonts

SONG = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
KAI = Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")
HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture
def font_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty font folder as the only one of the machine."""
    if not all(path.is_file() for path in (SONG, KAI, HEI)):
        pytest.skip("make test installs fonts-arphic-gbsn00lp, -gkai00mp and fonts-wqy-microhei")
    folder = tmp_path / "fonts"
    folder.mkdir()
    monkeypatch.setattr(fonts, "_font_dirs", lambda: [folder])
    monkeypatch.setattr(fonts, "_registered", {})
    monkeypatch.delenv("ZHAOSHANG_FONT_FILE", raising=False)
    fonts._installed.cache_clear()
    yield folder
    fonts._installed.cache_clear()


def _install(folder: Path, name: str, target: Path) -> None:
    (folder / name).symlink_to(target)


def test_the_offices_own_fonts_come_first(font_folder: Path) -> None:
    # Office font files (here stand-ins) beside the free ones.
    for name, target in (
        ("FZXBSJW.TTF", SONG),  # 方正小标宋简体
        ("simfang.ttf", KAI),  # 仿宋
        ("simhei.ttf", HEI),  # 黑体
        ("simkai.ttf", KAI),  # 楷体
        ("gbsn00lp.ttf", SONG),
        ("gkai00mp.ttf", KAI),
        ("wqy-microhei.ttc", HEI),
    ):
        _install(font_folder, name, target)
    faces = fonts.typefaces()
    assert Path(faces.title.source).name == "FZXBSJW.TTF"
    assert Path(faces.body.source).name == "simfang.ttf"
    assert Path(faces.heading.source).name == "simhei.ttf"
    assert Path(faces.subheading.source).name == "simkai.ttf"
    assert faces.notice is None


def test_debian_free_fonts_fill_the_roles(font_folder: Path) -> None:
    for name, target in (
        ("gbsn00lp.ttf", SONG),
        ("gkai00mp.ttf", KAI),
        ("wqy-microhei.ttc", HEI),
    ):
        _install(font_folder, name, target)
    faces = fonts.typefaces()
    assert faces.described() == {
        "小标宋": "AR PL SungtiL GB",
        "仿宋": "AR PL SungtiL GB",
        "黑体": "WenQuanYi Micro Hei",
        "楷体": "AR PL KaitiM GB",
    }
    assert faces.fallback.family == "WenQuanYi Micro Hei"  # the most complete
    assert all(font.embedded for font in (faces.title, faces.body, faces.heading))


def test_a_file_that_is_no_truetype_font_is_passed_over(font_folder: Path) -> None:
    (font_folder / "simfang.ttf").write_bytes(b"OTTO" + b"\0" * 200)  # not TrueType outlines
    _install(font_folder, "gbsn00lp.ttf", SONG)
    faces = fonts.typefaces()
    assert Path(faces.body.source).name == "gbsn00lp.ttf"


def test_without_any_font_the_builtin_cid_font_and_a_notice(font_folder: Path) -> None:
    faces = fonts.typefaces()
    assert {faces.title.name, faces.body.name, faces.heading.name} == {fonts.CID_FALLBACK}
    assert faces.notice and "STSong-Light" in faces.notice


def test_a_chosen_font_file_serves_every_role(font_folder: Path) -> None:
    _install(font_folder, "gbsn00lp.ttf", SONG)
    faces = fonts.typefaces(str(HEI))
    assert {faces.title.source, faces.body.source, faces.heading.source} == {str(HEI)}
