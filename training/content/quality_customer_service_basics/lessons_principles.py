"""Lessons 1 and 2: the 12 principles; courtesy and timeliness."""

PRINCIPLES = {
    "title": "The 12 principles of quality customer service",
    "title_ga": "An dá phrionsabal déag de sheirbhís custaiméirí ar ardchaighdeán",
    "body": """\
## Why quality customer service matters

Everyone who contacts a public body — at a counter, on the phone, online or in writing — is entitled
to be treated fairly and with courtesy, and to get a clear answer within a reasonable time. Public
bodies in Ireland have committed to this through the **12 Principles of Quality Customer Service**.
The Government first agreed a set of principles in 1997 and extended them to twelve in 2000. They
are the basis of every customer charter and customer action plan, and of the standards your
organisation is assessed against on this platform.

## The twelve principles

1. **Quality Service Standards**: publish the standards of service customers can expect, and
   display them clearly wherever the service is delivered.
2. **Equality/Diversity**: respect everyone's right to equal treatment under equality law, and
   serve the full diversity of the people who use the service.
3. **Physical Access**: provide clean, accessible offices that give privacy, meet health and
   safety standards and are easy to use for people with disabilities and others with specific needs.
4. **Information**: give information that is clear, timely and accurate, in plain language, at
   every point of contact, and in forms that meet the needs of people with specific needs.
5. **Timeliness and Courtesy**: deliver services with courtesy, sensitivity and the least possible
   delay, building mutual respect; give a contact name in every communication.
6. **Complaints**: keep a well-publicised, accessible, transparent and simple system for
   complaints about the quality of the service.
7. **Appeals**: keep a formal, well-publicised, accessible, transparent and simple system of appeal
   or review for customers who are unhappy with a decision.
8. **Consultation and Evaluation**: consult customers in a structured way about new services and
   planned changes, and check the service against the published standards.
9. **Choice**: where possible, give choice in how, where and when the service is delivered,
   including how to pay.
10. **Official Languages Equality**: provide quality services in Irish and/or bilingually, and tell
    customers they have the right to be dealt with in either or both official languages.
11. **Better Co-ordination**: work with other public bodies so that services fit together and
    customers are not sent from one office to another.
12. **Internal Customer**: recognise staff as internal customers: support them properly and consult
    them about how the service is delivered.

## Where you come in

The principles are not only for managers. Whatever your role, customers judge the whole
organisation by the way *you* deal with them. In practice this means:

- knowing your organisation's customer charter and the standards it promises;
- giving accurate information, or finding out who can;
- treating colleagues who depend on your work as customers too;
- passing on what customers tell you, so the service can improve.

The lessons that follow look more closely at courtesy and timeliness, complaints, accessibility and
equality, and the official languages.
""",
    "body_ga": """\
## Cén fáth a bhfuil seirbhís custaiméirí ar ardchaighdeán tábhachtach

Tá gach duine a dhéanann teagmháil le comhlacht poiblí — ag cuntar, ar an bhfón, ar líne nó i
scríbhinn — i dteideal go gcaithfear leo go cothrom agus go cúirtéiseach, agus go bhfaighidh siad
freagra soiléir laistigh de thréimhse réasúnta. Tá comhlachtaí poiblí in Éirinn tiomanta dó sin trí
**12 Phrionsabal na Seirbhíse Custaiméirí ar Ardchaighdeán**. D'aontaigh an Rialtas tacar
prionsabal den chéad uair in 1997 agus méadaíodh go dtí dhá cheann déag iad in 2000. Is orthu atá
gach cairt custaiméirí agus gach plean gníomhaíochta do chustaiméirí bunaithe, chomh maith leis na
caighdeáin a ndéantar measúnú ar d'eagraíocht ina gcoinne ar an ardán seo.

## An dá phrionsabal déag

1. **Caighdeáin Cháilíocht na Seirbhíse**: na caighdeáin seirbhíse atá le súil ag custaiméirí a
   fhoilsiú, agus iad a thaispeáint go soiléir cibé áit a gcuirtear an tseirbhís ar fáil.
2. **Comhionannas/Éagsúlacht**: ceart gach duine chun cóir chomhionann faoin dlí comhionannais a
   urramú, agus freastal ar éagsúlacht iomlán na ndaoine a úsáideann an tseirbhís.
3. **Rochtain Fhisiciúil**: oifigí glana inrochtana a chur ar fáil a thugann príobháideachas, a
   chomhlíonann caighdeáin sláinte agus sábháilteachta agus atá éasca le húsáid ag daoine faoi
   mhíchumas agus ag daoine eile a bhfuil riachtanais shonracha acu.
4. **Faisnéis**: faisnéis shoiléir, thráthúil, chruinn a thabhairt i dteanga shimplí ag gach pointe
   teagmhála, i bhfoirmeacha a fhreastalaíonn ar dhaoine a bhfuil riachtanais shonracha acu.
5. **Tráthúlacht agus Cúirtéis**: seirbhísí a chur ar fáil go cúirtéiseach, go tuisceanach agus
   chomh beag moille agus is féidir, agus meas frithpháirteach a chothú; ainm teagmhála a thabhairt i
   ngach cumarsáid.
6. **Gearáin**: córas gearán a choinneáil atá poiblithe go maith, inrochtana, trédhearcach agus
   simplí, do ghearáin faoi cháilíocht na seirbhíse.
7. **Achomhairc**: córas foirmiúil achomhairc nó athbhreithnithe a choinneáil atá poiblithe go
   maith, inrochtana, trédhearcach agus simplí, do chustaiméirí atá míshásta le cinneadh.
8. **Comhairliúchán agus Meastóireacht**: dul i gcomhairle le custaiméirí ar bhealach struchtúrtha
   faoi sheirbhísí nua agus faoi athruithe atá beartaithe, agus an tseirbhís a mheas i gcomparáid
   leis na caighdeáin a foilsíodh.
9. **Rogha**: nuair is féidir, rogha a thabhairt maidir le conas, cá háit agus cathain a chuirtear an
   tseirbhís ar fáil, an modh íocaíochta san áireamh.
10. **Comhionannas na dTeangacha Oifigiúla**: seirbhísí ardchaighdeáin a chur ar fáil i nGaeilge
    agus/nó go dátheangach, agus a insint do chustaiméirí go bhfuil sé de cheart acu go ndéileálfar
    leo i gceachtar den dá theanga oifigiúla nó sa dá cheann.
11. **Comhordú Níos Fearr**: oibriú le comhlachtaí poiblí eile ionas go n-oireann na seirbhísí dá
    chéile agus nach gcuirtear custaiméirí ó oifig amháin go hoifig eile.
12. **An Custaiméir Inmheánach**: an fhoireann a aithint mar chustaiméirí inmheánacha: tacaíocht
    cheart a thabhairt dóibh agus dul i gcomhairle leo faoin gcaoi a gcuirtear an tseirbhís ar fáil.

## An ról atá agatsa

Ní do bhainisteoirí amháin atá na prionsabail. Cibé ról atá agat, tugann custaiméirí breith ar an
eagraíocht ar fad de réir mar a dhéileálann *tusa* leo. Go praiticiúil, ciallaíonn sé sin:

- go bhfuil eolas agat ar chairt custaiméirí d'eagraíochta agus ar na caighdeáin a ghealltar inti;
- go dtugann tú faisnéis chruinn, nó go bhfaigheann tú amach cé a bhfuil an fhaisnéis aige nó aici;
- go gcaitheann tú le comhghleacaithe atá ag brath ar do chuid oibre mar chustaiméirí freisin;
- go gcuireann tú ar aghaidh an méid a insíonn custaiméirí duit, ionas gur féidir an tseirbhís a
  fheabhsú.

Sna ceachtanna a leanann, féachfaimid níos grinne ar chúirtéis agus ar thráthúlacht, ar ghearáin,
ar inrochtaineacht agus ar chomhionannas, agus ar na teangacha oifigiúla.
""",
}

