"""Writes src/putright/insight/data/messages.jsonl: the labelled messages the dissatisfaction
detector is trained and measured on (issue 15). Run it again after changing the parts below; it
is seeded, so the file only changes when they do.

Each message is one a social landlord receives: an e-mail, a note a call handler types, a note on
a service request, a survey comment. `dissatisfied` is whether it expresses dissatisfaction with
the landlord's service, actions or lack of action (Complaint Handling Code 1.2, 1.3, 1.5), not
whether it sounds unhappy: a first report of a leak that floods a kitchen is a service request; a
calm note that the same leak was reported twice before is dissatisfaction.

`group` names the pattern a message was written from. The detector is measured on groups it was
not trained on (a message written from a pattern it has seen is an easy test), and separately on
the free-written messages in HAND_WRITTEN, which are never used for training.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/putright/insight/data/messages.jsonl"

PROBLEMS = {
    "repairs": [
        "the kitchen tap is dripping",
        "the boiler has stopped working",
        "the front door lock is stiff and hard to turn",
        "there is a leak under the bathroom sink",
        "the toilet will not flush properly",
        "the extractor fan in the bathroom has stopped",
        "the bedroom window will not close",
        "the hallway light keeps flickering",
        "the living room radiator is stone cold",
        "the shower only runs cold",
        "the back gate has come off its hinges",
        "a floorboard on the landing is loose",
        "the kitchen ceiling is leaking from the flat above",
        "the oven socket is sparking",
    ],
    "damp_mould": [
        "there is black mould on the bedroom ceiling",
        "damp patches are coming through the wall in my son's room",
        "condensation runs down the windows every morning",
        "mould is growing behind the wardrobe",
        "there is a musty damp smell in the living room",
        "the bathroom walls are covered in mould",
    ],
    "antisocial_behaviour": [
        "the neighbours at number 14 play loud music until 3am",
        "people are dealing drugs in the stairwell",
        "someone keeps dumping rubbish by the bins",
        "the dog next door barks all day",
        "a group of youths hang around the entrance and intimidate residents",
    ],
    "rent_charges": [
        "my statement shows a service charge I do not understand",
        "my rent account shows arrears although I pay by direct debit",
        "I have been charged for grounds maintenance that never happens",
        "the service charge has gone up by twenty pounds a month",
    ],
    "estate_services": [
        "the communal lights on the third floor are out",
        "the lift is out of order",
        "the grass on the estate has not been cut",
        "the bin store door is broken",
        "the entry phone to the block does not work",
    ],
}
CONDUCT = [
    "the officer who visited was rude to me",
    "the housing officer put the phone down on me",
    "the call handler was dismissive when I explained my situation",
    "the surveyor made remarks about how I keep my home",
    "the workman swore in front of my children",
]
CONTRACTOR = [
    "the contractor left the job half finished",
    "the plumber did not turn up for the appointment",
    "the workmen left rubble all over the garden",
    "the contractor damaged my carpet and just walked off",
    "the electrician came without the right part",
]
WHEN = [
    "in March",
    "back in January",
    "six weeks ago",
    "at the start of last month",
    "in the summer",
]
TIMES = ["third", "fourth", "fifth", "second"]
KIND = ["email", "note", "call", "service_request"]


def cap(text: str) -> str:
    return text[0].upper() + text[1:]


# Patterns a plain request is written from: a first report, however urgent or upset it sounds.
REQUESTS = {
    "r-ask": "Hi, {p}. Could someone come and have a look please? I am in most days after 2pm.",
    "r-book": "Please can you book a repair: {p}.",
    "r-report": "Reporting a repair. {P}. Thanks.",
    "r-appointment": "{P} - can I get an appointment this week?",
    "r-urgent": "{P} and it is really getting me down, we have a baby in the house. Please send "
    "someone as soon as you can.",
    "r-worried": "I am worried because {p}. What should I do until someone can come out?",
    "r-call": "Tenant rang to report that {p}. Booked an inspection and gave the reference.",
    "r-photo": "{P}. I have attached a photo. When is the earliest you can fix it?",
    "r-desperate": "Please help, {p}. It is freezing and I am desperate, I have no one else "
    "to ask.",
    "r-question": "Quick question: {p}. Is that something you fix or do I need to sort it myself?",
    "r-statement": "{P}.",
    "r-raised": "Repair raised: {p}. Priority routine, tenant available mornings.",
    "r-fyi": "Just letting you know that {p}.",
    "r-storm": "{P} since the storm last night.",
    "r-neighbour": "My neighbour mentioned that {p}, I think it affects us too.",
}
ASB_REPORTS = {
    "a-report": "I want to report that {p}. It has been going on for two weeks and it is awful.",
    "a-call": "Caller reported that {p}. Advised on the diary sheets and opened an ASB case.",
    "a-scared": "I am scared to leave my flat because {p}. Can someone from housing help?",
}
CHARGE_QUESTIONS = {
    "c-explain": "Could you explain this please: {p}?",
    "c-check": "Hello, {p}. Can you check my account and let me know?",
}
OTHER_PLAIN = [
    ("o-thanks", "Thank you, the plumber came today and the tap is fixed."),
    (
        "o-thanks",
        "Just to say the repair team were brilliant, thank you for sorting it so quickly.",
    ),
    ("o-thanks", "The mould wash was done yesterday and the room looks much better, thanks."),
    ("o-thanks", "Thanks for calling me back so quickly about the lift."),
    ("o-admin", "I would like to request a transfer to a two bedroom property."),
    ("o-admin", "Can you tell me when my rent is due to go up?"),
    ("o-admin", "I have a new phone number, please update my details."),
    ("o-admin", "I will be away from 3 to 17 August, please do not book appointments then."),
    ("o-admin", "Can I have permission to put up a shed in the back garden?"),
    ("o-admin", "My daughter will be moving in with me, what do I need to do?"),
    ("o-survey", "No complaints, the work was done well."),
    ("o-survey", "Friendly staff and the job was done quickly."),
    ("o-survey", "Nothing to add."),
    ("o-survey", "Good service overall."),
    ("o-survey", "The operative explained everything and cleaned up afterwards."),
    ("o-survey", "Very happy with how my complaint was dealt with in the end."),
    (
        "o-reschedule",
        "Can we move Thursday's appointment to the afternoon? I have a hospital visit.",
    ),
    ("o-reschedule", "I need to cancel the appointment tomorrow, can you rebook it next week?"),
]

# Patterns dissatisfaction is written from: with the landlord's service, action or inaction.
DISSATISFIED = {
    "d-repeat": "This is the {t} time I have reported that {p} and nobody has come.",
    "d-still": "I reported that {p} {w} and I am still waiting for it to be fixed.",
    "d-rang": "I have rung several times about this: {p}. Each time I am told someone will call "
    "back and nobody does.",
    "d-dayoff": "I took a day off work because {p} and the appointment was booked. Nobody turned "
    "up. Again.",
    "d-botched": "The repair was done last week but {p} again already. The job was botched.",
    "d-promise": "I was promised a call back within 48 hours because {p}. That was two weeks ago.",
    "d-polite-explain": "I would be grateful if someone could explain why the appointment was "
    "cancelled for a second time, as {p}.",
    "d-polite-chase": "Sorry to chase again, but {p} and it still has not been looked at. It has "
    "been six weeks.",
    "d-polite-busy": "I appreciate you are busy, but I was told it would be fixed by Friday. {P} "
    "and I have not heard anything.",
    "d-unacceptable": "{P} and it has been like this {w}. This is not acceptable.",
    "d-fedup": "I am fed up of being passed from one department to another. {P} and no one takes "
    "responsibility.",
    "d-call-note": "Tenant called, upset that {p} despite two previous jobs being raised. Says "
    "nobody has been out.",
    "d-sr-unhappy": "I am not happy with how my repair request has been handled. {P} and the job "
    "keeps being closed without anyone coming.",
    "d-ignored": "I feel completely ignored. {P} and my emails are not even answered.",
    "d-why": "Could you tell me why {p} still? It was meant to be sorted at the last visit.",
    "d-explain-why": "Please can someone explain why the job was cancelled without telling me? "
    "{P}.",
    "d-noupdate": "Any update? {P} and the last time I asked was a fortnight ago.",
}
ASB_DISSATISFIED = {
    "ad-nothing": "I reported that {p} a month ago and nothing has been done. Nobody from housing "
    "has even contacted me.",
    "ad-closed": "You closed my case but {p} every night. Nobody asked me if it had stopped.",
}
CHARGE_DISSATISFIED = {
    "cd-noreply": "{P}. I have asked for an explanation twice and had no reply.",
    "cd-wrong": "With respect, the answer I got did not explain it: {p}. I do not think that is "
    "right.",
}
CONDUCT_DISSATISFIED = {
    "sd-unacceptable": "{P}. I do not think that is an acceptable way to treat a tenant.",
    "sd-upset": "I was left very upset after yesterday: {p}. I expect better from my landlord.",
}
CONTRACTOR_DISSATISFIED = {
    "kd-again": "{P}. This is the second time with your contractors and I have had enough.",
    "kd-who": "{P} and when I rang nobody could tell me when they would come back.",
}
SURVEY_DISSATISFIED = [
    ("sv-slow", "Took far too long to get the repair done."),
    ("sv-slow", "Still waiting for the damp to be sorted after three visits."),
    ("sv-slow", "Had to chase every step of the way."),
    ("sv-comms", "Nobody kept me informed, I had to ring every week."),
    ("sv-comms", "The operative did not turn up and no one let me know."),
    ("sv-comms", "Poor communication throughout."),
    ("sv-quality", "The work was rushed and the leak came back within a week."),
    ("sv-quality", "Left a mess and the job is not finished."),
]

# Free-written messages in the training set (grouped in fives, so some are held out).
FREE = [
    # dissatisfied, free-written, varied
    ("Second visit cancelled on the morning itself. I had arranged childcare for nothing.", True),
    ("You keep saying the part is on order. It has been on order since October.", True),
    ("I'm at the end of my tether with the damp in this flat.", True),
    ("No one from your office has bothered to come and see the state of the ceiling.", True),
    ("I was given a time slot of 8 till 6 and no one came. What a waste of a day.", True),
    ("I rang your number for an hour and a half and gave up.", True),
    ("The heating has been off more than it has been on since they fitted the new boiler.", True),
    ("We have been living with a tarpaulin over the roof since the spring.", True),
    ("I've lost count of the number of times I've called about this.", True),
    (
        "The operative said he'd be back Thursday with a ladder. Which Thursday, I'd like to know.",
        True,
    ),
    ("The so-called repair lasted two days.", True),
    ("We've had enough of broken promises.", True),
    ("It took six weeks to get someone to even look at it.", True),
    ("The mould has come straight back through the paint they put over it.", True),
    ("Every time I phone I have to explain it all again from the start.", True),
    ("My case was shut without anyone speaking to me.", True),
    ("You sent a text saying the job was done. Nobody has been here.", True),
    (
        "I'm really unhappy with the way my neighbour's noise has been dealt with by your team.",
        True,
    ),
    ("The housing officer hasn't returned a single one of my calls this month.", True),
    ("Absolutely no communication from start to finish.", True),
    ("I am writing to express my dissatisfaction with the repairs service.", True),
    ("I've been waiting since before Christmas for the window to be replaced.", True),
    ("I was promised compensation for the flooded carpet and heard nothing more.", True),
    ("The surveyor was in and out in two minutes and didn't even look at the bathroom.", True),
    ("Why should I have to pay for a repair that your contractor made worse?", True),
    ("This has gone on far too long now.", True),
    ("The estate has been left filthy for weeks, the cleaners just don't come any more.", True),
    ("I have reported the broken entry door over and over and anyone can walk in.", True),
    ("My daughter's bedroom is unusable and nobody seems to care.", True),
    ("The contractor left our garden like a building site and hasn't been back to clear it.", True),
    ("I asked for a call back from a manager last week. Still nothing.", True),
    ("The appointment letter arrived the day after the appointment.", True),
    ("I'm disappointed by how long this is taking.", True),
    ("They turned up without the right tools and left after ten minutes.", True),
    ("The service charge went up again and nobody can tell me what it is for.", True),
    ("I've been passed between repairs and housing five times now.", True),
    (
        "It's not good enough that a disabled tenant is left without a working lift for a month.",
        True,
    ),
    ("The survey says you care about tenants, but my experience has been the opposite.", True),
    ("Not impressed. The fence panel is still lying in the garden.", True),
    ("Survey: too slow, and I had to take time off twice.", True),
    ("Survey: they never came back to finish the job.", True),
    ("Survey: staff were rude when I rang.", True),
    ("Survey: still waiting for the leak to be fixed.", True),
    ("Survey: the repair failed within a week.", True),
    ("Survey: poor. Nobody told me the appointment was cancelled.", True),
    ("Caller says she has been chasing the gutter repair since August and is fed up.", True),
    ("Resident unhappy that the inspection promised for last week did not happen.", True),
    ("Tenant complained the operative left the kitchen in a mess.", True),
    ("Tenant frustrated, third call about the same leak, previous jobs closed.", True),
    ("Caller upset that no one responded to her emails about the mould.", True),
    ("Customer says the new windows were fitted badly and let in rain.", True),
    ("Resident angry that the repair was cancelled without notice.", True),
    (
        "The young man you sent was lovely but he couldn't do the job, and that was a month ago.",
        True,
    ),
    ("I understand there's a backlog, but two months without a working shower is too long.", True),
    ("It feels like nobody takes responsibility for anything.", True),
    ("We were told the damp survey would be done within ten days. That was in June.", True),
    ("I'm not prepared to keep waiting like this.", True),
    (
        "Could someone please explain what is happening, because I have heard nothing for weeks.",
        True,
    ),
    ("I don't understand why it is taking so long to replace a lock.", True),
    ("I left three voicemails for the housing officer and none were returned.", True),
    # plain requests and other messages that are not dissatisfaction
    ("Hi, our doorbell has stopped working. Is that something you can fix?", False),
    ("The toilet seat is cracked, can we get a new one?", False),
    ("I've got a leak coming from the bath panel, water is on the floor.", False),
    ("Can I book an appointment for the electrician to check the sockets?", False),
    ("There's a smell of burning from the fuse box, I've switched it off at the mains.", False),
    ("The front garden wall has partly collapsed after the wind.", False),
    ("Could you arrange for someone to bleed the radiators? I'm not sure how.", False),
    ("The window latch in the kitchen is broken and the window won't lock.", False),
    ("We have a lot of condensation this winter, can someone advise?", False),
    ("Black spots are appearing on the bathroom ceiling, I think it's mould.", False),
    ("The communal hallway light has blown.", False),
    ("Someone has dumped a mattress by the bins at the back.", False),
    ("The people next door have a dog that barks through the night. Can you help?", False),
    ("There was a fight outside the flats last night, I'm worried.", False),
    ("Can you tell me who I speak to about a mutual exchange?", False),
    ("I'd like to report a change in my household, my son has moved out.", False),
    ("My direct debit date needs to change to the 15th.", False),
    ("What is the service charge for my block made up of?", False),
    ("I've received a letter about a rent increase, can you explain the new amount?", False),
    ("The lift is making a grinding noise.", False),
    ("The bathroom extractor is very noisy.", False),
    ("Is it possible to have a second smoke alarm fitted upstairs?", False),
    ("Our boiler pressure keeps dropping, is that normal?", False),
    ("There's a wasp nest by the front door, can you send pest control?", False),
    ("The paving slabs on the path are uneven.", False),
    ("My key fob for the block has stopped working.", False),
    ("Can you confirm my repair appointment for Tuesday?", False),
    ("I'm going into hospital next week, can the inspection wait until I'm back?", False),
    ("Thank you for the quick response to my repair.", False),
    ("The engineer was great, the boiler is working perfectly now.", False),
    ("Many thanks for sorting out the damp, the bedroom is dry now.", False),
    ("I'm very pleased with the new bathroom.", False),
    ("Survey: quick and tidy.", False),
    ("Survey: the staff member was helpful on the phone.", False),
    ("Survey: all good, thanks.", False),
    ("Survey: the repair was done when they said it would be.", False),
    ("Survey: no issues.", False),
    ("Survey: the operative wore shoe covers and cleaned up.", False),
    ("Caller reported a blocked drain at the rear of the property. Job raised.", False),
    ("Tenant rang about a dripping overflow pipe. Appointment booked for Friday.", False),
    ("Resident reported graffiti on the garage doors. Passed to estate services.", False),
    ("Customer asked about adaptations for a walk-in shower. OT referral explained.", False),
    ("Caller asked for a copy of her rent statement. Sent by email.", False),
    ("Resident reported noise from the flat above, diary sheets sent.", False),
    ("Tenant rang to say the contractor fixed the leak today. No further action.", False),
    ("Call from tenant about the new bin collection day.", False),
    ("The fridge we were given is ours, but the socket behind it is loose.", False),
    ("My neighbour's tree is hanging over our fence, who deals with that?", False),
    ("Our back door sticks in the wet weather.", False),
    ("Can I decorate the living room or do I need permission?", False),
    ("Please could you replace the broken pane in the shed?", False),
    ("I think the gutter above the kitchen is blocked, water overflows when it rains.", False),
    ("The shower tray has a crack in it.", False),
    ("I have a hole in the ceiling where the light fitting came down.", False),
    ("The gate to the play area has been left broken by vandals.", False),
    ("Can you let me know when the grass cutting starts this year?", False),
    ("I want to apply to keep a cat in my flat.", False),
    ("We'd like to be considered for the new build homes on the estate.", False),
]


# Free-written messages, never used for training: the test of whether it generalises.
HAND_WRITTEN = [
    ("My radiator has been making a banging noise since the weekend, can you send someone?", False),
    ("Hiya, the bathroom light pull cord has snapped. No rush. Thanks, Jo", False),
    (
        "Water is pouring through the ceiling into the kitchen right now!! Please send someone!!",
        False,
    ),
    (
        "The woman upstairs keeps slamming doors at all hours, it is driving me mad. What can "
        "I do?",
        False,
    ),
    ("I think there might be a gas smell near the meter cupboard.", False),
    ("Can you confirm the date of my gas safety check?", False),
    ("We are getting mice in the kitchen, is pest control something you arrange?", False),
    ("Just moved in and the smoke alarm keeps beeping. Can someone check it?", False),
    ("The new kitchen looks fantastic, please pass on my thanks to the fitters.", False),
    ("Could I have a copy of my tenancy agreement please?", False),
    ("There is graffiti on the garages at the back of the block.", False),
    ("Our front step is cracked and my mum nearly tripped on it. Can it be repaired?", False),
    ("Please could you let me know what my rent balance is.", False),
    ("Reporting that the communal door is not closing properly, it is letting the cold in.", False),
    ("I need a grab rail fitted in the bathroom, my OT said to contact you.", False),
    ("Rang to say the fence blew down in the storm last night.", False),
    ("The downpipe at the front of the house has come away from the wall.", False),
    ("I keep getting condensation on the windows, is there anything you can suggest?", False),
    ("Hello, is it possible to have a parking permit for my carer?", False),
    ("Survey: the engineer was polite and explained what he had done.", False),
    (
        "The engineer came out on Tuesday, said he needed a part, and since then silence. It is "
        "now the following Friday and we still have no hot water.",
        True,
    ),
    ("I have now sent four emails about the mould in the baby's room. Not one reply.", True),
    ("Every winter it is the same story with the heating and every winter I am fobbed off.", True),
    ("Your operative turned up, looked at the leak, said it was not his job and left.", True),
    ("Why does it take three months to replace a broken window? I have been patient.", True),
    ("I was told the surveyor would ring me on Monday. I sat by the phone all day.", True),
    ("The repair was marked as complete on your system but nobody has done anything.", True),
    ("I am disappointed that after all this time the damp has still not been treated.", True),
    ("Housing officer promised to visit about the noise and never did.", True),
    (
        "Please can someone explain why my service charge doubled with no letter beforehand? I "
        "asked at the office and they could not tell me either.",
        True,
    ),
    ("I have been without a working toilet for nine days and keep being told next week.", True),
    (
        "Tenant says she has reported the broken lock three times, still not secure, very anxious. "
        "Previous jobs closed as no access but she was in.",
        True,
    ),
    ("Nobody listens. I have told you about the drug dealing on the stairs since spring.", True),
    (
        "The contractor cut through a pipe and flooded my hall, and nobody has been back to put "
        "it right.",
        True,
    ),
    ("I am not being funny but this is the worst service I have ever had.", True),
    ("I had to take another unpaid day off and the plumber did not show.", True),
    ("Honestly the way I was spoken to on the phone was shocking.", True),
    ("Survey: the job was left half done and no one came back.", True),
    ("Survey: I had to ring five times before anyone came.", True),
    ("Could you tell me why my repair keeps getting cancelled? This is the third booking.", True),
]

# Written as a test, but looked at once while the cues were tuned: trained on now, with FREE.
SEEN_FRESH = [
    ("Hello, the seal around the bath has gone black, could you send someone to redo it?", False),
    ("There's water coming in under the balcony door when it rains heavily.", False),
    ("I'd like to know if I can swap my gas cooker for an electric one.", False),
    ("Kids have smashed the glass in the bus shelter outside the flats.", False),
    ("Could you send me the form for adding my partner to the tenancy?", False),
    ("The loft hatch won't shut properly and there's a draught coming through.", False),
    ("Our kitchen cupboard door has fallen off, the hinge snapped.", False),
    ("Customer called to book the annual boiler service, date offered and accepted.", False),
    ("Noise from the flat below most evenings, shouting and banging. Not sure what to do.", False),
    ("Please note my new email address.", False),
    ("Survey: no problems, the repair was done on the first visit.", False),
    ("Survey: happy with the service.", False),
    ("I've noticed a crack in the ceiling of the bedroom, it's about a foot long.", False),
    ("The hand rail on the stairs outside is wobbly, someone might fall.", False),
    ("Is there anything I can do about the pigeons nesting on my window ledge?", False),
    ("The fire door on the landing doesn't close by itself any more.", False),
    ("Tenant reports the bath tap drips constantly. Raised as a routine job.", False),
    ("We have a wasps' nest under the roof tiles at the back.", False),
    (
        "The washing machine pipe is leaking onto the floor, it's our own machine but the "
        "valve is yours I think.",
        False,
    ),
    ("Can I pay my rent fortnightly instead of monthly?", False),
    (
        "I have phoned you every day this week about the heating and I still don't have a date.",
        True,
    ),
    ("Three appointments, three no shows. My elderly father is living in a cold house.", True),
    ("They came to look at the mould, took photos and we never heard another word.", True),
    ("The form said someone would be in touch in 5 working days. That was a month ago.", True),
    ("I'm sorry but the way your repairs line treats people is a disgrace.", True),
    ("Your letter says the work is complete. It isn't, the window still doesn't shut.", True),
    ("Frankly I am tired of having to chase you for everything.", True),
    (
        "I was charged £85 for a missed appointment but I was at home all day and nobody knocked.",
        True,
    ),
    (
        "We were moved out for the works and told it would be two weeks, we're now on week seven "
        "with no end date.",
        True,
    ),
    (
        "The rep on the phone laughed when I said my child's asthma was getting worse from the "
        "damp.",
        True,
    ),
    ("Why is it that every time I report something the job just disappears off your system?", True),
    (
        "I don't want to keep going on about it, but the leak is back and it's worse than before.",
        True,
    ),
    ("Survey: took four visits and a lot of phone calls.", True),
    ("Survey: nobody ever called back.", True),
    ("Survey: the damp is no better and I was told it would be treated in the spring.", True),
    ("My repair was cancelled by text with no reason given, for the second time.", True),
    (
        "The ASB team said they'd put up cameras in the summer. Nothing has happened and the "
        "drug dealing carries on.",
        True,
    ),
    ("I reported the rat problem in the bin store ages ago and it's only got worse.", True),
    (
        "Caller unhappy that the new boiler still isn't working properly after the install last "
        "month.",
        True,
    ),
    ("It shouldn't take a councillor getting involved to get a broken door fixed.", True),
]


# Written after the cues and the model's settings were last changed, and never looked at while
# tuning them: the fairest test (group "fresh"). Survey comments are marked "Comment:" here, as
# a provider's export might; "Survey:" elsewhere is taken off (the kind says it).
FRESH = [
    ("The bedroom radiator valve is leaking slightly onto the carpet.", False),
    ("Hi there, the cord on the kitchen blind has snapped, no hurry.", False),
    ("I'm moving out at the end of March, how do I give notice?", False),
    ("There's a syringe in the communal garden, please can someone remove it safely.", False),
    ("Can you tell me if the block is getting new windows this year?", False),
    ("Our smoke alarm was chirping, I changed the battery but it still chirps.", False),
    ("The bath panel has come loose.", False),
    ("Caller reported a leak from the ceiling in the bathroom, emergency job raised.", False),
    ("My mum has dementia, can you put a note on her file to call me instead?", False),
    ("Loud party in flat 9 last night until 4am, it's the first time.", False),
    ("The stairwell carpet is frayed and could be a trip hazard.", False),
    ("Can I have a quote for a replacement key?", False),
    ("There is ivy growing through the bathroom window frame.", False),
    ("The outside tap has frozen and split.", False),
    ("Thanks ever so much, the gas engineer was really kind to my dad.", False),
    ("We'd like to start a residents' group, who should we talk to?", False),
    ("Just a heads up that the parking bay lines are very faded.", False),
    ("Our carbon monoxide alarm went off this morning, the boiler is now switched off.", False),
    ("Could the surveyor look at the crack when he's here for the damp check?", False),
    (
        "Tenant requested a repairs appointment for a dripping kitchen tap. Booked Wednesday AM.",
        False,
    ),
    ("Comment: the repair was sorted first time, very good.", False),
    ("Comment: friendly and on time.", False),
    ("Is there any help available with my heating bills this winter?", False),
    ("Can I swap my Tuesday appointment for Wednesday?", False),
    ("The downstairs neighbour says water is coming through her ceiling from my flat.", False),
    (
        "I rang on Monday and was told someone would call me back the same day. It is now Friday.",
        True,
    ),
    ("The floor was dug up for the pipe repair and left like that for a fortnight.", True),
    ("Honestly I give up, nobody ever does what they say they will.", True),
    ("My son's asthma is worse since the mould came back, and your team keeps delaying.", True),
    ("I have been trying to get this sorted since the summer holidays.", True),
    ("That is now the fourth letter I've sent about the service charge.", True),
    ("The workmen smoked in my kitchen and left cigarette ends in the garden.", True),
    ("We were told the new kitchen would be fitted in May, it's November.", True),
    ("The call centre keeps telling me it's been escalated but nothing ever changes.", True),
    ("I'm paying rent for a flat with no heating, this cannot be right.", True),
    ("The contractor's van blocked my drive all day and the driver was rude when I asked.", True),
    ("Everything I report just gets ignored.", True),
    ("Comment: had to wait a month for a simple repair.", True),
    ("Comment: they didn't listen to what the problem was.", True),
    ("Comment: I shouldn't have had to chase.", True),
    (
        "You said you'd send someone about the neighbours' threats. I'm still scared and no one "
        "has come.",
        True,
    ),
    ("I took the morning off for the gas check and the engineer rang at 11 to cancel.", True),
    ("The window fitter broke the sill and said it wasn't his problem.", True),
    ("I have been on hold for 40 minutes every time I ring this week.", True),
    ("Still no hot water. Day five.", True),
    ("The damp man came, sprayed something, and the mould was back in a week.", True),
    ("Why do I have to keep telling you the same thing?", True),
    ("The letter I got back didn't answer any of my questions.", True),
    ("Caller dissatisfied: bathroom leak repaired twice, still leaking into flat below.", True),
    ("Resident says she's been let down again by the repairs team.", True),
]


def build() -> list[dict]:
    rng = random.Random(15)
    rows: list[tuple[str, str, bool, str]] = []

    def add(group, template, items, label, topic):
        for item in items:
            text = template.format(p=item, P=cap(item), t=rng.choice(TIMES), w=rng.choice(WHEN))
            rows.append((group, text, label, topic))

    for topic in ("repairs", "damp_mould", "estate_services"):
        problems = PROBLEMS[topic]
        for group, template in REQUESTS.items():
            add(group, template, rng.sample(problems, min(4, len(problems))), False, topic)
        for group, template in DISSATISFIED.items():
            add(group, template, rng.sample(problems, min(3, len(problems))), True, topic)
    for group, template in ASB_REPORTS.items():
        add(group, template, PROBLEMS["antisocial_behaviour"], False, "antisocial_behaviour")
    for group, template in ASB_DISSATISFIED.items():
        add(group, template, PROBLEMS["antisocial_behaviour"], True, "antisocial_behaviour")
    for group, template in CHARGE_QUESTIONS.items():
        add(group, template, PROBLEMS["rent_charges"], False, "rent_charges")
    for group, template in CHARGE_DISSATISFIED.items():
        add(group, template, PROBLEMS["rent_charges"], True, "rent_charges")
    for group, template in CONDUCT_DISSATISFIED.items():
        add(group, template, CONDUCT, True, "staff_conduct")
    for group, template in CONTRACTOR_DISSATISFIED.items():
        add(group, template, CONTRACTOR, True, "contractors")
    for group, text in OTHER_PLAIN:
        rows.append((group, text, False, "other"))
    for group, text in SURVEY_DISSATISFIED:
        rows.append((group, text, True, "survey"))
    for index, (text, label) in enumerate(FREE + SEEN_FRESH):
        rows.append((f"free-{index // 5}", text, label, "mixed"))
    messages = []
    for number, (group, text, label, topic) in enumerate(rows, start=1):
        survey = group.startswith(("o-survey", "sv-")) or text.startswith("Survey:")
        text = text.removeprefix("Survey: ")
        kind = "survey" if survey else rng.choice(KIND)
        messages.append(
            {
                "id": f"m{number:04d}",
                "text": text,
                "dissatisfied": label,
                "topic": topic,
                "kind": kind,
                "group": group,
            }
        )
    for number, (text, label) in enumerate(HAND_WRITTEN, start=1):
        messages.append(
            {
                "id": f"h{number:04d}",
                "text": text.removeprefix("Survey: "),
                "dissatisfied": label,
                "topic": "mixed",
                "kind": "survey" if text.startswith("Survey:") else "email",
                "group": "hand",
            }
        )
    for number, (text, label) in enumerate(FRESH, start=1):
        messages.append(
            {
                "id": f"f{number:04d}",
                "text": text,
                "dissatisfied": label,
                "topic": "mixed",
                "kind": "survey" if text.startswith("Comment:") else "email",
                "group": "fresh",
            }
        )
    return messages


if __name__ == "__main__":
    messages = build()
    OUT.write_text("".join(json.dumps(m) + "\n" for m in messages))
    flagged = sum(m["dissatisfied"] for m in messages)
    print(f"{len(messages)} messages ({flagged} dissatisfied) written to {OUT}")
