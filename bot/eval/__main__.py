"""`make eval`: the NLU report (patient details), the FAQ report, then the conversation scenarios, each as a table."""
from bot.eval import faq, nlu, scenarios

if __name__ == "__main__":
    nlu.main()
    faq.main()
    scenarios.main([])
