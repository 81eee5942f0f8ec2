"""The words of the demo charters, plans and consultations (action_plans/demo.py builds them through the services).

Texts are (English, Irish) pairs; an empty Irish text means the organisation gave none, and the public page
says so. Section keys are (section kind, principle value), as in `services.charters.SECTION_ORDER`.
"""

# --- Revenue and Customs Service: version 1, every section in English and Irish ----------------------------

REVENUE_SECTIONS = {
    ("about", ""): (
        "The Revenue and Customs Service collects taxes and duties for the State and controls goods coming into "
        "and leaving the country. We serve individuals, businesses and agents online, by phone, by post and at our "
        "public offices.",
        "Bailíonn an tSeirbhís Ioncaim agus Custaim cánacha agus dleachtanna don Stát agus rialaíonn sí earraí a "
        "thagann isteach sa tír agus a fhágann í. Freastalaímid ar dhaoine aonair, ar ghnólachtaí agus ar "
        "ghníomhairí ar líne, ar an nguthán, tríd an bpost agus inár n-oifigí poiblí.",
    ),
    ("principle", "standards"): (
        "We publish service standards for every channel, measure each quarter how well we meet them and publish "
        "the results.",
        "Foilsímid caighdeáin seirbhíse do gach bealach, tomhaisimid gach ráithe a mhéad a chomhlíonaimid iad "
        "agus foilsímid na torthaí.",
    ),
    ("principle", "equality"): (
        "We treat every customer fairly and with respect, whatever their background, and we adapt our services "
        "for people with disabilities.",
        "Caithimid go cothrom agus le meas le gach custaiméir, is cuma cén cúlra atá acu, agus cuirimid ár "
        "seirbhísí in oiriúint do dhaoine faoi mhíchumas.",
    ),
    ("principle", "access"): (
        "Our public offices are open to wheelchair users, have a hearing loop at every counter and offer a quiet "
        "room on request.",
        "Tá ár n-oifigí poiblí inrochtana d'úsáideoirí cathaoireacha rothaí, tá lúb éisteachta ag gach cuntar "
        "agus cuirimid seomra ciúin ar fáil ach é a iarraidh.",
    ),
    ("principle", "information"): (
        "We give clear, accurate and up-to-date information in plain language, online and in print, and tell you "
        "what you will need before you contact us.",
        "Tugaimid eolas soiléir, cruinn agus cothrom le dáta i dteanga shimplí, ar líne agus i gcló, agus "
        "insímid duit cad a bheidh uait sula ndéanann tú teagmháil linn.",
    ),
    ("principle", "timeliness"): (
        "We answer calls, e-mails and letters within the times in our service standards. We give our name when we "
        "deal with you and we are courteous at all times.",
        "Freagraímid glaonna, ríomhphoist agus litreacha laistigh de na hamanna inár gcaighdeáin seirbhíse. "
        "Tugaimid ár n-ainm nuair a bhímid ag déileáil leat agus bímid cúirtéiseach i gcónaí.",
    ),
    ("principle", "complaints"): (
        "If you are not satisfied with our service, you can complain. We acknowledge every complaint within "
        "3 working days and aim to resolve it within 20 working days.",
        "Mura bhfuil tú sásta lenár seirbhís, is féidir leat gearán a dhéanamh. Admhaímid gach gearán laistigh "
        "de 3 lá oibre agus féachaimid lena réiteach laistigh de 20 lá oibre.",
    ),
    ("principle", "appeals"): (
        "If you disagree with a decision we made, you can ask for an internal review, and then appeal to the "
        "independent Tax Appeals Commission.",
        "Má easaontaíonn tú le cinneadh a rinneamar, is féidir leat athbhreithniú inmheánach a iarraidh, agus "
        "ansin achomharc a dhéanamh chuig an gCoimisiún neamhspleách um Achomhairc Cánach.",
    ),
    ("principle", "consultation"): (
        "Every year we ask customers and staff what they think, through surveys and panels, and we publish what "
        "we changed as a result.",
        "Gach bliain fiafraímid de chustaiméirí agus den fhoireann cad é a dtuairim, trí shuirbhéanna agus "
        "phainéil, agus foilsímid na hathruithe a rinneamar dá bharr.",
    ),
    ("principle", "choice"): (
        "You can deal with us through your online account, by phone, by post or in person, and you can book an "
        "appointment at a time that suits you.",
        "Is féidir leat déileáil linn trí do chuntas ar líne, ar an nguthán, tríd an bpost nó go pearsanta, "
        "agus is féidir leat coinne a chur in áirithe ag am a oireann duit.",
    ),
    ("principle", "languages"): (
        "You can deal with us in Irish or in English. Our forms and guides are in both languages and we reply in "
        "the language you use.",
        "Is féidir leat déileáil linn i nGaeilge nó i mBéarla. Tá ár bhfoirmeacha agus ár dtreoracha sa dá "
        "theanga agus freagraímid sa teanga a úsáideann tú.",
    ),
    ("principle", "coordination"): (
        "We work with other public bodies so that you give us information only once, and we pass your query to "
        "the right body when it is not ours.",
        "Oibrímid le comhlachtaí poiblí eile ionas nach mbeidh ort eolas a thabhairt dúinn ach uair amháin, "
        "agus cuirimid do cheist ar aghaidh chuig an gcomhlacht ceart nuair nach linne í.",
    ),
    ("principle", "internal"): (
        "Our staff are trained in customer service and have the tools and support to serve you well. We treat "
        "our colleagues as customers too.",
        "Tá oiliúint i seirbhís do chustaiméirí ag ár bhfoireann agus tá na huirlisí agus an tacaíocht acu "
        "chun freastal maith a dhéanamh ort. Caithimid lenár gcomhghleacaithe mar chustaiméirí freisin.",
    ),
    ("standards", ""): (
        "These are the standards we measure ourselves against. The latest result is shown beside each one.",
        "Seo iad na caighdeáin a dtomhaisimid sinn féin ina gcoinne. Taispeántar an toradh is déanaí in aice le "
        "gach ceann acu.",
    ),
    ("feedback", ""): (
        "Tell us what you think: use the feedback form on our website, fill in a comment card at any public "
        "office, or scan the QR code at the counter.",
        "Inis dúinn cad é do thuairim: úsáid an fhoirm aiseolais ar ár suíomh gréasáin, líon isteach cárta "
        "tuairimí in aon oifig phoiblí, nó scan an cód QR ag an gcuntar.",
    ),
    ("complaints", ""): (
        "To complain, use the complaints form on our website, write to the Customer Service Unit or ask any member "
        "of staff. Tell us your name, how to contact you and what went wrong. We acknowledge your complaint within "
        "3 working days and reply in full within 20 working days.",
        "Chun gearán a dhéanamh, úsáid an fhoirm ghearán ar ár suíomh gréasáin, scríobh chuig an Aonad "
        "Seirbhíse do Chustaiméirí nó labhair le haon bhall foirne. Inis dúinn d'ainm, conas teagmháil a "
        "dhéanamh leat agus cad a chuaigh mícheart. Admhóimid do ghearán laistigh de 3 lá oibre agus "
        "tabharfaimid freagra iomlán laistigh de 20 lá oibre.",
    ),
    ("appeals", ""): (
        "If you are not satisfied with a decision or with the outcome of your complaint, ask for an internal "
        "review within 30 days. A senior officer who was not involved will review it. You may then appeal to the "
        "Tax Appeals Commission or contact the Ombudsman.",
        "Mura bhfuil tú sásta le cinneadh nó le toradh do ghearáin, iarr athbhreithniú inmheánach laistigh de "
        "30 lá. Déanfaidh oifigeach sinsearach nach raibh baint aige nó aici leis an gcás é a athbhreithniú. "
        "Is féidir leat achomharc a dhéanamh ansin chuig an gCoimisiún um Achomhairc Cánach nó dul i "
        "dteagmháil leis an Ombudsman.",
    ),
    ("contact", ""): (
        "Phone +353 1 555 0100, Monday to Friday, 9.00 to 17.00. E-mail customerservice@revenue.example.org. "
        "Public offices are open Monday to Friday, 9.30 to 16.30. We serve you in Irish or English, and arrange "
        "an interpreter on request.",
        "Guthán +353 1 555 0100, Luan go hAoine, 9.00 go 17.00. Ríomhphost customerservice@revenue.example.org. "
        "Bíonn na hoifigí poiblí ar oscailt Luan go hAoine, 9.30 go 16.30. Freastalaímid ort i nGaeilge nó i "
        "mBéarla, agus socraímid ateangaire ach é a iarraidh.",
    ),
    ("reporting", ""): (
        "Every quarter we publish our results against these standards on our website, and we report on the year "
        "in our annual report.",
        "Gach ráithe foilsímid ár dtorthaí i gcoinne na gcaighdeán seo ar ár suíomh gréasáin, agus tuairiscímid "
        "ar an mbliain inár dtuarascáil bhliantúil.",
    ),
}

