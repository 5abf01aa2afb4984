/** Concept groups, part 3: agriculture, environment, economy, jobs, governance, digital services, cooperation. Format as in part 1. */
export default `
agriculture [agriculture rural_development]
  en: agricultur* | farm* | farmer* | farming | crop* | harvest* | agri-food | producer* | growers | smallholder* | family farm*
  bg: земедел* | фермер* | стопан* | земеделски производител* | реколт* | култур* растения | производител* | дребни производители | семейни ферми | агро*
  sq: bujqes* | ferm* | fermer* | prodhues* | korr* | te korrat | kultur* bujqesore | fermere te vegjel | ferma familjare
  az: kend teserrufat* | fermer* | teserrufat* | mehsul* | istehsalci* | aqrar* | ekinci* | kicik fermer* | aile teserrufat*
vegetables_greenhouses [agriculture]
  en: vegetable* | greenhouse* | polytunnel* | horticultur* | garden plot* | seedling*
  bg: зеленчу* | оранжери* | парник* | градинарств* | разсад* | зеленчукови градини
  sq: perime* | sere | sera | serat | serave | serash | kopshtari* | fidan*
  az: terevez* | istixana* | istilixana* | bagcilig* | sitil* | terevezcilik
fruit_orchards [agriculture]
  en: fruit* | orchard* | apple* | cherr* | plum | plums | berries | nut | nuts | walnut* | hazelnut*
  bg: плод* | овощ* | ябълк* | череш* | сливи | слива | ягод* | малин* | орех* | лешник*
  sq: frut* | pemetari* | moll* | qershi* | kumbull* | arra | arrat | lajthi*
  az: meyve* | meyvecilik | bag | baglar* | alma* | albali | gilas* | gavali | qoz* | findiq*
olives_vineyards [agriculture]
  en: olive* | olive oil | olive press* | vineyard* | grape* | vine* | viticultur*
  bg: маслин* | зехтин* | лозя | лозе | лозар* | грозде* | винар*
  sq: ulli* | vaj ulliri | vaj* | fabrik* vaji | vresht* | rrush* | vreshtari*
  az: zeytun* | zeytun yagi | uzum* | uzumcu* | uzumluk* | baglar
livestock [agriculture]
  en: livestock | cattle | sheep | goat* | dairy | milk | cheese | animal husbandry | pasture* | grazing | veterinar*
  bg: животновъд* | говед* | овце | овцевъд* | кози | мляко | млечн* | сирене | пасищ* | паша | ветеринар*
  sq: blegtori* | bageti* | dele | dhi | qumesht* | djath* | kullot* | veterinar*
  az: heyvandarlig* | mal-qara | qoyun* | keci* | sud* | pendir* | otlaq* | baytar*
beekeeping_honey [agriculture environment]
  en: beekeep* | bee | bees | honey | apiar* | pollinator*
  bg: пчел* | мед | меда | пчелин* | пчеларств*
  sq: blet* | mjalt* | bletari*
  az: aricilig* | ari | arilar* | bal | bali | balin | aricilik | ari ailesi
food_processing_storage [agriculture employment]
  en: cold storage | cold store* | refrigerat* | storage | warehouse* | packing | packaging | processing | food processing | drying | sorting | post-harvest
  bg: хладилн* | складов* | склад* | съхранение | опаковане | опаковк* | преработ* | сушене | сортиране | хладилна база
  sq: frigorifer* | ruajtj* | depo* | magazin* | paketim* | perpunim* | tharj* | perzgjedhj*
  az: soyuducu* | soyuducu anbar* | anbar* | saxlanma | qablasdirma | emal* | qurutma | cesidleme | soyuq anbar
cooperatives_markets [agriculture employment]
  en: cooperative* | co-operative* | producer group* | farmers market* | market | markets | marketplace* | sales | direct sales | local products | quality label* | certification | organic | short supply chain*
  bg: кооперац* | групи производители | фермерски пазар* | пазар* | продажб* | директни продажби | местни продукти | местни храни | знак за качество | сертифиц* | биологичн* | био продукти | къси вериги
  sq: kooperativ* | grup* prodhuesish | treg | tregu | tregut | tregje | tregjet | tregjeve | treg fermeresh | shitj* | produkt* lokal* | etiket* cilesie | certifikim* | organik* | bio
  az: kooperativ* | istehsalci qrup* | fermer bazar* | bazar* | satis* | yerli mehsul* | keyfiyyet nisan* | sertifikat* | orqanik* | ekoloji temiz mehsul*
rural_development_c [rural_development]
  en: rural | village* | countryside | rural area* | small settlements | depopulation | rural development | leader | local action group*
  bg: селск* | село | селата | селото | сел* райони | малки населени места | обезлюдяв* | развитие на селските райони | миг | местна инициативна група | лидер
  sq: rural* | fshat* | zon* rurale | zonat rurale | shpopullim* | zhvillim* rural* | grup* vepruese lokal*
  az: kend* | kendler* | kendin | kend yerleri | ucqar* | kend inkisaf* | yerli feal qrup*
forests [environment]
  en: forest* | woodland* | afforestation | reforestation | logging | trees | liana*
  bg: гора | гори | гората | горите | горск* | залесяв* | сеч | сечи | лиан*
  sq: pyj* | pyll* | pyjor* | pyllezim* | ripyllezim* | prerje pyjesh
  az: mese | meseler | mesenin | mesesi | meselik* | mese salma | agacekme | qirilma | liana*
nature_protection [environment]
  en: nature* | biodiversity | habitat* | protected area* | nature reserve* | national park* | natura 2000 | wildlife | species | ecosystem* | wetland* | conservation
  bg: природ* | биоразнообрази* | местообитани* | защитен* територи* | защитени зони | резерват* | национален парк | натура 2000 | диви животни | видове | екосистем* | влажни зони | влажните зони
  sq: natyr* | biodiversitet* | habitat* | zon* te mbrojtura | zona e mbrojtur | rezervat* | park* kombetar* | jete e eger | specie* | ekosistem* | ligatin*
  az: tebiet* | bioloji muxteliflik | yasayis muhit* | qorunan erazi* | qorugu* | qoruq* | milli park* | vehsi heyvan* | nov | novler* | ekosistem* | sulak erazi*
birds [environment tourism]
  en: bird* | nesting | ornitholog* | migratory | storks | pelicans | flamingo*
  bg: птиц* | птичи | гнезд* | орнитолог* | прелетн* | щъркел* | пеликан*
  sq: zog* | shpend* | fole* | ornitolog* | shtegtar* | pelikan* | flamingo*
  az: qus | quslar* | qusun | yuva* | ornitoloq* | kocer* | qutan* | flaminqo*
waste [environment]
  en: waste | litter* | rubbish | garbage | trash | landfill* | dump* | illegal dump* | waste collection | bins | containers
  bg: отпадъ* | отпадък | боклук* | сметищ* | депо | депа | нерегламентирани сметища | сметосъбиран* | контейнер* | кофи
  sq: mbetj* | mbeturin* | plehra | landfill* | vendgrumbullim* | venddepozitim* | kosh* | kontenier*
  az: tullanti* | zibil* | poligon* | zibillik* | qanunsuz zibillik | zibil qutu* | konteyner*
recycling_circular [environment]
  en: recycl* | separate collection | sorting waste | compost* | reuse | circular economy | waste reduction | zero waste | plastic*
  bg: рециклир* | разделно събиране | разделното събиране | компост* | повторна употреба | кръгова икономика | намаляване на отпадъците | пластмас*
  sq: ricikl* | grumbullim* i ndare | grumbullim* te diferencuar | kompost* | riperdorim* | ekonomi qarkulluese | plastik*
  az: tekrar emal | tekrar emal* | ayri yigim | ayrica toplanma | kompost* | tekrar istifade | dovri iqtisadiyyat | plastik*
cleanup [environment civil_society]
  en: clean-up* | cleanup* | clean up | cleaning | litter picking | cleanliness | volunteer clean*
  bg: почиств* | почистване | чистота | почистването | акция за почистване | доброволческо почистване
  sq: pastrim* | pastrimi | pastert* | aksion* pastrimi
  az: temizlik* | temizleme | temizlenme* | iməclik | imeclik | temizliy*
air_climate [environment health]
  en: air quality | air pollution | pollution | emissions | climate change | climate | carbon | dust | noise
  bg: качество на въздуха | замърсяване* | замърсяв* | емисии | климатичн* промени | климат* | въглерод* | прах | фини прахови частици | шум
  sq: cilesi* e ajrit | ndotj* | emetim* | ndryshim* klimatik* | klim* | karbon* | pluhur* | zhurm*
  az: hava keyfiyyet* | cirklenme* | tullantilar | emissiya* | iqlim deyisikliy* | iqlim* | karbon* | toz* | sumuy* | seslilik
environmental_education [environment education]
  en: environmental education | ecology | ecological | environmental awareness | eco-school* | green school* | nature education | awareness campaign*
  bg: екологично образование | екологичн* | еколог* | екологично възпитание | зелени училища | информационни кампании | кампани*
  sq: edukim* mjedisor* | ekologji* | ekologjik* | ndergjegjesim* mjedisor* | fushat* ndergjegjesimi | fushate*
  az: ekoloji tehsil | ekoloji maarifle* | ekologiya* | ekoloji* | maarifləndirme | maariflendirme* | kampaniya*
entrepreneurship [employment]
  en: entrepreneur* | start-up* | startup* | business support | small business* | sme* | incubator* | business incubator* | mentoring | coworking | co-working | microcredit*
  bg: предприемач* | стартиращ* | стартъп* | бизнес подкрепа | малк* и средн* предприятия | мсп | малък бизнес | инкубатор* | бизнес инкубатор | менторств* | споделени работни пространства | коуъркинг*
  sq: sipermarr* | startup* | biznes* te vegjel | nderrmarrje te vogla | ndermarrje* | inkubator* | mentorim* | hapesir* bashkepunimi
  az: sahibkar* | startap* | biznes destey* | kicik biznes | kob | kicik ve orta sahibkarlig* | inkubator* | biznes inkubator* | mentorluq | kovorkinq*
social_enterprise [employment social_inclusion]
  en: social enterprise* | social business* | social economy | sheltered employment | work integration
  bg: социални предприятия | социално предприятие | социалн* предприяти* | социална икономика | защитена заетост
  sq: ndermarrje* sociale | sipermarrj* sociale | ekonomi sociale
  az: sosial sahibkarliq | sosial muessise* | sosial biznes*
employment_c [employment]
  en: employment | jobs | job* | unemploy* | job seekers | labour market | labor market | job placement | career* | employability | workers | employers
  bg: заетост* | работни места | работа | безработ* | търсещи работа | пазар на труда | пазара на труда | кариер* | трудова заетост | работодател* | работници | наемане
  sq: punesim* | vende pune | vendet e punes | pune | papunesi* | te papune | tregu i punes | karrier* | punedhenes* | punetor*
  az: mesgulluq* | is yer* | is yerleri | is | issiz* | issizlik | emek bazar* | karyera* | iseqotur* | isegoturen* | iscil*
investment_economy [employment]
  en: economic development | local economy | investment* | competitiveness | innovation* | business* | companies | industry | manufacturing
  bg: икономическо развитие | местна икономика | инвестиц* | конкурентоспособност | иноваци* | бизнес* | фирми | предприятия | индустри* | производств*
  sq: zhvillim* ekonomik* | ekonomi* lokale | investim* | konkurrueshmeri* | inovacion* | biznes* | kompani* | industri* | prodhim*
  az: iqtisadi inkisaf | yerli iqtisadiyyat | investisiya* | reqabet* | innovasiya* | biznes* | sirket* | senaye* | istehsal*
university_research [education employment]
  en: universit* | research | researchers | science | technology transfer | laborator* | academia | higher education
  bg: университет* | изследван* | научн* | наука | трансфер на технологии | лаборатори* | висше образование
  sq: universitet* | kerkim* | shkenc* | transferim* teknologjie | laborator* | arsim* i larte
  az: universitet* | tedqiqat* | elm* | elmi* | texnologiya transferi | laboratoriya* | ali tehsil
digital_services [digitalisation]
  en: e-government | egovernment | e-services | eservices | digital services | online services | electronic services | one-stop shop* | online application* | digital platform* | portal* | e-payment*
  bg: електронно управление | електронни услуги | електронните услуги | е-услуги | дигитални услуги | онлайн услуги | административни услуги | едно гише | обслужване на едно гише | онлайн заявления | платформ* | портал* | електронни плащания
  sq: qeverisje elektronike | e-qeverisje | sherbim* elektronik* | sherbim* online | sherbim* dixhital* | one-stop-shop | aplikim* online | platform* | portal* | e-albania
  az: elektron hokumet | e-hokumet | elektron xidmet* | onlayn xidmet* | reqemsal xidmet* | asan xidmet | bir pencere | onlayn muraciet* | platforma* | portal*
digitalisation_c [digitalisation]
  en: digital* | digitisation | digitization | digitalisation | digitalization | smart city | open data | software | geographic information system | gis | sensor* | online map*
  bg: дигитализ* | цифров* | дигитал* | умен град | умни градове | отворени данни | софтуер* | географска информационна система | гис | сензор* | онлайн карта | интерактивна карта
  sq: dixhitaliz* | dixhital* | qytet* i zgjuar | te dhena te hapura | softuer* | sistem* informacioni gjeografik | gis | sensor* | harte online | harta interaktive
  az: reqemsallasma* | reqemsal* | agilli seher | aciq melumat* | proqram temin* | cografi informasiya sistem* | cis | sensor* | onlayn xerite | interaktiv xerite
administrative_capacity [civil_society digitalisation]
  en: administrative capacity | municipal administration | public administration | civil servants | staff training | strategic planning | project management | municipal staff
  bg: административен капацитет | административния капацитет | общинска администрация | общинската администрация | държавна администрация | служители | стратегическо планиране | управление на проекти
  sq: kapacitet* administrativ* | administrat* vendore | administrat* publike | nepunes* | planifikim* strategjik | menaxhim* projektesh | stafi i bashkise
  az: inzibati potensial | belediyye* | icra hakimiyyet* | dovlet qulluqcu* | emekdas* | strateji planlasdirma | layihe idareetme*
civil_society_c [civil_society]
  en: ngo* | non-governmental | civil society | association* | foundation* | community organisation* | informal group* | grassroots | local initiative*
  bg: нпо | неправителствен* | гражданско общество | гражданското общество | сдружени* | фондаци* | неформални групи | местни инициативи | граждански организации
  sq: ojf* | organizat* joqeveritare | shoqeri* civile | shoqat* | fondacion* | grup* joformal* | nisma* lokale | nisma vendore | organizat* te shoqerise civile
  az: qht | qeyri-hokumet teskilat* | qeyri hokumet | vetendas cemiyyet* | ictimai birlik* | birlik* | fond* | yerli tesebbus* | icma teskilat*
volunteering [civil_society youth]
  en: volunteer* | voluntary | volunteering | volunteers
  bg: добровол* | доброволчеств* | доброволци | доброволците
  sq: vullnetar* | vullnetarizem | vullnetaret
  az: konullu* | konulluluk | konullu fealiyyet
participation [civil_society]
  en: participation | participatory | public consultation* | consultation* | public hearing* | citizens | civic engagement | youth council* | participatory budget* | community involvement | residents | town hall meeting*
  bg: гражданско участие | участие | консултаци* | обществени обсъждания | обществено обсъждане | граждани | гражданите | младежки съвет | младежки парламент | партиципаторен бюджет | граждански бюджет | жители | жителите
  sq: pjesemarrj* | pjesemarrje qytetare | konsultim* | degjes* publik* | qytetar* | keshill* rinor* | buxhet* pjesemarres | banor*
  az: istirak* | ictimai muzakire* | ictimai dinleme* | vetendas* | sakin* | genclar sura* | genclar surasi | istirakci budce | ictimai istirak
small_grants [civil_society]
  en: small grant* | grant scheme* | grants | grant* | micro-grant* | funding programme* | call for proposals | co-financing | cofinancing | fund | community fund*
  bg: малки грантове | грантов* | грант* | схема за финансиране | програма за финансиране | покана за проектни предложения | съфинансир* | фонд* | финансиране на инициативи
  sq: grant* | grante te vogla | skem* grantesh | thirrj* per propozime | bashkefinancim* | fond*
  az: qrant* | kicik qrant* | qrant proqram* | maliyyelesdirme proqram* | muraciet cagirisi | birge maliyyelesdirme | fond*
cross_border [civil_society tourism]
  en: cross-border | cross border | transboundary | twinning | twin town* | international cooperation | partnership* | euroregion*
  bg: трансгранич* | побратим* | международно сътрудничество | партньорств* | еврорегион*
  sq: nderkufitar* | binjakezim* | bashkepunim* nderkombetar* | partneritet* | bashkepunim*
  az: transserhed* | serhedyani | qardaslasmis seher* | beynelxalq emekdasliq | terefdasliq | emekdasliq
tradition_identity [culture heritage]
  en: local identity | tradition* | history of the village | local history | memory | oral history | old songs
  bg: местна идентичност | традици* | местна история | историческа памет | памет | стари песни | спомени
  sq: identitet* lokal* | tradit* | histori* lokale | kujtes* | kenge te vjetra
  az: yerli kimlik | enene* | yerli tarix | tarixi yaddas | yaddas* | kohne mahni*
aviation [employment education]
  en: airport* | aviation | airfield* | aircraft | flight school* | pilot training
  bg: летищ* | авиаци* | самолет* | летателн* | авиационн*
  sq: aeroport* | aviacion* | aeroplan*
  az: hava liman* | aviasiya* | teyyare*
ports_logistics [infrastructure employment]
  en: port | ports | seaport* | harbour* | harbor* | marina* | pier* | logistics | freight | railway* | rail | train* station
  bg: пристанищ* | марин* | кей | логистик* | товар* | железопът* | жп | гара
  sq: port | porti | portit | marin* | skel* | logjistik* | mallra | hekurudh* | stacion* treni
  az: liman* | marina* | iskele* | logistika* | yuk* | demir yol* | demiryol* | vagzal*
`;
