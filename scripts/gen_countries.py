#!/usr/bin/env python3
"""gen_countries.py: write data/dict/countries.dyad, dyad's country dictionary.

Facts come from two places (see docs/sources.md):
  * Debian's iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json):
    every ISO 3166-1 entry, its alpha-3 code and its English short, common and
    official names;
  * the table below, written by hand for dyad: other names and short forms,
    demonyms and adjectives, capitals (with former capitals and spellings),
    and seat-of-government metonyms.

Codes are ISO 3166-1 alpha-3 as CAMEO uses them for states, with CAMEO's own
codes for Kosovo (KSV) and the Soviet Union (USR). Output is ASCII: accents
are folded here exactly as dyad's tokenizer folds text (NFKD, marks dropped),
so the loader needs no folding of its own.

Usage: python3 scripts/gen_countries.py [iso_3166-1.json] > data/dict/countries.dyad
"""
import json
import sys
import unicodedata

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# Lines: CODE | other names ; ... | demonyms and adjectives ; ... | capitals ; ...
# An empty field is allowed for territories. Names from iso-codes are added
# automatically. Plurals of demonyms come from the lexicon's regular endings
# (Belarusian -> Belarusians); irregular ones (Frenchmen) are written out.
# Ambiguous words are left out on purpose: "US" (the pronoun us), "CAR"
# (car), "Male" (the Maldives' capital Male folds to the word male),
# "Victoria" (Seychelles' capital; an Australian state and a common name).
TABLE = r"""
AFG | Islamic Emirate of Afghanistan | Afghan ; Afghani ; Afghanistani | Kabul
ALB | | Albanian | Tirana ; Tirane
DZA | People's Democratic Republic of Algeria | Algerian | Algiers
AND | Principality of Andorra | Andorran | Andorra la Vella
AGO | | Angolan | Luanda
ATG | Antigua ; Barbuda | Antiguan ; Barbudan | St. John's ; Saint John's
ARG | Argentine Republic | Argentine ; Argentinian ; Argentinean | Buenos Aires
ARM | | Armenian | Yerevan ; Erevan
AUS | Commonwealth of Australia | Australian ; Aussie | Canberra
AUT | | Austrian | Vienna
AZE | | Azerbaijani ; Azeri ; Azerbaijanian | Baku
BHS | the Bahamas ; Commonwealth of the Bahamas | Bahamian | Nassau
BHR | Kingdom of Bahrain | Bahraini | Manama
BGD | People's Republic of Bangladesh | Bangladeshi | Dhaka ; Dacca
BRB | | Barbadian ; Bajan | Bridgetown
BLR | Byelorussia ; Belorussia ; Bielorussia | Belarusian ; Belarussian ; Byelorussian ; Belorussian | Minsk
BEL | Kingdom of Belgium | Belgian | Brussels
BLZ | | Belizean | Belmopan
BEN | Dahomey | Beninese ; Beninois | Porto-Novo ; Porto Novo ; Cotonou
BTN | Kingdom of Bhutan | Bhutanese | Thimphu
BOL | Republic of Bolivia | Bolivian | La Paz ; Sucre
BIH | Bosnia ; Herzegovina ; Bosnia-Herzegovina | Bosnian ; Herzegovinian ; Bosniak | Sarajevo
BWA | Republic of Botswana | Motswana ; Batswana ; Botswanan | Gaborone
BRA | Federative Republic of Brazil | Brazilian | Brasilia ; Rio de Janeiro
BRN | Brunei ; Brunei Darussalam | Bruneian | Bandar Seri Begawan
BGR | Republic of Bulgaria | Bulgarian | Sofia
BFA | Upper Volta | Burkinabe ; Burkinese | Ouagadougou
BDI | Republic of Burundi | Burundian ; Burundese | Gitega ; Bujumbura
CPV | Cape Verde ; Republic of Cape Verde | Cape Verdean ; Cabo Verdean | Praia
KHM | Kingdom of Cambodia ; Kampuchea | Cambodian ; Khmer | Phnom Penh
CMR | Republic of Cameroon | Cameroonian | Yaounde
CAN | | Canadian | Ottawa
CAF | Central African Republic ; Centrafrique | Central African | Bangui
TCD | Republic of Chad | Chadian | N'Djamena ; Ndjamena
CHL | Republic of Chile | Chilean | Santiago
CHN | China ; People's Republic of China ; PRC ; P.R.C. ; mainland China ; Red China | Chinese | Beijing ; Peking
COL | Republic of Colombia | Colombian | Bogota
COM | Union of the Comoros ; the Comoros ; Comoro Islands | Comoran ; Comorian | Moroni
COG | Republic of the Congo ; Congo-Brazzaville ; Congo Brazzaville ; Congo Republic | | Brazzaville
COD | Democratic Republic of the Congo ; Democratic Republic of Congo ; DR Congo ; D.R. Congo ; DRC ; D.R.C. ; Congo-Kinshasa ; Congo Kinshasa ; Congo ; Zaire | Congolese ; Zairean ; Zairian | Kinshasa
CRI | Republic of Costa Rica | Costa Rican | San Jose
CIV | Ivory Coast ; Cote d'Ivoire ; Cote D'Ivoire | Ivorian ; Ivoirian | Yamoussoukro ; Abidjan
HRV | Republic of Croatia | Croatian ; Croat | Zagreb
CUB | Republic of Cuba | Cuban | Havana
CYP | Republic of Cyprus | Cypriot ; Cypriote | Nicosia
CZE | Czech Republic ; Czechia | Czech | Prague
PRK | North Korea ; DPRK ; D.P.R.K. ; Democratic People's Republic of Korea | North Korean | Pyongyang
DNK | Kingdom of Denmark | Danish ; Dane | Copenhagen
DJI | Republic of Djibouti | Djiboutian | Djibouti City
DMA | Commonwealth of Dominica | | Roseau
DOM | | Dominican | Santo Domingo
ECU | Republic of Ecuador | Ecuadorian ; Ecuadorean | Quito
EGY | Arab Republic of Egypt | Egyptian | Cairo
SLV | Republic of El Salvador | Salvadoran ; Salvadorean ; Salvadorian | San Salvador
GNQ | Republic of Equatorial Guinea | Equatorial Guinean ; Equatoguinean | Malabo
ERI | State of Eritrea | Eritrean | Asmara ; Asmera
EST | Republic of Estonia | Estonian | Tallinn
SWZ | Swaziland ; Kingdom of Swaziland | Swazi ; Liswati ; Emaswati | Mbabane ; Lobamba
ETH | Federal Democratic Republic of Ethiopia | Ethiopian | Addis Ababa
FJI | Republic of Fiji ; Fiji Islands | Fijian | Suva
FIN | Republic of Finland | Finnish ; Finn | Helsinki
FRA | French Republic | French ; Frenchman ; Frenchmen ; Frenchwoman ; Frenchwomen | Paris
GAB | Gabonese Republic | Gabonese | Libreville
GMB | the Gambia ; Republic of the Gambia | Gambian | Banjul
GEO | Republic of Georgia | Georgian | Tbilisi ; Tiflis
DEU | Federal Republic of Germany ; West Germany | German | Berlin ; Bonn
GHA | Republic of Ghana | Ghanaian ; Ghanian | Accra
GRC | Hellenic Republic ; Hellas | Greek ; Hellenic | Athens
GRD | | Grenadian | St. George's ; Saint George's
GTM | Republic of Guatemala | Guatemalan | Guatemala City
GIN | Republic of Guinea ; Guinea-Conakry ; Guinea Conakry | Guinean | Conakry
GNB | Republic of Guinea-Bissau ; Guinea Bissau | Bissau-Guinean ; Bissau Guinean | Bissau
GUY | Co-operative Republic of Guyana | Guyanese | Georgetown
HTI | Republic of Haiti | Haitian | Port-au-Prince ; Port au Prince
HND | Republic of Honduras | Honduran | Tegucigalpa
HUN | | Hungarian ; Magyar | Budapest
ISL | | Icelandic ; Icelander | Reykjavik
IND | Republic of India ; Bharat | Indian | New Delhi ; Delhi
IDN | Republic of Indonesia | Indonesian | Jakarta ; Djakarta
IRN | Iran ; Islamic Republic of Iran ; Persia | Iranian ; Persian | Tehran ; Teheran
IRQ | Republic of Iraq | Iraqi | Baghdad
IRL | Republic of Ireland ; Eire | Irish ; Irishman ; Irishmen | Dublin
ISR | State of Israel | Israeli | Jerusalem ; Tel Aviv
ITA | Italian Republic | Italian | Rome
JAM | | Jamaican | Kingston
JPN | | Japanese | Tokyo
JOR | Hashemite Kingdom of Jordan | Jordanian | Amman
KAZ | Republic of Kazakhstan ; Kazakstan | Kazakh ; Kazakhstani ; Kazak | Astana ; Nur-Sultan ; Almaty ; Alma-Ata
KEN | Republic of Kenya | Kenyan | Nairobi
KIR | Republic of Kiribati | I-Kiribati | Tarawa ; South Tarawa
KWT | State of Kuwait | Kuwaiti | Kuwait City
KGZ | Kyrgyz Republic ; Kirghizia ; Kirgizia ; Kyrgyzia | Kyrgyz ; Kirghiz ; Kyrgyzstani | Bishkek
LAO | Laos ; Lao PDR | Laotian ; Lao | Vientiane
LVA | Republic of Latvia | Latvian | Riga
LBN | Lebanese Republic | Lebanese | Beirut
LSO | Kingdom of Lesotho | Basotho ; Mosotho | Maseru
LBR | Republic of Liberia | Liberian | Monrovia
LBY | State of Libya ; Libyan Arab Jamahiriya | Libyan | Tripoli
LIE | Principality of Liechtenstein | Liechtensteiner ; Liechtensteinian | Vaduz
LTU | Republic of Lithuania | Lithuanian | Vilnius
LUX | Grand Duchy of Luxembourg | Luxembourger ; Luxembourgish | Luxembourg City
MDG | Republic of Madagascar | Malagasy ; Madagascan | Antananarivo ; Tananarive
MWI | Republic of Malawi | Malawian | Lilongwe
MYS | | Malaysian | Kuala Lumpur ; Putrajaya
MDV | Republic of Maldives ; the Maldives ; Maldive Islands | Maldivian |
MLI | Republic of Mali | Malian | Bamako
MLT | Republic of Malta | Maltese | Valletta ; Valetta
MHL | Republic of the Marshall Islands | Marshallese | Majuro
MRT | Islamic Republic of Mauritania | Mauritanian | Nouakchott
MUS | Republic of Mauritius | Mauritian | Port Louis
MEX | United Mexican States | Mexican | Mexico City
FSM | Micronesia | Micronesian | Palikir
MDA | Moldova ; Moldavia | Moldovan ; Moldavian | Chisinau ; Kishinev
MCO | Principality of Monaco | Monegasque ; Monacan | Monaco-Ville
MNG | | Mongolian | Ulaanbaatar ; Ulan Bator ; Ulaan Baatar
MNE | Republic of Montenegro | Montenegrin | Podgorica
MAR | Kingdom of Morocco | Moroccan | Rabat
MOZ | Republic of Mozambique | Mozambican | Maputo
MMR | Burma ; Union of Myanmar ; Republic of the Union of Myanmar | Burmese ; Myanmarese | Naypyidaw ; Nay Pyi Taw ; Naypyitaw ; Yangon ; Rangoon
NAM | Republic of Namibia | Namibian | Windhoek
NRU | Republic of Nauru | Nauruan | Yaren
NPL | Federal Democratic Republic of Nepal | Nepali ; Nepalese | Kathmandu
NLD | the Netherlands ; Holland ; Kingdom of the Netherlands | Dutch ; Dutchman ; Dutchmen ; Netherlander | Amsterdam ; The Hague
NZL | | New Zealander | Wellington
NIC | Republic of Nicaragua | Nicaraguan | Managua
NER | Republic of Niger | Nigerien | Niamey
NGA | Federal Republic of Nigeria | Nigerian | Abuja ; Lagos
MKD | Macedonia ; Republic of Macedonia ; Former Yugoslav Republic of Macedonia ; FYROM | Macedonian ; North Macedonian | Skopje
NOR | Kingdom of Norway | Norwegian | Oslo
OMN | Sultanate of Oman | Omani | Muscat
PAK | Islamic Republic of Pakistan | Pakistani | Islamabad
PLW | Republic of Palau ; Belau | Palauan | Ngerulmud ; Melekeok ; Koror
PAN | Republic of Panama | Panamanian | Panama City
PNG | Independent State of Papua New Guinea | Papua New Guinean | Port Moresby
PRY | Republic of Paraguay | Paraguayan | Asuncion
PER | Republic of Peru | Peruvian | Lima
PHL | Republic of the Philippines ; the Philippines | Philippine ; Filipino ; Filipina | Manila
POL | Republic of Poland | Polish ; Poles | Warsaw
PRT | Portuguese Republic | Portuguese | Lisbon
QAT | State of Qatar | Qatari | Doha
KOR | South Korea ; ROK ; R.O.K. | South Korean ; Korean | Seoul
ROU | Roumania ; Rumania | Romanian ; Roumanian ; Rumanian | Bucharest
RUS | Russia ; Russian Federation | Russian | Moscow
RWA | Republic of Rwanda | Rwandan ; Rwandese | Kigali
KNA | Saint Kitts and Nevis ; St. Kitts and Nevis ; St Kitts and Nevis ; St. Kitts ; Saint Kitts ; Federation of Saint Christopher and Nevis | Kittitian ; Nevisian | Basseterre
LCA | Saint Lucia ; St. Lucia ; St Lucia | Saint Lucian ; St. Lucian | Castries
VCT | Saint Vincent and the Grenadines ; St. Vincent and the Grenadines ; St Vincent and the Grenadines ; St. Vincent ; Saint Vincent | Vincentian | Kingstown
WSM | Independent State of Samoa ; Western Samoa | Samoan | Apia
SMR | Republic of San Marino | Sammarinese | City of San Marino
STP | Sao Tome and Principe ; Sao Tome & Principe ; Democratic Republic of Sao Tome and Principe | Sao Tomean ; Santomean | Sao Tome
SAU | Saudi Arabia ; Kingdom of Saudi Arabia ; KSA | Saudi ; Saudi Arabian | Riyadh ; Riyad
SEN | Republic of Senegal | Senegalese | Dakar
SRB | Republic of Serbia | Serbian ; Serb | Belgrade
SYC | Republic of Seychelles ; the Seychelles | Seychellois ; Seychellese |
SLE | Republic of Sierra Leone | Sierra Leonean | Freetown
SGP | Republic of Singapore | Singaporean | Singapore City
SVK | Slovak Republic | Slovak ; Slovakian | Bratislava
SVN | Republic of Slovenia | Slovenian ; Slovene | Ljubljana
SLB | Solomon Islands ; the Solomons | Solomon Islander | Honiara
SOM | Federal Republic of Somalia | Somali ; Somalian | Mogadishu
ZAF | Republic of South Africa | South African | Pretoria ; Cape Town ; Tshwane
SSD | Republic of South Sudan | South Sudanese | Juba
ESP | Kingdom of Spain | Spanish ; Spaniard | Madrid
LKA | Democratic Socialist Republic of Sri Lanka ; Ceylon | Sri Lankan | Colombo ; Sri Jayawardenepura Kotte
SDN | Republic of the Sudan ; Republic of Sudan ; the Sudan | Sudanese | Khartoum ; Port Sudan
SUR | Republic of Suriname ; Surinam | Surinamese ; Surinamer | Paramaribo
SWE | Kingdom of Sweden | Swedish ; Swede | Stockholm
CHE | Swiss Confederation | Swiss | Bern ; Berne
SYR | Syria ; Syrian Arab Republic | Syrian | Damascus
TJK | Republic of Tajikistan ; Tadzhikistan | Tajik ; Tadjik ; Tajikistani | Dushanbe
TZA | Tanzania ; United Republic of Tanzania | Tanzanian | Dodoma ; Dar es Salaam
THA | Kingdom of Thailand ; Siam | Thai | Bangkok
TLS | East Timor ; Timor Leste ; Democratic Republic of Timor-Leste | East Timorese ; Timorese | Dili
TGO | Togolese Republic | Togolese | Lome
TON | Kingdom of Tonga | Tongan | Nuku'alofa ; Nukualofa
TTO | Trinidad and Tobago ; Trinidad & Tobago ; Trinidad ; Tobago | Trinidadian ; Tobagonian ; Trinbagonian | Port of Spain ; Port-of-Spain
TUN | Tunisian Republic ; Republic of Tunisia | Tunisian | Tunis
TUR | Turkey ; Turkiye ; Republic of Turkey ; Republic of Turkiye | Turkish ; Turk | Ankara
TKM | Turkmenia | Turkmen ; Turkmenistani ; Turkoman | Ashgabat ; Ashkhabad
TUV | | Tuvaluan | Funafuti
UGA | Republic of Uganda | Ugandan | Kampala
UKR | the Ukraine | Ukrainian | Kyiv ; Kiev
ARE | United Arab Emirates ; UAE ; U.A.E. ; the Emirates | Emirati ; Emirian | Abu Dhabi
GBR | United Kingdom ; UK ; U.K. ; Britain ; Great Britain ; United Kingdom of Great Britain and Northern Ireland ; England ; Scotland ; Wales ; Northern Ireland | British ; Briton ; Brit ; Englishman ; Englishmen ; Scottish ; Scot ; Welsh ; Northern Irish | London
USA | United States ; United States of America ; U.S. ; U.S.A. ; USA ; America | American | Washington ; Washington D.C.
URY | Oriental Republic of Uruguay | Uruguayan | Montevideo
UZB | Republic of Uzbekistan | Uzbek ; Uzbekistani | Tashkent
VUT | Republic of Vanuatu ; New Hebrides | Ni-Vanuatu ; Vanuatuan | Port Vila ; Port-Vila
VEN | Venezuela ; Bolivarian Republic of Venezuela | Venezuelan | Caracas
VNM | Vietnam ; Viet Nam ; Socialist Republic of Vietnam | Vietnamese | Hanoi ; Saigon ; Ho Chi Minh City
YEM | Republic of Yemen | Yemeni ; Yemenite | Sanaa ; Sana'a ; Aden
ZMB | Republic of Zambia | Zambian | Lusaka
ZWE | Republic of Zimbabwe ; Rhodesia | Zimbabwean | Harare
# UN observer states and other states
VAT | Holy See ; Vatican ; Vatican City State | | Vatican City
PSE | Palestine ; State of Palestine ; Palestinian territories ; occupied Palestinian territories ; Palestinian Territory ; West Bank ; Gaza ; Gaza Strip ; East Jerusalem | Palestinian | Ramallah
TWN | Taiwan ; Formosa ; Chinese Taipei | Taiwanese | Taipei
KSV | Kosovo ; Republic of Kosovo | Kosovar ; Kosovan ; Kosovo Albanian | Pristina ; Prishtina
ESH | Western Sahara ; Sahrawi Arab Democratic Republic ; SADR | Sahrawi ; Saharawi | Laayoune ; El Aaiun
# territories with news weight
HKG | Hong Kong ; Hong Kong SAR | Hong Konger ; Hongkonger | 
MAC | Macau ; Macao ; Macao SAR | Macanese | 
PRI | Puerto Rico | Puerto Rican | San Juan
GRL | Greenland | Greenlandic ; Greenlander | Nuuk ; Godthab
FLK | Falkland Islands ; Falklands ; Malvinas ; Islas Malvinas | Falkland Islander | Stanley ; Port Stanley
GIB | Gibraltar | Gibraltarian |
BMU | Bermuda | Bermudian |
CYM | Cayman Islands ; the Caymans | Caymanian |
GUM | Guam | Guamanian |
NCL | New Caledonia | New Caledonian | Noumea
PYF | French Polynesia ; Tahiti | French Polynesian ; Tahitian | Papeete
CUW | Curacao | Curacaoan |
ABW | Aruba | Aruban |
FRO | Faroe Islands ; Faroes ; Faeroe Islands | Faroese |
REU | Reunion ; La Reunion | Reunionese |
GLP | Guadeloupe | Guadeloupean |
MTQ | Martinique | Martiniquais |
GUF | French Guiana | French Guianese | Cayenne
MYT | Mayotte | Mahoran |
"""

