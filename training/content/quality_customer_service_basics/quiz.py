# ruff: noqa: E501 - one text per line reads better than strings split mid-sentence
"""The quiz: single- and multiple-choice questions, feedback on every answer, in English and Irish."""


def answer(text, text_ga, feedback, feedback_ga, *, correct=False):
    return {"text": text, "text_ga": text_ga, "is_correct": correct, "feedback": feedback, "feedback_ga": feedback_ga}


QUESTIONS = [
    {
        "kind": "single",
        "text": "How many principles of quality customer service have public bodies in Ireland agreed?",
        "text_ga": "Cé mhéad prionsabal de sheirbhís custaiméirí ar ardchaighdeán atá aontaithe ag comhlachtaí poiblí in Éirinn?",
        "answers": [
            answer(
                "Nine",
                "Naoi gcinn",
                "Not quite: there were nine in 1997, but they were extended to twelve in 2000.",
                "Ní hea go díreach: bhí naoi gcinn ann in 1997, ach méadaíodh go dtí dhá cheann déag iad in 2000.",
            ),
            answer(
                "Twelve",
                "Dhá cheann déag",
                "Correct: the 12 principles, agreed in 2000, are the basis of customer charters and action plans.",
                "Ceart: is iad an dá phrionsabal déag, a aontaíodh in 2000, bunús na gcairteacha custaiméirí agus na bpleananna gníomhaíochta.",
                correct=True,
            ),
            answer(
                "Fifteen",
                "Cúig cinn déag",
                "No: there are twelve principles.",
                "Ní hea: tá dhá phrionsabal déag ann.",
            ),
        ],
    },
    {
        "kind": "multiple",
        "text": "Which of these are among the 12 principles? Choose all that apply.",
        "text_ga": "Cé acu seo atá i measc an dá phrionsabal déag? Roghnaigh gach ceann atá i gceist.",
        "answers": [
            answer(
                "Physical Access",
                "Rochtain Fhisiciúil",
                "Yes: offices must be clean, accessible, private and safe.",
                "Is ea: ní mór d'oifigí a bheith glan, inrochtana, príobháideach agus sábháilte.",
                correct=True,
            ),
            answer(
                "Choice",
                "Rogha",
                "Yes: where possible, customers get a choice of how, where and when they are served.",
                "Is ea: nuair is féidir, faigheann custaiméirí rogha maidir le conas, cá háit agus cathain a fhreastalaítear orthu.",
                correct=True,
            ),
            answer(
                "Internal Customer",
                "An Custaiméir Inmheánach",
                "Yes: staff are internal customers who must be supported and consulted.",
                "Is ea: is custaiméirí inmheánacha iad an fhoireann agus ní mór tacú leo agus dul i gcomhairle leo.",
                correct=True,
            ),
            answer(
                "Lowest Possible Cost",
                "An Costas is Ísle is Féidir",
                "No: value for money matters, but it is not one of the 12 principles.",
                "Ní hea: tá luach ar airgead tábhachtach, ach ní ceann den dá phrionsabal déag é.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "Under the Internal Customer principle, who are the internal customers?",
        "text_ga": "Faoi phrionsabal an Chustaiméara Inmheánaigh, cé hiad na custaiméirí inmheánacha?",
        "answers": [
            answer(
                "Staff and colleagues who depend on each other's work",
                "An fhoireann agus comhghleacaithe atá ag brath ar obair a chéile",
                "Correct: colleagues deserve the same courtesy and reliability as the public.",
                "Ceart: tá an chúirtéis agus an iontaofacht chéanna tuillte ag comhghleacaithe agus atá tuillte ag an bpobal.",
                correct=True,
            ),
            answer(
                "Members of the public who call to the office in person",
                "Baill den phobal a thagann isteach san oifig go pearsanta",
                "No: they are external customers. The principle is about staff.",
                "Ní hea: is custaiméirí seachtracha iadsan. Baineann an prionsabal leis an bhfoireann.",
            ),
            answer(
                "Contractors who supply the organisation",
                "Conraitheoirí a sholáthraíonn earraí nó seirbhísí don eagraíocht",
                "No: the principle is about the organisation's own staff.",
                "Ní hea: baineann an prionsabal le foireann na heagraíochta féin.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "You will not be able to answer a customer by the date you promised. What should you do?",
        "text_ga": "Ní bheidh tú in ann freagra a thabhairt ar chustaiméir faoin dáta a gheall tú. Cad ba cheart duit a dhéanamh?",
        "answers": [
            answer(
                "Tell the customer before the date, explain why and give a new date you can keep",
                "Inis don chustaiméir roimh an dáta, mínigh cén fáth agus tabhair dáta nua is féidir leat a choinneáil",
                "Correct: telling people early, honestly and with a new date keeps their trust.",
                "Ceart: coinníonn tú muinín daoine nuair a insíonn tú dóibh go luath, go macánta agus le dáta nua.",
                correct=True,
            ),
            answer(
                "Wait until you have the full answer, then send it",
                "Fan go mbeidh an freagra iomlán agat, agus seol ansin é",
                "No: the customer is left waiting without word, which is exactly what timeliness rules out.",
                "Ní hea: fágtar an custaiméir ag fanacht gan scéala, agus sin go díreach an rud nach gceadaíonn an tráthúlacht.",
            ),
            answer(
                "Ask the customer to ring back in a few weeks",
                "Iarr ar an gcustaiméir glaoch ar ais i gceann cúpla seachtain",
                "No: keeping track of the case is our job, not the customer's.",
                "Ní hea: is é ár bpost féin an cás a leanúint, ní post an chustaiméara.",
            ),
        ],
    },
    {
        "kind": "multiple",
        "text": "Which of these show courtesy on the phone? Choose all that apply.",
        "text_ga": "Cé acu seo a léiríonn cúirtéis ar an bhfón? Roghnaigh gach ceann atá i gceist.",
        "answers": [
            answer(
                "Giving your name and your organisation's name",
                "D'ainm féin agus ainm d'eagraíochta a thabhairt",
                "Yes: the customer knows who they are dealing with.",
                "Is ea: bíonn a fhios ag an gcustaiméir cé leis a bhfuil sé nó sí ag plé.",
                correct=True,
            ),
            answer(
                "Summing up the question to check you have understood it",
                "Achoimre a dhéanamh ar an gceist chun a dheimhniú gur thuig tú í",
                "Yes: it shows you are listening and avoids mistakes.",
                "Is ea: léiríonn sé go bhfuil tú ag éisteacht agus seachnaíonn sé botúin.",
                correct=True,
            ),
            answer(
                "Putting the caller on hold without saying why",
                "An té atá ag glaoch a chur ar feitheamh gan a rá cén fáth",
                "No: always explain and ask before putting someone on hold.",
                "Ní hea: mínigh i gcónaí agus iarr cead sula gcuireann tú duine ar feitheamh.",
            ),
            answer(
                "Using the internal names and acronyms of your section",
                "Ainmneacha inmheánacha agus acrainmneacha do rannóige a úsáid",
                "No: use plain language that the customer will understand.",
                "Ní hea: úsáid teanga shimplí a thuigfidh an custaiméir.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "What is the difference between a complaint and an appeal?",
        "text_ga": "Cad é an difríocht idir gearán agus achomharc?",
        "answers": [
            answer(
                "A complaint is about the quality of the service; an appeal asks for a decision to be looked at again",
                "Baineann gearán le cáilíocht na seirbhíse; iarrann achomharc go ndéanfaí cinneadh a scrúdú arís",
                "Correct: each has its own published procedure, and a customer may need both.",
                "Ceart: tá a nós imeachta foilsithe féin ag gach ceann acu, agus d'fhéadfadh go mbeadh an dá cheann de dhíth ar chustaiméir.",
                correct=True,
            ),
            answer(
                "There is no difference",
                "Níl aon difríocht eatarthu",
                "No: they deal with different things and follow different procedures.",
                "Ní hea: pléann siad le rudaí difriúla agus leanann siad nósanna imeachta difriúla.",
            ),
            answer(
                "An appeal is a complaint made in writing",
                "Is éard is achomharc ann gearán a dhéantar i scríbhinn",
                "No: a complaint can be made in writing too. An appeal is about a decision.",
                "Ní hea: is féidir gearán a dhéanamh i scríbhinn freisin. Baineann achomharc le cinneadh.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "A customer is clearly unhappy with how they were treated but says they do not want to make a complaint. What do you do?",
        "text_ga": "Is léir go bhfuil custaiméir míshásta leis an gcaoi ar caitheadh leis, ach deir sé nach bhfuil sé ag iarraidh gearán a dhéanamh. Cad a dhéanann tú?",
        "answers": [
            answer(
                "Listen, try to put it right now, record it and tell them how to complain if they change their mind",
                "Éist, déan iarracht é a chur ina cheart anois, taifead é agus inis dó conas gearán a dhéanamh má athraíonn sé a intinn",
                "Correct: dissatisfaction is a complaint whatever it is called, and it tells us what to improve.",
                "Ceart: is gearán í an mhíshástacht, cibé ainm a thugtar uirthi, agus insíonn sí dúinn cad is gá a fheabhsú.",
                correct=True,
            ),
            answer(
                "Nothing: it is not a formal complaint",
                "Faic: ní gearán foirmiúil é",
                'No: a complaint does not need the word "complaint". Try to resolve it and record it.',
                'Ní hea: ní gá an focal "gearán" a úsáid chun gearán a dhéanamh. Déan iarracht é a réiteach agus taifead é.',
            ),
            answer(
                "Tell them to put it in writing first",
                "Abair leis é a chur i scríbhinn ar dtús",
                "No: complaints can be made by any channel, and many can be resolved on the spot.",
                "Ní hea: is féidir gearán a dhéanamh ar aon bhealach, agus is féidir go leor acu a réiteach láithreach.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "When can a customer usually bring a complaint about a public body to the Office of the Ombudsman?",
        "text_ga": "Cathain is féidir le custaiméir, de ghnáth, gearán faoi chomhlacht poiblí a thabhairt chuig Oifig an Ombudsman?",
        "answers": [
            answer(
                "After using the public body's own complaints procedure",
                "Tar éis dó nós imeachta gearán an chomhlachta phoiblí féin a úsáid",
                "Correct: the Ombudsman generally expects the body's own procedure to be used first.",
                "Ceart: bíonn an tOmbudsman ag súil, de ghnáth, go n-úsáidfear nós imeachta an chomhlachta féin ar dtús.",
                correct=True,
            ),
            answer(
                "Only through a solicitor",
                "Trí aturnae amháin",
                "No: the Ombudsman's service is free and open to anyone, without a solicitor.",
                "Ní hea: tá seirbhís an Ombudsman saor in aisce agus oscailte do chách, gan aturnae.",
            ),
            answer(
                "Never: the Ombudsman does not deal with public bodies",
                "Ní féidir in am ar bith: ní phléann an tOmbudsman le comhlachtaí poiblí",
                "No: examining complaints about public bodies is exactly what the Ombudsman does.",
                "Ní hea: is é sin go díreach an obair a dhéanann an tOmbudsman, gearáin faoi chomhlachtaí poiblí a scrúdú.",
            ),
        ],
    },
    {
        "kind": "multiple",
        "text": "Which of these are grounds on which the Equal Status Acts prohibit discrimination? Choose all that apply.",
        "text_ga": "Cé acu seo atá i measc na naoi bhforas sna hAchtanna um Stádas Comhionann? Roghnaigh gach ceann atá i gceist.",
        "answers": [
            answer(
                "Age",
                "Aois",
                "Yes: age is one of the nine grounds.",
                "Is ea: is ceann de na naoi bhforas í an aois.",
                correct=True,
            ),
            answer(
                "Membership of the Traveller community",
                "A bheith i do bhall den Lucht Siúil",
                "Yes: membership of the Traveller community is one of the nine grounds.",
                "Is ea: is ceann de na naoi bhforas é a bheith i do bhall den Lucht Siúil.",
                correct=True,
            ),
            answer(
                "Family status",
                "Stádas teaghlaigh",
                "Yes: family status, such as being a parent or carer, is one of the nine grounds.",
                "Is ea: is ceann de na naoi bhforas é stádas teaghlaigh, mar shampla a bheith i do thuismitheoir nó i do chúramóir.",
                correct=True,
            ),
            answer(
                "The county a person lives in",
                "An contae ina gcónaíonn duine",
                "No: where a person lives is not one of the nine grounds.",
                "Ní hea: ní ceann de na naoi bhforas é an áit a gcónaíonn duine.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "A customer who is blind asks for a letter in a format they can read. What should you do?",
        "text_ga": "Iarrann custaiméir atá dall litir i bhformáid is féidir leis a léamh. Cad ba cheart duit a dhéanamh?",
        "answers": [
            answer(
                "Provide it in an accessible format, such as an accessible e-mail, Braille or audio",
                "Cuir ar fáil í i bhformáid inrochtana, mar shampla ríomhphost inrochtana, Braille nó fuaim",
                "Correct: the Disability Act 2005 requires accessible information on request, as far as practicable.",
                "Ceart: ceanglaíonn an tAcht Míchumais 2005 go dtabharfar faisnéis i bhformáid inrochtana ach í a iarraidh, a mhéid is indéanta.",
                correct=True,
            ),
            answer(
                "Suggest they ask someone to read the letter to them",
                "Mol dó iarraidh ar dhuine éigin an litir a léamh dó",
                "No: that puts the burden on the customer and takes away their privacy.",
                "Ní hea: cuireann sé sin an t-ualach ar an gcustaiméir agus baineann sé a phríobháideachas de.",
            ),
            answer(
                "Explain that letters are only sent in the standard format",
                "Mínigh nach seoltar litreacha ach san fhormáid chaighdeánach",
                "No: public bodies must give information in accessible formats on request.",
                "Ní hea: ní mór do chomhlachtaí poiblí faisnéis a thabhairt i bhformáidí inrochtana ach í a iarraidh.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "What does the Public Sector Equality and Human Rights Duty require of a public body?",
        "text_ga": "Cad a cheanglaíonn Dualgas Earnála Poiblí um Chomhionannas agus um Chearta an Duine ar chomhlacht poiblí?",
        "answers": [
            answer(
                "To have regard, in all its work, to eliminating discrimination, promoting equality and protecting the human rights of staff and service users",
                "Aird a thabhairt, ina chuid oibre ar fad, ar dheireadh a chur le hidirdhealú, ar chomhionannas a chur chun cinn agus ar chearta an duine a chosaint i gcás na foirne agus úsáideoirí na seirbhíse",
                "Correct: the duty applies to everyday service as well as to policy.",
                "Ceart: baineann an dualgas leis an tseirbhís laethúil chomh maith le beartas.",
                correct=True,
            ),
            answer(
                "Only that its human resources section follows equality law",
                "Go gcloíonn a rannóg acmhainní daonna leis an dlí comhionannais, agus sin amháin",
                "No: the duty covers all of the body's work, including how it serves the public.",
                "Ní hea: clúdaíonn an dualgas obair uile an chomhlachta, an chaoi a bhfreastalaíonn sé ar an bpobal san áireamh.",
            ),
            answer(
                "Only that new buildings are accessible",
                "Go mbíonn foirgnimh nua inrochtana, agus sin amháin",
                "No: building access is covered by other law; this duty is much wider.",
                "Ní hea: pléann dlíthe eile le rochtain ar fhoirgnimh; tá an dualgas seo i bhfad níos leithne.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "A customer e-mails you in Irish. In which language must you reply?",
        "text_ga": "Seolann custaiméir ríomhphost chugat i nGaeilge. Cén teanga ina gcaithfidh tú freagra a thabhairt?",
        "answers": [
            answer(
                "Irish",
                "Gaeilge",
                "Correct: under the Official Languages Act, a reply must be in the language the person wrote in.",
                "Ceart: faoi Acht na dTeangacha Oifigiúla, ní mór an freagra a thabhairt sa teanga inar scríobh an duine.",
                correct=True,
            ),
            answer(
                "English",
                "Béarla",
                "No: the person chose Irish, and the reply must be in Irish.",
                "Ní hea: roghnaigh an duine an Ghaeilge, agus ní mór an freagra a thabhairt i nGaeilge.",
            ),
            answer(
                "Whichever language is quicker for you",
                "Cibé teanga is tapúla duitse",
                "No: the choice belongs to the customer, not to us.",
                "Ní hea: is leis an gcustaiméir an rogha, ní linne.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "A customer wants to deal with you in Irish, but your own Irish is not good enough. What should you do?",
        "text_ga": "Tá custaiméir ag iarraidh déileáil leat i nGaeilge, ach níl do chuid Gaeilge féin maith go leor. Cad ba cheart duit a dhéanamh?",
        "answers": [
            answer(
                "With their agreement, pass them to a colleague who can help in Irish, or arrange a service in Irish without extra delay",
                "Lena dtoiliú, cuir ar aghaidh iad chuig comhghleacaí atá in ann cabhrú i nGaeilge, nó socraigh seirbhís i nGaeilge gan moill bhreise",
                "Correct: the service in Irish should be of equal quality and no slower.",
                "Ceart: ba cheart go mbeadh an tseirbhís i nGaeilge ar chomhchaighdeán agus gan a bheith níos moille.",
                correct=True,
            ),
            answer(
                "Ask them to continue in English",
                "Iarr orthu leanúint ar aghaidh i mBéarla",
                "No: the customer has the right to choose Irish. Do not discourage it.",
                "Ní hea: tá sé de cheart ag an gcustaiméir an Ghaeilge a roghnú. Ná cuir aon bhac air sin.",
            ),
            answer(
                "Tell them to write in instead, and reply when someone is free",
                "Abair leo scríobh isteach ina ionad sin, agus freagair nuair a bheidh duine saor",
                "No: that makes a customer who chooses Irish wait longer than one who chooses English.",
                "Ní hea: bheadh ar chustaiméir a roghnaíonn an Ghaeilge fanacht níos faide ná custaiméir a roghnaíonn an Béarla.",
            ),
        ],
    },
    {
        "kind": "single",
        "text": "Who monitors how public bodies comply with the Official Languages Acts?",
        "text_ga": "Cé a dhéanann monatóireacht ar an gcaoi a gcomhlíonann comhlachtaí poiblí Achtanna na dTeangacha Oifigiúla?",
        "answers": [
            answer(
                "An Coimisinéir Teanga",
                "An Coimisinéir Teanga",
                "Correct: An Coimisinéir Teanga monitors compliance and investigates complaints.",
                "Ceart: déanann an Coimisinéir Teanga monatóireacht ar chomhlíonadh agus imscrúdú ar ghearáin.",
                correct=True,
            ),
            answer(
                "The Office of the Ombudsman",
                "Oifig an Ombudsman",
                "No: the Ombudsman deals with complaints about service in general; language rights are for An Coimisinéir Teanga.",
                "Ní hea: pléann an tOmbudsman le gearáin faoi sheirbhís i gcoitinne; is é an Coimisinéir Teanga a phléann le cearta teanga.",
            ),
            answer(
                "The Data Protection Commission",
                "An Coimisiún um Chosaint Sonraí",
                "No: the Data Protection Commission deals with personal data, not language rights.",
                "Ní hea: pléann an Coimisiún um Chosaint Sonraí le sonraí pearsanta, ní le cearta teanga.",
            ),
        ],
    },
    {
        "kind": "multiple",
        "text": "What should a customer charter do? Choose all that apply.",
        "text_ga": "Cad ba cheart do chairt custaiméirí a dhéanamh? Roghnaigh gach ceann atá i gceist.",
        "answers": [
            answer(
                "Set out the standards of service customers can expect",
                "Na caighdeáin seirbhíse atá le súil ag custaiméirí a leagan amach",
                "Yes: that is the heart of the Quality Service Standards principle.",
                "Is ea: sin croílár phrionsabal Chaighdeáin Cháilíocht na Seirbhíse.",
                correct=True,
            ),
            answer(
                "Be displayed where the service is delivered and published online",
                "A bheith ar taispeáint san áit a gcuirtear an tseirbhís ar fáil agus foilsithe ar líne",
                "Yes: customers can only rely on standards they can see.",
                "Is ea: ní féidir le custaiméirí brath ach ar chaighdeáin is féidir leo a fheiceáil.",
                correct=True,
            ),
            answer(
                "Tell customers how to give feedback or complain if the standards are not met",
                "A insint do chustaiméirí conas aiseolas a thabhairt nó gearán a dhéanamh mura gcomhlíontar na caighdeáin",
                "Yes: a charter should say what to do when things go wrong.",
                "Is ea: ba cheart go n-inseodh cairt cad is féidir a dhéanamh nuair a théann rudaí in aimhréidh.",
                correct=True,
            ),
            answer(
                "Make general promises that cannot be measured",
                "Geallúintí ginearálta a thabhairt nach féidir a thomhas",
                "No: standards should be specific and measurable, so the service can be checked against them.",
                "Ní hea: ba cheart go mbeadh caighdeáin sonrach agus intomhaiste, ionas gur féidir an tseirbhís a sheiceáil ina gcoinne.",
            ),
        ],
    },
]
