#!/usr/bin/env python3
"""gen_geo.py: write data/geo/countries.tsv and data/geo/adm1.tsv, dyad's gazetteer
of countries and first-level regions.

Facts come from two places:
  * Debian's iso-codes package: ISO 3166-1 (/usr/share/iso-codes/json/iso_3166-1.json:
    alpha-2 and alpha-3 codes, English names) and ISO 3166-2
    (iso_3166-2.json: every subdivision code, its type and its name, mostly in
    the local romanisation: "Kurskaja oblast'", "Baghdad", "Bayern");
  * the tables below, written by hand for dyad from general geographic
    knowledge: an approximate centre (latitude, longitude in degrees) for each
    country, and for the first-level regions news writes about most (Russia,
    Ukraine, Belarus, the United States, the Middle East, China, Germany, the
    United Kingdom, Canada, Australia, India, Pakistan, Iran, Afghanistan,
    Yemen, Sudan) the English names news uses and the position of the region's
    administrative centre. EVERY COORDINATE HERE IS AN APPROXIMATION: country
    centres are rough geographic centroids (within about a degree), region
    positions are their administrative centres (or centroids where noted), to
    about 0.05 degree. GeoNames is not used. Cities and capitals are written by
    hand in data/geo/cities.tsv.

First-level regions are the ISO 3166-2 entries without a parent. Their names
are folded to ASCII as dyad's tokenizer folds text (NFKD, marks dropped), and
the generic type words are taken off ("Kurskaja oblast'" is also written
"Kurskaja"), so the C loader needs no linguistics of its own.

Output (tab-separated, '#' comments, fixed column order):
  countries.tsv: ISO3  ISO2  name  lat  lon  other-names   (sorted by ISO3)
  adm1.tsv:      CODE  ISO3  type  name  english  local  lat  lon  hand
     name is the display name (English when the hand table has one, and then
     hand = 1: the name may stand alone in text; otherwise it is ISO's);
     english: other English names from the hand table ('|'-separated), which
     news uses on their own; local: ISO's romanised name and its short form,
     which dyad matches only with context (a region word after it, or the
     country named in the article). An empty lat/lon means unknown.

Usage: python3 scripts/gen_geo.py [--check] [--iso DIR] [--out DIR]
  --check   compare with the files in data/geo instead of writing; exit 1 if stale.
"""
import json
import os
import sys
import unicodedata

ISO_DIR = "/usr/share/iso-codes/json"