# (standard code, wording, Irish wording)
REVENUE_STANDARDS = [
    ("PH-1", "We answer 80% of calls within 5 minutes.", "Freagraímid 80% de ghlaonna laistigh de 5 nóiméad."),
    (
        "EM-1",
        "We answer 90% of e-mails within 5 working days.",
        "Freagraímid 90% de ríomhphoist laistigh de 5 lá oibre.",
    ),
    (
        "CP-1",
        "We acknowledge 95% of complaints within 3 working days.",
        "Admhaímid 95% de ghearáin laistigh de 3 lá oibre.",
    ),
    (
        "LT-1",
        "We answer letters within 15 working days on average.",
        "Freagraímid litreacha laistigh de 15 lá oibre ar an meán.",
    ),
]

# The evaluator's comment on version 1 before approving it, and the representative's revision.
REVENUE_REVIEW_COMMENT = (
    ("appeals", ""),
    "Say how long the internal review takes, so customers know when to expect an answer.",
)
REVENUE_APPEALS_REVISED = (
    REVENUE_SECTIONS[("appeals", "")][0] + " The review is completed within 20 working days.",
    REVENUE_SECTIONS[("appeals", "")][1] + " Críochnaítear an t-athbhreithniú laistigh de 20 lá oibre.",
)

# Version 2, a draft: what changes against the published version (a web chat, faster complaints, late opening).
REVENUE_NEXT_VERSION = {
    ("principle", "complaints"): (
        "If you are not satisfied with our service, you can complain. We acknowledge every complaint within "
        "3 working days and aim to resolve it within 15 working days.",
        "Mura bhfuil tú sásta lenár seirbhís, is féidir leat gearán a dhéanamh. Admhaímid gach gearán laistigh "
        "de 3 lá oibre agus féachaimid lena réiteach laistigh de 15 lá oibre.",
    ),
    ("principle", "choice"): (
        "You can deal with us through your online account or our web chat, by phone, by post or in person, and "
        "you can book an appointment at a time that suits you.",
        "Is féidir leat déileáil linn trí do chuntas ar líne nó trínár gcomhrá gréasáin, ar an nguthán, tríd an "
        "bpost nó go pearsanta, agus is féidir leat coinne a chur in áirithe ag am a oireann duit.",
    ),
    ("contact", ""): (
        "Phone +353 1 555 0100, Monday to Friday, 9.00 to 17.00. Web chat on our website, Monday to Friday, "
        "9.00 to 18.00. E-mail customerservice@revenue.example.org. Public offices are open Monday to Friday, "
        "9.30 to 16.30, and until 19.00 on Thursdays. We serve you in Irish or English, and arrange an "
        "interpreter on request.",
        "Guthán +353 1 555 0100, Luan go hAoine, 9.00 go 17.00. Comhrá gréasáin ar ár suíomh gréasáin, Luan go "
        "hAoine, 9.00 go 18.00. Ríomhphost customerservice@revenue.example.org. Bíonn na hoifigí poiblí ar "
        "oscailt Luan go hAoine, 9.30 go 16.30, agus go dtí 19.00 ar an Déardaoin. Freastalaímid ort i "
        "nGaeilge nó i mBéarla, agus socraímid ateangaire ach é a iarraidh.",
    ),
}
REVENUE_NEXT_STANDARD = (
    "SAT-1",
    "We aim for a customer satisfaction score of at least 4.2 out of 5.",
    "Tá sé mar aidhm againn scór sástachta custaiméirí 4.2 as 5 ar a laghad a bhaint amach.",
)
# Comments from the public on the draft of version 2: (section key or None, text, accepted by the representative)
REVENUE_PUBLIC_COMMENTS = [
    (
        ("contact", ""),
        "Late opening on Thursdays is welcome. Could the Cork office open on Saturday mornings at the busy time "
        "of year?",
        True,
    ),
    (None, "Please keep a phone line for people who are not comfortable with web chat.", False),
]

