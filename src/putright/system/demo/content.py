"""The words of the demo: people, places and what residents complain about. All fictitious
(example.org addresses, Ofcom's drama phone numbers)."""

FIRST_NAMES = [
    "Aisha", "Amelia", "Arjun", "Barbara", "Bilal", "Bronwen", "Callum", "Chloe", "Chidi",
    "Daniel", "Deborah", "Dylan", "Ebony", "Eleanor", "Emeka", "Fatima", "Florence", "George",
    "Gurpreet", "Hassan", "Ivy", "Jack", "Jasmine", "Joseph", "Kemi", "Kieran", "Leah", "Liam",
    "Margaret", "Mohammed", "Nadia", "Niamh", "Oliver", "Patricia", "Priya", "Rhys", "Rosa",
    "Samuel", "Shanice", "Sophie", "Stanislaw", "Tariq", "Theo", "Uchenna", "Victoria", "Wei",
    "Yasmin", "Zofia",
]  # fmt: skip

LAST_NAMES = [
    "Adeyemi", "Ahmed", "Baker", "Begum", "Brown", "Campbell", "Chen", "Clarke", "Davies",
    "Evans", "Fletcher", "Green", "Hall", "Hughes", "Iqbal", "Jackson", "Jones", "Kaur",
    "Kowalski", "Lewis", "Mensah", "Mitchell", "Murphy", "Nowak", "Okafor", "O'Brien", "Patel",
    "Price", "Rahman", "Roberts", "Robinson", "Shah", "Singh", "Smith", "Taylor", "Thomas",
    "Turner", "Walker", "White", "Williams", "Wilson", "Wright", "Young",
]  # fmt: skip

# Blocks and streets of the fictional town of Riverside.
BLOCKS = [
    "Alder Court", "Beech House", "Cedar Point", "Damson Lodge", "Elm Tower", "Foxglove Court",
    "Hawthorn House", "Juniper Heights", "Larch Court", "Maple House", "Oak Tower", "Rowan Court",
]  # fmt: skip
STREETS = [
    "Mill Lane", "Quay Street", "Ferry Road", "Willow Walk", "Station Road", "Church Street",
    "Meadow Close", "Lock Keepers Way", "Barge Street", "Towpath Row",
]  # fmt: skip
POSTCODE_AREAS = ["RV1", "RV2", "RV3", "RV4", "RV7"]

REPRESENTATIVE_RELATIONSHIPS = [
    "Daughter",
    "Son",
    "Partner",
    "Local councillor",
    "MP's caseworker",
    "Citizens Advice adviser",
    "Advocate (Age UK)",
    "Support worker",
]

GROUP_NAMES = [
    "residents of {block} (lift out of service)",
    "tenants' association for {block} (communal heating)",
    "residents of {block} (cleaning of the communal areas)",
]

