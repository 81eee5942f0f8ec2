"""The shipped shared module "Quality customer service: the basics", in English and Irish.

Plain data (loaded by a data migration through `training.content.install_module`): the version's
fields, its lessons in order and its quiz. The lesson texts are Markdown, headings from h2.

This is version 1 as shipped: databases that have run the migration keep what it installed, so edit it
only to fix a typo before release. Later content is a new version (authored in the product, or a new
data package with its own migration), never a change here.
"""

from .lessons_complaints import COMPLAINTS
from .lessons_equality import EQUALITY
from .lessons_languages import LANGUAGES
from .lessons_principles import COURTESY, PRINCIPLES
from .quiz import QUESTIONS

CODE = "quality-customer-service-basics"

MODULE = {
    "code": CODE,
    "version": {
        "title": "Quality customer service: the basics",
        "title_ga": "Seirbhís custaiméirí ar ardchaighdeán: na bunrudaí",
        "summary": (
            "What every public servant needs to know to give quality customer service: the 12 principles, "
            "courtesy and timeliness, handling a complaint, accessibility and equality, and dealing with the "
            "public in Irish and English."
        ),
        "summary_ga": (
            "An méid is gá do gach seirbhíseach poiblí a bheith ar eolas aige nó aici chun seirbhís custaiméirí "
            "ar ardchaighdeán a chur ar fáil: an dá phrionsabal déag, cúirtéis agus tráthúlacht, gearán a "
            "láimhseáil, inrochtaineacht agus comhionannas, agus déileáil leis an bpobal i nGaeilge agus i mBéarla."
        ),
        "estimated_minutes": 45,
        "validity_months": 24,
        "pass_mark": 80,
        "max_attempts": 3,
        "questions_per_attempt": 10,
    },
    "lessons": [PRINCIPLES, COURTESY, COMPLAINTS, EQUALITY, LANGUAGES],
    "questions": QUESTIONS,
}
