"""The resource figures SECURITY.md states, measured: time and peak memory of hostile-sized input.

    python3 benchmarks/limits.py            # about two minutes
    python3 benchmarks/limits.py --quick    # smaller sizes

Each case runs in a fresh process (peak memory is that process's maximum resident size):

- reading a YAML and a JSON case file of growing size (memory per MB of input);
- one sibship of 20,000 and 50,000 children, given with the ``father``/``mother`` shorthand;
- a 10,000-character name through the genogram PNG, the ecomap PNG, the Venn SVG and the report;
- a 20,000-person family to PNG (refused with one line, not aborted or left running).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
t = time.perf_counter()
{body}
print(json.dumps({{"seconds": round(time.perf_counter() - t, 2),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}}))
"""


def measure(body: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", CHILD.format(body=body)], capture_output=True, text=True,
                            timeout=600)
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1][:120]}  # type: ignore[dict-item]
    return json.loads(result.stdout.strip().splitlines()[-1])


def big_case(path: Path, people: int) -> None:
    rows = [{"id": f"P{i}", "name": f"Orang ke-{i}", "sex": "female" if i % 2 else "male", "birth": 1950 + i % 60,
             "occupation": "petani", "notes": "catatan singkat tentang orang ini"} for i in range(people)]
    if path.suffix == ".json":
        path.write_text(json.dumps({"people": rows}))
    else:
        path.write_text("people:\n" + "".join(
            f"  - {{id: {r['id']}, name: {r['name']}, sex: {r['sex']}, birth: {r['birth']}, "
            f"occupation: {r['occupation']}, notes: {r['notes']}}}\n" for r in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()
    sizes = (5_000, 20_000) if args.quick else (5_000, 20_000, 80_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("reading a case file (load_document: parse, duplicate keys, clean_data)")
        print(f"{'file':<8} {'people':>7} {'MB':>6} {'seconds':>8} {'peak MB':>8} {'MB per MB':>10}")
        base = measure("import socialtools.io.loading")
        for suffix in (".yaml", ".json"):
            for n in sizes:
                path = folder / f"case{n}{suffix}"
                big_case(path, n)
                mb = path.stat().st_size / 1e6
                r = measure(f"from socialtools.io.loading import load_document; load_document({str(path)!r})")
                extra = (r.get("peak_mb", 0) - base["peak_mb"]) / mb if "peak_mb" in r else float("nan")
                print(f"{suffix:<8} {n:>7} {mb:>6.1f} {r.get('seconds', r.get('error'))!s:>8} "
                      f"{r.get('peak_mb', '-')!s:>8} {extra:>10.1f}")
        print("\none sibship given with the father/mother shorthand (Family.model_validate)")
        for n in (20_000, 50_000):
            body = ("from socialtools.genogram.model import Family\n"
                    f"p = [{{'id': 'F', 'sex': 'male'}}, {{'id': 'M', 'sex': 'female'}}] + "
                    f"[{{'id': f'C{{i}}', 'father': 'F', 'mother': 'M'}} for i in range({n})]\n"
                    "Family.model_validate({'people': p})")
            r = measure(body)
            print(f"{n:>7} children: {r.get('seconds', r.get('error'))} s, peak {r.get('peak_mb', '-')} MB")
        print("\na 10,000-character unbroken name (command line, PNG/SVG/DOCX)")
        from socialtools.examples import load_example

        doc = load_example("pk.yaml")
        long = "X" * 10_000
        doc["family"]["people"][2]["name"] = long
        doc["ecomap"]["systems"][0]["name"] = long
        village = load_example("village.yaml")
        village["venn"]["centre"] = long
        village["venn"]["institutions"][-1]["notes"] = long
        village["venn"]["topic"] = long
        (folder / "long.json").write_text(json.dumps(doc, default=str))
        (folder / "village.json").write_text(json.dumps(village, default=str))
        for command, source, out in (("genogram", "long.json", "g.png"), ("ecomap", "long.json", "e.png"),
                                     ("venn", "village.json", "v.svg"), ("report", "long.json", "r.docx")):
            body = ("from socialtools.cli import main\n"
                    f"status = main([{command!r}, {str(folder / source)!r}, '-o', {str(folder / out)!r}])\n"
                    "assert status == 0, status")
            r = measure(body)
            print(f"{command:<9} {out:<6}: {r.get('seconds', r.get('error'))} s, peak {r.get('peak_mb', '-')} MB")
        print("\na family of 20,000 people to PNG (refused with one line: more than one genogram can show)")
        people = [{"id": f"P{i}", "sex": "male" if i % 2 else "female"} for i in range(20_000)]
        unions = [{"partners": [f"P{i}", f"P{i + 1}"]} for i in range(0, 20_000, 2)]
        (folder / "many.json").write_text(json.dumps({"people": people, "unions": unions}))
        body = ("import io, contextlib\nfrom socialtools.cli import main\nerr = io.StringIO()\n"
                "with contextlib.redirect_stderr(err):\n"
                f"    status = main(['genogram', {str(folder / 'many.json')!r}, '-o', {str(folder / 'm.png')!r}])\n"
                "print(status, err.getvalue().strip()[:160])")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", CHILD.format(body=body)], capture_output=True, text=True,
                                timeout=900)
        lines = (result.stdout or result.stderr).strip().splitlines()
        print(f"exit {lines[0] if lines else '?'}; {time.perf_counter() - started:.0f} s; {lines[-1] if lines else ''}")
    print(f"\n(this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