# ---- country centres: ISO3 lat lon [display name when the ISO one is not what news says] ----
COUNTRIES = r"""
ABW 12.52 -69.97
AFG 33.93 67.71
AGO -11.20 17.87
AIA 18.22 -63.05
ALA 60.18 19.92
ALB 41.15 20.17
AND 42.55 1.60
ARE 23.42 53.85 United Arab Emirates
ARG -38.42 -63.62
ARM 40.07 45.04
ASM -14.27 -170.13
ATA -75.25 -0.07
ATF -49.28 69.35
ATG 17.06 -61.80
AUS -25.27 133.78
AUT 47.52 14.55
AZE 40.14 47.58
BDI -3.37 29.92
BEL 50.50 4.47
BEN 9.31 2.32
BES 12.18 -68.24
BFA 12.24 -1.56
BGD 23.68 90.36
BGR 42.73 25.49
BHR 26.07 50.56
BHS 25.03 -77.40
BIH 43.92 17.68
BLM 17.90 -62.83
BLR 53.71 27.95
BLZ 17.19 -88.50
BMU 32.32 -64.76
BOL -16.29 -63.59 Bolivia
BRA -14.24 -51.93
BRB 13.19 -59.54
BRN 4.54 114.73 Brunei
BTN 27.51 90.43
BVT -54.42 3.41
BWA -22.33 24.68
CAF 6.61 20.94
CAN 56.13 -106.35
CCK -12.16 96.87
CHE 46.82 8.23
CHL -35.68 -71.54
CHN 35.86 104.20
CIV 7.54 -5.55 Ivory Coast
CMR 7.37 12.35
COD -4.04 21.76 Democratic Republic of the Congo
COG -0.23 15.83 Republic of the Congo
COK -21.24 -159.78
COL 4.57 -74.30
COM -11.88 43.87
CPV 16.00 -24.01
CRI 9.75 -83.75
CUB 21.52 -77.78
CUW 12.17 -68.99
CXR -10.45 105.69
CYM 19.31 -81.25
CYP 35.13 33.43
CZE 49.82 15.47 Czech Republic
DEU 51.17 10.45
DJI 11.83 42.59
DMA 15.41 -61.37
DNK 56.26 9.50
DOM 18.74 -70.16
DZA 28.03 1.66
ECU -1.83 -78.18
EGY 26.82 30.80
ERI 15.18 39.78
ESH 24.22 -12.89
ESP 40.46 -3.75
EST 58.60 25.01
ETH 9.15 40.49
FIN 61.92 25.75
FJI -17.71 178.07
FLK -51.80 -59.52 Falkland Islands
FRA 46.23 2.21
FRO 61.89 -6.91
FSM 7.43 150.55 Micronesia
GAB -0.80 11.61
GBR 55.38 -3.44 United Kingdom
GEO 42.32 43.36
GGY 49.47 -2.59
GHA 7.95 -1.02
GIB 36.14 -5.35
GIN 9.95 -9.70
GLP 16.27 -61.55
GMB 13.44 -15.31
GNB 11.80 -15.18
GNQ 1.65 10.27
GRC 39.07 21.82
GRD 12.26 -61.60
GRL 71.71 -42.60
GTM 15.78 -90.23
GUF 3.93 -53.13
GUM 13.44 144.79
GUY 4.86 -58.93
HKG 22.32 114.17 Hong Kong
HMD -53.08 73.50
HND 15.20 -86.24
HRV 45.10 15.20
HTI 18.97 -72.29
HUN 47.16 19.50
IDN -0.79 113.92
IMN 54.24 -4.55
IND 20.59 78.96
IOT -6.34 71.88
IRL 53.41 -8.24
IRN 32.43 53.69 Iran
IRQ 33.22 43.68
ISL 64.96 -19.02
ISR 31.05 34.85
ITA 41.87 12.57
JAM 18.11 -77.30
JEY 49.21 -2.13
JOR 30.59 36.24
JPN 36.20 138.25
KAZ 48.02 66.92
KEN -0.02 37.91
KGZ 41.20 74.77
KHM 12.57 104.99
KIR 1.42 173.00
KNA 17.36 -62.78
KOR 35.91 127.77 South Korea
KWT 29.31 47.48
LAO 19.86 102.50 Laos
LBN 33.85 35.86
LBR 6.43 -9.43
LBY 26.34 17.23
LCA 13.91 -60.98
LIE 47.17 9.56
LKA 7.87 80.77
LSO -29.61 28.23
LTU 55.17 23.88
LUX 49.82 6.13
LVA 56.88 24.60
MAC 22.20 113.54 Macau
MAF 18.08 -63.05
MAR 31.79 -7.09
MCO 43.74 7.42
MDA 47.41 28.37 Moldova
MDG -18.77 46.87
MDV 3.20 73.22
MEX 23.63 -102.55
MHL 7.13 171.18
MKD 41.61 21.75 North Macedonia
MLI 17.57 -4.00
MLT 35.94 14.38
MMR 21.91 95.96 Myanmar
MNE 42.71 19.37
MNG 46.86 103.85
MNP 15.10 145.67
MOZ -18.67 35.53
MRT 21.01 -10.94
MSR 16.74 -62.19
MTQ 14.64 -61.02
MUS -20.35 57.55
MWI -13.25 34.30
MYS 4.21 101.98
MYT -12.83 45.17
NAM -22.96 18.49
NCL -20.90 165.62
NER 17.61 8.08
NFK -29.04 167.95
NGA 9.08 8.68
NIC 12.87 -85.21
NIU -19.05 -169.87
NLD 52.13 5.29 Netherlands
NOR 60.47 8.47
NPL 28.39 84.12
NRU -0.52 166.93
NZL -40.90 174.89
OMN 21.51 55.92
PAK 30.38 69.35
PAN 8.54 -80.78
PCN -24.70 -127.44
PER -9.19 -75.02
PHL 12.88 121.77
PLW 7.51 134.58
PNG -6.31 143.96
POL 51.92 19.15
PRI 18.22 -66.59
PRK 40.34 127.51 North Korea
PRT 39.40 -8.22
PRY -23.44 -58.44
PSE 31.95 35.23 Palestinian Territories
PYF -17.68 -149.41
QAT 25.35 51.18
REU -21.12 55.54
ROU 45.94 24.97
RUS 61.52 105.32 Russia
RWA -1.94 29.87
SAU 23.89 45.08
SDN 12.86 30.22
SEN 14.50 -14.45
SGP 1.35 103.82
SGS -54.43 -36.59
SHN -15.97 -5.70
SJM 77.55 23.67
SLB -9.65 160.16
SLE 8.46 -11.78
SLV 13.79 -88.90
SMR 43.94 12.46
SOM 5.15 46.20
SPM 46.94 -56.27
SRB 44.02 21.01
SSD 6.88 31.31
STP 0.19 6.61
SUR 3.92 -56.03
SVK 48.67 19.70
SVN 46.15 14.99
SWE 60.13 18.64
SWZ -26.52 31.47 Eswatini
SXM 18.04 -63.07
SYC -4.68 55.49
SYR 34.80 38.99 Syria
TCA 21.69 -71.80
TCD 15.45 18.73
TGO 8.62 0.82
THA 15.87 100.99
TJK 38.86 71.28
TKL -8.97 -171.86
TKM 38.97 59.56
TLS -8.87 125.73 East Timor
TON -21.18 -175.20
TTO 10.69 -61.22
TUN 33.89 9.54
TUR 38.96 35.24 Turkey
TUV -7.11 177.65
TWN 23.70 120.96 Taiwan
TZA -6.37 34.89 Tanzania
UGA 1.37 32.29
UKR 48.38 31.17
UMI 19.28 166.65
URY -32.52 -55.77
USA 37.09 -95.71 United States
UZB 41.38 64.59
VAT 41.90 12.45 Vatican City
VCT 12.98 -61.29
VEN 6.42 -66.59 Venezuela
VGB 18.42 -64.64 British Virgin Islands
VIR 18.34 -64.90 US Virgin Islands
VNM 14.06 108.28 Vietnam
VUT -15.38 166.96
WLF -13.77 -177.16
WSM -13.76 -172.10
YEM 15.55 48.52
ZAF -30.56 22.94
ZMB -13.13 27.85
ZWE -19.02 29.15
"""

