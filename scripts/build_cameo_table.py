"""Build src/letopis/data/cameo.tsv from the published CAMEO and PLOVER tables.

The table letopis carries holds facts only: for each CAMEO code its PLOVER type, mode and
context (the official CAMEO→PLOVER conversion, 2021), its Goldstein weight (GDELT's table) and
its quad class (by CAMEO root). Run it again when those tables change:

    python scripts/build_cameo_table.py ../shared/data
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,\s*([^,#]*),?\s*([^#]*)")
OUT = Path(__file__).resolve().parent.parent / "src" / "letopis" / "data" / "cameo.tsv"


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def main(data: Path) -> None:
    plover: dict[str, tuple[str, str, str]] = {}
    root_type: dict[str, str] = {}
    for line in (data / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^(\d{2}):\s*([A-Z]+)\s*$", line):
            root_type.setdefault(m.group(1), m.group(2))
        elif m := LINE.match(line):
            code, kind, mode, context = m.group(1), m.group(2), m.group(3).strip(), m.group(4).strip().rstrip(";")
            plover[code] = (kind, mode, context)
    goldstein = {}
    with (data / "cameo" / "CAMEO.goldsteinscale.txt").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and row[0].isdigit():
                goldstein[row[0]] = float(row[1])
    codes = []
    with (data / "cameo" / "CAMEO.eventcodes.txt").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and row[0].isdigit():
                codes.append(row[0])
    rows = []
    for code in codes:
        kind, mode, context = plover.get(code) or plover.get(code[:3]) or (root_type.get(code[:2], ""), "", "")
        if code.startswith("02") and not kind:
            # PLOVER drops CAMEO 01 and 02; letopis keeps appeals as REQUEST (a softer demand) and
            # leaves statements (01) to quotes, as its docs/events.md documents
            kind = "REQUEST"
        weight = goldstein.get(code, goldstein.get(code[:3], goldstein.get(code[:2])))
        rows.append((code, kind, mode, context, "" if weight is None else f"{weight:g}", str(quad_class(code))))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# CAMEO codes with their PLOVER type, mode and context (the 2021 CAMEO→PLOVER table),\n")
        out.write("# Goldstein weight (GDELT's table) and quad class (1 verbal cooperation 01-05, 2 material\n")
        out.write("# cooperation 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20).\n")
        out.write("# PLOVER drops CAMEO 01 (statements) and 02 (appeals): 01 has no type here (statements are\n")
        out.write("# quotes in letopis), 02 is coded REQUEST (a letopis decision, see docs/events.md).\n")
        out.write("# Made by scripts/build_cameo_table.py; codes are strings, the leading zero matters.\n")
        out.write("code\tplover\tmode\tcontext\tgoldstein\tquad_class\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} codes written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
