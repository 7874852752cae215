"""Benchmarks: each reads data from a path, runs fogline and its simple baseline side by
side, and prints one JSON object of figures as its last line (see ``report.emit``).

Each benchmark is a module ``fogline.bench.<name>`` with a pure ``run(...) -> dict``
that computes the figures, and a click command named ``command`` that the CLI exposes
as ``fogline bench <name>``; ``commands.bench`` finds them by name.
"""