# Other names the country dictionary leaves out on purpose because, written in
# lower case, they are common words; dyad's gazetteer matches a name in capitals
# only when the text writes it in capitals too ("US", not "us").
ALIASES = r"""
USA US
"""

# Codes CAMEO uses that ISO 3166-1 does not list: ISO3 ISO2 lat lon name
EXTRA_COUNTRIES = r"""
KSV XK 42.60 20.90 Kosovo
"""

# ---- first-level regions: CODE | English names (first = display) | lat lon ----
# Positions are administrative centres unless marked (c) for a centroid.
ADM1 = r"""
RU-AD | Adygea ; Republic of Adygea | 44.61 40.10
RU-AL | Altai Republic | 51.96 85.96
RU-ALT | Altai Krai | 53.35 83.78
RU-AMU | Amur Oblast ; Amur region | 50.26 127.53
RU-ARK | Arkhangelsk Oblast ; Arkhangelsk region | 64.54 40.54
RU-AST | Astrakhan Oblast ; Astrakhan region | 46.35 48.04
RU-BA | Bashkortostan ; Bashkiria | 54.74 55.97
RU-BEL | Belgorod Oblast ; Belgorod region | 50.60 36.59
RU-BRY | Bryansk Oblast ; Bryansk region | 53.24 34.36
RU-BU | Buryatia | 51.83 107.58
RU-CE | Chechnya ; Chechen Republic | 43.32 45.69
RU-CHE | Chelyabinsk Oblast ; Chelyabinsk region | 55.16 61.40
RU-CHU | Chukotka | 64.73 177.51
RU-CU | Chuvashia | 56.15 47.25
RU-DA | Dagestan | 42.98 47.50
RU-IN | Ingushetia | 43.17 44.81
RU-IRK | Irkutsk Oblast ; Irkutsk region | 52.29 104.28
RU-IVA | Ivanovo Oblast ; Ivanovo region | 57.00 40.97
RU-KAM | Kamchatka Krai ; Kamchatka | 53.02 158.65
RU-KB | Kabardino-Balkaria | 43.49 43.62
RU-KC | Karachay-Cherkessia | 44.23 42.05
RU-KDA | Krasnodar Krai ; Krasnodar region | 45.04 38.98
RU-KEM | Kemerovo Oblast ; Kemerovo region ; Kuzbass | 55.35 86.09
RU-KGD | Kaliningrad Oblast ; Kaliningrad region | 54.71 20.51
RU-KGN | Kurgan Oblast ; Kurgan region | 55.44 65.34
RU-KHA | Khabarovsk Krai ; Khabarovsk region | 48.48 135.07
RU-KHM | Khanty-Mansi Autonomous Okrug ; Khanty-Mansi | 61.00 69.02
RU-KIR | Kirov Oblast ; Kirov region | 58.60 49.66
RU-KK | Khakassia | 53.72 91.44
RU-KL | Kalmykia | 46.31 44.26
RU-KLU | Kaluga Oblast ; Kaluga region | 54.51 36.26
RU-KO | Komi Republic ; Komi | 61.67 50.84
RU-KOS | Kostroma Oblast ; Kostroma region | 57.77 40.93
RU-KR | Karelia ; Republic of Karelia | 61.79 34.36
RU-KRS | Kursk Oblast ; Kursk region | 51.73 36.19
RU-KYA | Krasnoyarsk Krai ; Krasnoyarsk region | 56.01 92.85
RU-LEN | Leningrad Oblast ; Leningrad region | 59.94 30.31
RU-LIP | Lipetsk Oblast ; Lipetsk region | 52.61 39.59
RU-MAG | Magadan Oblast ; Magadan region | 59.56 150.80
RU-ME | Mari El | 56.63 47.89
RU-MO | Mordovia | 54.18 45.18
RU-MOS | Moscow Oblast ; Moscow region | 55.82 37.33
RU-MOW | Moscow | 55.76 37.62
RU-MUR | Murmansk Oblast ; Murmansk region | 68.97 33.07
RU-NEN | Nenets Autonomous Okrug | 67.64 53.01
RU-NGR | Novgorod Oblast ; Novgorod region | 58.52 31.27
RU-NIZ | Nizhny Novgorod Oblast ; Nizhny Novgorod region | 56.33 44.00
RU-NVS | Novosibirsk Oblast ; Novosibirsk region | 55.03 82.92
RU-OMS | Omsk Oblast ; Omsk region | 54.99 73.37
RU-ORE | Orenburg Oblast ; Orenburg region | 51.77 55.10
RU-ORL | Oryol Oblast ; Oryol region ; Orel Oblast | 52.97 36.07
RU-PER | Perm Krai ; Perm region | 58.01 56.23
RU-PNZ | Penza Oblast ; Penza region | 53.20 45.00
RU-PRI | Primorsky Krai ; Primorye | 43.12 131.89
RU-PSK | Pskov Oblast ; Pskov region | 57.82 28.33
RU-ROS | Rostov Oblast ; Rostov region | 47.24 39.71
RU-RYA | Ryazan Oblast ; Ryazan region | 54.63 39.74
RU-SA | Sakha ; Yakutia ; Sakha Republic | 62.03 129.73
RU-SAK | Sakhalin Oblast ; Sakhalin region | 46.96 142.73
RU-SAM | Samara Oblast ; Samara region | 53.20 50.15
RU-SAR | Saratov Oblast ; Saratov region | 51.53 46.03
RU-SE | North Ossetia ; North Ossetia-Alania | 43.02 44.68
RU-SMO | Smolensk Oblast ; Smolensk region | 54.78 32.05
RU-SPE | Saint Petersburg ; St. Petersburg ; St Petersburg | 59.94 30.31
RU-STA | Stavropol Krai ; Stavropol region | 45.04 41.97
RU-SVE | Sverdlovsk Oblast ; Sverdlovsk region | 56.84 60.61
RU-TA | Tatarstan | 55.79 49.12
RU-TAM | Tambov Oblast ; Tambov region | 52.72 41.45
RU-TOM | Tomsk Oblast ; Tomsk region | 56.48 84.95
RU-TUL | Tula Oblast ; Tula region | 54.19 37.62
RU-TVE | Tver Oblast ; Tver region | 56.86 35.90
RU-TY | Tuva | 51.72 94.45
RU-TYU | Tyumen Oblast ; Tyumen region | 57.15 65.53
RU-UD | Udmurtia | 56.85 53.21
RU-ULY | Ulyanovsk Oblast ; Ulyanovsk region | 54.32 48.40
RU-VGG | Volgograd Oblast ; Volgograd region | 48.71 44.51
RU-VLA | Vladimir Oblast ; Vladimir region | 56.13 40.41
RU-VLG | Vologda Oblast ; Vologda region | 59.22 39.89
RU-VOR | Voronezh Oblast ; Voronezh region | 51.66 39.20
RU-YAN | Yamalo-Nenets Autonomous Okrug ; Yamal | 66.53 66.60
RU-YAR | Yaroslavl Oblast ; Yaroslavl region | 57.63 39.87
RU-YEV | Jewish Autonomous Oblast | 48.79 132.92
RU-ZAB | Zabaykalsky Krai ; Zabaikalsky Krai | 52.03 113.50
UA-05 | Vinnytsia Oblast ; Vinnytsia region ; Vinnytska oblast | 49.23 28.47
UA-07 | Volyn Oblast ; Volyn region ; Volyn | 50.75 25.34
UA-09 | Luhansk Oblast ; Luhansk region ; Lugansk region ; Lugansk Oblast | 48.57 39.31
UA-12 | Dnipropetrovsk Oblast ; Dnipropetrovsk region ; Dnipro region | 48.46 35.05
UA-14 | Donetsk Oblast ; Donetsk region | 48.02 37.80
UA-18 | Zhytomyr Oblast ; Zhytomyr region | 50.25 28.66
UA-21 | Zakarpattia Oblast ; Zakarpattia ; Transcarpathia | 48.62 22.29
UA-23 | Zaporizhzhia Oblast ; Zaporizhzhia region ; Zaporizhia region ; Zaporozhye region | 47.84 35.14
UA-26 | Ivano-Frankivsk Oblast ; Ivano-Frankivsk region | 48.92 24.71
UA-30 | Kyiv ; Kiev | 50.45 30.52
UA-32 | Kyiv Oblast ; Kyiv region ; Kiev region ; Kiev Oblast | 50.45 30.52
UA-35 | Kirovohrad Oblast ; Kirovohrad region | 48.51 32.26
UA-40 | Sevastopol | 44.62 33.52
UA-43 | Crimea ; Autonomous Republic of Crimea | 44.95 34.10
UA-46 | Lviv Oblast ; Lviv region | 49.84 24.03
UA-48 | Mykolaiv Oblast ; Mykolaiv region | 46.98 31.99
UA-51 | Odesa Oblast ; Odesa region ; Odessa region ; Odessa Oblast | 46.48 30.72
UA-53 | Poltava Oblast ; Poltava region | 49.59 34.55
UA-56 | Rivne Oblast ; Rivne region | 50.62 26.25
UA-59 | Sumy Oblast ; Sumy region | 50.91 34.80
UA-61 | Ternopil Oblast ; Ternopil region | 49.55 25.59
UA-63 | Kharkiv Oblast ; Kharkiv region ; Kharkov region | 49.99 36.23
UA-65 | Kherson Oblast ; Kherson region | 46.64 32.62
UA-68 | Khmelnytskyi Oblast ; Khmelnytskyi region | 49.42 26.99
UA-71 | Cherkasy Oblast ; Cherkasy region | 49.44 32.06
UA-74 | Chernihiv Oblast ; Chernihiv region | 51.49 31.29
UA-77 | Chernivtsi Oblast ; Chernivtsi region | 48.29 25.94
BY-BR | Brest Region ; Brest Oblast | 52.10 23.69
BY-HM | Minsk | 53.90 27.57
BY-HO | Gomel Region ; Gomel Oblast ; Homel Region | 52.44 30.98
BY-HR | Grodno Region ; Grodno Oblast ; Hrodna Region | 53.68 23.83
BY-MA | Mogilev Region ; Mogilev Oblast ; Mahilyow Region | 53.91 30.34
BY-MI | Minsk Region ; Minsk Oblast | 53.90 27.57
BY-VI | Vitebsk Region ; Vitebsk Oblast ; Vitsebsk Region | 55.19 30.20
US-AL | Alabama | 32.80 -86.80 (c)
US-AK | Alaska | 64.20 -152.50 (c)
US-AZ | Arizona | 34.30 -111.70 (c)
US-AR | Arkansas | 34.90 -92.40 (c)
US-CA | California | 37.20 -119.50 (c)
US-CO | Colorado | 39.00 -105.50 (c)
US-CT | Connecticut | 41.60 -72.70 (c)
US-DE | Delaware | 39.00 -75.50 (c)
US-DC | District of Columbia | 38.90 -77.03 (c)
US-FL | Florida | 28.60 -82.40 (c)
US-GA | Georgia | 32.70 -83.40 (c)
US-HI | Hawaii | 20.30 -156.40 (c)
US-ID | Idaho | 44.40 -114.60 (c)
US-IL | Illinois | 40.00 -89.20 (c)
US-IN | Indiana | 39.90 -86.30 (c)
US-IA | Iowa | 42.10 -93.50 (c)
US-KS | Kansas | 38.50 -98.40 (c)
US-KY | Kentucky | 37.50 -85.30 (c)
US-LA | Louisiana | 31.10 -92.00 (c)
US-ME | Maine | 45.40 -69.20 (c)
US-MD | Maryland | 39.00 -76.80 (c)
US-MA | Massachusetts | 42.30 -71.80 (c)
US-MI | Michigan | 44.30 -85.40 (c)
US-MN | Minnesota | 46.30 -94.30 (c)
US-MS | Mississippi | 32.70 -89.70 (c)
US-MO | Missouri | 38.40 -92.50 (c)
US-MT | Montana | 47.00 -109.60 (c)
US-NE | Nebraska | 41.50 -99.80 (c)
US-NV | Nevada | 39.30 -116.60 (c)
US-NH | New Hampshire | 43.70 -71.60 (c)
US-NJ | New Jersey | 40.20 -74.70 (c)
US-NM | New Mexico | 34.40 -106.10 (c)
US-NY | New York State ; New York | 42.90 -75.50 (c)
US-NC | North Carolina | 35.60 -79.40 (c)
US-ND | North Dakota | 47.50 -100.50 (c)
US-OH | Ohio | 40.30 -82.80 (c)
US-OK | Oklahoma | 35.60 -97.50 (c)
US-OR | Oregon | 43.90 -120.60 (c)
US-PA | Pennsylvania | 40.90 -77.80 (c)
US-RI | Rhode Island | 41.70 -71.50 (c)
US-SC | South Carolina | 33.90 -80.90 (c)
US-SD | South Dakota | 44.40 -100.20 (c)
US-TN | Tennessee | 35.90 -86.40 (c)
US-TX | Texas | 31.50 -99.30 (c)
US-UT | Utah | 39.30 -111.70 (c)
US-VT | Vermont | 44.10 -72.70 (c)
US-VA | Virginia | 37.50 -78.90 (c)
US-WA | Washington State ; Washington | 47.40 -120.50 (c)
US-WV | West Virginia | 38.60 -80.60 (c)
US-WI | Wisconsin | 44.60 -89.90 (c)
US-WY | Wyoming | 43.00 -107.60 (c)
US-PR | Puerto Rico | 18.20 -66.50 (c)
US-GU | Guam | 13.44 144.79 (c)
SY-DI | Damascus Governorate ; Damascus | 33.51 36.29
SY-DR | Daraa ; Deraa ; Daraa Governorate | 32.62 36.10
SY-DY | Deir ez-Zor ; Deir el-Zour ; Deir Ezzor ; Deir ez-Zor Governorate | 35.34 40.14
SY-HA | Hasakah ; Al-Hasakah ; Hassakeh ; Hasaka | 36.50 40.75
SY-HI | Homs ; Homs Governorate | 34.73 36.71
SY-HL | Aleppo ; Aleppo Governorate | 36.20 37.16
SY-HM | Hama ; Hama Governorate | 35.13 36.75
SY-ID | Idlib ; Idlib Governorate ; Idleb | 35.93 36.63
SY-LA | Latakia ; Latakia Governorate | 35.52 35.78
SY-QU | Quneitra ; Quneitra Governorate | 33.13 35.82
SY-RA | Raqqa ; Raqqa Governorate ; Al-Raqqa | 35.95 39.01
SY-RD | Rif Dimashq ; Damascus countryside ; Rural Damascus | 33.52 36.55
SY-SU | Suwayda ; Sweida ; As-Suwayda | 32.71 36.57
SY-TA | Tartus ; Tartous | 34.89 35.89
IQ-AN | Anbar ; Anbar province ; al-Anbar | 33.42 43.30
IQ-AR | Erbil ; Irbil ; Erbil Governorate | 36.19 44.01
IQ-BA | Basra ; Basra Governorate | 30.51 47.78
IQ-BB | Babil ; Babylon province | 32.47 44.42
IQ-BG | Baghdad Governorate ; Baghdad | 33.31 44.36
IQ-DA | Duhok ; Dohuk | 36.87 42.99
IQ-DI | Diyala | 33.75 44.61
IQ-DQ | Dhi Qar | 31.05 46.26
IQ-KA | Karbala ; Karbala Governorate | 32.62 44.02
IQ-KI | Kirkuk ; Kirkuk Governorate | 35.47 44.39
IQ-MA | Maysan | 31.84 47.14
IQ-MU | Muthanna | 31.31 45.28
IQ-NA | Najaf ; Najaf Governorate | 32.03 44.35
IQ-NI | Nineveh ; Ninawa ; Nineveh province | 36.34 43.13
IQ-QA | Qadisiyah ; Diwaniyah | 31.99 44.93
IQ-SD | Salahuddin ; Salah al-Din ; Saladin province | 34.60 43.68
IQ-SU | Sulaymaniyah ; Sulaimaniyah | 35.56 45.44
IQ-WA | Wasit | 32.51 45.82
IL-D | Southern District | 31.25 34.79
IL-HA | Haifa District | 32.79 34.99
IL-JM | Jerusalem District | 31.78 35.22
IL-M | Central District | 31.93 34.87
IL-TA | Tel Aviv District | 32.09 34.78
IL-Z | Northern District | 32.70 35.30
PS-BTH | Bethlehem Governorate | 31.70 35.20
PS-DEB | Deir al-Balah Governorate | 31.42 34.35
PS-GZA | Gaza Governorate | 31.50 34.47
PS-HBN | Hebron Governorate | 31.53 35.10
PS-JEM | Jerusalem Governorate | 31.78 35.23
PS-JEN | Jenin Governorate | 32.46 35.30
PS-JRH | Jericho Governorate | 31.86 35.46
PS-KYS | Khan Younis Governorate | 31.34 34.31
PS-NBS | Nablus Governorate | 32.22 35.26
PS-NGZ | North Gaza ; North Gaza Governorate | 31.55 34.50
PS-QQA | Qalqilya Governorate | 32.19 34.97
PS-RBH | Ramallah and al-Bireh Governorate | 31.90 35.20
PS-RFH | Rafah Governorate | 31.29 34.25
PS-SLT | Salfit Governorate | 32.08 35.18
PS-TBS | Tubas Governorate | 32.32 35.37
PS-TKM | Tulkarm Governorate | 32.31 35.03
LB-AK | Akkar | 34.53 36.08
LB-AS | North Lebanon ; North Governorate | 34.43 35.84
LB-BA | Beirut Governorate | 33.89 35.50
LB-BH | Baalbek-Hermel | 34.01 36.21
LB-BI | Beqaa ; Bekaa ; Bekaa Valley | 33.85 35.90
LB-JA | South Lebanon ; South Governorate | 33.56 35.37
LB-JL | Mount Lebanon | 33.83 35.58
LB-NA | Nabatieh Governorate | 33.38 35.48
CN-AH | Anhui | 31.86 117.28
CN-BJ | Beijing Municipality | 39.90 116.41
CN-CQ | Chongqing | 29.56 106.55
CN-FJ | Fujian | 26.08 119.30
CN-GD | Guangdong | 23.13 113.26
CN-GS | Gansu | 36.06 103.83
CN-GX | Guangxi | 22.82 108.32
CN-GZ | Guizhou | 26.65 106.63
CN-HA | Henan | 34.75 113.62
CN-HB | Hubei | 30.59 114.31
CN-HE | Hebei | 38.04 114.51
CN-HI | Hainan | 20.04 110.34
CN-HL | Heilongjiang | 45.80 126.53
CN-HN | Hunan | 28.23 112.94
CN-JL | Jilin | 43.82 125.32
CN-JS | Jiangsu | 32.06 118.80
CN-JX | Jiangxi | 28.68 115.86
CN-LN | Liaoning | 41.81 123.43
CN-NM | Inner Mongolia | 40.84 111.75
CN-NX | Ningxia | 38.49 106.23
CN-QH | Qinghai | 36.62 101.78
CN-SC | Sichuan | 30.57 104.07
CN-SD | Shandong | 36.65 117.12
CN-SH | Shanghai Municipality | 31.23 121.47
CN-SN | Shaanxi | 34.34 108.94
CN-SX | Shanxi | 37.87 112.55
CN-TJ | Tianjin | 39.34 117.36
CN-XJ | Xinjiang | 43.83 87.62
CN-XZ | Tibet ; Tibet Autonomous Region | 29.65 91.14
CN-YN | Yunnan | 25.04 102.71
CN-ZJ | Zhejiang | 30.27 120.15
DE-BB | Brandenburg | 52.40 13.06
DE-BE | Berlin State | 52.52 13.40
DE-BW | Baden-Wurttemberg ; Baden-Wuerttemberg | 48.78 9.18
DE-BY | Bavaria | 48.14 11.58
DE-HB | Bremen State | 53.08 8.80
DE-HE | Hesse | 50.08 8.24
DE-HH | Hamburg State | 53.55 9.99
DE-MV | Mecklenburg-Western Pomerania ; Mecklenburg-Vorpommern | 53.63 11.41
DE-NI | Lower Saxony | 52.37 9.73
DE-NW | North Rhine-Westphalia | 51.23 6.78
DE-RP | Rhineland-Palatinate | 50.00 8.27
DE-SH | Schleswig-Holstein | 54.32 10.14
DE-SL | Saarland | 49.24 6.99
DE-SN | Saxony | 51.05 13.74
DE-ST | Saxony-Anhalt | 52.12 11.63
DE-TH | Thuringia | 50.98 11.03
GB-ENG | England | 52.36 -1.17 (c)
GB-NIR | Northern Ireland | 54.79 -6.49 (c)
GB-SCT | Scotland | 56.49 -4.20 (c)
GB-WLS | Wales | 52.13 -3.78 (c)
CA-AB | Alberta | 53.93 -116.58 (c)
CA-BC | British Columbia | 53.73 -127.65 (c)
CA-MB | Manitoba | 53.76 -98.81 (c)
CA-NB | New Brunswick | 46.57 -66.46 (c)
CA-NL | Newfoundland and Labrador ; Newfoundland | 53.14 -57.66 (c)
CA-NS | Nova Scotia | 44.68 -63.74 (c)
CA-NT | Northwest Territories | 64.83 -124.85 (c)
CA-NU | Nunavut | 70.30 -83.11 (c)
CA-ON | Ontario | 51.25 -85.32 (c)
CA-PE | Prince Edward Island | 46.51 -63.42 (c)
CA-QC | Quebec | 52.94 -73.55 (c)
CA-SK | Saskatchewan | 52.94 -106.45 (c)
CA-YT | Yukon | 64.28 -135.00 (c)
AU-ACT | Australian Capital Territory | -35.47 149.01 (c)
AU-NSW | New South Wales | -31.84 145.61 (c)
AU-NT | Northern Territory | -19.49 132.55 (c)
AU-QLD | Queensland | -20.92 142.70 (c)
AU-SA | South Australia | -30.00 136.21 (c)
AU-TAS | Tasmania | -41.45 145.97 (c)
AU-VIC | Victoria State | -37.47 144.79 (c)
AU-WA | Western Australia | -27.67 121.63 (c)
IN-AP | Andhra Pradesh | 15.91 79.74 (c)
IN-AS | Assam | 26.20 92.94 (c)
IN-BR | Bihar | 25.10 85.31 (c)
IN-DL | Delhi | 28.61 77.21
IN-GJ | Gujarat | 22.26 71.19 (c)
IN-HR | Haryana | 29.06 76.09 (c)
IN-JK | Jammu and Kashmir | 33.78 76.58 (c)
IN-KA | Karnataka | 15.32 75.71 (c)
IN-KL | Kerala | 10.85 76.27 (c)
IN-LA | Ladakh | 34.15 77.58
IN-MH | Maharashtra | 19.75 75.71 (c)
IN-MN | Manipur | 24.66 93.91 (c)
IN-MP | Madhya Pradesh | 22.97 78.66 (c)
IN-OR | Odisha ; Orissa | 20.95 85.10 (c)
IN-PB | Punjab | 31.15 75.34 (c)
IN-RJ | Rajasthan | 27.02 74.22 (c)
IN-TG | Telangana | 18.11 79.02 (c)
IN-TN | Tamil Nadu | 11.13 78.66 (c)
IN-UP | Uttar Pradesh | 26.85 80.95 (c)
IN-WB | West Bengal | 22.99 87.85 (c)
PK-BA | Balochistan ; Baluchistan | 30.18 66.99
PK-GB | Gilgit-Baltistan | 35.92 74.31
PK-IS | Islamabad Capital Territory | 33.68 73.05
PK-JK | Azad Kashmir ; Azad Jammu and Kashmir | 34.37 73.47
PK-KP | Khyber Pakhtunkhwa | 34.01 71.58
PK-PB | Punjab | 31.55 74.34
PK-SD | Sindh | 24.86 67.01
IR-03 | East Azerbaijan | 38.08 46.29
IR-04 | West Azerbaijan | 37.55 45.07
IR-06 | Khuzestan | 31.32 48.67
IR-07 | Fars | 29.59 52.58
IR-09 | Razavi Khorasan | 36.30 59.60
IR-10 | Isfahan ; Esfahan | 32.65 51.67
IR-11 | Sistan and Baluchestan ; Sistan-Baluchestan | 29.50 60.86
IR-12 | Kurdistan province | 35.31 46.99
IR-23 | Tehran province | 35.69 51.39
AF-BAL | Balkh | 36.71 67.11
AF-HEL | Helmand | 31.58 64.37
AF-HER | Herat province | 34.35 62.20
AF-KAB | Kabul province | 34.53 69.17
AF-KAN | Kandahar province | 31.61 65.71
AF-KDZ | Kunduz province | 36.73 68.87
AF-NAN | Nangarhar | 34.43 70.45
AF-PAN | Panjshir | 35.31 69.52
YE-AD | Aden Governorate | 12.79 45.02
YE-HU | Hodeidah ; Hudaydah | 14.80 42.95
YE-MA | Marib Governorate | 15.46 45.33
YE-SD | Saada Governorate | 16.94 43.76
YE-SA | Sanaa city ; Amanat al-Asimah | 15.37 44.19
YE-TA | Taiz Governorate | 13.58 44.02
SD-KH | Khartoum State | 15.50 32.56
SD-DN | North Darfur | 13.63 25.35
SD-DS | South Darfur | 12.05 24.88
SD-DW | West Darfur | 13.45 22.45
SD-GZ | Gezira ; Al Jazirah | 14.40 33.52
SD-KN | North Kordofan | 13.18 30.22
"""

