"""fogline: weigh conflicting reports.

Ingest reports, extract who said what, group claims into competing hypotheses, weigh sources
by reliability, interest and independence, and return probabilities with the evidence
behind every number.
"""

__version__ = "0.1.0"
