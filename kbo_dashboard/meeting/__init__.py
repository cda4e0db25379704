"""Stage 5, the meeting: data snapshots, live refresh, the chair's decision and the audit trail."""
