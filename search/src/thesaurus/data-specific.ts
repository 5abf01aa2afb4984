/**
 * Concept groups, part 4: narrower topics that plans and ideas name often, so a match can say more than
 * "infrastructure" or "social inclusion". Format as in part 1.
 */
export default `
gas_electricity [infrastructure energy_efficiency]
  en: gas supply | gasification | gas network | electricity grid | power supply | power lines | substation*
  bg: газификац* | газоснабд* | газопровод* | електрозахранване | електропровод* | подстанц* | електрическа мрежа
  sq: furnizim* me gaz | rrjet* gazi | furnizim* me energji | linj* elektrike | nenstacion* | rrjet* elektrik*
  az: qazlasdirma | qaz techizat* | qaz xett* | elektrik techizat* | elektrik xett* | yarimstansiya* | elektrik sebeke*
storm_water [water infrastructure environment]
  en: storm water | stormwater | rainwater | surface water | gutters | ditches | drainage channel*
  bg: дъждовни води | дъждовна вода | повърхностни води | отводняв* | канавк* | отводнителн*
  sq: ujera te shiut | uji i shiut | ujera siperfaqesore | kanal* kullues* | kullim* | kanalet
  az: yagis su* | yagis sulari | sel sulari | drenaj kanal* | arxlar | kanallar
water_losses_meters [water infrastructure]
  en: water losses | leakage | leaks | water meter* | metering | non-revenue water
  bg: загуби на вода | загубите на вода | течове | водомер* | отчитане на водата
  sq: humbje te ujit | humbjet e ujit | rrjedhj* | matës* uji | matesa uji | sahat* uji
  az: su itkisi | su itkileri | sizma* | su sayğac* | su saygac* | sayğac* | saygac*
dams_springs [water environment]
  en: dam | dams | reservoir* | spring* | water source* | catchment | aquifer
  bg: язовир* | водохранилищ* | извор* | водоизточник* | каптаж* | водосбор*
  sq: dig* | rezervuar* | burim* uji | burime | ujembledh* | basen* ujembledhes
  az: su anbari | su anbarlari | bulaq* | su menbe* | hovuz* | kehriz*
spatial_planning [infrastructure]
  en: spatial plan* | urban plan* | zoning | master plan | general plan | cadastre | land use | detailed plan*
  bg: устройств* план* | общ устройствен план | подробен устройствен план | кадастър | кадастрал* | зониране | териториално планиране
  sq: plan* urbanistik* | planifikim* territorial* | plan* i pergjithshem vendor | kadast* | zonim* | perdorim* i tokes
  az: bas plan* | seherselma* | erazi planlasdirma* | kadastr* | zonalasdirma | torpaq istifade*
dangerous_buildings [infrastructure social_inclusion]
  en: derelict building* | dangerous building* | abandoned building* | ruins | demolition | unsafe building*
  bg: изоставени сгради | изоставена сграда | опасни сгради | разрушаване | събаряне | рушащ* | самосрутващ*
  sq: ndertes* te braktisura | ndertesa te rrezikshme | prishj* | shembj* | godina te braktisura
  az: qezali bina* | tehlukeli bina* | terk edilmis bina* | sokulme | dagilma
street_furniture [infrastructure environment]
  en: benches | bench | street furniture | litter bins | bus shelter* | pergola* | urban furniture | shade
  bg: пейк* | градинско обзавеждане | кошчета | кошче | навес* | заслон* | беседк* | сенчест*
  sq: stol* | mobilim* urban* | kosha mbeturinash | strehez* | pergol* | hije
  az: skamya* | oturacaq* | seher mebel* | zibil qutu* | dayanacaq otag* | talvar* | kolge*
stray_animals [environment health]
  en: stray animals | stray dogs | animal shelter* | pets | neutering | animal welfare
  bg: бездомни животни | бездомни кучета | приют за животни | приюти за животни | домашни любимци | кастрац* | хуманно отношение към животните
  sq: kafshe endacake | qen endacak* | strehez* per kafshe | kafshe shtepiake | sterilizim* | mireqenie e kafsheve
  az: sahibsiz heyvan* | sahibsiz it* | heyvan siginacag* | ev heyvan* | sterilizasiya | heyvan huquq*
domestic_violence [social_inclusion]
  en: domestic violence | violence against women | gender-based violence | victims of violence | crisis centre* | shelter for victims
  bg: домашно насилие | насилие над жени | насилие | жертви на насилие | кризисен център | кризисни центрове | приют за жертви
  sq: dhun* ne familje | dhune ndaj grave | dhune me baze gjinore | viktima te dhunes | qender krize | strehez* per viktima
  az: meisetde zorakiliq | qadinlara qarsi zorakiliq | zorakiliq* | zorakiliq qurbanlari | bohran merkez* | siginacaq
refugees_displaced [social_inclusion]
  en: refugee* | internally displaced | displaced persons | idp* | migrants | returnees | asylum
  bg: бежан* | разселени лица | мигрант* | завърнали се | убежище
  sq: refugjat* | te zhvendosur* | migrant* | emigrant* te kthyer | azil*
  az: qacqin* | mecburi kockun* | kockun* | miqrant* | geri qayidan* | siginacaq axtaran
dementia_palliative [health social_inclusion]
  en: dementia | alzheimer* | palliative | hospice | long-term care | nursing home* | care home* | bedridden
  bg: деменц* | алцхаймер | палиатив* | хоспис* | дългосрочна грижа | дом за възрастни | домове за стари хора | трудноподвижни | лежащо болни
  sq: demenc* | alzheimer | paliativ* | hospic* | kujdes afatgjate | shtepi* e te moshuarve | shtepi pleqsh | te shtrire ne shtrat
  az: demensiya* | alsheymer* | palliativ* | hospis* | uzunmuddetli qulluq | qocalar evi | yasli evi | yataq xesteler*
loneliness_intergenerational [social_inclusion health]
  en: loneliness | lonely | isolation | intergenerational | grandparents | pensioners club* | senior club* | seniors club*
  bg: самота | самотни | самотата | изолация | между поколенията | баби и дядовци | клуб на пенсионера | клубове на пенсионера | пенсионерски клуб*
  sq: vetmi* | te vetmuar* | izolim* | nderbreznor* | gjyshe* | klub* i pensionisteve | klub* i te moshuarve
  az: tenhaliq | tenha* | tecrid* | nesiller arasi | nene* | baba* | veteranlar klub* | yaslilar klub*
food_aid [social_inclusion health]
  en: food bank* | soup kitchen* | food aid | food parcels | free meals | public kitchen*
  bg: хранителна банка | хранителни банки | обществена трапезария | обществени трапезарии | социална кухня | хранителни пакети | безплатна храна
  sq: bank* ushqimor* | mense popullore | kuzhin* sociale | ndihme ushqimore | pako ushqimore | vakte falas
  az: erzaq bank* | pulsuz yemek | ictimai yemekxana | sosial metbex | erzaq yardim* | erzaq paket*
early_intervention [health education social_inclusion]
  en: early intervention | early childhood development | developmental delay* | speech therapy | speech therapist* | rehabilitation | physiotherapy
  bg: ранна интервенция | ранно детско развитие | забавено развитие | логопед* | рехабилитац* | кинезитерап* | физиотерап*
  sq: nderhyrj* e hershme | zhvillim* i hershem | vonese ne zhvillim | logoped* | rehabilitim* | fizioterapi*
  az: erken mudaxile | erken inkisaf | inkisaf geriliy* | loqoped* | reabilitasiya* | fizioterapiya*
maternal_child_health [health]
  en: maternity | maternal health | prenatal | pregnant women | newborn* | paediatric* | pediatric* | vaccination* | immunisation | immunization
  bg: майчино здраве | бременни | родилн* | новородени | педиатр* | детски лекар | ваксинац* | имунизац*
  sq: shendet* i nenes | shtatzen* | materniteti | te porsalindur* | pediatr* | vaksin* | imunizim*
  az: ana ve usaq sagligi | hamile* | dogum evi | yenidogulan* | pediatr* | usaq hekimi | peyvend* | immunizasiya*
mobile_health [health digitalisation rural_development]
  en: mobile clinic* | mobile medical | telemedicine | telehealth | home visits | outreach | medical bus
  bg: мобилн* кабинет* | мобилна клиника | мобилни медицински | телемедиц* | домашни посещения | изнесени кабинети
  sq: klinik* levizes* | njesi* levizese mjekesore | telemjekesi | vizita ne shtepi | shtepi me shtepi
  az: mobil klinika* | sefer* tibbi | telemedisina | evde muayine | mobil tibbi briqada*
healthy_nutrition [health education]
  en: healthy eating | healthy food | nutrition | school meals | school lunch* | obesity | diet
  bg: здравословно хранене | здравословна храна | хранене | училищно хранене | училищен обяд | затлъстяване | диета
  sq: ushqyerj* e shendetshme | ushqim* i shendetshem | ushqyerj* | vakt* shkollor* | mbipesh* | diet*
  az: saglam qidalanma | saglam qida | qidalanma | mekteb yemeyi | mekteb qidalanmasi | artiq ceki | piylenme | pehriz*
school_buildings [education infrastructure]
  en: school building* | school renovation | classroom* | school gym* | school yard* | schoolyard* | school canteen*
  bg: училищн* сград* | ремонт на училищ* | класни стаи | физкултурен салон | училищен двор | училищни дворове | училищн* стол*
  sq: ndertes* shkoll* | godin* shkoll* | rikonstruksion* i shkolles | klasa | palestra e shkolles | oborr* i shkolles | mense e shkolles
  az: mekteb bina* | mektebin temiri | sinif otaq* | mekteb idman zali | mekteb heyet* | mekteb yemekxana*
school_transport [education infrastructure rural_development]
  en: school bus* | school transport | pupils transport | commuting pupils
  bg: училищн* автобус* | училищен транспорт | превоз на ученици | пътуващи ученици
  sq: autobus* shkollor* | transport* i nxenesve | transport* shkollor*
  az: mekteb avtobus* | sagirdlerin dasinmasi | mekteb neqliyyat*
inclusive_education [education social_inclusion]
  en: inclusive education | special educational needs | resource teacher* | teaching assistant* | learning difficulties | integrated education
  bg: приобщаващо образование | специални образователни потребности | ресурсен учител | ресурсни учители | помощник-учител* | обучителни затруднения
  sq: arsim* gjitheperfshires | arsim* perfshires | nevoja te vecanta arsimore | mesues ndihmes* | veshtiresi ne te nxene
  az: inkluziv tehsil | xususi tehsil ehtiyac* | kömekci muellim* | komekci muellim* | oyrenme cetinliy*
after_school [education youth]
  en: after-school | after school | extracurricular | homework club* | summer school* | summer camp* | holiday club* | tutoring
  bg: следучилищн* | извънкласн* | занимания по интереси | лятна школа | летни школи | летен лагер | летни лагери | занимални* | целодневна организация
  sq: pas shkolle | jashteshkoll* | aktivitete pas mesimit | shkoll* verore | kamp* veror* | kampe verore
  az: mektebden kenar | sinifden kenar | derneklər | dernekler | yay mekteb* | yay duserge* | duserge*
teacher_training [education]
  en: teacher training | teachers training | professional development of teachers | teaching methods | school staff
  bg: квалификация на учители | обучение на учители | учителите | педагогически специалисти | методи на преподаване
  sq: trajnim* i mesuesve | trajnimi i mesuesve | zhvillim* profesional i mesuesve | metoda mesimdhenie
  az: muellim hazirligi | muellimlerin telimi | muellimlerin ixtisasartirma* | tedris metod*
foreign_languages [education employment]
  en: foreign language* | language course* | english lessons | language skills | bilingual
  bg: чужди езици | чуждоезиков* | езиков* курс* | английски език | езикови умения | двуезич*
  sq: gjuh* te huaja | kurs* gjuhe | gjuha angleze | aftesi gjuhesore | dygjuhes*
  az: xarici dil* | dil kurs* | ingilis dili | dil bacariq* | ikidilli*
career_guidance [education employment youth]
  en: career guidance | career counselling | careers advice | job fair* | career centre* | mentoring
  bg: кариерно ориентиране | кариерно консултиране | кариерен център | кариерни центрове | борса на труда | трудова борса
  sq: orientim* ne karriere | keshillim* per karriere | panair* pune | qender karriere | qendra e karrieres
  az: karyera meslehet* | pese yonelt* | karyera merkez* | emek yarmarka* | is yarmarka*
scholarships [education youth social_inclusion]
  en: scholarship* | grants for students | bursary | bursaries | stipend*
  bg: стипенди* | стипендиант*
  sq: burs* | bursa studimi | bursat
  az: teqaud* | teqaudcu*
literacy_adult [education social_inclusion]
  en: adult literacy | illiteracy | illiterate | second chance education | basic skills
  bg: неграмотн* | ограмотяване | грамотност на възрастни | втори шанс | основни умения
  sq: analfabet* | arsim* per te rriturit | shans i dyte | aftesi baze
  az: savadsiz* | yasli savadlanma | ikinci sans tehsil* | esas bacariq*
youth_work [youth civil_society]
  en: youth work | youth worker* | youth club* | youth centre* | youth center* | youth space* | youth house
  bg: младежка работа | младежки работник | младежки работници | младежки клуб* | младежки център | младежки центрове | младежки дом | младежко пространство
  sq: pune rinore | punonjes* rinor* | klub* rinor* | qender rinore | qendra rinore | hapesir* rinore | shtepi e te rinjve
  az: genclerle is | genclik isci* | genclik klub* | genclar merkez* | genclik merkez* | genclar evi | genclik evi
youth_exchange [youth civil_society education]
  en: youth exchange* | erasmus | study visit* | international exchange | exchange programme* | mobility
  bg: младежки обмен* | еразъм | учебно посещение | учебни посещения | обмен на опит | международен обмен | мобилност
  sq: shkembim* rinor* | erasmus | vizit* studimor* | shkembim* pervojash | shkembim nderkombetar | levizshmeri
  az: genclar mubadile* | genclik mubadile* | erasmus | tecrube mubadile* | beynelxalq mubadile | mobillik
neet_youth [youth employment social_inclusion]
  en: neet | young unemployed | youth unemployment | not in employment | school leavers | first job
  bg: неактивни младежи | безработни младежи | младежка безработица | младежката безработица | първа работа | първо работно място
  sq: te rinj te papune | papunesi rinore | papunesia e te rinjve | pune e pare | vendi i pare i punes
  az: issiz gencler | genc issizler | gencler arasinda issizlik | ilk is yeri | ilk is
women_entrepreneurship [employment social_inclusion]
  en: women entrepreneurs | women's entrepreneurship | female entrepreneurs | women-led business* | women's economic empowerment
  bg: жени предприемачи | женско предприемачество | икономическо овластяване на жените | бизнес на жени
  sq: gra sipermarrese | sipermarrje e grave | fuqizim* ekonomik i grave | biznese te drejtuara nga gra
  az: qadin sahibkar* | qadin sahibkarligi | qadinlarin iqtisadi imkan* | qadin biznes*
crafts_business [employment culture tourism]
  en: craft workshop* | artisan workshop* | souvenir* | handmade | local crafts | craft products
  bg: занаятчийск* работилниц* | работилниц* | сувенир* | ръчна изработка | ръчно изработени | местни занаяти
  sq: punishte zejtare | punishte | suvenir* | punime dore | punuar me dore | zeje lokale
  az: senetkarliq emalatxana* | emalatxana* | suvenir* | el isi | elle hazirlanmis | yerli senetkarliq
remote_work [employment digitalisation]
  en: remote work | telework* | digital nomad* | work from home | freelanc* | online work
  bg: дистанционна работа | работа от разстояние | дигитални номади | работа от вкъщи | фрийланс* | онлайн работа
  sq: pune ne distance | pune nga shtepia | nomad* dixhital* | pune online | freelanc*
  az: uzaqdan is | evden is | reqemsal koceri* | frilans* | onlayn is
export_markets [employment agriculture]
  en: export* | new markets | market access | e-commerce | online shop* | online sales | value chain*
  bg: износ* | експорт* | нови пазари | достъп до пазари | електронна търговия | онлайн магазин* | онлайн продажби | верига на стойността | вериги на стойността
  sq: eksport* | tregje te reja | akses ne treg | tregti elektronike | dyqan* online | shitje online | zinxhir* i vleres
  az: ixrac* | yeni bazarlar | bazara cixis | elektron ticaret | onlayn magaza* | onlayn satis | deyer zenciri
transparency [civil_society digitalisation]
  en: transparency | anti-corruption | accountability | integrity | open government | public information | access to information
  bg: прозрачност* | антикорупц* | корупц* | отчетност | почтеност | открито управление | достъп до информация | обществена информация
  sq: transparenc* | antikorrupsion* | korrupsion* | llogaridhenie | integritet* | qeverisje e hapur | qasje ne informacion
  az: seffaflig* | korrupsiya* | korrupsiyaya qarsi | hesabatlilig* | aciq hokumet | melumat elde etme | ictimai informasiya
municipal_finance [civil_society]
  en: municipal budget* | local budget* | local taxes | fees | own revenue* | public procurement | tenders | municipal property
  bg: общински бюджет | общинския бюджет | местни данъци | такси | собствени приходи | обществени поръчки | търгове | общинска собственост
  sq: buxhet* i bashkise | buxhet* vendor* | taks* vendore | tarifa | te ardhura te veta | prokurim* publik* | tender* | prone* e bashkise
  az: belediyye budce* | yerli budce | yerli vergi* | rusum* | oz gelirler* | dovlet satinalma* | tender* | belediyye emlak*
intermunicipal [civil_society infrastructure]
  en: inter-municipal | intermunicipal | neighbouring municipalities | joint services | regional cooperation | association of municipalities
  bg: междуобщинск* | съседни общини | съвместни услуги | регионално сътрудничество | сдружение на общини | асоциация на общините
  sq: nderbashkiak* | bashki fqinje | sherbime te perbashketa | bashkepunim* rajonal* | shoqat* e bashkive
  az: belediyyelerarasi | qonsu belediyye* | birge xidmet* | regional emekdasliq | belediyyeler assosiasiya*
community_policing [infrastructure social_inclusion]
  en: police | policing | community safety | neighbourhood watch | municipal police | crime
  bg: полиц* | общинска полиция | обществен ред | квартални патрули | престъпност | сигурност в кварталите
  sq: polic* | policia bashkiake | rend* publik | siguri ne lagje | kriminalitet* | krim*
  az: polis* | ictimai asayis | ictimai tehlukesizlik | mehelle tehlukesizliy* | cinayet*
seismic_safety [infrastructure]
  en: earthquake* | seismic | seismic retrofitting | structural safety | reinforcement of buildings
  bg: земетресен* | сеизмич* | сеизмично укрепване | конструктивно укрепване | укрепване на сгради
  sq: termet* | sizmik* | perforcim* sizmik | siguri strukturore | perforcim* i ndertesave
  az: zelzele* | seysmik* | seysmik mohkemlendirme | konstruktiv tehlukesizlik | binalarin mohkemlendirilmesi
fire_stations [infrastructure]
  en: fire station* | fire brigade | fire engine* | firefighters | volunteer firefighters | fire hydrant*
  bg: пожарна | пожарни служби | пожарна команда | пожарникари | доброволни формирования | пожарни хидранти | хидрант*
  sq: stacion* zjarrfikese | zjarrfikes* | makine zjarrfikese | hidrant*
  az: yangin sondurme hisse* | yangin sonduren* | yangin maşın* | yangin masin* | yangin hidrant* | hidrant*
climate_adaptation [environment health]
  en: climate adaptation | heat wave* | heatwave* | drought* | extreme weather | urban heat | water scarcity | desertification
  bg: адаптация към климатичните промени | горещини | горещи вълни | засуха | засушаване | екстремни метеорологични | недостиг на вода | опустиняв*
  sq: pershtatj* me ndryshimet klimatike | vale te nxehtit | thatesir* | mot ekstrem | mungese uji | shkretetir*
  az: iqlime uygunlasma | isti dalga* | quraqliq* | ekstremal hava | su qitligi | seherde istilik | seherlesme
environmental_monitoring [environment digitalisation]
  en: monitoring station* | air monitoring | water quality monitoring | environmental monitoring | measurements | sensors
  bg: мониторинг* | измервателни станции | измервателна станция | контрол на качеството | наблюдение на околната среда
  sq: monitorim* | stacion* monitorimi | monitorim* i cilesise | matje | vezhgim* mjedisor*
  az: monitorinq* | olcu stansiya* | monitorinq stansiya* | keyfiyyet nezaret* | etraf muhitin monitorinq*
invasive_pests [environment agriculture]
  en: invasive species | pests | mosquito* | ragweed | weed control | pest control | disinfestation
  bg: инвазивни видове | вредители | комар* | амброзия | плевели | дезинсекц* | пръскане срещу комари
  sq: specie invazive | demtues* | mushkonj* | barera te keqija | dezinsektim* | sperkatj*
  az: invaziv nov* | zererverici* | ziyanverici* | agcaqanad* | alaq* | dezinseksiya | cilənmə | cilenme
soil_land [agriculture environment]
  en: soil* | land consolidation | agricultural land | abandoned land | fertility | land degradation | terraces
  bg: почв* | окрупняване на земи | земеделска земя | земеделски земи | изоставени земи | плодородие | деградация на земите | тераси
  sq: tok* bujqesore | toke bujqesore | konsolidim* i tokes | toka te braktisura | pjelloris* | degradim* i tokes | tarraca
  az: torpaq* | torpaq konsolidasiya* | kend teserrufati torpaq* | terk edilmis torpaq* | munbitlik | torpaq deqradasiya* | terras*
fisheries [agriculture environment employment]
  en: fishing | fishermen | fisheries | fish farming | aquaculture | fish*
  bg: риболов* | рибар* | рибно стопанство | рибовъд* | аквакултур* | риба | рибата
  sq: peshkim* | peshkatar* | peshkataria | rritj* e peshkut | akuakultur* | peshk*
  az: baliqciliq | baliqci* | baliq teserrufat* | akvakultura* | baliq*
herbs_wild_products [agriculture environment employment]
  en: medicinal herbs | herbs | mushrooms | wild berries | forest fruits | essential oil* | lavender | rose oil | rose*
  bg: билк* | лечебни растения | гъби | горски плодове | етерични масла | етерично-маслени | лавандула | розово масло | рози | розата
  sq: bim* mjekesore | erera | kerpudh* | fruta te pyllit | vajra esenciale | livandoz* | vaj trendafili | trendafil*
  az: derman bitki* | otlar | gobelek* | mese meyve* | efir yag* | lavanda | qizilgul yagi | qizilgul*
tea_citrus_subtropical [agriculture]
  en: tea | tea plantation* | citrus | lemons | oranges | pomegranate* | persimmon* | feijoa
  bg: чай | цитрус* | лимони | портокали | нар | нарове | райска ябълка
  sq: caj* | agrume | limon* | portokall* | shege | hurme
  az: cay | cay plantasiya* | sitrus* | limon* | portagal* | nar | narlar | xurma* | feyxoa
machinery_advisory [agriculture rural_development]
  en: agricultural machinery | tractor* | equipment sharing | agricultural advisory | extension services | farm advice | agronomist*
  bg: селскостопанска техника | земеделска техника | трактор* | споделяне на техника | земеделски консултации | агроном* | консултантска служба
  sq: makineri bujqesore | traktor* | ndarj* e makinerive | keshillim* bujqesor* | sherbim* keshillimi | agronom*
  az: kend teserrufati texnika* | aqrar texnika | traktor* | texnika paylasim* | aqrar meslehet* | meslehet xidmet* | aqronom*
young_farmers [agriculture youth rural_development]
  en: young farmers | young farmer | new farmers | generational renewal | farm succession
  bg: млади фермери | млад фермер | млади земеделски стопани | млади стопани | нови фермери | приемственост
  sq: fermere te rinj | fermer i ri | bujq te rinj | trashegimi e fermes
  az: genc fermer* | yeni fermer* | nesil yenilenmesi | genc kend teserrufatcilar*
accommodation [tourism]
  en: accommodation | hotel* | hostel* | camping | campsite* | beds | lodging | holiday home*
  bg: настаняване | места за настаняване | хотел* | хостел* | къмпинг* | легла | леглова база | почивна станция
  sq: akomodim* | hotel* | hostel* | kamping* | shtretër | shtreter | vend* akomodimi
  az: yerlesme | mehmanxana* | otel* | hostel* | kempinq* | yataq yer* | istirahet evi
mountain_winter [tourism environment]
  en: mountain* | ski* | skiing | winter tourism | hut* | mountain hut* | alpine
  bg: планин* | ски | ски писти | ски писта | зимен туризъм | хижа | хижи | хижите | алпийск*
  sq: mal* | malor* | ski | pist* skish | turizem dimeror | strehë malore | strehe malore | alpin*
  az: dag* | dagliq | xizek* | qis turizm* | dag evi | alp*
spa_wellness [tourism health]
  en: spa | balneology | mineral water* | thermal spring* | hot spring* | wellness | health tourism | sanatorium*
  bg: спа | балнеолог* | минерална вода | минерални води | минерални извори | термални | уелнес | здравен туризъм | санатори*
  sq: spa | balneolog* | uje mineral* | burim* termal* | ujera termale | wellness | turizem shendetesor | sanatorium*
  az: spa | balneoloji* | mineral su* | termal bulaq* | isti bulaq* | saglamliq turizm* | sanatoriya*
adventure_sports [tourism youth]
  en: rafting | kayak* | climbing | paragliding | adventure tourism | outdoor sports | horse riding | zip line* | via ferrata
  bg: рафтинг | каяк* | катерене | парапланер* | приключенски туризъм | спортове на открито | конна езда | езда | въжена линия
  sq: rafting | kajak* | ngjitj* | paragliding | turizem aventure | sporte ne natyre | kalerim* | hipizem
  az: raftinq | kayak* | qayayadirmanma | alpinizm | paraplan* | macera turizm* | acig havada idman | atcilig* | at minme
river_boats [tourism water]
  en: boat trip* | boat* | river cruise* | pier | jetty | ferry | canoe* | marina
  bg: лодк* | лодъчн* | разходки с лодка | речен туризъм | кораб* | ферибот* | кану | пристан
  sq: varke* | shetitj* me varke | turizem lumor | anije* | traget* | kanoe
  az: qayiq* | qayiq gezinti* | cay turizm* | gemi* | berə | bere | kanoe
signage_wayfinding [tourism infrastructure]
  en: signage | signposts | signposting | wayfinding | information boards | information panels | interpretation panels | tourist signs
  bg: табели | табела | указателни табели | информационни табла | информационни табели | туристическа сигнализация | маркировка | маркиране
  sq: tabela | tabelat | sinjalistik* | tabela informuese | panele informuese | shenja turistike | markim*
  az: lovhe* | istiqamet lovhe* | informasiya lovhe* | melumat lovhe* | turist nisan* | nisanlama | markalanma
cultural_routes [tourism heritage culture]
  en: cultural route* | heritage trail* | thematic route* | cultural corridor* | pilgrimage | itinerar*
  bg: културен маршрут | културни маршрути | тематичен маршрут | тематични маршрути | културен коридор | поклоннически | итинерар*
  sq: itinerar* kulturor* | rrug* kulturore | shteg* i trashegimise | rruge tematike | pelegrinazh*
  az: medeni marsrut* | tematik marsrut* | irs marsrut* | ziyaret yolu | ipek yolu
dance_music [culture youth]
  en: dance | dancing | dance school* | music | musicians | band* | orchestra* | singing | choir
  bg: танц* | хоро | хора | музик* | музиканти | оркест* | пеене | певчески | хорове
  sq: vall* | kercim* | shkoll* kercimi | muzik* | muzikant* | orkest* | kendim* | grup* muzikor*
  az: reqs* | reqs mekteb* | musiqi* | musiqici* | orkestr* | mahni* | oxuma | xor
literature_archives [culture heritage education]
  en: literature | poetry | writers | archive* | digitisation of archives | local history books | publishing
  bg: литератур* | поезия | писатели | архив* | дигитализация на архиви | краеведск* | издаване | книгоиздаване
  sq: letersi* | poezi* | shkrimtar* | arkiv* | dixhitalizim* i arkivave | botim*
  az: edebiyyat* | poeziya | sair* | yazici* | arxiv* | arxivlerin reqemsallasdirilmasi | nesr*
memorials_commemoration [heritage culture]
  en: memorial* | commemoration* | anniversary | anniversaries | war memorial* | remembrance | national holiday*
  bg: паметна плоча | мемориал* | възпоменан* | годишнин* | честване | чествания | национален празник | паметник на загиналите
  sq: memorial* | perkujtim* | pervjetor* | festa kombetare | lapidar*
  az: memorial* | xatire* | ildonumu | anim* | milli bayram* | sehidler xiyaban*
diaspora [culture civil_society]
  en: diaspora | emigrants | emigrant communities | compatriots abroad | expatriates
  bg: диаспора | диаспората | българи в чужбина | сънародници | емигрант* | изселни*
  sq: diaspor* | emigrant* | bashkatdhetar* | shqiptare jashte
  az: diaspor* | muhacir* | soydas* | xaricde yasayan
sports_clubs [youth health]
  en: football | basketball | volleyball | wrestling | athletics | sports club* | sports school* | chess | marathon | tournament*
  bg: футбол* | баскетбол* | волейбол* | борба | лека атлетика | спортен клуб | спортни клубове | спортно училище | шахмат* | маратон*
  sq: futboll* | basketboll* | volejboll* | mundje | atletike | klub* sportiv* | shkoll* sportive | shah* | maraton*
  az: futbol* | basketbol* | voleybol* | gules* | atletika | idman klub* | idman mekteb* | sahmat* | marafon*
swimming_water_sports [health youth tourism]
  en: swimming | swimming pool* | swim lessons | lifeguard* | water sports | rowing
  bg: плуване | басейн* | уроци по плуване | спасител* | водни спортове | гребане
  sq: not* | pishin* | mesime noti | shpetimtar* | sporte ujore | kanotazh*
  az: uzguculuk | hovuz* | uzgucu* | xilasedici* | su idman* | avarcekme
open_air_markets [employment agriculture infrastructure]
  en: covered market* | market hall* | open-air market* | farmers' market* | weekly market* | market stalls
  bg: покрит пазар | покрити пазари | пазарна зала | открит пазар | седмичен пазар | сергии | сергия
  sq: treg* i mbuluar | treg i hapur | treg* javor* | tezga | tezgat | pazar*
  az: ortulu bazar* | aciq bazar | heftelik bazar* | bazar piştaxta* | bazar pistaxta* | yarmarka*
graveyards_sacred_nature [heritage environment]
  en: sacred sites | natural monuments | protected trees | century-old trees | caves | cave*
  bg: природни забележителности | природна забележителност | вековни дървета | вековно дърво | пещер*
  sq: monument* natyror* | pem* shekullore | shpell* | vend* te shenjta
  az: tebiet abide* | qocaman agac* | yuzillik agac* | magara* | muqeddes yer*
e_participation [civil_society digitalisation]
  en: e-participation | online consultation* | online voting | citizen app* | report a problem | fix my street | petitions
  bg: електронно участие | онлайн консултаци* | онлайн гласуване | сигнали от граждани | подаване на сигнали | петици*
  sq: pjesemarrj* elektronike | konsultim* online | votim* online | raportim* i problemeve | peticion*
  az: elektron istirak | onlayn muzakire* | onlayn sesverme | vetendas muraciet* | problem bildir* | petisiya*
kindergarten_places [education social_inclusion youth]
  en: kindergarten places | waiting lists | nursery places | childcare places | preschool places
  bg: места в детските градини | места в детски градини | листи на чакащи | недостиг на места | яслени групи
  sq: vende ne kopsht* | lista pritjeje | mungese vendesh | grupe cerdhe
  az: bagca yer* | bagcalarda yer | novbe siyahi* | yer catismazligi
`;
