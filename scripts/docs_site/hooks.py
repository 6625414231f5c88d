"""MkDocs hooks: socialtools draws the site's pictures, gallery, notebook page and API reference.

Listed under ``hooks:`` in ``mkdocs.yml``. On every build:

- every ``img/NAME`` a page shows is drawn by :mod:`pictures` (a page asking for a picture that
  nothing draws fails the build);
- ``gallery/index.md`` and its samples are drawn by :mod:`gallery` from the library's catalogues;
- ``tutorials/notebook.md`` is ``examples/pk.ipynb`` run and converted (:mod:`notebook`);
- ``reference/index.md`` lists every public name of the package and its sub-packages (``__all__``)
  for mkdocstrings;
- the bundled example cases are copied to ``examples/`` so pages can link to them.
"""

from __future__ import annotations

import logging
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import api  # noqa: E402
import gallery  # noqa: E402
import notebook  # noqa: E402
import pictures  # noqa: E402

log = logging.getLogger("mkdocs.plugins.socialtools")
PICTURE = re.compile(r"\bimg/([A-Za-z0-9_.-]+\.(?:png|svg|html|docx|pdf))\b")
_work: tempfile.TemporaryDirectory[str] | None = None


def referenced_pictures(docs_dir: Path) -> dict[str, list[str]]:
    """Picture name → the pages that show it as ``img/NAME``."""
    found: dict[str, list[str]] = {}
    for page in sorted(docs_dir.rglob("*.md")):
        for name in PICTURE.findall(page.read_text(encoding="utf-8")):
            found.setdefault(name, []).append(str(page.relative_to(docs_dir)))
    return found


def _add(files: Files, config: Any, src_uri: str, path: Path) -> None:
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, src_uri, abs_src_path=str(path)))


def on_files(files: Files, config: Any) -> Files:
    global _work
    _work = tempfile.TemporaryDirectory(prefix="socialtools-docs-")
    work = Path(_work.name)
    docs_dir = Path(config["docs_dir"])

    for name, pages in sorted(referenced_pictures(docs_dir).items()):
        if name not in pictures.PICTURES:
            log.warning("%s shows img/%s, which nothing draws: add it to PICTURES in "
                        "scripts/docs_site/pictures.py", ", ".join(pages), name)
            continue
        _add(files, config, f"img/{name}", pictures.draw(name, work / "img"))

    (work / "gallery").mkdir()
    (work / "gallery" / "index.md").write_text(gallery.gallery_markdown(work), encoding="utf-8")
    for path in sorted((work / "gallery").iterdir()):
        _add(files, config, f"gallery/{path.name}", path)

    text, outputs = notebook.notebook_markdown(work)
    (work / "tutorials").mkdir()
    (work / "tutorials" / "notebook.md").write_text(text, encoding="utf-8")
    _add(files, config, "tutorials/notebook.md", work / "tutorials" / "notebook.md")
    for name, data in sorted(outputs.items()):
        path = work / "tutorials" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        _add(files, config, f"tutorials/{name}", path)

    (work / "reference").mkdir()
    (work / "reference" / "index.md").write_text(api.reference_markdown(), encoding="utf-8")
    _add(files, config, "reference/index.md", work / "reference" / "index.md")

    from socialtools.examples import example_path

    examples = Path(example_path("pk.yaml")).parent
    (work / "examples").mkdir()
    for path in sorted(examples.iterdir()):
        if path.is_file() and not path.name.startswith(("_", ".")) and path.suffix != ".py":
            shutil.copy(path, work / "examples" / path.name)
            _add(files, config, f"examples/{path.name}", work / "examples" / path.name)
    return files


def on_post_build(config: Any) -> None:
    global _work
    if _work is not None:
        _work.cleanup()
        _work = None
