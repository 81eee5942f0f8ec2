"""Lesson 4: accessibility and equality."""

EQUALITY = {
    "title": "Accessibility and equality",
    "title_ga": "Inrochtaineacht agus comhionannas",
    "body": """\
## Equal treatment is the law

The **Equal Status Acts 2000 to 2018** prohibit discrimination in the provision of services, including
public services, on nine grounds:

- gender
- civil status
- family status
- sexual orientation
- religion
- age
- disability
- race (including colour, nationality and ethnic origin)
- membership of the Traveller community

In the provision of accommodation, receiving housing assistance is a protected ground as well.
Discrimination can be direct (treating someone less favourably because of one of the grounds) or
indirect (a rule that looks neutral but puts one group at a particular disadvantage without good
reason). Harassment on any of the grounds is also prohibited.

## The Public Sector Equality and Human Rights Duty

Section 42 of the Irish Human Rights and Equality Commission Act 2014 requires every public body, in
all its work, to have regard to the need to **eliminate discrimination**, **promote equality of
opportunity and treatment**, and **protect the human rights** of its staff and of the people it
serves. This is sometimes called the Public Sector Duty. It applies to everyday service as much as
to policy.

## Accessible services

The **Disability Act 2005** requires public bodies, as far as practicable, to:

- make their services accessible to people with disabilities, and provide help to access them where
  it is needed;
- give information in accessible formats on request, for example large print, Braille, easy-to-read
  or audio, and make sure electronic information works with assistive technology;
- make their public buildings accessible;
- appoint **access officers** to arrange help for people with disabilities who use the services.

Service providers must also make **reasonable accommodation** for a person with a disability when,
without it, using the service would be impossible or unduly difficult. Under the **Irish Sign
Language Act 2017**, public bodies must provide free interpretation for users of Irish Sign Language
who use their statutory services.

## In practice

- Ask "How can I help?" rather than assuming what a person needs or can do.
- Speak directly to the customer, not to the person with them or to an interpreter.
- Offer a quiet room, a chair, more time or a different channel when that would help.
- Write in plain language, and check that forms and web pages work with a keyboard and screen reader.
- Know who your access officer is and how to reach them.
- Never make assumptions about a person because of their name, accent, appearance or family.
""",
    "body_ga": """\
## Ceangal dlí is ea cóir chomhionann

Cuireann **na hAchtanna um Stádas Comhionann 2000 go 2018** cosc ar idirdhealú i soláthar seirbhísí,
seirbhísí poiblí san áireamh, ar naoi bhforas:

- inscne
- stádas sibhialta
- stádas teaghlaigh
- gnéaschlaonadh
- reiligiún
- aois
- míchumas
- cine (dath, náisiúntacht agus bunús eitneach san áireamh)
- a bheith i do bhall den Lucht Siúil

I soláthar cóiríochta, is foras cosanta freisin é cúnamh tithíochta a fháil. Is féidir le
hidirdhealú a bheith díreach (caitheamh níos measa le duine mar gheall ar cheann de na forais) nó
indíreach (riail a bhfuil cuma neodrach uirthi ach a chuireann grúpa áirithe faoi mhíbhuntáiste
gan chúis mhaith). Tá cosc freisin ar chiapadh ar aon cheann de na forais.

## Dualgas Earnála Poiblí um Chomhionannas agus um Chearta an Duine

Ceanglaíonn alt 42 d'Acht Choimisiún na hÉireann um Chearta an Duine agus Comhionannas 2014 ar gach
comhlacht poiblí, ina chuid oibre ar fad, aird a thabhairt ar an ngá atá le **deireadh a chur le
hidirdhealú**, **comhionannas deiseanna agus cóir chomhionann a chur chun cinn**, agus **cearta an
duine a chosaint** i gcás a fhoirne agus na ndaoine a bhfreastalaíonn sé orthu. Tugtar Dualgas na
hEarnála Poiblí air uaireanta. Baineann sé leis an tseirbhís laethúil chomh mór agus a bhaineann sé
le beartas.

## Seirbhísí inrochtana

Ceanglaíonn **an tAcht Míchumais 2005** ar chomhlachtaí poiblí, a mhéid is indéanta:

- a seirbhísí a dhéanamh inrochtana do dhaoine faoi mhíchumas, agus cabhair a thabhairt chun rochtain
  a fháil orthu nuair is gá;
- faisnéis a thabhairt i bhformáidí inrochtana ach í a iarraidh, mar shampla cló mór, Braille,
  formáid atá éasca le léamh nó fuaim, agus a chinntiú go n-oibríonn faisnéis leictreonach le
  teicneolaíocht chúnta;
- a bhfoirgnimh phoiblí a dhéanamh inrochtana;
- **oifigigh rochtana** a cheapadh chun cabhair a shocrú do dhaoine faoi mhíchumas a úsáideann na
  seirbhísí.

Ní mór do sholáthraithe seirbhíse **cóiríocht réasúnta** a dhéanamh freisin do dhuine faoi mhíchumas
nuair a bheadh sé dodhéanta nó ródheacair an tseirbhís a úsáid gan í. Faoin **Acht um Theanga
Chomharthaíochta na hÉireann 2017**, ní mór do chomhlachtaí poiblí ateangaireacht saor in aisce a
chur ar fáil d'úsáideoirí Theanga Chomharthaíochta na hÉireann a bhaineann úsáid as a seirbhísí
reachtúla.

## Go praiticiúil

- Fiafraigh "Conas is féidir liom cabhrú leat?" seachas glacadh leis go bhfuil a fhios agat cad is gá
  do dhuine nó cad is féidir leis nó léi a dhéanamh.
- Labhair go díreach leis an gcustaiméir, ní leis an duine atá in éineacht leis nó léi ná leis an
  ateangaire.
- Tairg seomra ciúin, cathaoir, tuilleadh ama nó bealach eile teagmhála nuair a chabhródh sé sin.
- Scríobh i dteanga shimplí, agus seiceáil go n-oibríonn foirmeacha agus leathanaigh ghréasáin le
  méarchlár agus le léitheoir scáileáin.
- Bíodh a fhios agat cé hé nó cé hí d'oifigeach rochtana agus conas teacht air nó uirthi.
- Ná bunaigh barúil riamh faoi dhuine ar ainm, ar bhlas cainte, ar chuma nó ar theaghlach an duine
  sin.
""",
}
