"""`make bench`: the agenda benchmark, the conversation benchmark, then long messages, each as a table."""
from bot.bench import agenda, conversation, long_messages

if __name__ == "__main__":
    agenda.main()
    conversation.main()
    long_messages.main()