# --- the other organisations: English texts (a few sections in Irish) ---------------------------------------

PRINCIPLES = {
    "standards": "We set service standards for each way you contact us and publish how well we meet them.",
    "equality": "We treat everyone equally and with respect, and make reasonable changes for people with disabilities.",
    "access": "Our offices are accessible, with step-free entrances, accessible toilets and hearing loops.",
    "information": "We give clear information in plain language, online, by phone and in print.",
    "timeliness": "We deal with your request promptly and courteously, and tell you who is dealing with it.",
    "complaints": "You can complain about our service; we acknowledge complaints quickly and learn from them.",
    "appeals": "You can ask for a review of a decision by someone who was not involved in making it.",
    "consultation": "We ask our customers for their views regularly and tell you what we changed as a result.",
    "choice": "You can reach us online, by phone, by post or in person, at times that suit you.",
    "languages": "You can deal with us in Irish or in English.",
    "coordination": "We work with other public bodies so you do not have to tell your story twice.",
    "internal": "We support and train our staff so they can give you a good service.",
}

OTHER_SECTIONS = {
    "Department of Social Protection": {
        ("about", ""): (
            "The Department of Social Protection pays pensions, jobseeker's and family payments and helps people "
            "into work. We serve you at our Intreo centres, by phone, by post and online.",
            "Íocann an Roinn Coimirce Sóisialaí pinsin, íocaíochtaí cuardaitheora poist agus íocaíochtaí "
            "teaghlaigh agus cabhraíonn sí le daoine obair a fháil. Freastalaímid ort inár n-ionaid Intreo, ar "
            "an nguthán, tríd an bpost agus ar líne.",
        ),
        ("principle", "languages"): (
            "You can deal with us in Irish or in English, and we answer letters in Irish within 10 working days.",
            "Is féidir leat déileáil linn i nGaeilge nó i mBéarla, agus freagraímid litreacha i nGaeilge laistigh "
            "de 10 lá oibre.",
        ),
        ("principle", "timeliness"): (
            "We decide most claims within 10 working days and tell you if yours will take longer, and why.",
            "",
        ),
        ("standards", ""): ("These are our service standards and our latest results.", ""),
        ("feedback", ""): ("Tell us what you think at any Intreo centre or through the feedback form online.", ""),
        ("complaints", ""): (
            "Complain to any member of staff, online or in writing to the Customer Service Unit. We acknowledge "
            "every complaint within 3 working days.",
            "",
        ),
        ("appeals", ""): (
            "You can appeal a decision on your claim to the independent Social Welfare Appeals Office within "
            "21 days of the decision.",
            "",
        ),
        ("contact", ""): (
            "Phone +353 1 555 0200, Monday to Friday, 9.00 to 17.00. E-mail info@socialprotection.example.org. "
            "Intreo centres are open Monday to Friday, 9.30 to 16.00. Services in Irish and English.",
            "",
        ),
        ("reporting", ""): ("We publish our results every quarter and in our annual report.", ""),
    },
    "Riverside City Council": {
        ("about", ""): (
            "Riverside City Council looks after housing, roads, parks, libraries and planning for the people of "
            "Riverside.",
            "",
        ),
        ("standards", ""): ("These are our service standards and our latest results.", ""),
        ("feedback", ""): ("Tell us what you think at any council office, online or on social media.", ""),
        ("complaints", ""): (
            "Complain online, by phone or at the civic offices. We acknowledge complaints within 5 working days.",
            "",
        ),
        ("appeals", ""): (
            "If you are not satisfied with our answer, ask for a review by the Director of Services, then contact "
            "the Ombudsman.",
            "",
        ),
        ("contact", ""): (
            "Phone +353 21 555 0300, Monday to Friday, 9.00 to 17.00. E-mail customer.care@riverside.example.org. "
            "Civic offices, Quay Street, open Monday to Friday, 9.30 to 16.30.",
            "",
        ),
        ("reporting", ""): ("We report on our standards each quarter at council meetings and online.", ""),
    },
}
OTHER_STANDARDS = {
    "Department of Social Protection": [
        ("CL-1", "We decide 85% of claims within 10 working days.", ""),
        ("CT-1", "Half of our callers at the counter wait 15 minutes or less.", ""),
        (
            "GA-1",
            "We answer every letter in Irish within 10 working days.",
            "Freagraímid gach litir i nGaeilge laistigh de 10 lá oibre.",
        ),
    ],
    "Riverside City Council": [
        ("WEB-1", "We answer 75% of web forms within 2 working days.", ""),
        ("SM-1", "We answer 80% of questions on social media within 4 hours.", ""),
    ],
}
# Social Protection's version 2, submitted for review: Saturday clinics and a faster appeal.
SOCIAL_PROTECTION_NEXT_VERSION = {
    ("principle", "choice"): (
        "You can reach us online, by phone, by post or in person. Our larger Intreo centres now hold a Saturday "
        "morning clinic once a month.",
        "",
    ),
    ("appeals", ""): (
        "You can ask us to look at a decision again within 21 days, or appeal it to the independent Social "
        "Welfare Appeals Office. We send your file to the Appeals Office within 5 working days.",
        "",
    ),
}

