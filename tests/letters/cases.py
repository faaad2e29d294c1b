"""Which case each kind of letter is written from, for parametrised tests."""

from tests.letters import factories


def case_for(kind, *, olivia, hannah, harry):
    return {
        "acknowledgement": lambda: factories.acknowledged(officer=olivia, handler=hannah),
        "extension": lambda: factories.extended(officer=olivia, handler=hannah),
        "refusal": lambda: factories.refused(officer=olivia),
        "escalation_refusal": lambda: factories.escalation_refused(officer=olivia, handler=hannah),
        "stage1_response": lambda: factories.stage1_responded(officer=olivia, handler=hannah),
        "stage2_response": lambda: factories.stage2_responded(
            officer=olivia, handler=hannah, stage2_handler=harry
        ),
    }[kind]()


KINDS = [
    "acknowledgement",
    "extension",
    "refusal",
    "escalation_refusal",
    "stage1_response",
    "stage2_response",
]
