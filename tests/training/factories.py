"""Courses and training records, made through the services."""

from putright.training import services


def handling_course(officer, months=12):
    return services.course_add(
        user=officer, name="Complaint handling", complaint_handling=True, validity_months=months
    )


def awareness_course(officer, months=24):
    return services.course_add(
        user=officer, name="Complaints awareness", awareness=True, validity_months=months
    )


def trained(officer, staff, course, on):
    return services.training_record(user=officer, course=course, staff=staff, completed_on=on)