# --- consultations: (organisation, title, method, audience, participants, count, from and to in days before
# today, findings, charter sections informed (keys), plan actions informed (their principles)) -------------------

CONSULTATIONS = [
    (
        "Revenue and Customs Service",
        "Customer survey",
        "survey",
        "customers",
        "Individuals, businesses and tax agents who contacted us in the quarter",
        1240,
        (470, 440),
        "81% of customers were satisfied overall. Callers want shorter waits in January and October and asked "
        "for a web chat; agents asked for one point of contact.",
        [("principle", "timeliness"), ("principle", "choice")],
        ["timeliness", "choice"],
    ),
    (
        "Revenue and Customs Service",
        "Staff focus groups on serving customers",
        "focus_group",
        "staff",
        "Front-line staff from the phone centre and three public offices",
        36,
        (430, 420),
        "Staff asked for refresher training on complaints and for the case history to be on one screen.",
        [("principle", "internal")],
        ["internal", "complaints"],
    ),
    (
        "Department of Social Protection",
        "Intreo centre customer panel",
        "customer_panel",
        "customers",
        "Customers of four Intreo centres, including people with disabilities",
        24,
        (300, 240),
        "Customers asked for clearer letters, a quiet space in busy centres and opening outside working hours.",
        [("principle", "access"), ("principle", "information")],
        [],
    ),
    (
        "Riverside City Council",
        "Residents' survey on council services",
        "survey",
        "customers",
        "Residents of every ward",
        860,
        (380, 350),
        "Residents want faster answers on social media and more information on road works.",
        [("principle", "information")],
        [],
    ),
]