# Metonyms and other phrases: seats of government, institutions named by
# their building or street, well-known adjectives. Phrase => code.
METONYMS = r"""
Kremlin => RUSGOV
the Kremlin => RUSGOV
Kremlin-backed => RUS
Kremlin-controlled => RUS
Lubyanka => RUSSPY
Smolensk Square => RUSGOV
White House => USAGOV
Oval Office => USAGOV
Pentagon => USAMIL
State Department | U.S. State Department | Department of State => USAGOV
Foggy Bottom => USAGOV
Capitol Hill => USALEG
Langley => USASPY
Downing Street => GBRGOV
Whitehall => GBRGOV
German Chancellery | Kanzleramt => DEUGOV
Casa de Narino => COLGOV
GHQ Rawalpindi => PAKMIL
Orbeliani Palace => GEOGOV
Foreign Office | Foreign and Commonwealth Office | Foreign, Commonwealth and Development Office | FCDO => GBRGOV
Westminster => GBRLEG
Scotland Yard => GBRCOP
Elysee | Elysee Palace => FRAGOV
Quai d'Orsay => FRAGOV
Matignon | Hotel Matignon => FRAGOV
Bundestag => DEULEG
Bundeswehr => DEUMIL
Palazzo Chigi => ITAGOV
Quirinale | Quirinal Palace => ITAGOV
Farnesina => ITAGOV
Moncloa | Moncloa Palace => ESPGOV
Zhongnanhai => CHNGOV
Great Hall of the People => CHNGOV
People's Liberation Army | PLA => CHNMIL
Kantei => JPNGOV
Kasumigaseki => JPNGOV
Blue House | Cheong Wa Dae => KORGOV 1948-08-15..2022-05-09 ; KOR
Yongsan presidential office => KORGOV
Casa Rosada => ARGGOV
Planalto | Planalto Palace | Palacio do Planalto | Itamaraty => BRAGOV
Los Pinos => MEXGOV ..2018-11-30 ; MEX
Miraflores | Miraflores Palace => VENGOV
Knesset => ISRLEG
Israel Defense Forces | Israeli Defense Forces | Israel Defence Forces | IDF | Tsahal => ISRMIL
Shin Bet | Shabak => ISRSPY
Mossad => ISRSPY
Muqataa | Mukataa => PSEGOV
Bankova | Bankova Street => UKRGOV
Verkhovna Rada | the Rada => UKRLEG
Duma | State Duma => RUSLEG
Federation Council => RUSLEG
Majlis => IRNLEG   # Iran's parliament; other countries' majlis need their country word
Sejm => POLLEG
Riksdag => SWELEG
Storting => NORLEG
Lok Sabha | Rajya Sabha => INDLEG
Rashtrapati Bhavan => INDGOV
South Block => INDGOV
Raisina Hill => INDGOV
Aiwan-e-Sadr => PAKGOV
Inter-Services Intelligence | ISI => PAKSPY
Ak Orda | Akorda => KAZGOV
Malacanang | Malacanang Palace => PHLGOV
Istana Negara => MYSGOV
Merdeka Palace => IDNGOV
Union Buildings => ZAFGOV
Villa Somalia => SOMGOV
Aso Rock | Aso Villa => NGAGOV
Koulouba => MLIGOV
Kosyam => BFAGOV
Ittihadiya | Ittihadiya Palace => EGYGOV
Carthage Palace => TUNGOV
El Mouradia => DZAGOV
Baabda | Baabda Palace => LBNGOV
Grand Serail => LBNGOV
Arg palace | Arg presidential palace => AFGGOV
Rideau Hall => CANGOV
Parliament Hill => CANLEG
Binnenhof => NLDGOV
Bestepe | Bestepe Presidential Complex => TURGOV
Cankaya => TURGOV
Drozdy => BLRGOV
Palace of Independence in Minsk => BLRGOV
Korean People's Army | KPA => PRKMIL
Islamic Revolutionary Guard Corps | Revolutionary Guards | Revolutionary Guard | IRGC | Pasdaran => IRNMIL
Quds Force => IRNMIL
Basij => IRNMIL
"""

