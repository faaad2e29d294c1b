"""Every write to a self-assessment. The order is the Code's: the complaints officer completes
it, a manager reviews it, the governing body approves it, then it is published with the annual
report (8.1, 8.2). Once approved, its answers are frozen."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates, text
from putright.accounts.models import Role, User
from putright.codes.models import CodeVersion, Provision
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.selfassessment import history
from putright.selfassessment.models import (
    Answer,
    Change,
    Comply,
    ImprovementAction,
    SelfAssessment,
    Status,
)

EDITORS = {Role.OFFICER, Role.MANAGER, Role.ADMIN}
COMPLETERS = {Role.OFFICER, Role.ADMIN}
REVIEWERS = {Role.MANAGER, Role.ADMIN}
APPROVAL_RECORDERS = {Role.GOVERNANCE, Role.ADMIN}
ANSWER_FIELDS = ("comply", "evidence", "commentary", "to_review")

TITLE_MAX = SelfAssessment._meta.get_field("title").max_length


def require_role(user: User | None, roles: set[str], doing: str) -> None:
    if user is None or not user.is_authenticated:
        raise NotPermitted(f"Sign in to {doing}.")
    if user.role not in roles and not user.is_superuser:
        names = ", ".join(sorted(Role(r).label.lower() for r in roles))
        raise NotPermitted(f"Only a {names} can {doing}.")


def _require_draft(self_assessment: SelfAssessment) -> None:
    if self_assessment.status != Status.DRAFT:
        raise RuleBroken(
            "self_assessment_frozen",
            "This self-assessment has been approved by the governing body; its answers can no "
            "longer change. Start a new one (8.3) to record changes.",
            provision="8.2",
        )


def _record(
    self_assessment: SelfAssessment,
    *,
    user: User | None,
    type: str,
    ref: str = "",
    before: dict | None = None,
    after: dict | None = None,
) -> Change:
    actor = user if user is not None and user.is_authenticated else None
    return history.append(
        self_assessment,
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        type=type,
        ref=ref,
        before=before,
        after=after,
    )


def _lock(self_assessment: SelfAssessment) -> SelfAssessment:
    return SelfAssessment.objects.select_for_update().get(pk=self_assessment.pk)


def _clean_comply(value: str | None, field: str = "comply") -> str:
    if value in (None, ""):
        return ""
    if value not in Comply.values:
        raise InvalidInput({field: f"Choose one of: {', '.join(Comply.values)}."})
    return value


@transaction.atomic
def selfassessment_create(
    *,
    user: User,
    code_version: str,
    period_start: dt.date,
    period_end: dt.date,
    title: str = "",
    reason: str = "",
    previous: SelfAssessment | None = None,
    source: str = "",
) -> SelfAssessment:
    """A draft with one empty answer per provision; from `previous`, its evidence and
    commentary are carried forward marked "to review"."""
    require_role(user, EDITORS, "start a self-assessment")
    errors = {}
    version = CodeVersion.objects.filter(key=code_version).first()
    if version is None:
        errors["code_version"] = "Choose a Code version: 2024, 2022 or 2020."
    if period_start is None:
        errors["period_start"] = "Enter the first day of the period."
    if period_end is None:
        errors["period_end"] = "Enter the last day of the period."
    elif period_start is not None and period_end < period_start:
        errors["period_end"] = "The period must end on or after its first day."
    for field, value in (("title", title), ("reason", reason)):
        if len(value or "") > TITLE_MAX:  # both are one line of at most 200 characters
            errors[field] = text.too_long(value, TITLE_MAX)
    if errors:
        raise InvalidInput(errors)
    self_assessment = SelfAssessment.objects.create(
        code_version=version,
        period_start=period_start,
        period_end=period_end,
        title=title.strip(),
        reason=reason.strip(),
        previous=previous,
        source=source,
        created_by=user,
    )
    carried = {}
    if previous is not None:
        carried = {answer.ref: answer for answer in previous.answers.all()}
    provisions = Provision.objects.filter(code_version=version).select_related("section")
    Answer.objects.bulk_create(
        [
            Answer(
                self_assessment=self_assessment,
                provision=provision,
                ref=provision.ref,
                requirement=provision.text,
                section_title=provision.section.title,
                position=provision.position,
                comply=carried[provision.ref].comply if provision.ref in carried else "",
                evidence=carried[provision.ref].evidence if provision.ref in carried else "",
                commentary=carried[provision.ref].commentary if provision.ref in carried else "",
                to_review=provision.ref in carried,
            )
            for provision in provisions
        ]
    )
    if previous is not None:
        # Open improvement actions follow their provision into the new year.
        answers = {a.ref: a for a in self_assessment.answers.all()}
        ImprovementAction.objects.bulk_create(
            [
                ImprovementAction(
                    answer=answers[action.answer.ref],
                    description=action.description,
                    owner=action.owner,
                    owner_name=action.owner_name,
                    due_on=action.due_on,
                )
                for action in ImprovementAction.objects.filter(
                    answer__self_assessment=previous, completed_on__isnull=True
                ).select_related("answer")
                if action.answer.ref in answers
            ]
        )
    _record(
        self_assessment,
        user=user,
        type="created",
        after={
            "code_version": code_version,
            "period_start": period_start.isoformat(),
            "period_end": period_end.isoformat(),
            "previous": previous.pk if previous else None,
            "source": source,
        },
    )
    return self_assessment


def _require_rows_of_the_code(form) -> None:
    """A form none of whose rows is a provision (or, for 2020, a question) of its Code is not a
    form of that Code, whatever was read from it: its columns were not understood, or the Code
    given is the wrong one. Refused, naming the rows, never imported as an empty success (review
    finding)."""
    from putright.codes.catalogue import provision_refs

    known = set(provision_refs(form.code))
    if not form.rows:
        raise InvalidInput({"file": "No answers could be read from the form."})
    if not any(row.ref in known for row in form.rows):
        names = "; ".join(f"{row.ref[:60]}" for row in form.rows[:10])
        more = f" and {len(form.rows) - 10} more" if len(form.rows) > 10 else ""
        raise InvalidInput(
            {
                "file": f"None of the form's {len(form.rows)} rows is a provision or question of "
                f"the {form.code} Code ({names}{more}): check the Code version and that the form "
                "has its Code provision (or question), Yes and No columns."
            }
        )


@transaction.atomic
def selfassessment_import(
    *,
    user: User,
    form,
    period_start: dt.date,
    period_end: dt.date,
    source: str = "",
    title: str = "",
) -> SelfAssessment:
    """A draft self-assessment holding an imported form's answers (importers.ImportedForm).
    Rows the Code does not have (a question the 2020 Code did not ask, say) are kept as answers
    of their own. A form any part of which could not be read is refused, naming those rows: a
    half-read form must not stand as the landlord's answers."""
    require_role(user, EDITORS, "import a self-assessment")
    if form.errors:
        raise InvalidInput({"file": form.refusal()})
    if form.code is None:
        raise InvalidInput({"code": "The Code version could not be detected: give --code."})
    _require_rows_of_the_code(form)
    self_assessment = selfassessment_create(
        user=user,
        code_version=form.code,
        period_start=period_start,
        period_end=period_end,
        title=title,
        source=source,
    )
    answers = {answer.ref: answer for answer in self_assessment.answers.all()}
    next_position = max((a.position for a in answers.values()), default=0)
    for row in form.rows:
        answer = answers.get(row.ref)
        if answer is None:
            next_position += 1
            answer = Answer(
                self_assessment=self_assessment,
                ref=row.ref,
                requirement=row.requirement,
                position=next_position,
            )
            answers[row.ref] = answer
        answer.comply = row.comply or ""
        answer.evidence = row.evidence
        answer.commentary = row.commentary
        answer.to_review = True
        answer.save()
    _record(
        self_assessment,
        user=user,
        type="imported",
        after={"source": source, "rows": len(form.rows), "problems": form.problems},
    )
    return self_assessment


