"""Demo organisations and people for the quick start. Loading twice changes nothing."""

from django.contrib.auth.models import Group
from django.db import transaction

from .models import Membership, Organisation, Sector, User
from .roles import CentralRole, OrganisationRole
from .services import member_permissions_sync

DEMO_PASSWORD = "quality-demo-2026"

ORGANISATIONS = [
    {"name": "Department of Finance", "short_name": "Finance", "sector": Sector.CENTRAL_GOVERNMENT, "parent": None},
    {
        "name": "Revenue and Customs Service",
        "short_name": "Revenue",
        "sector": Sector.AGENCY,
        "parent": "Department of Finance",
        "website": "https://revenue.example.org",
        "email": "customerservice@revenue.example.org",
        "phone": "+353 1 555 0100",
    },
    {
        "name": "Department of Social Protection",
        "short_name": "Social Protection",
        "sector": Sector.CENTRAL_GOVERNMENT,
        "parent": None,
        "website": "https://socialprotection.example.org",
        "email": "info@socialprotection.example.org",
        "phone": "+353 1 555 0200",
        # Reports on a financial year from April ("2025-26"); its quarters coincide with calendar quarters.
        "financial_year_start_month": 4,
        "financial_year_label_style": "dash",
    },
    {
        "name": "Riverside City Council",
        "short_name": "Riverside",
        "sector": Sector.LOCAL_AUTHORITY,
        "parent": None,
        "website": "https://riverside.example.org",
        "email": "customer.care@riverside.example.org",
        "phone": "+353 21 555 0300",
    },
]

# (e-mail, first name, last name, organisation, role)
MEMBERS = [
    ("rep@revenue.example.org", "Róisín", "Byrne", "Revenue and Customs Service", OrganisationRole.REPRESENTATIVE),
    ("head@revenue.example.org", "Declan", "Murphy", "Revenue and Customs Service", OrganisationRole.HEAD),
    (
        "complaints@revenue.example.org",
        "Aoife",
        "Kelly",
        "Revenue and Customs Service",
        OrganisationRole.COMPLAINTS_OFFICER,
    ),
    ("staff@revenue.example.org", "Seán", "Walsh", "Revenue and Customs Service", OrganisationRole.STAFF),
    (
        "rep@socialprotection.example.org",
        "Niamh",
        "O'Brien",
        "Department of Social Protection",
        OrganisationRole.REPRESENTATIVE,
    ),
    ("head@socialprotection.example.org", "Ciarán", "Doyle", "Department of Social Protection", OrganisationRole.HEAD),
    (
        "complaints@socialprotection.example.org",
        "Orla",
        "Ryan",
        "Department of Social Protection",
        OrganisationRole.COMPLAINTS_OFFICER,
    ),
    (
        "staff@socialprotection.example.org",
        "Pádraig",
        "Nolan",
        "Department of Social Protection",
        OrganisationRole.STAFF,
    ),
    ("rep@riverside.example.org", "Máire", "Quinn", "Riverside City Council", OrganisationRole.REPRESENTATIVE),
    ("head@riverside.example.org", "Eoin", "Fitzgerald", "Riverside City Council", OrganisationRole.HEAD),
    (
        "complaints@riverside.example.org",
        "Siobhán",
        "Brennan",
        "Riverside City Council",
        OrganisationRole.COMPLAINTS_OFFICER,
    ),
    ("staff@riverside.example.org", "Liam", "Hayes", "Riverside City Council", OrganisationRole.STAFF),
]

# (e-mail, first name, last name, central role)
CENTRAL_PEOPLE = [
    ("evaluator@qcs.example.org", "Gráinne", "Lynch", CentralRole.EVALUATOR),
    ("evaluator2@qcs.example.org", "Colm", "Daly", CentralRole.EVALUATOR),
    ("lead@qcs.example.org", "Fionnuala", "Healy", CentralRole.LEAD_EVALUATOR),
    ("admin@qcs.example.org", "Tomás", "Power", CentralRole.ADMINISTRATOR),
]


def _person(email, first_name, last_name):
    user, created = User.objects.get_or_create(email=email, defaults={"first_name": first_name, "last_name": last_name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def load_demo():
    for data in ORGANISATIONS:
        fields = dict(data)
        parent_name = fields.pop("parent")
        fields["parent"] = Organisation.objects.get(name=parent_name) if parent_name else None
        Organisation.objects.get_or_create(name=fields.pop("name"), defaults=fields)

    for email, first_name, last_name, organisation_name, role in MEMBERS:
        user = _person(email, first_name, last_name)
        organisation = Organisation.objects.get(name=organisation_name)
        Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
        member_permissions_sync(user=user, organisation=organisation)

    for email, first_name, last_name, role in CENTRAL_PEOPLE:
        user = _person(email, first_name, last_name)
        user.groups.add(Group.objects.get(name=role))