# CAMEO international region codes (CAMEO manual Table 3.3) and groups.
REGIONS = r"""
the West | Western countries | Western nations | Western powers | Western allies | Western governments | Western states | Western partners | Western leaders | Western backers | Western sponsors | Western officials | Western diplomats | Western capitals | West's | Western world | Western alliance | Western democracies => WST
Europe | continental Europe => EUR
European | Europeans | European countries | European nations | European governments | European leaders | European capitals | European allies => EUR
Africa | African countries | African nations | African states | African leaders | African governments => AFR
African | Africans => AFR
Asia | Asian countries | Asian nations => ASA
Asian | Asians => ASA
Balkans | Balkan states | Balkan countries | the Balkan peninsula => BLK
Balkan => BLK
Caribbean | Caribbean nations | Caribbean states | Caribbean countries => CRB
Caucasus | South Caucasus | North Caucasus | Caucasian region | Transcaucasia => CAU
Central Africa | central African region => CFR
Central Asia | Central Asian states | Central Asian countries | Central Asian republics => CAS
Central Asian => CAS
Central Europe | Central European countries => CEU
Central European => CEU
East Indies => EIN
East Africa | Eastern Africa | Horn of Africa | East African countries => EAF
East African => EAF
Eastern Europe | Eastern European countries | East European countries | Eastern bloc | East bloc => EEU
Eastern European | East European => EEU
Latin America | Latin American countries | Latin American nations => LAM
Latin American | Latin Americans => LAM
Middle East | Mideast | Near East | Middle Eastern countries | Middle Eastern states => MEA
Middle Eastern | Mideastern => MEA
Mediterranean | Mediterranean countries => MDT
North Africa | Maghreb | North African countries => NAF
North African | Maghrebi => NAF
North America | North American countries => NMR
North American => NMR
Persian Gulf | Gulf states | Gulf countries | Gulf Arab states | Gulf monarchies | Arabian Gulf => PGS
Scandinavia | Nordic countries | Scandinavian countries | Nordics => SCN
Scandinavian | Nordic => SCN
South America | South American countries => SAM
South American => SAM
South Asia | Indian subcontinent | South Asian countries => SAS
South Asian => SAS
Southeast Asia | South-East Asia | South East Asia | Southeast Asian countries => SEA
Southeast Asian | South-East Asian => SEA
Southern Africa | southern African countries => SAF
West Africa | Western Africa | West African countries | West African states | Sahel | Sahel region | Sahel countries => WAF
West African | Sahelian => WAF
Arab world | Arab states | Arab countries | Arab nations | Arab governments | Arab leaders => MEA
Muslim world | Islamic world => MOS
"""

