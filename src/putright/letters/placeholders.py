"""The fields a letter template can use, described for the person editing the wording (review
finding M8). Kept beside putright.letters.context, which builds the data they name; a test checks
that every placeholder listed here is one the context really provides."""

PLACEHOLDERS = [
    ("resident.name", "The resident's name"),
    ("resident.address", "The resident's address"),
    ("complaint.reference", "The complaint's reference, e.g. CMP-000123"),
    ("complaint.received_on", "The date the complaint was received, written out"),
    ("complaint.description", "What the resident told us, in their words"),
    ("complaint.outcome_wanted", "The outcome the resident asked for"),
    ("stage.name", 'Which stage this is, e.g. "stage 1"'),
    ("stage.understanding", "Our understanding of the complaint (the definition, 5.6)"),
    ("stage.outcomes_sought", "The outcomes the resident wants (5.6)"),
    ("stage.responsible_for", "What we are responsible for (5.7)"),
    ("stage.not_responsible_for", "What we are not responsible for, and why (5.7)"),
    ("stage.handler", "The name of the person handling the complaint"),
    ("stage.respond_by", "The date we will respond by"),
    ("stage.decision", "The decision: upheld, partly upheld or not upheld"),
    ("stage.reasons", "The reasons for the decision"),
    ("extension.new_date", "The new response date after an extension"),
    ("extension.reason", "Why we need more time"),
    ("refusal.reason_label", "The ground for refusing, in plain words"),
    ("refusal.explanation", "Why the ground applies to this complaint"),
    ("landlord.name", "Our name"),
    ("landlord.complaints_phone", "Our complaints phone number"),
    ("landlord.complaints_email", "Our complaints e-mail address"),
    ("ombudsman.name", "The Housing Ombudsman's name"),
    ("ombudsman.phone", "The Ombudsman's phone number"),
    ("ombudsman.website", "The Ombudsman's website"),
]

# Blocks: the text to copy, and what it does.
BLOCKS = [
    ("{% if stage.not_responsible_for %}…{% endif %}", "Only when the case has something to say"),
    (
        "{% for remedy in remedies %}- {{ remedy.type_label }}: {{ remedy.description }}"
        "{% endfor %}",
        "One line for each remedy (also remedy.amount, remedy.due_on)",
    ),
    (
        "{% for action in actions %}- {{ action.description }} by {{ action.due_on }}{% endfor %}",
        "One line for each action still to do",
    ),
]
