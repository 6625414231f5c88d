"""The bundled notebook ``examples/pk.ipynb``, run and turned into a page of the site.

The notebook is stored without outputs; the build runs it (nbclient, the ``python3`` kernel)
and nbconvert writes it as Markdown, its pictures beside it. Nothing is fetched from the network.

    PYTHONPATH=. python scripts/docs_site/notebook.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "pk.ipynb"
TIMEOUT = 300


def notebook_markdown(out_dir: Path, stem: str = "pk-notebook") -> tuple[str, dict[str, bytes]]:
    """Run the notebook and return its Markdown and its output files (``stem_files/NAME`` → bytes)."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import MarkdownExporter

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(out_dir)}}).execute()
    body, resources = MarkdownExporter().from_notebook_node(
        nb, resources={"output_files_dir": f"{stem}_files", "unique_key": stem})
    outputs = {name: data if isinstance(data, bytes) else data.encode("utf-8")
               for name, data in resources.get("outputs", {}).items()}
    intro = ("*This page is the bundled notebook `examples/pk.ipynb`, run when the site is built: every "
             "output below is what the notebook gives today.*\n\n")
    title, _, rest = body.lstrip().partition("\n")
    if not title.startswith("# "):
        title, rest = "# The PK notebook", body
    return f"{title}\n\n{intro}{rest}", outputs


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    text, files = notebook_markdown(out)
    (out / "pk-notebook.md").write_text(text, encoding="utf-8")
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    print(out / "pk-notebook.md", len(files), "outputs")
