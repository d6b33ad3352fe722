from bot.agenda.cli import main

main()
