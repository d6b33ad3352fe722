"""`make bench`: the agenda benchmark, the federated search over sources, the conversation benchmark, then long
messages, each as a table."""
from bot.bench import agenda, conversation, long_messages, sources

if __name__ == "__main__":
    agenda.main()
    sources.main()
    conversation.main()
    long_messages.main()
