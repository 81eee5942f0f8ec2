"""Lesson 5: the official languages."""

LANGUAGES = {
    "title": "Official languages: dealing with the public in Irish and English",
    "title_ga": "Na teangacha oifigiúla: déileáil leis an bpobal i nGaeilge agus i mBéarla",
    "body": """\
## Two official languages

Under Article 8 of the Constitution, Irish is the national language and the first official language,
and English is recognised as a second official language. The **Official Languages Act 2003**, as
amended by the **Official Languages (Amendment) Act 2021**, turns this into practical rights for
people dealing with public bodies, and duties for the bodies themselves.

## What the public is entitled to

- **A reply in the language used.** When someone writes or e-mails in Irish, the reply must be in
  Irish; when they write in English, the reply is in English.
- **Information for the public in Irish.** Information sent to the public at large, by post or
  e-mail, must be in Irish or in Irish and English.
- **Signs, stationery and recorded announcements** in Irish or bilingually, under regulations made
  under the Act, with the Irish no less prominent than the English.
- **Names and addresses written correctly.** A person's name and address in Irish, including the
  *síneadh fada*, must be recorded and used correctly, in computer systems too.
- **Services under a language scheme or language standards.** Each public body sets out which
  services it provides in Irish; under the 2021 Act, language standards are replacing language schemes.

The 2021 Act also sets targets for public bodies: at least 20% of their advertising each year must be
in Irish (with at least 5% in Irish-language media), and by the end of 2030 at least 20% of people
newly recruited to the public service should be competent in Irish.

## An Coimisinéir Teanga

**An Coimisinéir Teanga** (the Language Commissioner) monitors how public bodies comply with the
Acts, and investigates complaints from people who believe their language rights were not respected.

## In practice

- **Offer the choice.** A bilingual greeting such as "Dia duit, hello" tells people that Irish is
  welcome.
- **Equal quality, no extra delay.** A customer who chooses Irish should not wait longer or receive a
  lesser service than one who chooses English.
- **If you cannot deal with someone in Irish yourself**, do not ask them to switch to English. Pass
  them, with their agreement, to a colleague who can, or arrange for them to be dealt with in Irish
  without extra delay.
- **Keep the language choice.** Record the customer's preferred language, so that later letters and
  calls follow it.
- **Check Irish texts.** Forms, letters and web pages in Irish should be accurate and up to date,
  like the English.

This is the tenth principle, Official Languages Equality, in everyday work.
""",
    "body_ga": """\
## Dhá theanga oifigiúla

Faoi Airteagal 8 den Bhunreacht, is í an Ghaeilge an teanga náisiúnta agus an phríomhtheanga
oifigiúil, agus glactar leis an mBéarla mar theanga oifigiúil eile. Déanann **Acht na dTeangacha
Oifigiúla 2003**, arna leasú ag **Acht na dTeangacha Oifigiúla (Leasú) 2021**, cearta praiticiúla
de sin do dhaoine a bhíonn ag plé le comhlachtaí poiblí, agus dualgais do na comhlachtaí féin.

## Na cearta atá ag an bpobal

- **Freagra sa teanga a úsáideadh.** Nuair a scríobhann duine litir nó ríomhphost i nGaeilge, ní
  mór an freagra a thabhairt i nGaeilge; nuair a scríobhann siad i mBéarla, is i mBéarla a thugtar
  an freagra.
- **Faisnéis don phobal i nGaeilge.** Ní mór faisnéis a sheoltar chuig an bpobal i gcoitinne, sa
  phost nó i ríomhphost, a bheith i nGaeilge nó i nGaeilge agus i mBéarla.
- **Comharthaí, stáiseanóireacht agus fógraí taifeadta** i nGaeilge nó go dátheangach, faoi rialacháin
  a rinneadh faoin Acht, agus an Ghaeilge chomh feiceálach leis an mBéarla ar a laghad.
- **Ainmneacha agus seoltaí scríofa i gceart.** Ní mór ainm agus seoladh duine i nGaeilge, an
  *síneadh fada* san áireamh, a thaifeadadh agus a úsáid i gceart, i gcórais ríomhaireachta freisin.
- **Seirbhísí faoi scéim teanga nó faoi chaighdeáin teanga.** Leagann gach comhlacht poiblí amach
  cad iad na seirbhísí a chuireann sé ar fáil i nGaeilge; faoi Acht 2021, tá caighdeáin teanga ag teacht
  in áit na scéimeanna teanga.

Leagann Acht 2021 spriocanna ar chomhlachtaí poiblí freisin: caithfidh 20% ar a laghad dá gcuid
fógraíochta gach bliain a bheith i nGaeilge (agus 5% ar a laghad i meáin Ghaeilge), agus faoi
dheireadh 2030 ba cheart go mbeadh 20% ar a laghad de na daoine a earcaítear as an nua don
tseirbhís phoiblí inniúil sa Ghaeilge.

## An Coimisinéir Teanga

Déanann **an Coimisinéir Teanga** monatóireacht ar an gcaoi a gcomhlíonann comhlachtaí poiblí na
hAchtanna, agus déanann sé imscrúdú ar ghearáin ó dhaoine a chreideann nár urramaíodh a gcearta
teanga.

## Go praiticiúil

- **Tairg an rogha.** Cuireann beannú dátheangach, mar shampla "Dia duit, hello", in iúl do dhaoine
  go bhfuil fáilte roimh an nGaeilge.
- **Cáilíocht chomhionann, gan moill bhreise.** Níor cheart go mbeadh ar chustaiméir a roghnaíonn
  an Ghaeilge fanacht níos faide, ná seirbhís níos measa a fháil, ná custaiméir a roghnaíonn an
  Béarla.
- **Mura féidir leat féin déileáil le duine i nGaeilge**, ná hiarr orthu aistriú go Béarla. Cuir ar
  aghaidh iad, lena dtoiliú, chuig comhghleacaí atá in ann, nó socraigh go ndéileálfar leo i nGaeilge
  gan moill bhreise.
- **Coinnigh rogha teanga an chustaiméara.** Taifead an teanga is fearr leis an gcustaiméir, ionas go
  leanfaidh litreacha agus glaonna ina dhiaidh sin í.
- **Seiceáil téacsanna Gaeilge.** Ba cheart go mbeadh foirmeacha, litreacha agus leathanaigh
  ghréasáin i nGaeilge cruinn agus cothrom le dáta, díreach mar atá na cinn Bhéarla.

Seo é an deichiú prionsabal, Comhionannas na dTeangacha Oifigiúla, san obair laethúil.
""",
}
