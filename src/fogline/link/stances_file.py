"""``stances.toml``: the analyst's corrections of claims' stances toward hypotheses, made
on the page ``fogline serve`` shows. A correction replaces what the stance model said
about that claim and hypothesis at the next assessment: ``supports`` or ``refutes`` with
full confidence, ``unrelated`` to take the claim off the hypothesis.

The file is fogline's to write (rewritten whole on each change)::

    [[stances]]
    claim = "3f2a..."        # claim id (result document)
    question = "selm"
    hypothesis = "foothold"
    label = "refutes"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from fogline.errors import ConfigError
from fogline.link.toml_files import read_toml, toml_string, write_whole
from fogline.records import StanceLabel

Key = tuple[str, str, str]  # claim, question, hypothesis

_HEADER = """\
# fogline stance corrections, set on the `fogline serve` page: each replaces the stance
# model's reading of one claim toward one hypothesis. This file is rewritten whole.
"""
_FIELDS = ("claim", "question", "hypothesis", "label")


def load_stance_corrections(path: Path | None) -> dict[Key, StanceLabel]:
    """(claim, question, hypothesis) -> label; ``None`` or a missing file gives none."""
    if path is None or not path.is_file():
        return {}
    data = read_toml(path)
    out: dict[Key, StanceLabel] = {}
    entries = data.get("stances", [])
    for entry in entries if isinstance(entries, list) else [None]:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(f), str) for f in _FIELDS):
            raise ConfigError(f"{path}: each [[stances]] needs {', '.join(_FIELDS)} as strings")
        out[(entry["claim"], entry["question"], entry["hypothesis"])] = _label(entry["label"])
    return out


def _label(value: str) -> StanceLabel:
    try:
        return StanceLabel(value.strip().lower())
    except ValueError:
        raise ConfigError(
            f"stance {value!r} is not one of {', '.join(label.value for label in StanceLabel)}"
        ) from None


def set_stances(
    path: Path, claims: Sequence[str], question: str, hypothesis: str, label: str | None
) -> dict[Key, StanceLabel]:
    """Correct the stance of each of ``claims`` toward ``hypothesis`` (``None`` drops the
    corrections, back to the model's reading); returns them all."""
    claims = [c.strip() for c in claims if c.strip()]
    if not claims or not question.strip() or not hypothesis.strip():
        raise ConfigError("a stance correction needs the claims, the question and the hypothesis")
    corrections = load_stance_corrections(path)
    for claim in claims:
        key = (claim, question.strip(), hypothesis.strip())
        if label is None:
            corrections.pop(key, None)
        else:
            corrections[key] = _label(label)
    _write(path, corrections)
    return corrections


def _write(path: Path, corrections: Mapping[Key, StanceLabel]) -> None:
    lines = [_HEADER]
    for (claim, question, hypothesis), label in sorted(corrections.items()):
        lines += ["[[stances]]"]
        values = (claim, question, hypothesis, label.value)
        lines += [f"{f} = {toml_string(v)}" for f, v in zip(_FIELDS, values, strict=True)]
        lines.append("")
    write_whole(path, "\n".join(lines))
