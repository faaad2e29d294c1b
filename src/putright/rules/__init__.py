"""The Code's rules, each with its measure beside it.

One module per rule family, named for it. Each holds the check the services run before they
change a case (raising RuleBroken with the provision, or InvalidInput naming the field) and the
measure that the live self-assessment evidence, the dashboard, the governing body pack, the annual
report and the API all read. A change to a rule therefore cannot leave its evidence behind.

- `figures`: the shape every measure answers in (met, total, pending, the cases behind a breach).
- `access`: who may act on a case (the handler, the complaints officer, a manager; 6.13 below).
- `independence`: 6.13 (2022: 5.12), who may act at stage 2.
- `timeliness`: 6.2, 6.3, 6.11, 6.14 and TSM CH02: acknowledged and answered in time, with
  backdated entries found from the events' own time.
- `extensions`: 6.4, 6.15 (and 6.5, 6.16 letters): decided before the deadline, within the limit.
- `exclusions`: section 2 and 5.11: refusals, the 12 months, the escalation window, 2.4 letters.
- `related`: 6.8, related issues joining an open stage 1.
- `remedies`: 7.3, what will happen and by when, followed through.
- `definition`: 5.6, 5.7, the complaint definition and audited amendments.
- `reviews`: 5.10, 5.14, adjustments and restrictions kept under active review.
- `surveys`: 1.3, 1.6, dissatisfied survey comments followed up; TSM TP09 per tenure.

These modules sit below the services of every app: they import models, never services.
"""
