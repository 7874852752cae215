"""Training commands: each reproduces a model that ships in ``fogline/models`` from the
shared data, deterministically (``fogline train NAME``)."""