# Generic words naming a region's type, taken off to make a second name.
TYPE_WORDS = {
    "oblast", "oblast'", "oblasti", "kraj", "kray", "krai", "respublika", "republic", "sheng", "shi",
    "zizhiqu", "province", "governorate", "region", "state", "voblasc", "voblasts", "avtonomnyj",
    "avtonomnyy", "avtonomnaja", "okrug", "district", "county", "department", "prefecture", "canton",
    "municipality", "territory", "wilaya", "vilayati", "muhafazat", "ostan-e", "provincia",
    "departamento", "estado", "huizi", "uygur", "zhuangzu", "city", "[city]", "autonomous",
}
# Single words too common to stand for a region on their own.
COMMON = {
    "NORTH", "SOUTH", "EAST", "WEST", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "CENTRE",
    "CENTER", "CAPITAL", "COAST", "UPPER", "LOWER", "LAKES", "ISLANDS", "PLATEAU", "LITTORAL", "BORDER",
    "COPPERBELT", "MIDDLE", "GREATER", "INTERIOR", "NATIONAL", "FEDERAL", "MAIN", "VALLEY", "SAINT",
}


def fold(s):
    """ASCII as dyad folds text: NFKD, combining marks dropped, curly quotes straightened."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bb", "'").replace("\u02bf", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.encode("ascii", "ignore").decode().strip()


def short_name(name):
    """The name without its generic type words ("Kurskaja oblast'" -> "Kurskaja")."""
    if ", " in name:  # "Adygeja, Respublika"
        name = name.split(", ")[0]
    name = name.split(" [")[0]
    words = [w for w in name.split() if w.lower() not in TYPE_WORDS]
    return " ".join(words)


def num(s):
    return "%.2f" % float(s)


def parse_adm1_table():
    out = {}
    for line in ADM1.strip().splitlines():
        code, names, pos = [f.strip() for f in line.split("|")]
        lat, lon = pos.split()[:2]
        out[code] = ([n.strip() for n in names.split(";")], num(lat), num(lon))
    return out


def build(iso_dir):
    c1 = json.load(open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    c2 = json.load(open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    centres = {}
    for line in COUNTRIES.strip().splitlines():
        f = line.split(None, 3)
        centres[f[0]] = (num(f[1]), num(f[2]), f[3] if len(f) > 3 else None)
    a2to3 = {}
    lines = ["# countries.tsv: GENERATED by scripts/gen_geo.py from iso-codes ISO 3166-1 and the",
             "# script's hand-written approximate country centres; do not edit.",
             "# ISO3\tISO2\tname\tlat\tlon\tother names"]
    aliases = {}
    for line in ALIASES.strip().splitlines():
        f = line.split(None, 1)
        aliases[f[0]] = f[1].strip().replace(" ; ", "|")
    rows = []
    for e in c1:
        a3 = e["alpha_3"]
        a2to3[e["alpha_2"]] = a3
        lat, lon, disp = centres.get(a3, ("", "", None))
        name = disp or e.get("common_name") or e["name"]
        rows.append([a3, e["alpha_2"], fold(name), lat, lon, aliases.get(a3, "")])
    for line in EXTRA_COUNTRIES.strip().splitlines():
        f = line.split(None, 4)
        rows.append([f[0], f[1], f[4], num(f[2]), num(f[3]), aliases.get(f[0], "")])
    # Sorted by alpha-3: the loader finds countries by binary search.
    lines.extend("\t".join(r) for r in sorted(rows))
    countries = "\n".join(lines) + "\n"

    table = parse_adm1_table()
    seen = set()
    lines = ["# adm1.tsv: GENERATED by scripts/gen_geo.py from iso-codes ISO 3166-2 (first-level",
             "# subdivisions) and the script's hand-written English names and approximate positions;",
             "# do not edit.",
             "# code\tISO3\ttype\tname\tenglish names\tlocal names\tlat\tlon\thand"]
    for e in sorted(c2, key=lambda e: e["code"]):
        if e.get("parent"):
            continue
        code = e["code"]
        a3 = a2to3.get(code.split("-")[0])
        if not a3:
            continue
        iso_name = fold(e["name"])
        english = []
        lat = lon = ""
        if code in table:
            seen.add(code)
            en, lat, lon = table[code]
            english = [fold(n) for n in en]
        local = [iso_name]
        sn = short_name(iso_name)
        if sn and sn != iso_name and (len(sn.split()) > 1 or (len(sn) > 3 and sn.upper() not in COMMON)):
            local.append(sn)
        local = [n for n in dict.fromkeys(local) if n not in english]
        display = english[0] if english else local[0]
        lines.append("\t".join([code, a3, e["type"], display, "|".join(english[1:]),
                                "|".join(n for n in local if n != display), lat, lon,
                                "1" if english else "0"]))
    missing = sorted(set(table) - seen)
    if missing:
        sys.exit("gen_geo.py: codes in the hand table but not in ISO 3166-2: " + " ".join(missing))
    return countries, "\n".join(lines) + "\n"


def main():
    args = sys.argv[1:]
    check = "--check" in args
    iso_dir = ISO_DIR
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "geo")
    if "--iso" in args:
        iso_dir = args[args.index("--iso") + 1]
    if "--out" in args:
        out_dir = args[args.index("--out") + 1]
    countries, adm1 = build(iso_dir)
    stale = []
    for name, text in (("countries.tsv", countries), ("adm1.tsv", adm1)):
        path = os.path.join(out_dir, name)
        if check:
            try:
                old = open(path, encoding="utf-8").read()
            except OSError:
                old = None
            if old != text:
                stale.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if stale:
        print("gen_geo.py: stale (run python3 scripts/gen_geo.py): " + " ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
