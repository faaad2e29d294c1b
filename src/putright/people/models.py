from django.db import models


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    LETTER = "letter", "Letter"
    TEXT = "text", "Text message"
    IN_PERSON = "in_person", "In person"


class Resident(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    tenancy_reference = models.CharField(max_length=60, blank=True, db_index=True)
    preferred_contact_method = models.CharField(
        max_length=20, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the retention schedule anonymises the resident (UK GDPR storage limitation).
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class Representative(models.Model):
    """Someone acting for a resident: family, an advocate, a councillor, an MP (1.3, 3.6)."""

    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.name} ({self.relationship})"
