"""Write outputs whole or not at all, in the format the file name asks for.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_figure("<svg xmlns='http://www.w3.org/2000/svg'/>", d / "a.svg").name
'a.svg'
"""

from __future__ import annotations

import contextlib
import functools
import html
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from socialtools.errors import UsageError

FIGURE_FORMATS = (".svg", ".png", ".pdf")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The permissions the file will have: those of the file it replaces, else the usual ones."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _named(exc: OSError, path: Path) -> OSError:
    """The same error naming the user's ``path`` (never the temporary file beside it)."""
    return type(exc)(exc.errno, exc.strerror or str(exc), str(path)) if exc.errno else OSError(
        None, str(exc), str(path))


def _write_temporary(path: Path, raw: bytes, made: list[Path]) -> str:
    missing = [d for d in (path.parent, *path.parent.parents) if not d.exists()]
    path.parent.mkdir(parents=True, exist_ok=True)
    made.extend(missing)
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file", str(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600: keep the replaced file's permissions
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    A replaced file keeps its permissions; an error (a full disk, a folder in the way) names
    ``path`` and leaves nothing behind.

    >>> import tempfile
    >>> write_atomic(Path(tempfile.mkdtemp()) / "catatan.txt", "halo").read_text()
    'halo'
    """
    write_files({Path(path): data})
    return Path(path)


class Written(str):
    """A file's bytes already written in full beside its target, under this name (by
    :func:`write_beside`, in another process): :func:`write_files` only moves it into place."""


def beside(path: Path, pid: int) -> Path:
    """The name :func:`write_beside` gives the file it writes for ``path`` in a job of process
    ``pid`` (known in advance: the job removes the ones it left if it fails)."""
    return path.with_name(f".{path.name}.{pid}.part")


def write_beside(path: Path, raw: bytes, pid: int) -> Written | None:
    """``raw`` written in full to a new file beside ``path`` (:func:`beside`), with the permissions
    ``path`` will have, for :func:`write_files` to move into place: a process of a pool writes its
    files while the others draw. ``None`` when it cannot be written there (no folder, a folder in the
    way, a full disk): :func:`write_files` then writes the bytes itself and names the problem."""
    tmp = beside(path, pid)
    try:
        if path.is_dir():
            return None
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.chmod(tmp, _mode_for(path))
    except OSError:
        tmp.unlink(missing_ok=True)
        return None
    return Written(tmp)


def write_files(files: dict[Path, bytes | str]) -> list[Path]:
    """Write several files all or nothing (a report and its images).

    Every file is first written in full beside its target; only then are they renamed into
    place. If anything fails, the temporary files and the files this call created are removed.
    A :class:`Written` value is such a file, written already.
    """
    temporaries: dict[Path, str] = {}
    created: list[Path] = []
    made: list[Path] = []  # folders this call made, deepest first
    current = Path(".")
    try:
        for current, data in files.items():
            if isinstance(data, Written):
                temporaries[current] = str(data)
                continue
            raw = data.encode("utf-8") if isinstance(data, str) else data
            temporaries[current] = _write_temporary(current, raw, made)
        for current, tmp in temporaries.items():
            existed = current.exists()
            os.replace(tmp, current)
            if not existed:
                created.append(current)
    except OSError as exc:
        _discard(temporaries, files)
        _remove(created, made)
        raise _named(exc, current) from None
    except BaseException:
        _discard(temporaries, files)
        _remove(created, made)
        raise
    return list(files)


def _discard(temporaries: dict[Path, str], files: dict[Path, bytes | str]) -> None:
    """The temporary files of :func:`write_files` removed, those written already too."""
    for tmp in [*temporaries.values(), *(data for data in files.values() if isinstance(data, Written))]:
        Path(tmp).unlink(missing_ok=True)


def _remove(files: list[Path], folders: list[Path]) -> None:
    for path in files:
        path.unlink(missing_ok=True)
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def figure_bytes(svg: str, suffix: str, *, dpi: float = 150) -> bytes:
    """The figure in the format named by ``suffix`` (``.svg``, ``.png`` or ``.pdf``)."""
    suffix = suffix.lower()
    if suffix == ".svg":
        return svg.encode("utf-8")
    if suffix == ".png":
        from socialtools.io.convert import svg_to_png

        return svg_to_png(svg, dpi=dpi)
    if suffix == ".pdf":
        from socialtools.io.convert import svg_to_pdf

        return svg_to_pdf(svg)
    raise UsageError(
        f"cannot write '{suffix or 'no extension'}': use one of {', '.join(FIGURE_FORMATS)}"
    )


@functools.cache
def _font_characters(suffix: str) -> frozenset[int]:
    """The characters a PNG or PDF can draw. A PNG has the bundled DejaVu Sans in its three faces
    (regular, bold, oblique) and resvg takes a character a label's face lacks from another face,
    so it draws what any of them has (the bold 𝗔 of a 'bold text' generator is in the bold face
    alone); a PDF draws every face with the regular one (bold as an outline), so it draws what
    that has."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from socialtools.io.convert import FONT_FILE, FONT_FILES

    files = FONT_FILES if suffix == ".png" else (FONT_FILE,)
    return frozenset().union(*(TTFontFile(str(f)).charToGlyph for f in files))


_SVG_TEXT = re.compile(r">([^<>]+)</(?:text|tspan|title)>")


def font_warnings(svg: str, suffix: str, *, svg_kept: bool = True) -> list[str]:
    """A warning when a PNG or PDF of ``svg`` would show some of its text as empty boxes: the
    bundled font has no emoji, no Chinese or Japanese characters (a browser draws the SVG with
    the computer's fonts and shows them). ``svg_kept``: the warning says an SVG keeps them (not
    where only a PNG is made, as in a report).

    >>> said = font_warnings('<svg><text>Sekolah \U0001f3eb</text><text>Rumah</text></svg>', ".png")
    >>> said[0][:80]
    "the PNG cannot draw 1 character of the figure's text in its font (\U0001f3eb in 'Sekolah "
    >>> font_warnings('<svg><text>Sekolah \U0001f3eb</text></svg>', ".svg")
    []
    """
    suffix = suffix.lower()
    if suffix not in (".png", ".pdf") or svg.isascii():
        return []
    known = _font_characters(suffix)
    missing: dict[str, str] = {}  # character -> the first text it is in
    for found in _SVG_TEXT.finditer(svg):
        text = html.unescape(found.group(1))
        for ch in text:
            if ord(ch) > 0x7E and ord(ch) not in known and ch not in missing \
                    and unicodedata.category(ch) not in ("Cf", "Mn", "Me", "Zs", "Cc"):
                missing[ch] = text.strip()
    if not missing:
        return []
    shown = list(missing.items())[:5]
    examples = ", ".join(f"{ch} in '{text if len(text) <= 30 else text[:29] + '…'}'" for ch, text in shown)
    more = ", ..." if len(missing) > 5 else ""
    one = len(missing) == 1
    it = "it" if one else "them"
    kept = f"an SVG keeps {it} (a browser draws {it}), or " if svg_kept else ""
    return [f"the {suffix[1:].upper()} cannot draw {len(missing)} character{'' if one else 's'} of the figure's text "
            f"in its font ({examples}{more}): {'it shows as a box' if one else 'they show as boxes'}; {kept}"
            f"write the text without {it}"]


def write_figure(svg: str, path: Path, *, dpi: float = 150) -> Path:
    """Write an SVG figure to ``path`` in the format its extension names."""
    return write_atomic(path, figure_bytes(svg, path.suffix, dpi=dpi))
