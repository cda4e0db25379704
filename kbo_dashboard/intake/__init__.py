"""Stage 2, intake: the raw cells become a checked competition.

Every problem found is an :class:`~kbo_dashboard.intake.issues.Issue` with its tab and A1 cell,
in Thai and English, and what the app did about it. A bad cell never removes a valid score.
"""
