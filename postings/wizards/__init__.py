"""The three request wizards: their steps, step conditions, draft storage, and the answers' summary."""
