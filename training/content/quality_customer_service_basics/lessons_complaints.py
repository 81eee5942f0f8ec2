"""Lesson 3: handling a complaint."""

COMPLAINTS = {
    "title": "Handling a complaint",
    "title_ga": "Gearán a láimhseáil",
    "body": """\
## What a complaint is

A complaint is any expression of dissatisfaction with the service a customer received: something
done badly, done late or not done at all, or the way they were treated. It does not have to use the
word "complaint", and it can arrive by any channel: at the counter, on the phone, by letter, by e-mail
or online. Complaints are not a nuisance. They are free information about where the service lets
people down.

## Complaint or appeal?

- A **complaint** is about the *quality of the service*: delay, rudeness, wrong information, a lost file.
- An **appeal** or **review** asks for a *decision* to be looked at again: a grant refused, a
  charge applied, a permit turned down.

Both have their own published procedure. If a customer is unhappy with a decision, tell them how to
appeal and by when; if they are unhappy with how they were dealt with, tell them how to complain.
Many customers have both concerns at once: help them with each.

## Five steps

1. **Listen.** Let the customer explain fully, without interrupting or becoming defensive. Note the
   facts: what happened, when, and what they would like to happen now.
2. **Acknowledge.** Thank them for raising it and apologise for their experience where that is
   fair. An apology for how someone felt is not an admission of legal liability.
3. **Resolve at the first point of contact where you can.** Many complaints can be put right on the
   spot by the person who hears them: a missing form sent, a call returned, a mistake corrected.
4. **Record and refer.** If you cannot resolve it, log it in your organisation's complaints system
   and pass it to the right person. Tell the customer who will deal with it, how long it should take
   and what reference to quote.
5. **Respond and learn.** The reply should deal with each point raised, say what was done and
   explain how to seek a review if the customer is still not satisfied. Look for patterns: the same
   complaint twice usually means a process needs to change.

## Fairness for the customer

- Making a complaint must never disadvantage a customer in any later dealings with your organisation.
- Treat what the customer tells you as confidential, shared only with those who need it to deal with
  the complaint.
- Keep to the time limits in your complaints procedure, and tell the customer if you cannot.

## If the customer is still not satisfied

Customers who remain unhappy after your organisation's own complaints and review process can
usually bring the matter to an independent body: the **Office of the Ombudsman**, or the
**Ombudsman for Children** where a child is concerned. These offices generally expect the public
body's own procedure to have been used first, so always tell the customer about it and the time limits
that apply.
""",
    "body_ga": """\
## Cad is gearán ann

Is gearán é aon léiriú míshástachta leis an tseirbhís a fuair custaiméir: rud a rinneadh go
dona, a rinneadh go déanach nó nach ndearnadh ar chor ar bith, nó an chaoi ar caitheadh leo. Ní gá
go n-úsáidfí an focal "gearán", agus is féidir leis teacht ar aon bhealach: ag an gcuntar, ar an
bhfón, i litir, i ríomhphost nó ar líne. Ní ábhar cráite iad gearáin. Is faisnéis saor in aisce iad faoi na
háiteanna a dteipeann ar an tseirbhís.

## Gearán nó achomharc?

- Baineann **gearán** le *cáilíocht na seirbhíse*: moill, drochbhéasa, faisnéis mhícheart, comhad
  caillte.
- Iarrann **achomharc** nó **athbhreithniú** go ndéanfaí *cinneadh* a scrúdú arís: deontas a
  diúltaíodh, táille a gearradh, cead a eiteadh.

Tá a nós imeachta foilsithe féin ag gach ceann acu. Má tá custaiméir míshásta le cinneadh, inis dó
nó di conas achomharc a dhéanamh agus cén spriocdháta atá leis; má tá siad míshásta leis an gcaoi ar
déileáladh leo, inis dóibh conas gearán a dhéanamh. Bíonn an dá imní ar go leor custaiméirí ag an am
céanna: cabhraigh leo le gach ceann acu.

## Cúig chéim

1. **Éist.** Lig don chustaiméir an scéal ar fad a mhíniú, gan cur isteach air nó uirthi agus gan
   dul ar an gcosaint. Breac síos na fíricí: cad a tharla, cathain, agus cad ba mhaith leo a
   tharlódh anois.
2. **Admhaigh.** Gabh buíochas leo as an gceist a ardú agus gabh leithscéal as an taithí a bhí acu
   nuair is cóir sin. Ní admháil dliteanais dhlíthiúil é leithscéal as an gcaoi ar mhothaigh duine.
3. **Réitigh ag an gcéad phointe teagmhála nuair is féidir.** Is féidir go leor gearán a cheartú
   láithreach ag an duine a chloiseann iad: foirm a bhí in easnamh a sheoladh, glaoch a chur ar ais,
   botún a cheartú.
4. **Taifead agus atreoraigh.** Mura féidir leat é a réiteach, cláraigh é i gcóras gearán
   d'eagraíochta agus cuir ar aghaidh chuig an duine ceart é. Inis don chustaiméir cé a dhéileálfaidh
   leis, cá fhad ba cheart dó a thógáil agus cén uimhir thagartha le lua.
5. **Freagair agus foghlaim.** Ba cheart go bpléifeadh an freagra le gach pointe a ardaíodh, go
   n-inseodh sé cad a rinneadh agus go míneodh sé conas athbhreithniú a iarraidh mura bhfuil an
   custaiméir sásta fós. Bí ag faire amach do phatrúin: nuair a thagann an gearán céanna faoi dhó, is
   gnách go gciallaíonn sé gur gá próiseas a athrú.

## Cothrom na Féinne don chustaiméir

- Ní ceart go gcuirfeadh gearán custaiméir faoi mhíbhuntáiste riamh in aon phlé a bheidh acu le
  d'eagraíocht ina dhiaidh sin.
- Coinnigh faoi rún an méid a insíonn an custaiméir duit, agus ná roinn é ach leo siúd a bhfuil sé de
  dhíth orthu chun déileáil leis an ngearán.
- Cloígh leis na teorainneacha ama i nós imeachta gearán d'eagraíochta, agus inis don chustaiméir
  mura féidir leat.

## Mura bhfuil an custaiméir sásta fós

Custaiméirí atá míshásta fós nuair atá próiseas gearán agus athbhreithnithe d'eagraíochta féin
curtha i gcrích, is féidir leo, de ghnáth, an t-ábhar a thabhairt chuig comhlacht neamhspleách: **Oifig an
Ombudsman**, nó **an tOmbudsman do Leanaí** nuair a bhaineann an cás le leanbh. Bíonn na hoifigí sin
ag súil, de ghnáth, go mbeidh nós imeachta an chomhlachta phoiblí féin úsáidte ar dtús, mar sin inis
don chustaiméir i gcónaí faoi agus faoi na teorainneacha ama a bhaineann leis.
""",
}