# --- Revenue's action plan: (principle, objective, action, owner, target in days from today, indicator,
# standard codes, progress updates as (days before today, status, note)) ---------------------------------------

PLAN_ACTIONS = [
    (
        "standards",
        "Publish our results every quarter",
        "Publish the quarter's results against each charter standard on the website within a month.",
        "Customer Service Unit",
        -200,
        "Results published on time each quarter",
        ["PH-1", "EM-1"],
        [(260, "on_track", "First quarter published."), (205, "done", "Published every quarter since.")],
    ),
    (
        "equality",
        "Make our forms easier to use with a screen reader",
        "Test the 10 most-used online forms with screen-reader users and fix what they find.",
        "Digital Services",
        150,
        "Forms passing the accessibility test",
        [],
        [(90, "on_track", "Six of ten forms tested and fixed.")],
    ),
    (
        "access",
        "A hearing loop at every counter",
        "Fit and test hearing loops at the counters of every public office.",
        "Facilities",
        -120,
        "Counters with a working hearing loop",
        [],
        [(130, "done", "Fitted in all 14 offices and tested.")],
    ),
    (
        "information",
        "Rewrite our most-used guides in plain language",
        "Rewrite the 20 most-read guides in plain English and Irish, tested with customers.",
        "Communications",
        240,
        "Guides rewritten and tested",
        [],
        [(60, "on_track", "Twelve guides done.")],
    ),
    (
        "timeliness",
        "Answer more calls within 5 minutes",
        "Add staff to the phone lines in January and October and offer a call-back at busy times.",
        "Phone Centre",
        90,
        "Share of calls answered within 5 minutes",
        ["PH-1"],
        [(120, "on_track", "Call-back in place."), (20, "at_risk", "Two vacancies unfilled before the peak.")],
    ),
    (
        "complaints",
        "Acknowledge complaints faster",
        "Send an automatic acknowledgement with a reference number and the name of the officer.",
        "Customer Service Unit",
        60,
        "Share of complaints acknowledged within 3 working days",
        ["CP-1"],
        [(45, "on_track", "Automatic acknowledgement live for online complaints.")],
    ),
    (
        "appeals",
        "Explain the internal review in every decision letter",
        "Add a short paragraph on asking for an internal review to every decision letter template.",
        "Legal Services",
        -40,
        "Decision letters that explain the review",
        [],
        [(100, "on_track", "Templates drafted."), (30, "late", "Waiting for legal sign-off of the wording.")],
    ),
    (
        "consultation",
        "Survey our customers every year",
        "Run the customer survey each autumn and publish what we changed as a result.",
        "Customer Service Unit",
        -150,
        "Survey run and results published",
        ["PH-1", "CP-1"],
        [(160, "done", "Survey run; results and changes published.")],
    ),
    (
        "choice",
        "Offer a web chat for general questions",
        "Pilot a web chat for general questions, then offer it to every customer.",
        "Digital Services",
        200,
        "Questions answered by web chat",
        ["EM-1"],
        [(50, "on_track", "Pilot running with 500 customers.")],
    ),
    (
        "languages",
        "Answer in Irish as fast as in English",
        "Train a second team to answer calls and letters in Irish.",
        "Irish Language Unit",
        300,
        "Replies in Irish within the same times as in English",
        ["LT-1"],
        [(75, "on_track", "Eight staff trained.")],
    ),
    (
        "coordination",
        "Tell us about a change of address once",
        "With the customer's consent, share a change of address with the other bodies that pay or charge them.",
        "Customer Service Unit",
        330,
        "Bodies that receive the change",
        [],
        [],
    ),
    (
        "internal",
        "Refresher training on complaints for front-line staff",
        "Give every front-line member of staff a half-day refresher on handling complaints.",
        "Human Resources",
        120,
        "Front-line staff trained",
        ["CP-1"],
        [(40, "on_track", "Half of front-line staff trained.")],
    ),
]
