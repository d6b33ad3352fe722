"""`make bench`: the agenda benchmark then the conversation benchmark, each as a table."""
from bot.bench import agenda, conversation

if __name__ == "__main__":
    agenda.main()
    conversation.main()
