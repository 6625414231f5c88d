"""Assessment tools of the helping process: BPSS (:mod:`.bpss`) and the strengths quadrant."""
