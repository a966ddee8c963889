"""Scale: runners that spread ``core`` over more machines than one (Ray). Thin shells over
``core``; the local worker pool lives in ``dateline.parallel`` because ``core`` uses it."""