# Category -> (service areas, descriptions, understanding, outcomes sought, not responsible for).
CATEGORIES = {
    "repairs": {
        "service_areas": ["Responsive repairs", "Planned maintenance", "Gas servicing"],
        "descriptions": [
            "The kitchen ceiling has leaked for {weeks} weeks. Two appointments were missed and "
            "nobody told me.",
            "My boiler has broken down {times} times since the autumn and I have been without "
            "heating and hot water for days each time.",
            "The front door does not lock properly. I reported it {weeks} weeks ago and the "
            "repair was closed without anyone coming.",
            "The bathroom extractor fan has not worked since it was fitted and the operative "
            "left rubble in the hallway.",
        ],
        "understanding": "The resident says a reported repair was not completed on time, "
        "appointments were missed and they were not kept informed.",
        "outcomes": "The repair completed properly, an apology, and compensation for the time "
        "without the facility.",
        "not_responsible_for": "Damage to the resident's own belongings, which is a matter for "
        "their contents insurance.",
    },
    "damp_mould": {
        "service_areas": ["Responsive repairs", "Damp and mould team"],
        "descriptions": [
            "There is black mould in the children's bedroom and it keeps coming back after "
            "being wiped. My son has asthma.",
            "Damp is coming through the living-room wall and the wallpaper is peeling. The "
            "surveyor said it was condensation but nothing was done.",
            "The mould treatment done {weeks} weeks ago has failed and the smell is back.",
        ],
        "understanding": "The resident reports damp and mould that has returned after "
        "treatment, with a risk to the health of a household member.",
        "outcomes": "The cause found and put right, the rooms redecorated, and a follow-up "
        "inspection.",
        "not_responsible_for": "The resident's medical treatment.",
    },
    "antisocial_behaviour": {
        "service_areas": ["Neighbourhood services", "Community safety"],
        "descriptions": [
            "I reported noise from the flat above {times} times and the case was closed without "
            "anyone contacting me.",
            "People are using the stairwell in {block} to take drugs and nothing has been done "
            "about it since I reported it.",
        ],
        "understanding": "The resident is unhappy with how reports of anti-social behaviour "
        "were handled, including being told the case had been closed.",
        "outcomes": "The case reopened with an action plan and regular updates.",
        "not_responsible_for": "Criminal matters, which are for the police.",
    },
    "staff_conduct": {
        "service_areas": ["Customer contact centre", "Neighbourhood services"],
        "descriptions": [
            "The officer who visited on {day} was rude and dismissive and would not listen.",
            "A contractor swore at my mother when she asked when they would finish.",
        ],
        "understanding": "The resident says a member of staff or a contractor behaved "
        "unprofessionally during a visit.",
        "outcomes": "An apology and assurance that it will not happen again.",
        "not_responsible_for": "",
    },
    "communication": {
        "service_areas": ["Customer contact centre"],
        "descriptions": [
            "I have phoned {times} times and emailed twice and nobody ever calls back as promised.",
            "Letters keep going to my old address even though I told you I moved.",
        ],
        "understanding": "The resident says promised call-backs did not happen and they "
        "could not get an answer.",
        "outcomes": "A named contact and a reply to the original query.",
        "not_responsible_for": "",
    },
    "rent_charges": {
        "service_areas": ["Income and rent", "Leasehold services"],
        "descriptions": [
            "My rent account shows arrears that are wrong: payments from {day} are missing.",
            "The service charge went up by a third with no explanation of what it pays for.",
        ],
        "understanding": "The resident disputes charges on their account and says they were "
        "not explained.",
        "outcomes": "The account corrected and a breakdown of the charges.",
        "not_responsible_for": "Housing Benefit decisions made by the council.",
    },
    "estate_services": {
        "service_areas": ["Estate services"],
        "descriptions": [
            "The bins at {block} have not been emptied for {weeks} weeks and there are rats.",
            "The communal areas of {block} have not been cleaned since the contractor changed.",
        ],
        "understanding": "The resident says estate services paid for through the service "
        "charge were not delivered.",
        "outcomes": "The service restored and a refund of the charge for the missed weeks.",
        "not_responsible_for": "Fly-tipping on the public highway, which is the council's.",
    },
    "allocations": {
        "service_areas": ["Lettings"],
        "descriptions": [
            "I have been waiting for a transfer on medical grounds for over a year and my "
            "priority was never reviewed.",
            "The flat I was offered was not in the condition promised at the viewing.",
        ],
        "understanding": "The resident is unhappy with a lettings decision and how it was made.",
        "outcomes": "The decision reviewed and explained.",
        "not_responsible_for": "The council's housing register banding.",
    },
    "complaint_handling": {
        "service_areas": ["Customer experience"],
        "descriptions": [
            "My last complaint was not answered within the time you promised and nobody told "
            "me why.",
        ],
        "understanding": "The resident is unhappy with how an earlier complaint was handled.",
        "outcomes": "An apology and an answer to the earlier complaint.",
        "not_responsible_for": "",
    },
    "other": {
        "service_areas": ["Customer experience", "Grounds maintenance"],
        "descriptions": [
            "The trees behind {block} block all the light to my windows and nobody will cut them.",
            "The parking permits scheme was introduced without any consultation.",
        ],
        "understanding": "The resident raises a concern about a service that affects their home.",
        "outcomes": "The matter looked at and an explanation of what will be done.",
        "not_responsible_for": "",
    },
}

CATEGORY_WEIGHTS = {
    "repairs": 34,
    "damp_mould": 16,
    "antisocial_behaviour": 9,
    "staff_conduct": 6,
    "communication": 10,
    "rent_charges": 7,
    "estate_services": 7,
    "allocations": 4,
    "complaint_handling": 3,
    "other": 4,
}

