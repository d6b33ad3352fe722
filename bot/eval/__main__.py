"""`make eval`: the NLU report (patient details), the FAQ report, the conversation scenarios, each as a table, then
the three headline figures side by side: the generated set measures the templates, the hand-written ones people."""
from bot.eval import faq, nlu, scenarios
from bot.eval.nlu_sets import DEV, GENERATED, SCORED


def print_side_by_side(reports: dict, outcomes: list) -> None:
    passed = sum(o.passed for o in outcomes)
    rows = [
        ("NLU whole record, generated (same generator as training)", reports[GENERATED].whole_record(), None),
        ("NLU whole record, realistic dev (read while fixing)", reports[DEV].whole_record(), None),
        ("NLU whole record, realistic scored (hand-written, never read)", reports[SCORED].whole_record(),
         nlu.REALISTIC_TARGET_RECORD),
        ("conversation scenarios passed", passed / len(outcomes) if outcomes else 0.0, scenarios.TARGET),
    ]
    print("\nSide by side")
    for label, value, target in rows:
        goal = f"target >= {target:.0%}: {'met' if value >= target else 'NOT MET'}" if target else ""
        print(f"  {label:<64} {value:6.1%}  {goal}")


if __name__ == "__main__":
    nlu_reports = nlu.main()
    faq.main()
    print_side_by_side(nlu_reports, scenarios.main([]))
