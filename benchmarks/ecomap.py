"""Timings of the ecomap layout and drawing (a script, not a test).

    PYTHONPATH=. python benchmarks/ecomap.py [--write-docs docs/ecomap.md]
"""

from __future__ import annotations

import argparse

from docs_block import markdown_table, replace_block
from timing import best_of

from socialtools.ecomap.layout import layout_ecomap
from socialtools.ecomap.render import render_comparison, render_ecomap
from socialtools.ecomap.samples import generated_ecomap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", metavar="FILE.md", help="replace the ecomap-benchmark block of FILE.md")
    args = parser.parse_args()
    rows: list[list[object]] = []
    print(f"{'systems':>7} {'household':>9} {'layout ms':>10} {'svg ms':>8} {'radius':>7} {'defects':>7}")
    for n in (3, 10, 20, 30, 40):
        for household in (0, 3):
            eco, family = generated_ecomap(n, seed=1, household=household)
            lay = layout_ecomap(eco, family)
            t_layout = best_of(lambda eco=eco, family=family: layout_ecomap(eco, family))
            t_svg = best_of(lambda eco=eco, family=family: render_ecomap(eco, family))
            print(f"{n:>7} {len(eco.focal.members):>9} {t_layout * 1000:>10.1f} {t_svg * 1000:>8.1f} "
                  f"{lay.radius:>7.0f} {lay.quality.defects:>7}")
            rows.append([n, len(eco.focal.members), "—", f"{t_layout * 1000:.0f}", f"{t_svg * 1000:.0f}",
                         round(lay.radius), lay.quality.defects])
    print("\ngrouped by category, most ties to household members (the hardest case for routing)")
    print(f"{'systems':>7} {'household':>9} {'member ties':>11} {'layout ms':>10} {'focal r':>7} {'defects':>7}")
    for n in (10, 25, 40):
        for household in (3, 2):
            eco, family = generated_ecomap(n, seed=1, household=household, group_by_category=True, system_ties=2)
            lay = layout_ecomap(eco, family)
            t_layout = best_of(lambda eco=eco, family=family: layout_ecomap(eco, family), repeat=1)
            to_members = sum(1 for t in eco.ties if t.target in eco.focal.members)
            print(f"{n:>7} {len(eco.focal.members):>9} {to_members:>11} {t_layout * 1000:>10.1f} "
                  f"{lay.focal.r:>7.0f} {lay.quality.defects:>7}")
            rows.append([n, len(eco.focal.members), f"{to_members} (grouped)", f"{t_layout * 1000:.0f}", "—",
                         round(lay.radius), lay.quality.defects])
    eco, family = generated_ecomap(40, seed=1, household=3)
    eco = eco.model_copy(update={"after": eco.model_validate(
        {"after": {"ties": [{"system": t.system, "to": t.to, "strength": "strong"} for t in eco.ties[:10]]},
         "systems": [s.model_dump() for s in eco.systems], "focal": eco.focal.model_dump()}).after})
    t = best_of(lambda: render_comparison(eco, family))
    print(f"40-system before/after pair (layout + SVG): {t * 1000:.1f} ms")
    if args.write_docs:
        table = markdown_table(["systems", "household", "ties to members", "layout ms", "SVG ms", "ring radius",
                                "defects"], rows)
        replace_block(args.write_docs, "ecomap-benchmark",
                      f"{table}\n\nA 40-system before/after pair, layout and SVG: {t * 1000:.0f} ms.")


if __name__ == "__main__":
    main()
