"""Assessment tools of the helping process: BPSS (:mod:`.bpss`) and measures (:mod:`.measures`)."""
