"""`python -m bot.accounts`: the regulators' accounts and the audit trail, from the console (see cli.py)."""
