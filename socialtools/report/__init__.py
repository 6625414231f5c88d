"""Case reports: the case file (:mod:`.case`), tables (:mod:`.tables`) and the report writers."""