CHANNEL_WEIGHTS = {
    "phone": 34,
    "web": 26,
    "email": 22,
    "letter": 7,
    "in_person": 5,
    "social_media": 4,
    "other": 2,
}

REASONS = {
    "upheld": "We agree that the service fell short of our standards: the work was not done "
    "on time and we did not keep you informed. We are sorry.",
    "partly_upheld": "We agree that we should have kept you better informed, but the records "
    "show the work itself was completed within our published timescale.",
    "not_upheld": "Having reviewed the records, the visits and the photographs, we found that "
    "the service was delivered as agreed. We have explained what happened.",
}

STAGE_2_REASONS = {
    "upheld": "On review, the stage 1 response did not put things right. We have increased "
    "the remedy and set out what we will do.",
    "partly_upheld": "The stage 1 response was reasonable on the repair but did not address "
    "the delays in communication, which we now put right.",
    "not_upheld": "The stage 1 response was fair and the remedy proportionate. This is our "
    "final response; you may now refer your complaint to the Housing Ombudsman.",
}

REMEDIES = {
    "apology": "A written apology for the delays and the missed appointments.",
    "explanation": "A full explanation of what went wrong and why.",
    "action": "The repair completed by our contractor and checked by a surveyor.",
    "decision_changed": "The earlier decision reversed and the request approved.",
    "record_corrected": "The account and the repairs record corrected.",
    "financial": "Compensation for the time without the facility and the inconvenience.",
    "policy_change": "Our missed-appointment procedure changed so residents are told the same day.",
}

ACTIONS = [
    "Surveyor to inspect and confirm the repair is complete.",
    "Redecorate the affected rooms once the wall has dried out.",
    "Review the case at the next neighbourhood panel and update the resident.",
    "Refund the overcharged service charge to the rent account.",
    "Arrange a follow-up call with the resident to check things are resolved.",
]

EXTENSION_REASONS = [
    "We are waiting for the contractor's report on the cause of the leak.",
    "A specialist damp survey has been booked and we need its findings.",
    "The officer involved is on leave and we need their account.",
]

GOOD_REASONS = [
    "An independent structural engineer must inspect the building; the earliest appointment "
    "is after the extended date. The resident agreed to the delay.",
    "Evidence from the police is needed and they have asked for more time. The resident was "
    "told and agreed.",
]

REFUSALS = {
    "over_12_months": "The issue you raise arose in {issue}, more than 12 months before you "
    "complained, and there is no good reason it could not have been raised sooner.",
    "legal_proceedings": "You have started a disrepair claim in the county court about the "
    "same issue, so it will be decided there.",
    "previously_considered": "This matter was fully considered under our complaints policy in "
    "an earlier complaint, which received our final response.",
    # Said of any complaint the demo refuses this way, so it names no particular request.
    "other": "What you have asked for is a new service rather than a complaint about a service "
    "we have provided, so we have passed it to the team that provides it to reply to you.",
}

STAGE_2_REFUSAL = (
    "legal_proceedings",
    "Since our stage 1 response you have issued a claim in the county court about the same "
    "disrepair, so the matter will be decided there rather than at stage 2.",
)

STAGE_2_WINDOW_REFUSAL = (
    "escalation_window",
    "Our complaints policy asks for a request for stage 2 within 20 working days of our stage 1 "
    "response. Your request came some weeks later and gave no reason that kept you from asking "
    "sooner, so we are not taking the complaint to stage 2.",
)

NOTES = [
    "Called the resident to introduce myself and agree the best times to contact them.",
    "Contractor confirms the parts are on order; updated the resident by phone.",
    "Resident sent photographs of the damage by email; saved to the case.",
    "Spoke to the neighbourhood officer for their account of the visit.",
    "Resident asked for letters in large print; noted on their record.",
]

RELATED_ISSUES = [
    "The resident also says the window in the same room will not close.",
    "The resident adds that the contractor left the communal door propped open.",
]

SERVICE_REQUESTS = {
    "repairs": "Repair request: leak from the flat above into the kitchen.",
    "damp_mould": "Repair request: mould in the bedroom; please send someone to treat it.",
    "estate_services": "Request: bins not emptied this week.",
}