COURTESY = {
    "title": "Courtesy and timeliness",
    "title_ga": "Cúirtéis agus tráthúlacht",
    "body": """\
## Courtesy: respect in every contact

Courtesy is more than good manners. It means treating every customer as a person with a real need,
who may be worried, in a hurry or dealing with the public service for the first time. People often
remember *how* they were treated longer than what they were told.

- Greet people promptly, and give your name and your organisation's name.
- Listen to the whole question before answering. Check that you have understood by summing it up.
- Use plain language. Avoid internal jargon and acronyms the customer will not know.
- Be patient, especially with people who are anxious, upset or unfamiliar with the process.
- Respect privacy: do not discuss a customer's business where others can overhear.
- Stay calm and polite when a customer is angry. You can set limits on abusive behaviour without
  being rude in return.

## Timeliness: doing what we said, when we said

Customers plan their lives around our answers: a grant, a permit, a payment, an appointment.
Timeliness means meeting the time limits in your customer charter and in any law that applies, and
never leaving someone waiting without word.

- Acknowledge letters and e-mails promptly, with a reference number and a contact name.
- Give realistic time frames. An honest "within ten working days" is better than an optimistic "soon".
- Answer the phone promptly, and return calls when you said you would.
- If something goes to another section, tell the customer who now has it and how to contact them.

## When you cannot meet a deadline

Delays happen. What matters is what you do about them:

1. Tell the customer **before** the deadline passes, not after.
2. Explain briefly and honestly why there is a delay.
3. Give a new date that you can keep, and keep it.
4. Make sure the file is not forgotten: note the new date where your team will see it.

## Every channel counts

The same standards apply at the counter, on the phone, in a letter, by e-mail and on social media.
Written replies should answer the question asked, say what happens next and give a name to contact.
Online, keep information up to date: a wrong opening time on a web page wastes a customer's journey.
""",
    "body_ga": """\
## Cúirtéis: meas i ngach teagmháil

Is mó ná dea-bhéasa í an chúirtéis. Ciallaíonn sí caitheamh le gach custaiméir mar dhuine a bhfuil fíor-riachtanas
aige nó aici, duine a d'fhéadfadh a bheith buartha, faoi dheifir nó ag plé leis an tseirbhís phoiblí
den chéad uair. Is minic a chuimhníonn daoine ar an *gcaoi* ar caitheadh leo níos faide ná ar an
méid a dúradh leo.

- Beannaigh do dhaoine gan mhoill, agus tabhair d'ainm féin agus ainm d'eagraíochta.
- Éist leis an gceist ar fad sula bhfreagraíonn tú í. Déan achoimre uirthi chun a dheimhniú gur thuig
  tú í.
- Úsáid teanga shimplí. Seachain béarlagair inmheánach agus acrainmneacha nach mbeidh ar eolas ag an
  gcustaiméir.
- Bí foighneach, go háirithe le daoine atá imníoch, trína chéile nó nach bhfuil taithí acu ar an bpróiseas.
- Tabhair aird ar phríobháideachas: ná pléigh cúrsaí custaiméara áit a bhféadfadh daoine eile é a chloisteáil.
- Fan socair agus múinte nuair a bhíonn custaiméir feargach. Is féidir teorainneacha a chur le
  hiompar maslach gan a bheith drochbhéasach ar ais.

## Tráthúlacht: an rud a dúramar a dhéanamh, nuair a dúramar é

Pleanálann custaiméirí a saol timpeall ar ár bhfreagraí: deontas, cead, íocaíocht, coinne. Ciallaíonn
tráthúlacht na teorainneacha ama i do chairt custaiméirí agus in aon dlí is infheidhme a chomhlíonadh,
agus gan duine a fhágáil ag fanacht gan scéala riamh.

- Admhaigh litreacha agus ríomhphoist go pras, le huimhir thagartha agus ainm teagmhála.
- Tabhair amscálaí réadúla. Is fearr "laistigh de dheich lá oibre" macánta ná "go luath" dóchasach.
- Freagair an fón go pras, agus cuir glaoch ar ais nuair a gheall tú é.
- Má théann cás chuig rannóg eile, inis don chustaiméir cé aige a bhfuil sé anois agus conas
  teagmháil a dhéanamh leo.

## Nuair nach féidir leat spriocdháta a chomhlíonadh

Tarlaíonn moill. Is é an rud atá tábhachtach ná an méid a dhéanann tú fúithi:

1. Inis don chustaiméir **sula** dtéann an spriocdháta thart, ní ina dhiaidh.
2. Mínigh go hachomair agus go macánta cén fáth a bhfuil moill ann.
3. Tabhair dáta nua is féidir leat a choinneáil, agus coinnigh é.
4. Déan cinnte nach ndéanfar dearmad ar an gcomhad: breac síos an dáta nua áit a bhfeicfidh d'fhoireann é.

## Tá gach bealach tábhachtach

Baineann na caighdeáin chéanna leis an gcuntar, leis an bhfón, le litir, le ríomhphost agus leis na
meáin shóisialta. Ba cheart go bhfreagródh freagra scríofa an cheist a cuireadh, go n-inseodh sé
cad a tharlóidh ina dhiaidh sin agus go dtabharfadh sé ainm teagmhála. Ar líne, coinnigh an fhaisnéis
cothrom le dáta: cuireann am oscailte mícheart ar leathanach gréasáin turas custaiméara amú.
""",
}
