"""The Code as rows, so that self-assessment answers can point at the provision they answer."""

from django.db import models


class Kind(models.TextChoices):
    MUST = "must", "Mandatory ('must')"
    SHOULD = "should", "Best practice ('should')"
    MAY = "may", "Discretionary ('may')"


class CodeVersion(models.Model):
    key = models.CharField(max_length=10, unique=True)  # "2024", matching timescales.code
    title = models.CharField(max_length=200)
    in_force_from = models.DateField()
    statutory = models.BooleanField(default=False)

    class Meta:
        ordering = ["-in_force_from"]

    def __str__(self):
        return self.title


class Section(models.Model):
    code_version = models.ForeignKey(CodeVersion, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["code_version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["code_version", "number"], name="one_section_number")
        ]

    def __str__(self):
        return f"Section {self.number}: {self.title}"


class Provision(models.Model):
    code_version = models.ForeignKey(
        CodeVersion, on_delete=models.CASCADE, related_name="provisions"
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="provisions")
    ref = models.CharField(max_length=20)
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MUST)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["code_version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["code_version", "ref"], name="one_provision_ref")
        ]

    def __str__(self):
        return self.ref

    @property
    def must(self) -> bool:
        return self.kind == Kind.MUST