# Provinces and cities that stand for their state in conflict reporting: they
# code as the internationally recognised state (Crimea and the occupied parts of
# Ukraine as UKR; the Golan Heights as SYR), never as the occupier.
PLACES = r"""
Crimea | Crimean peninsula | Sevastopol | Simferopol => UKR
Donbas | Donbass | Donetsk | Donetsk region | Donetsk oblast | Luhansk | Lugansk | Luhansk region | Zaporizhzhia | Zaporizhzhia region | Zaporozhye | Kherson | Kherson region | Mariupol | Bakhmut | Avdiivka | Pokrovsk | Sloviansk | Kramatorsk | Melitopol | Berdyansk | Severodonetsk | Lysychansk => UKR
Kharkiv | Kharkov | Odesa | Odessa | Lviv | Lvov | Dnipro | Dnipropetrovsk | Mykolaiv | Sumy | Chernihiv | Zhytomyr | Vinnytsia | Poltava | Bucha | Irpin => UKR
Kursk | Kursk region | Kursk oblast | Belgorod | Belgorod region | Bryansk | Bryansk region | Rostov | Rostov-on-Don | St Petersburg | St. Petersburg | Saint Petersburg | Chechnya | Grozny | Dagestan | Kaliningrad | Novorossiysk | Sochi | Volgograd => RUS
Gaza City | Khan Younis | Khan Yunis | Rafah | Jabalia | Deir al-Balah | Beit Lahia | Jenin | Nablus | Hebron | Tulkarm | Bethlehem | Jericho => PSE
Haifa | Eilat | Ashkelon | Ashdod | Sderot | Beersheba => ISR
Golan Heights | Golan => SYR
Aleppo | Idlib | Homs | Hama | Raqqa | Deir ez-Zor | Deir el-Zour | Latakia | Tartus | Daraa | Douma | Ghouta | Eastern Ghouta | Kobani | Afrin | Manbij | Qamishli => SYR
Mosul | Basra | Kirkuk | Erbil | Irbil | Fallujah | Ramadi | Tikrit | Najaf | Karbala | Sinjar => IRQ
Sidon | Nabatieh | Baalbek | Dahiyeh | south Lebanon | southern Lebanon => LBN
Hodeidah | Marib | Taiz | Saada | Mukalla | Hadramawt | Hadramout => YEM
Benghazi | Misrata | Misurata | Sirte | Tobruk | Derna | Sabha => LBY
Darfur | El Fasher | El-Fasher | Omdurman | Kordofan | Nyala | Wad Madani | El Obeid => SDN
Tigray | Mekelle | Amhara | Oromia | Afar region => ETH
Goma | Bukavu | North Kivu | South Kivu | Ituri | Katanga | Lubumbashi => COD
Kandahar | Herat | Mazar-i-Sharif | Jalalabad | Helmand | Kunduz | Panjshir => AFG
Karachi | Lahore | Peshawar | Quetta | Rawalpindi | Balochistan | Khyber Pakhtunkhwa => PAK
Mumbai | Kolkata | Chennai | Bangalore | Bengaluru | Hyderabad => IND
Mandalay | Rakhine | Shan state | Kachin state | Sagaing => MMR
Timbuktu | Kidal | Mopti => MLI
Maiduguri | Borno | Borno state | Kano | Lagos state => NGA
Nagorno-Karabakh | Karabakh | Stepanakert | Khankendi | Shusha => AZE
Kashmir => ---
Xinjiang | Tibet | Lhasa | Shanghai | Guangzhou | Shenzhen | Wuhan => CHN
"""

