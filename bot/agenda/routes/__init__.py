"""The agenda's JSON API, one router per concern, mounted by `bot.agenda.api.create_app`."""
