"""Write outputs whole or not at all, in the format the file name asks for.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_figure("<svg xmlns='http://www.w3.org/2000/svg'/>", d / "a.svg").name
'a.svg'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from socialtools.errors import UsageError

FIGURE_FORMATS = (".svg", ".png", ".pdf")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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
