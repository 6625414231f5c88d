"""Assessment drawings and tables of a case report (strengths quadrant, BPSS, ...)."""
