"""`make eval`: the NLU report (patient details) then the FAQ report, each as a table."""
from bot.eval import faq, nlu

if __name__ == "__main__":
    nlu.main()
    faq.main()