@transaction.atomic
def answer_update(*, user: User, answer: Answer, **changes) -> Answer:
    """Changes an answer's comply value, evidence, commentary or "to review" mark."""
    require_role(user, EDITORS, "change a self-assessment")
    unknown = set(changes) - set(ANSWER_FIELDS)
    if unknown:
        raise InvalidInput({field: "This field cannot be changed." for field in unknown})
    self_assessment = _lock(answer.self_assessment)
    _require_draft(self_assessment)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if "comply" in changes:
        changes["comply"] = _clean_comply(changes["comply"])
    for field in ("evidence", "commentary"):
        if field in changes:
            changes[field] = (changes[field] or "").strip()
    if "to_review" in changes:
        changes["to_review"] = bool(changes["to_review"])
    elif {"comply", "evidence", "commentary"} & set(changes):
        # Editing an answer carried forward is reviewing it.
        changes["to_review"] = False
    before = {f: getattr(answer, f) for f in changes if getattr(answer, f) != changes[f]}
    if not before:
        return answer
    for field, value in changes.items():
        setattr(answer, field, value)
    answer.save()
    _void_completion(self_assessment, user=user, ref=answer.ref)
    _record(
        self_assessment,
        user=user,
        type="answer_changed",
        ref=answer.ref,
        before=before,
        after={f: changes[f] for f in before},
    )
    return answer


