import sys

from bot.accounts.cli import main

sys.exit(main())
