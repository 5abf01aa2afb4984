/** Concept groups, part 5: further topics of municipal plans and NGO projects. Format as in part 1. */
export default `
traffic_calming [infrastructure]
  en: traffic calming | speed limit* | roundabout* | traffic lights | junction* | intersection* | zebra crossing*
  bg: успокояване на движението | ограничение на скоростта | кръгово кръстовище | кръгови кръстовища | светофар* | кръстовищ* | пешеходна пътека
  sq: qetesim* i trafikut | kufi* shpejtesie | rrethrrotullim* | semafor* | kryqezim* | vendkalim* per kembesore
  az: hereketin sakitlesdirilmesi | suret hedd* | dairevi kesisme | svetofor* | kesisme* | yol kesisme* | piyada kecidi
tunnels_walls [infrastructure]
  en: tunnel* | retaining wall* | underpass* | overpass* | viaduct*
  bg: тунел* | подпорн* стен* | подлез* | надлез* | виадукт*
  sq: tunel* | mur* mbajtes* | nenkalim* | mbikalim* | viadukt*
  az: tunel* | dayaq divar* | yeralti kecid* | estakada* | viaduk*
electric_mobility [energy_efficiency environment infrastructure]
  en: electric vehicle* | charging station* | e-mobility | electric bus* | electric car*
  bg: електромобил* | зарядн* станци* | електрическа мобилност | електробус* | електрически автобуси
  sq: automjet* elektrik* | stacion* karikimi | levizshmeri elektrike | autobus* elektrik*
  az: elektromobil* | elektrik avtomobil* | sarj stansiya* | elektrik avtobus*
waste_water_treatment_rural [water environment rural_development]
  en: small treatment plant* | septic tank* | reed bed* | constructed wetland*
  bg: малки пречиствателни | септични ями | септична яма | тръстиково | изкуствени влажни зони
  sq: impiant* te vegjel trajtimi | grope septike | gropa septike | ligatin* artificial*
  az: kicik temizleyici qurgu* | septik cen* | qamisliq filtr* | suni batalliq*
district_heating_biomass [energy_efficiency environment]
  en: wood chips | pellets | biomass boiler* | firewood | wood stoves
  bg: дървесен чипс | пелети | котли на биомаса | котел на биомаса | дърва за огрев | печки на дърва
  sq: ashkla druri | pelet* | kaldaj* me biomase | dru zjarri | soba me dru
  az: odun qirintisi | pelet* | biokutle qazan* | odun | odun soba*
energy_poverty [energy_efficiency social_inclusion]
  en: energy poverty | fuel poverty | heating allowance* | energy bills | cold homes
  bg: енергийна бедност | енергийната бедност | помощи за отопление | сметки за ток | студени жилища
  sq: varferi energjetike | ndihme per ngrohje | fatura energjie | shtepi te ftohta
  az: enerji yoxsullugu | istilik yardim* | elektrik hesab* | soyuq evler
solar_public_buildings [energy_efficiency]
  en: solar roof* | rooftop solar | solar water heat* | solar collector* | solar panels on
  bg: соларни покриви | фотоволтаици на покрива | слънчеви колектори | слънчев колектор | соларни колектори
  sq: cati diellore | panele diellore ne cati | kolektor* diellor* | ngrohes* diellor*
  az: gunes dam* | dam ustu gunes | gunes kollektor* | gunes su qizdirici*
library_modern [culture education digitalisation]
  en: library modernisation | makerspace* | media centre* | e-books | reading club* | book club*
  bg: модернизация на библиотеки | мейкърспейс* | медиатек* | електронни книги | читателски клуб* | клуб на читателя
  sq: modernizim* i bibliotek* | makerspace | mediatek* | libra elektronike | klub* leximi
  az: kitabxana* muasirlesdirilme* | meykerspeys* | mediateka* | elektron kitab* | oxu klub* | kitab klub*
cinema_film [culture youth]
  en: cinema* | film festival* | open-air cinema | screening* | documentary | documentaries | short film*
  bg: кино | кинофестивал* | лятно кино | прожекци* | документален филм | документални филми | късометражн*
  sq: kinema* | festival* filmi | kinema ne natyre | shfaqj* filmi | dokumentar* | film* te shkurter*
  az: kino* | film festival* | aciq hava kinosu | nümayis* | numayis* | sened filmi | senedli film* | qisametrajli*
street_art_public_art [culture youth]
  en: mural* | street art | graffiti | public art | sculpture* | installation*
  bg: мурал* | стенопис* | улично изкуство | графити | скулптур* | инсталаци*
  sq: mural* | art* rrugor* | grafit* | skulptur* | instalacion*
  az: mural* | kuce senet* | qraffiti | heykel* | instalyasiya*
village_festivals [culture tourism rural_development]
  en: village fair* | village festival* | harvest festival* | local holiday* | saint's day | folk fair* | kurban
  bg: събор* | селски празник | празник на селото | празници на селата | курбан | празник на реколтата | панаир*
  sq: festa e fshatit | festival* i fshatit | feste e korrjes | panair* | festa lokale
  az: kend bayram* | kend festival* | mehsul bayram* | yarmarka* | yerli bayram*
ethnographic_houses [heritage culture tourism]
  en: ethnographic house* | traditional house* | vernacular architecture | old houses | revival houses | old quarter
  bg: етнографск* къщ* | възрожденск* къщ* | стари къщи | традиционна архитектура | стар квартал | архитектурен резерват
  sq: shtepi* etnografik* | shtepi* tradicional* | arkitekture tradicionale | shtepi te vjetra | lagje e vjeter | qender muze
  az: etnoqrafik ev* | enenevi ev* | xalq memarligi | kohne evler | kohne mehelle* | qala mehelle*
archaeological_reserve [heritage tourism]
  en: archaeological park* | archaeological reserve* | open-air museum* | reconstruction of | ancient city | ancient town
  bg: археологически резерват | археологическия резерват | археологически парк | музей на открито | антични град* | древен град
  sq: park* arkeologjik* | rezervat* arkeologjik* | muze ne natyre | qytet* antik* | qytet* i lashte
  az: arxeoloji park* | arxeoloji qoruq* | aciq hava muzey* | qedim seher* | antik seher*
castles_fortresses [heritage tourism]
  en: castle* | fortress* | fort | citadel* | city walls | tower* | medieval
  bg: крепост* | замък | замъка | кула | кули | крепостни стени | средновековн*
  sq: kalaj* | kala | keshtjell* | mur* rrethues* | kull* | mesjetar*
  az: qala* | qesr* | qala divar* | bürc* | burc* | orta esr* | ortaesr*
religious_tourism [heritage tourism]
  en: pilgrim* | religious tourism | monastery route* | holy places | shrine*
  bg: поклонни* | религиозен туризъм | светини | свети места | манастирски маршрут*
  sq: pelegrin* | turizem fetar | vende te shenjta | faltore*
  az: zəvvar* | zevvar* | dini turizm | muqeddes mekan* | pir | pirler | ziyaretgah*
tourist_information [tourism digitalisation]
  en: tourist information centre* | visitor information | tourist map* | tourist guidebook* | qr codes | audio tour*
  bg: туристически информационен център | туристически информационни центрове | туристическа карта | пътеводител* | qr кодове | qr код* | аудио тур*
  sq: qend* informacioni turistik | harte turistike | udherrefyes* | kode qr | ture audio
  az: turizm informasiya merkez* | turist xerite* | beledci kitab* | qr kod* | audio tur*
agritourism_farms [tourism agriculture rural_development]
  en: farm visits | farm tourism | pick your own | farm shop* | tasting room*
  bg: посещения във ферми | фермерски туризъм | фермерски магазин* | дегустационна зала | бране на плодове
  sq: vizit* ne ferma | turizem ne ferme | dyqan* i fermes | salle shijimi
  az: fermer teserrufati turu | ferma turizm* | ferma magaza* | dadma zali
dairy_cheese [agriculture]
  en: dairy | cheese | milk collection | cheese making | yoghurt | yogurt | creamery
  bg: млекопреработ* | сирене | кашкавал | мляко | млечни продукти | киселото мляко | изкупуване на мляко
  sq: bulmet* | djathe | djath* | qumesht* | kos | baxho* | grumbullim* qumeshti
  az: sud mehsul* | pendir* | sud* | qatiq | sud toplama | pendir istehsal*
meat_processing [agriculture employment]
  en: slaughterhouse* | meat processing | abattoir* | butcher* | sausages
  bg: кланиц* | месопреработ* | колбас* | месни продукти
  sq: therrtor* | perpunim* i mishit | mish* | sallam*
  az: kesim mentege* | qessabxana* | et emal* | kolbasa* | et mehsul*
wine_tourism [tourism agriculture]
  en: wine route* | wine tourism | cellar* | vineyard tour* | wine tasting | winemaker*
  bg: винен маршрут | винени маршрути | винен туризъм | винарск* изба | винарни | дегустация на вино | винопроизвод*
  sq: rrug* e veres | turizem i veres | kantin* | bodrum* vere | shijim* i veres | prodhues* vere
  az: serab marsrut* | serab turizm* | serab zirzemi* | serab dadma* | serabci*
sheep_wool_textiles [agriculture culture employment]
  en: wool | felt | textiles | weaving | spinning | looms
  bg: вълна | вълнени | плъст | текстил* | тъкачество | тъкане | станове | предене
  sq: lesh* | tekstil* | endj* | tjerr* | vegjë | vegje
  az: yun* | keçe | kece | tekstil* | toxuculuq | toxuma | hanaq* | ip egirme
horticulture_nurseries [agriculture environment]
  en: plant nursery | tree nursery | seedlings | saplings | seed bank* | native plants
  bg: разсадник* | фиданк* | семенна банка | местни растения | посадъчен материал
  sq: fidanishte* | fidan* | banke farash | bime vendase | material mbjelles
  az: tingliq* | fidan* | toxum bank* | yerli bitki* | ekin materiali
irrigation_modern [agriculture water]
  en: water-saving irrigation | sprinkler* | irrigation pumps | pressurised irrigation | irrigation modernisation
  bg: водоспестяващо напояване | дъждовално | дъждовални | помпи за напояване | модернизация на напоителни
  sq: ujitj* me kursim uji | sperkates* | pompa ujitjeje | modernizim* i ujitjes
  az: suya qenaet eden suvarma | yagis suvarma | suvarma nasos* | suvarmanin muasirlesdirilme*
coastal_protection [environment tourism water]
  en: coastal erosion | coastline | dunes | sea level | coastal protection | marine litter
  bg: брегова ерозия | брегова линия | дюни | морско равнище | брегоукрепване | морски отпадъци
  sq: erozion* bregdetar* | vij* bregdetare | dun* | nivel* i detit | mbrojtj* e bregdetit | mbetje detare
  az: sahil eroziyasi | sahil xett* | qum tepe* | deniz seviyye* | sahil muhafize* | deniz tullanti*
wetlands_lagoons [environment tourism]
  en: wetland* | lagoon* | marsh* | reed* | delta | floodplain*
  bg: влажн* зон* | лагун* | блат* | тръстик* | делта | заливни гори | заливн* ливади
  sq: ligatin* | lagun* | kenete* | kallam* | delt* | fushe permbytjeje
  az: batalliq* | laquna* | qamisliq* | delta | sel duzenliy*
river_restoration [environment water]
  en: river restoration | riverbed | riparian | fish passage | river habitats | renaturation
  bg: възстановяване на реки | речно корито | крайречн* | рибни проходи | речни местообитания | ренатурализац*
  sq: restaurim* i lumenjve | shtrat* i lumit | bregore | kalim* per peshq | habitate lumore
  az: cayin berpasi | cay yatagi | cay sahili | baliq kecid* | cay yasayis muhit*
noise_light [environment health]
  en: noise barrier* | noise pollution | light pollution | quiet zone*
  bg: шумозащит* | шумово замърсяване | светлинно замърсяване | тихи зони
  sq: barrier* zhurme | ndotje akustike | ndotje nga drita | zona te qeta
  az: ses keçirmez | ses kecirmez | ses cirklenme* | isiq cirklenme* | sakit zona*
green_procurement_circular [environment]
  en: green procurement | repair café* | repair cafe* | sharing economy | second-hand | upcycling | food waste
  bg: зелени обществени поръчки | кафене за поправки | споделена икономика | втора употреба | ъпсайклинг | хранителни отпадъци
  sq: prokurim* i gjelber | kafe riparimi | ekonomi e ndare | dore e dyte | ripërdorim kreativ | mbetje ushqimore
  az: yasil satinalma | temir kafesi | paylasim iqtisadiyyat* | ikinci el | yeniden emal | qida tullanti*
hazardous_waste [environment health]
  en: hazardous waste | asbestos | batteries | electronic waste | e-waste | medical waste | construction waste
  bg: опасни отпадъци | азбест* | батерии | електронни отпадъци | медицински отпадъци | строителни отпадъци
  sq: mbetje te rrezikshme | azbest* | bateri* | mbetje elektronike | mbetje spitalore | mbetje ndertimi
  az: tehlukeli tullanti* | asbest* | batareya* | elektron tullanti* | tibbi tullanti* | tikinti tullanti*
animal_husbandry_pastures [agriculture environment rural_development]
  en: pasture management | grazing land | summer pastures | transhumance | shepherds
  bg: пасищ* | паша | летни пасища | овчар* | пасищно животновъдство
  sq: kullot* | kullota verore | bariu | bariu | blegtori shtegtare
  az: otlaq* | yaylaq* | qislaq* | coban* | kocəri heyvandarliq | koceri heyvandarliq
digital_inclusion [digitalisation social_inclusion]
  en: digital divide | digital inclusion | digital help desk* | internet access for | computers for | tablets
  bg: дигитално разделение | цифрово включване | дигитално включване | помощ с онлайн услуги | компютри за | таблети
  sq: ndarj* dixhitale | perfshirj* dixhitale | ndihme me sherbime online | kompjuter* per | tableta
  az: reqemsal ucurum | reqemsal inkluziya | onlayn xidmetlerde komek | komputer* | planset*
smart_city_sensors [digitalisation infrastructure]
  en: smart parking | smart lighting | smart meters | internet of things | iot | traffic sensors | dashboard*
  bg: интелигентно паркиране | интелигентно осветление | умни измервателни уреди | интернет на нещата | iot | сензори за трафик | табло за управление
  sq: parkim* inteligjent | ndricim* inteligjent | matesa te zgjuar | interneti i gjerave | iot | sensor* trafiku
  az: agilli parklanma | agilli isiqlandirma | agilli sayğac* | agilli saygac* | esyalarin interneti | iot | neqliyyat sensor*
cybersecurity_data [digitalisation]
  en: cybersecurity | cyber security | data protection | personal data | gdpr | backup*
  bg: киберсигурност | защита на данните | защита на личните данни | лични данни | gdpr | резервни копия
  sq: siguri kibernetike | mbrojtj* e te dhenave | te dhena personale | kopje rezerve
  az: kibertehlukesizlik | melumatlarin qorunmasi | sexsi melumat* | ehtiyat nusxe*
municipal_services_centres [digitalisation civil_society]
  en: citizen service centre* | front office | municipal services | administrative services | service desk*
  bg: център за административно обслужване | центрове за услуги и информация | административно обслужване | гише | гишета | общински услуги
  sq: qend* sherbimi per qytetaret | sportel* | sherbime bashkiake | sherbime administrative | zyre pritjeje
  az: vetendas xidmet merkez* | asan xidmet merkez* | belediyye xidmet* | inzibati xidmet* | qebul otag*
ngo_capacity [civil_society]
  en: capacity building | organisational development | fundraising | project writing | proposal writing | project management training | ngo training
  bg: изграждане на капацитет | организационно развитие | набиране на средства | фондонабиране | писане на проекти | разработване на проекти | обучение на нпо
  sq: ngritje kapacitetesh | zhvillim* organizativ* | mbledhje fondesh | shkrim* projektesh | hartim* projektesh | trajnim* per ojf
  az: potensialin artirilmasi | teskilati inkisaf | vesait toplama | fandreyzinq | layihe yazma | layihe hazirlama | qht telimi
community_foundations [civil_society]
  en: community foundation* | local philanthropy | donors | donations | crowdfunding | match funding
  bg: фондация на общността | фондации на общността | местна филантропия | дарители | дарения | дарител* | краудфъндинг
  sq: fondacion* komunitar* | filantropi lokale | donator* | dhurim* | crowdfunding
  az: icma fond* | yerli xeyriyyecilik | ianeci* | iane* | kraudfandinq
human_rights_legal_aid [civil_society social_inclusion]
  en: legal aid | legal advice | human rights | anti-discrimination | discrimination | ombudsman | free legal
  bg: правна помощ | правни консултации | права на човека | дискриминац* | омбудсман | безплатна правна
  sq: ndihme ligjore | keshillim* ligjor* | te drejtat e njeriut | diskriminim* | avokat* i popullit | ndihme juridike
  az: huquqi yardim | huquqi meslehet* | insan huquq* | ayri-seckilik | ayriseckilik | ombudsman | pulsuz huquqi
media_literacy [civil_society education youth]
  en: media literacy | fake news | disinformation | local media | community radio | journalism
  bg: медийна грамотност | фалшиви новини | дезинформац* | местни медии | общностно радио | журналист*
  sq: edukim* mediatik* | lajme te rreme | dezinformat* | media lokale | radio komunitare | gazetari*
  az: media savad* | saxta xeber* | dezinformasiya* | yerli media | icma radiosu | jurnalist*
gender_equality [social_inclusion civil_society]
  en: gender equality | gender mainstreaming | equal pay | women in leadership | girls in stem
  bg: равнопоставеност на половете | равенство между жените и мъжете | равно заплащане | жени в управлението | момичета в науката
  sq: barazi gjinore | integrim* gjinor* | page e barabarte | gra ne udheheqje | vajza ne shkence
  az: gender beraberliy* | qadin ve kisi beraberliy* | beraber emekhaqqi | rehberlikde qadinlar | elmde qizlar
roma_mediators [social_inclusion education health]
  en: roma mediator* | health mediator* | educational mediator* | community mediator* | outreach worker*
  bg: ромски медиатор* | здравни медиатори | здравен медиатор | образователни медиатори | образователен медиатор | медиатор*
  sq: ndermjetes* rom* | ndermjetes* shendetesor* | ndermjetes* arsimor* | ndermjetes* komunitar*
  az: vasitəci* | vasiteci* | tibbi vasiteci* | tehsil vasiteci* | icma vasiteci*
`;