def _void_completion(self_assessment: SelfAssessment, *, user: User, ref: str) -> None:
    """An answer changed after the officer completed it (or a manager reviewed it) was not the
    one they signed off: their completion and the review no longer stand, and are done again,
    as an edited letter loses its sign-off."""
    if self_assessment.completed_by_id is None and self_assessment.reviewed_by_id is None:
        return
    before = {
        "completed_on": self_assessment.completed_on and self_assessment.completed_on.isoformat(),
        "reviewed_on": self_assessment.reviewed_on and self_assessment.reviewed_on.isoformat(),
    }
    self_assessment.completed_by = self_assessment.reviewed_by = None
    self_assessment.completed_on = self_assessment.reviewed_on = None
    self_assessment.save()
    _record(self_assessment, user=user, type="completion_voided", ref=ref, before=before)


@transaction.atomic
def answer_accept_live_evidence(*, user: User, answer: Answer) -> Answer:
    """Adds Putright's own figures for the period to the answer's evidence and, where they show
    a breach, adopts the proposed "no" or "partly"."""
    from putright.selfassessment.live_evidence import live_evidence_for

    answer = Answer.objects.select_related("self_assessment__code_version").get(pk=answer.pk)
    figures = live_evidence_for(answer.self_assessment).get(answer.ref, [])
    if not figures:
        raise RuleBroken(
            "no_live_evidence", f"Putright holds no records that evidence {answer.ref}."
        )
    lines = [f"Putright records: {figure.summary}" for figure in figures]
    evidence = "\n".join(
        [answer.evidence] + [line for line in lines if line not in answer.evidence]
    ).strip()
    changes = {"evidence": evidence}
    proposals = {figure.proposed for figure in figures} - {None}
    if proposals:
        changes["comply"] = "no" if proposals == {"no"} else "partly"
    answer = answer_update(user=user, answer=answer, **changes)
    _record(
        answer.self_assessment,
        user=user,
        type="live_evidence_accepted",
        ref=answer.ref,
        after={"figures": [figure.as_dict() for figure in figures]},
    )
    return answer


@transaction.atomic
def improvement_action_add(
    *,
    user: User,
    answer: Answer,
    description: str,
    due_on: dt.date,
    owner: User | None = None,
    owner_name: str = "",
) -> ImprovementAction:
    require_role(user, EDITORS, "add an improvement action")
    self_assessment = _lock(answer.self_assessment)
    _require_draft(self_assessment)
    errors = {}
    if not (description or "").strip():
        errors["description"] = "Say what will be done."
    if due_on is None:
        errors["due_on"] = "Enter the date it is due."
    if owner is None and not (owner_name or "").strip():
        errors["owner"] = "Name who owns the action."
    if errors:
        raise InvalidInput(errors)
    action = ImprovementAction.objects.create(
        answer=answer,
        description=description.strip(),
        due_on=due_on,
        owner=owner,
        owner_name=(owner_name or "").strip(),
    )
    _record(
        self_assessment,
        user=user,
        type="action_added",
        ref=answer.ref,
        after={
            "action": action.pk,
            "description": action.description,
            "owner": action.owner_label,
            "due_on": due_on.isoformat(),
        },
    )
    return action


@transaction.atomic
def improvement_action_complete(
    *, user: User, action: ImprovementAction, completed_on: dt.date | None = None
) -> ImprovementAction:
    """Actions are completed whatever the status: the work goes on after publication."""
    require_role(user, EDITORS, "complete an improvement action")
    completed_on = completed_on or dates.today()
    if completed_on > dates.today():
        raise InvalidInput({"completed_on": "An action cannot be completed in the future."})
    action = ImprovementAction.objects.select_for_update().get(pk=action.pk)
    if action.completed_on is not None:
        raise RuleBroken("action_already_completed", "This action is already complete.")
    action.completed_on = completed_on
    action.save(update_fields=["completed_on"])
    _record(
        action.answer.self_assessment,
        user=user,
        type="action_completed",
        ref=action.answer.ref,
        after={"action": action.pk, "completed_on": completed_on.isoformat()},
    )
    return action


def _incomplete_answers(self_assessment: SelfAssessment) -> dict[str, str]:
    problems = {}
    for answer in self_assessment.answers.all():
        if not answer.comply:
            problems[answer.ref] = "No comply value."
        elif answer.comply in {Comply.YES, Comply.PARTLY} and not answer.evidence:
            problems[answer.ref] = "A 'yes' or 'partly' must be supported by evidence."
        elif answer.to_review:
            problems[answer.ref] = "Carried forward from last year: review it first."
    return problems


