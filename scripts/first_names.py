"""Write ``src/newsdoc/analysis/lexicons/en-first-names.json`` from the US Census first names.

    python scripts/first_names.py dist.male.first dist.female.first

The inputs are the 1990 US Census Bureau frequency files of first names (a public-domain work
of the US government): one name per line, then its frequency in percent of the men (or the
women) counted. A name is taken as male when men bear it at least four times as often as
women, and as female the other way round; names between (Leslie, Taylor, Jamie) get no gender.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/newsdoc/analysis/lexicons/en-first-names.json"
RATIO = 4.0


def frequencies(path: str) -> dict[str, float]:
    """The names of a Census file (lower case) and the percent of people bearing each."""
    found: dict[str, float] = {}
    for line in Path(path).read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            found[parts[0].lower()] = float(parts[1])
    return found


def main(male_path: str, female_path: str) -> None:
    """Write the names file from the male and the female Census files."""
    male, female = frequencies(male_path), frequencies(female_path)
    data = {
        "source": "US Census Bureau, 1990 frequency files of first names (public domain)",
        "rule": f"a gender when its bearers are at least {RATIO:g} times as often of that sex",
        "male": sorted(name for name in male if male[name] >= RATIO * female.get(name, 0.0)),
        "female": sorted(name for name in female if female[name] >= RATIO * male.get(name, 0.0)),
    }
    OUT.write_text(json.dumps(data, indent=0, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(data['male'])} male, {len(data['female'])} female names")


if __name__ == "__main__":
    main(*sys.argv[1:3])
