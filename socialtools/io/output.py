"""Write outputs whole or not at all, in the format the file name asks for.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_figure("<svg xmlns='http://www.w3.org/2000/svg'/>", d / "a.svg").name
'a.svg'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
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


def write_files(files: dict[Path, bytes | str]) -> list[Path]:
    """Write several files all or nothing (a report and its images).

    Every file is first written in full beside its target; only then are they renamed into
    place. If anything fails, the temporary files and the files this call created are removed.
    """
    temporaries: dict[Path, str] = {}
    created: list[Path] = []
    made: list[Path] = []  # folders this call made, deepest first
    current = Path(".")
    try:
        for current, data in files.items():
            raw = data.encode("utf-8") if isinstance(data, str) else data
            temporaries[current] = _write_temporary(current, raw, made)
        for current, tmp in temporaries.items():
            existed = current.exists()
            os.replace(tmp, current)
            if not existed:
                created.append(current)
    except OSError as exc:
        for tmp in temporaries.values():
            Path(tmp).unlink(missing_ok=True)
        _remove(created, made)
        raise _named(exc, current) from None
    except BaseException:
        for tmp in temporaries.values():
            Path(tmp).unlink(missing_ok=True)
        _remove(created, made)
        raise
    return list(files)


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


def write_figure(svg: str, path: Path, *, dpi: float = 150) -> Path:
    """Write an SVG figure to ``path`` in the format its extension names."""
    return write_atomic(path, figure_bytes(svg, path.suffix, dpi=dpi))