@transaction.atomic
def selfassessment_complete(
    *, user: User, self_assessment: SelfAssessment, completed_on: dt.date | None = None
) -> SelfAssessment:
    """The complaints officer signs it off as complete: every provision answered and every
    statement supported by evidence (Appendix A)."""
    require_role(user, COMPLETERS, "complete a self-assessment")
    self_assessment = _lock(self_assessment)
    _require_draft(self_assessment)
    problems = _incomplete_answers(self_assessment)
    if problems:
        raise InvalidInput(problems)
    self_assessment.completed_by = user
    self_assessment.completed_on = completed_on or dates.today()
    self_assessment.reviewed_by = None
    self_assessment.reviewed_on = None
    self_assessment.save()
    _record(self_assessment, user=user, type="completed")
    return self_assessment


@transaction.atomic
def selfassessment_review(
    *, user: User, self_assessment: SelfAssessment, reviewed_on: dt.date | None = None
) -> SelfAssessment:
    require_role(user, REVIEWERS, "review a self-assessment")
    self_assessment = _lock(self_assessment)
    _require_draft(self_assessment)
    if self_assessment.completed_by_id is None:
        raise RuleBroken("not_completed", "The complaints officer has not completed it yet.")
    if self_assessment.completed_by_id == user.pk:
        raise RuleBroken(
            "reviewer_not_independent", "Someone other than the person who completed it reviews it."
        )
    self_assessment.reviewed_by = user
    self_assessment.reviewed_on = reviewed_on or dates.today()
    self_assessment.save()
    _record(self_assessment, user=user, type="reviewed")
    return self_assessment


@transaction.atomic
def selfassessment_approve(
    *, user: User, self_assessment: SelfAssessment, approved_on: dt.date
) -> SelfAssessment:
    """Records the governing body's approval (8.2) on the date of its meeting."""
    require_role(user, APPROVAL_RECORDERS, "record the governing body's approval")
    self_assessment = _lock(self_assessment)
    _require_draft(self_assessment)
    if self_assessment.reviewed_by_id is None:
        raise RuleBroken(
            "not_reviewed", "A manager reviews the self-assessment before the governing body."
        )
    problems = _incomplete_answers(self_assessment)
    if problems:  # the reviewed answers are all there (they cannot change after completion)
        raise InvalidInput(problems)
    if approved_on is None:
        raise InvalidInput({"approved_on": "Enter the date of the governing body's approval."})
    if approved_on > dates.today():
        raise InvalidInput({"approved_on": "The approval date cannot be in the future."})
    if approved_on < self_assessment.reviewed_on:
        raise InvalidInput({"approved_on": "The governing body approves after the review."})
    self_assessment.status = Status.APPROVED
    self_assessment.governing_body_approved_on = approved_on
    self_assessment.approval_recorded_by = user
    self_assessment.save()
    _record(
        self_assessment, user=user, type="approved", after={"approved_on": approved_on.isoformat()}
    )
    return self_assessment


@transaction.atomic
def selfassessment_publish(
    *, user: User, self_assessment: SelfAssessment, published_on: dt.date | None = None
) -> SelfAssessment:
    """Published with the annual complaints performance and service improvement report (8.1)."""
    require_role(user, EDITORS, "publish a self-assessment")
    self_assessment = _lock(self_assessment)
    if self_assessment.status != Status.APPROVED:
        raise RuleBroken(
            "not_approved",
            "Only a self-assessment approved by the governing body can be published.",
            provision="8.2",
        )
    published_on = published_on or dates.today()
    if published_on < self_assessment.governing_body_approved_on:
        raise InvalidInput({"published_on": "It is published after the governing body approves."})
    self_assessment.status = Status.PUBLISHED
    self_assessment.published_on = published_on
    self_assessment.save()
    _record(
        self_assessment,
        user=user,
        type="published",
        after={"published_on": published_on.isoformat()},
    )
    return self_assessment


@transaction.atomic
def submission_record(
    *, user: User, self_assessment: SelfAssessment, submitted_on: dt.date | None = None
) -> SelfAssessment:
    """That the annual submission to the Ombudsman was made, with this self-assessment: a
    change in its history (the pack then shows it as made, and the home stops reminding)."""
    from putright.selfassessment.submission import SUBMITTED

    require_role(user, EDITORS, "record the annual submission")
    self_assessment = _lock(self_assessment)
    if self_assessment.status != Status.PUBLISHED:
        raise RuleBroken(
            "not_published",
            "The submission links the published self-assessment: publish it first.",
            provision="8.2",
        )
    submitted_on = submitted_on or dates.today()
    if submitted_on < self_assessment.published_on or submitted_on > dates.today():
        raise InvalidInput({"submitted_on": "Enter a date from the day it was published to today."})
    _record(
        self_assessment,
        user=user,
        type=SUBMITTED,
        after={"submitted_on": submitted_on.isoformat()},
    )
    return self_assessment