# Longer phrases that hold a country word but name something else: they win
# over the shorter match (longest first) and code as their own place, or as
# "---" (no actor) for seas and the like.
OVERRIDES = r"""
New South Wales => AUS
New Mexico => USA
New Guinea => PNG
West Virginia => USA
Indian Ocean => ---
South China Sea => ---
East China Sea => ---
Sea of Japan => ---
Gulf of Mexico | Gulf of America => ---
Arabian Sea => ---
Arabian Peninsula => MEA
Red Sea => ---
Black Sea => ---
Caspian Sea => ---
Baltic Sea => ---
Sea of Azov => ---
Gulf of Aden => ---
Strait of Hormuz => ---
Taiwan Strait => ---
Korean Peninsula => ---
Native American | American Indian => USA
"""

# States that no longer exist (dates end their use; CAMEO/ISO 3166-3 codes).
HISTORIC = r"""
Soviet Union | USSR | U.S.S.R. | Union of Soviet Socialist Republics | Soviet => USR
Yugoslavia | Socialist Federal Republic of Yugoslavia | Federal Republic of Yugoslavia | Yugoslav => YUG
Serbia and Montenegro | State Union of Serbia and Montenegro => SCG
Czechoslovakia | Czechoslovak => CSK
East Germany | German Democratic Republic | GDR | East German => DDR
West German => DEU
South Yemen | People's Democratic Republic of Yemen => YEM
North Yemen | Yemen Arab Republic => YEM
South Vietnam | Republic of Vietnam => VNM
Netherlands Antilles => ANT
"""

