/**
 * Concept groups, part 1: water, roads, transport, energy, buildings, urban space, safety.
 * Format: a header line `id [theme codes]`, then one line per language: `xx: term | term | …`.
 * A term is one or more words; a word ending in `*` matches any word beginning with it (inflections).
 * Written for this platform from general municipal-planning vocabulary.
 */
export default `
water_supply [water infrastructure]
  en: water supply | drinking water | potable water | water main* | water pipe* | waterworks | water network* | tap water | water pumping | water tower*
  bg: водоснабд* | питейна вода | питейната вода | водопровод* | вик | вик мрежа* | водопроводн* | помпена станция | водна кула | водоем*
  sq: furnizim* me uje | uje te pijshem | ujit te pijshem | ujesjelles* | rrjet* ujesjelles* | depozit* uji | pus* uji
  az: su techizat* | icmeli su* | su kemer* | su xett* | su sebeke* | su anbar* | subartezian* | su quyu* | su quyusu | quyu*
sewerage [water infrastructure environment]
  en: sewer* | sewage | wastewater | waste water | drainage | sanitation | treatment plant* | septic
  bg: канализ* | отпадъчни води | отпадъчните води | пречиствателн* | пснов | дъждовна канализация | септичн*
  sq: kanalizim* | ujera te zeza | ujerave te zeza | ujerat e zeza | trajtim* te ujerave | impiant* trajtimi | kolektor*
  az: kanalizasiya* | cirkab su* | tullanti su* | temizleyici qurgu* | drenaj*
irrigation [agriculture water rural_development]
  en: irrigation | irrigate* | drip irrigation | watering | irrigation canal* | water for gardens
  bg: напоява* | поливн* | капково напояване | напоителн* | поливане | вода за градини*
  sq: ujit* | vaditj* | kanal* vadites | sistem* vaditje | ujitje me pika
  az: suvarma* | suvarilan | damci suvarma | arx* | kanal* suvarma
flood_protection [water environment infrastructure]
  en: flood* | flood protection | dike* | dyke* | embankment* | riverbank* | river bank* | erosion | landslide*
  bg: наводн* | защита от наводнения | дига | диги | дигите | корекция на река | речн* корит* | ерозия | свлачищ* | бреговоукреп*
  sq: permbytj* | mbrojtj* nga permbytjet | argjinatur* | brigj* | erozion* | rreshqitj* dheu
  az: dasqin* | seldasqin* | sel | bend* | sahil bendi | eroziya* | surusme*
river [water environment]
  en: river* | stream* | riverside | waterfront | creek*
  bg: река | реки | реката | речн* | поречие* | крайречн* | поток*
  sq: lum* | perrua* | buze lumi | bregu i lumit
  az: cay* | cayin | cay sahil* | axar*
lake_sea [water tourism environment]
  en: lake* | lakeside | sea | seaside | coast* | shore* | beach* | bay | lagoon*
  bg: езеро | езера | езерото | язовир* | море | морск* | плаж* | бряг | брега | крайбрежи* | залив*
  sq: liqen* | det* | bregdet* | plazh* | gji* | lagun* | breg*
  az: gol | golu | golun | deniz* | xezer* | sahil* | carpayi* | korfez*
roads [infrastructure]
  en: road* | street* | pavement* | asphalt* | resurfac* | carriageway | road repair* | pothole*
  bg: път | пътя | пътят | пътищ* | пътна | пътни | пътната | пътен | улиц* | асфалт* | настилк* | рехабилитация на път* | ремонт на път* | общинск* път*
  sq: rrug* | asfalt* | shtrim* | rikonstruksion* i rrug* | rrjeti rrugor | rrugor*
  az: yol | yollar* | yolun | yolu | kuce* | asfalt* | ortuk* | yol temir*
bridges [infrastructure]
  en: bridge* | footbridge* | crossing* | culvert*
  bg: мост | мостове* | моста | мостов* | пасарел* | водосток*
  sq: ura | urat | ure | ures | uren | urave | ure kembesoresh | vendkalim*
  az: korpu* | piyada korpusu | kecid*
sidewalks [infrastructure]
  en: sidewalk* | footpath* | pedestrian* | walkway* | pedestrian zone* | crosswalk*
  bg: тротоар* | пешеход* | алея | алеи | алеите | пешеходна зона | пешеходни пътеки
  sq: trotuar* | kembesor* | shetitore* | vendkalim* kembesor*
  az: sekide* | piyada* | xiyaban* | piyada zolag*
public_transport [infrastructure]
  en: public transport | bus | buses | bus stop* | bus line* | transit | timetable* | shuttle*
  bg: обществен* транспорт | автобус* | спирк* | градски транспорт | маршрут* | разписани*
  sq: transport* publik | autobus* | stacion* autobusi | linj* urbane
  az: ictimai neqliyyat | avtobus* | dayanacag* | marsrut*
cycling [infrastructure environment tourism]
  en: bicycle* | bike* | cycling | cycle path* | cycle lane* | cycle route* | cyclist*
  bg: велосипед* | велоалея | велоалеи | велоалеите | веломаршрут* | колоездач* | вело
  sq: bicikl* | korsi* bicikl* | korsit* e bicikletave | ciklist* | pist* bicikl*
  az: velosiped* | velosiped yolu | velosiped zolag* | velosipedci*
parking [infrastructure]
  en: parking | car park* | parking lot* | parking space*
  bg: паркинг* | паркоместа | паркомяст*
  sq: parking* | vendparkim*
  az: parklanma | dayanacaq yer* | avtomobil dayanacag*
street_lighting [infrastructure energy_efficiency]
  en: street light* | street lighting | lighting | lamp | lamps | lamppost* | led lamp* | led lighting | luminaire*
  bg: улично осветление | осветление* | осветлени* | лампи | лампа | осветителн* | светодиод* | led | улични лампи
  sq: ndricim* | ndricimi rrugor | llamb* | led | ndricues*
  az: kuce isiqlandirma* | isiqlandirma* | lampa* | isiq* | led | fener*
energy_efficiency [energy_efficiency infrastructure environment]
  en: energy efficiency | energy-efficient | energy efficient | energy saving* | insulation | insulate* | thermal insulation | energy renovation* | retrofit* | energy audit*
  bg: енергийна ефективност | енергийната ефективност | енергийн* ефективн* | енергоспестяващ* | саниране | санира* | топлоизолац* | изолация | енергийно обследване | енергийни мерки
  sq: efiçenc* energjetik* | efikasitet* energjetik* | kursim* energji* | izolim* | izolim termik | riveshj* termike | auditim energjetik
  az: enerji semereliliy* | enerji qenaet* | enerjiye qenaet | istilik izolyasiya* | izolyasiya* | enerji audit*
renewable_energy [energy_efficiency environment]
  en: renewable* | solar | photovoltaic* | solar panel* | pv | heat pump* | biomass | wind power | geothermal
  bg: възобновяем* | слънчев* | фотоволта* | соларн* | термопомп* | биомас* | вятърн* | геотермал*
  sq: rinovueshm* | diellor* | panel* diellor* | fotovoltaik* | pompe nxehtesie | biomas*
  az: berpa olunan enerji | alternativ enerji | gunes* | gunes panel* | fotovoltaik* | istilik nasos* | biokutle | kulek enerjisi
heating [energy_efficiency infrastructure]
  en: heating | boiler* | central heating | district heating | stove*
  bg: отоплени* | отоплителн* | котел* | котли | парно | топлофикац* | печк*
  sq: ngrohj* | ngrohje qendrore | kaldaj* | sob*
  az: istilik* | istilik sistem* | qazan* | merkezi istilik | soba*
public_buildings [infrastructure]
  en: public building* | municipal building* | town hall | administrative building* | building renovation | refurbish* | renovat* | repair* | reconstruction | roof*
  bg: обществени сгради | общински сгради | сграда | сгради | сградата | ремонт* | реконструкц* | обновяване | покрив* | кметство | кметств*
  sq: ndertes* publike | ndertes* | godin* | rikonstruksion* | rinovim* | riparim* | cati* | bashki* ndertes*
  az: ictimai bina* | bina* | binasi | binanin | temir* | yenidenqurma | berpa* | dam ortuy* | inzibati bina*
housing [infrastructure social_inclusion]
  en: housing | apartment block* | residential block* | flats | dwelling* | social housing | homeowners | residents association*
  bg: жилищ* | блок* | многофамилн* | етажна собственост | етажната собственост | социални жилища | апартамент*
  sq: strehim* | banes* | pallat* | apartament* | strehim social
  az: menzil* | yasayis bina* | cox menzilli | sosial menzil* | yasayis*
public_spaces [infrastructure environment]
  en: public space* | square* | town centre | town center | city centre | plaza | urban regeneration | central square | promenade*
  bg: обществени пространства | обществено пространство | площад* | градски център | централна градска част | градска среда | централн* част* | благоустрояв*
  sq: hapesir* publike | shesh* | qender* e qytetit | qendra urbane | rigjenerim* urban* | shetitor*
  az: ictimai mekan* | meydan* | seher merkezi | merkezi hisse | abadlasdirma* | sahil bulvar* | bulvar*
parks_green [environment infrastructure]
  en: park | parks | parkland | green space* | green area* | garden* | tree* | tree planting | landscaping | greenery | urban green*
  bg: парк* | зелени площи | зелена система | зелени пространства | градин* | дървета | дърво | озеленяв* | залесяв*
  sq: park* | hapesir* te gjelbra | sipërfaq* te gjelbra | kopsht* publik* | pem* | mbjellj* pemesh | gjelberim*
  az: park* | yasil zona* | yasillig* | bag | baglar* | agac* | agacekme | yasillasdirma*
playgrounds [youth social_inclusion infrastructure]
  en: playground* | play area* | children's playground | play equipment | swings
  bg: детск* площадк* | детска площадка | площадк* за игра | площатк* | съоръжения за игра | люлк*
  sq: kend* lojerash | kendi i lojerave | lojera per femije | shesh* lojerash
  az: usaq meydanca* | oyun meydanca* | usaq oyun* | yelleneck*
sports_facilities [youth health infrastructure]
  en: sports hall* | sports ground* | stadium* | gym* | fitness | outdoor fitness | sports field* | pitch* | swimming pool* | multi-sport* | sports facilit*
  bg: спортн* зал* | спортн* площадк* | стадион* | фитнес* | фитнес уреди | спортни съоръжения | спортен комплекс | игрище | игрища | басейн* | спортна база
  sq: palestr* | fush* sportive | stadium* | fitnes* | pishin* | kompleks* sportiv* | infrastruktur* sportive | terren* sportiv*
  az: idman zal* | idman meydanca* | stadion* | fitnes* | hovuz* | idman kompleks* | idman obyekt*
safety [infrastructure social_inclusion]
  en: safety | security | cctv | video surveillance | crime prevention | road safety | traffic safety | speed bump*
  bg: безопасност* | сигурност* | видеонаблюдение | видеокамери | пътна безопасност | безопасност на движението | престъпност
  sq: siguri* | kamera* sigurie | vezhgim* video | siguria rrugore | siguri ne trafik
  az: tehlukesizlik* | videomusahide* | kamera* | yol hereketi tehlukesizliy* | cinayetkarlig*
accessibility [social_inclusion infrastructure]
  en: accessibility | accessible | barrier-free | barrier free | barriers | ramp* | wheelchair* | step-free | reduced mobility
  bg: достъпн* | достъпна среда | архитектурни бариери | бариери | бариерите | рамп* | инвалидн* колич* | безбариер*
  sq: aksesueshm* | aksesueshmeri | pengesa arkitektonike | pengesat | rampe* | karroc*
  az: elcatanliq | elcatan* | manee* | maneesiz | pandus* | elil arabas* | hereket imkan* mehdud
civil_protection [environment infrastructure]
  en: fire* | wildfire* | forest fire* | firefighting | civil protection | emergency | disaster* | early warning | evacuation
  bg: пожар* | горски пожари | пожарн* | гражданска защита | бедстви* | аварии | ранно предупреждение | евакуац* | кризисн*
  sq: zjarr* | zjarrefik* | mbrojtj* civile | emergjenc* | fatkeqesi* | paralajmerim* i hershem | evakuim*
  az: yangin* | mese yangin* | yangin sondurme | movcud fovqelade | fovqelade* | feleket* | erken xeberdarliq | texliye
industrial_zones [employment infrastructure]
  en: industrial zone* | industrial park* | business park* | industrial area* | investment site* | plots | land plot* | investor*
  bg: индустриалн* зон* | индустриален парк | индустриални паркове | бизнес парк* | промишлен* зон* | парцел* | терени | инвеститор* | инвестиции
  sq: zon* industrial* | park* industrial* | zon* ekonomik* | parcel* | investitor* | investim*
  az: senaye zona* | senaye park* | senaye mehelle* | torpaq sahe* | investor* | investisiya*
broadband [digitalisation infrastructure]
  en: broadband | internet | wifi | wi-fi | fibre | fiber | connectivity | mobile coverage | free wifi
  bg: широколентов* | интернет | wifi | безжичен интернет | оптичн* | свързаност | покритие
  sq: internet* | brez* te gjere | wifi | fib* optike | lidhshmeri*
  az: internet* | genis zolaqli | wifi | fiber optik* | optik kabel* | rabite*
cemetery_utilities [infrastructure]
  en: cemetery | cemeteries | public toilet* | drinking fountain* | fountain*
  bg: гробищ* | обществени тоалетни | чешм* | фонтан*
  sq: varrez* | tualet* publik* | krua | kroi | shatervan*
  az: qebiristan* | ictimai tualet* | bulaq* | fontan*
`;
