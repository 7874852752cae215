"""``grades.toml``: the analyst's corrections of source grades, made with ``fogline grade``
or on the page ``fogline serve`` shows. They override the grades of ``sides.toml``.

The file is fogline's to write (it is rewritten whole on each change); a grade names a
source as the report shows it (its name or an alias, titles and case aside) and is one
of the Admiralty reliability grades A-F::

    [grades]
    "Kerevian military bloggers" = "E"
"""

from __future__ import annotations

from pathlib import Path

from fogline.errors import ConfigError
from fogline.link.actors import name_key
from fogline.link.config import GRADES
from fogline.link.toml_files import read_toml, toml_string, write_whole

_HEADER = """\
# fogline grades: Admiralty reliability grades (A-F) of sources, set with `fogline grade`
# or on the `fogline serve` page. They override sides.toml; this file is rewritten whole.
"""


def load_grades(path: Path | None) -> dict[str, str]:
    """Source name -> grade; ``None`` or a missing file gives none."""
    if path is None or not path.is_file():
        return {}
    data = read_toml(path)
    table = data.get("grades", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [grades] must be a table of name = grade")
    grades = {}
    for name, grade in table.items():
        if not isinstance(grade, str) or grade.upper() not in GRADES:
            raise ConfigError(f"{path}: grade {grade!r} of {name!r} is not one of A-F")
        grades[name] = grade.upper()
    return grades


def set_grade(path: Path, name: str, grade: str | None) -> dict[str, str]:
    """Give source ``name`` the ``grade`` (``None`` removes its correction), replacing a
    correction of the same source under another form of its name; returns them all."""
    name = " ".join(name.split())
    if not name:
        raise ConfigError("name the source to grade, as the report shows it")
    if grade is not None and grade.upper() not in GRADES:
        raise ConfigError(f"grade {grade!r} is not one of A-F (or 'none' to clear)")
    key = name_key(name) or name.casefold()
    grades = {k: v for k, v in load_grades(path).items() if (name_key(k) or k.casefold()) != key}
    if grade is not None:
        grades[name] = grade.upper()
    lines = [_HEADER, "[grades]"]
    lines += [f"{toml_string(k)} = {toml_string(v)}" for k, v in sorted(grades.items())]
    write_whole(path, "\n".join(lines) + "\n")
    return grades