def fold(s):
    """Fold accents as dyad's tokenizer does (NFKD, drop combining marks)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return s


def iso_names(e):
    """English names of an iso-codes entry, made into plain phrases."""
    out = []
    for key in ("common_name", "name", "official_name"):
        v = e.get(key)
        if not v:
            continue
        v = fold(v)
        if v.lower().startswith("the "):
            v = v[4:]
        special = {
            "Congo, The Democratic Republic of the": ["Democratic Republic of the Congo"],
            "Virgin Islands, British": ["British Virgin Islands"],
            "Virgin Islands, U.S.": ["U.S. Virgin Islands", "US Virgin Islands"],
            "Taiwan, Province of China": [],
            "Congo": [],   # Republic of the Congo: bare "Congo" codes the DR Congo
            # The coder never matches a phrase with a possessive inside ("People's"),
            # so "Democratic People's Republic of Korea" would leave "Republic of
            # Korea" (South Korea) to match: that name is left out.
            "Korea, Republic of": [],
            "Bonaire, Sint Eustatius and Saba": ["Bonaire", "Sint Eustatius", "Saba"],
            "Saint Helena, Ascension and Tristan da Cunha": ["Saint Helena", "Ascension Island", "Tristan da Cunha"],
            "Cocos (Keeling) Islands": ["Cocos Islands", "Keeling Islands", "Cocos Keeling Islands"],
            "Holy See (Vatican City State)": ["Holy See", "Vatican City State"],
            "Falkland Islands (Malvinas)": ["Falkland Islands", "Malvinas"],
            "Saint Martin (French part)": ["Saint Martin", "St. Martin"],
            "Sint Maarten (Dutch part)": ["Sint Maarten"],
        }
        if v in special:
            out += special[v]
            continue
        if ", " in v:   # "Korea, Republic of" -> "Republic of Korea"
            a, b = v.split(", ", 1)
            v = b + " " + a
            if v.lower().startswith("the "):
                v = v[4:]
        out.append(v)
    return out


def alts(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        k = x.lower()
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else ISO
    iso = json.load(open(path, encoding="utf-8"))["3166-1"]
    by3 = {e["alpha_3"]: e for e in iso}
    table, order = {}, []
    for line in TABLE.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split("|")]
        while len(f) < 4:
            f.append("")
        table[f[0]] = (alts(fold(f[1])), alts(fold(f[2])), alts(fold(f[3])))
        order.append(f[0])
    w = sys.stdout.write
    w("# countries.dyad: states, territories and regions -- dyad's own country dictionary.\n")
    w("# GENERATED by scripts/gen_countries.py from Debian iso-codes (ISO 3166-1 names and\n")
    w("# alpha-3 codes) plus dyad's hand-written demonyms, capitals and metonyms; edit the\n")
    w("# script, not this file. Sources: docs/sources.md.\n")
    w("#\n")
    w("# Each state has up to three lines, tagged by a trailing comment: '# name' (names\n")
    w("# and short forms), '# demonym' (demonyms and adjectives) and '# capital' (capitals,\n")
    w("# former capitals and other spellings; a capital codes as its country, seats of\n")
    w("# government that stand for a government code as XXXGOV in [actors] further down).\n")
    w("# Left out on purpose: 'US' (the pronoun), 'CAR' (the noun), Male (Maldives) and\n")
    w("# Victoria (Seychelles), which fold to common words. 'Republic of Korea' and\n")
    w("# 'Republic of China' are left out: they are the tails of 'Democratic People's\n")
    w("# Republic of Korea' and 'People's Republic of China', which cannot match whole.\n\n")
    w("[actors]\n\n")
    done = set()
    codes = order + sorted(c for c in by3 if c not in table)
    for code in codes:
        e = by3.get(code)
        names, dems, caps = table.get(code, ([], [], []))
        allnames = uniq((iso_names(e) if e else []) + names)
        title = allnames[0] if allnames else code
        w("# ---- %s (%s)%s ----\n" % (title, code, "" if e else " [not ISO 3166-1]"))
        if allnames:
            w("%s => %s   # name\n" % (" | ".join(allnames), code))
        if dems:
            w("%s => %s   # demonym\n" % (" | ".join(uniq(dems)), code))
        if caps:
            w("%s => %s   # capital\n" % (" | ".join(uniq(caps)), code))
        done.add(code)
    w("\n# ---- seats of government, institutions and other metonyms ----\n")
    for line in METONYMS.strip().splitlines():
        if line.strip():
            w(fold(line.strip()) + "\n")
    w("\n# ---- CAMEO international regions (CAMEO manual, Table 3.3) and groups ----\n")
    for line in REGIONS.strip().splitlines():
        if line.strip():
            w(fold(line.strip()) + "\n")
    w("\n# ---- provinces and cities of conflict zones (the recognised state's code) ----\n")
    for line in PLACES.strip().splitlines():
        if line.strip():
            w(fold(line.strip()) + "\n")
    w("\n# ---- longer phrases that override a country word ('---': not an actor) ----\n")
    for line in OVERRIDES.strip().splitlines():
        if line.strip():
            w(fold(line.strip()) + "\n")
    w("\n# ---- former states (ISO 3166-3; CAMEO's USR for the Soviet Union) ----\n")
    for line in HISTORIC.strip().splitlines():
        if line.strip():
            w(fold(line.strip()) + "\n")


if __name__ == "__main__":
    main()
