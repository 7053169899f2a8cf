"""The employer-facing pages of requests: consult, detail, cancel, drafts, the wizards, reuse."""
