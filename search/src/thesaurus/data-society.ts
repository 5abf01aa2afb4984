/** Concept groups, part 2: people, social services, health, education, culture, heritage, tourism. Format as in part 1. */
export default `
youth [youth]
  en: youth | young people | young person | teenager* | adolescent* | youngsters | young adults | youth club* | juvenile*
  bg: младеж* | млади хора | младите хора | младите | тийнейджър* | юнош* | подраст*
  sq: te rinj* | te rinjte | te rinjve | rini* | adoleshent* | te rinjeve
  az: gencler* | genc* | yeniyetme* | gencliy* | genclik
children [youth education social_inclusion]
  en: child* | kids | pupil* | schoolchildren | infants | toddler*
  bg: деца | децата | дете | детето | детск* | ученици | учениците | ученик* | малчуган*
  sq: femij* | femije* | nxenes* | vogelush*
  az: usaq* | usaqlar* | sagird* | mektebli* | korpe*
elderly [social_inclusion health]
  en: elderly | older people | older persons | senior* | pensioner* | aged | old age | retired | over 60 | over 65 | third age
  bg: възрастни | възрастните | възрастен | възрастн* хора | пенсионер* | стари хора | третата възраст | самотно живеещи | над 60 | над 65
  sq: te moshuar* | te moshuarit | te moshuarve | pension* | moshe e trete | pleq* | moshuar*
  az: yasli* | yaslilar* | yasli insanlar | pensiyaci* | ahil* | qocalar | tenha yasayan
disability [social_inclusion health]
  en: disabilit* | disabled | special needs | impairment* | handicap* | blind | deaf | autism | autistic
  bg: увреждан* | хора с увреждания | специални образователни потребности | соп | незрящ* | глух* | аутизъм | аутист*
  sq: aftesi* te kufizuar* | pa aftesi | nevoja te vecanta | te verber* | shurdh* | autiz*
  az: elil* | elilliy* | xususi ehtiyac* | sagliq imkanlari mehdud | kor* | kar | autizm*
roma_minorities [social_inclusion education]
  en: roma | minority | minorities | ethnic minorit* | marginalised | marginalized | vulnerable group* | disadvantaged | segregat*
  bg: роми | ромск* | малцинств* | маргинализ* | уязвими групи | уязвим* | сегрегац* | етническ* малцинств*
  sq: rom | rome | romet | romeve | egjiptian* | pakic* | te margjinalizuar* | grupe vulnerabel* | vulnerabel* | te pafavorizuar*
  az: qacqin* | mecburi kockun* | azliq* | hessas qrup* | hessas* | marginal* | az teminatli
women [social_inclusion employment]
  en: women | woman | girls | mothers | female | gender equality | women's | single mothers
  bg: жени | жените | жена | майки | майките | момичета | равенство между половете | самотни майки
  sq: gra | grate | grave | nena | vajza | barazi gjinore | femer*
  az: qadin* | qizlar* | analar* | gender beraberliy* | qadinlarin
families [social_inclusion]
  en: famil* | parents | foster* | adoption | orphan* | childcare | child protection | family-type
  bg: семейств* | семейн* | родители | родителите | приемн* | осиновяв* | сираци | закрила на детето | детски дом* | център* от семеен тип
  sq: familj* | prinder* | kujdestari* | birësim* | jetim* | mbrojtj* e femijes
  az: aile* | valideyn* | himaye* | ovladliga | yetim* | usaq huquq*
social_services [social_inclusion health]
  en: social service* | social care | home care | home help | care at home | social assistance | day care centre* | day centre* | community care | care service* | hot meal* | meals on wheels | social worker*
  bg: социални услуги | социалн* услуг* | домашен социален патронаж | патронаж | грижа в дома | грижи в дома | помощ в дома | топъл обяд | топла храна | дневен център | дневни центрове | социален работник | социални работници | асистент* | личен асистент
  sq: sherbim* social* | kujdes* ne shtepi | kujdes social | ndihme sociale | qender ditore | qendra ditore | punonjes* social* | vakt* i ngrohte | ushqim i ngrohte
  az: sosial xidmet* | evde qulluq | evde xidmet | sosial yardim | gunduz merkez* | sosial isci* | isti yemek | qulluq xidmet*
social_inclusion_c [social_inclusion]
  en: social inclusion | inclusion | integration | poverty | poor | exclusion | homeless* | equal opportunit*
  bg: социално включване | приобщаване | интеграц* | бедност* | бедни | изключване | бездомн* | равни възможности
  sq: perfshirj* sociale | perfshirj* | integrim* | varferi* | te varfer* | perjashtim* | te pastrehe | mundesi te barabarta
  az: sosial inkluziya | inkluziv* | inteqrasiya* | yoxsulluq | yoxsul* | kenarlasdirma | evsiz* | beraber imkan*
health [health]
  en: health | healthcare | health care | clinic* | medical | doctor* | nurse* | hospital* | health centre* | prevention | screening* | ambulance* | first aid | patients
  bg: здрав* | здравеопазван* | здравни услуги | медицинск* | лекар* | медицинска сестра | медицински сестри | болниц* | амбулатори* | здравна | профилакти* | скрининг* | линейк* | първа помощ | пациент*
  sq: shendet* | shendetesi* | klinik* | mjek* | infermier* | spital* | qender* shendetesore | ambulanc* | parandalim* | ndihma e shpejte | pacient*
  az: sehiyye* | saglamliq | sagliq | tibbi | hekim* | tibb bacisi | xestexana* | poliklinika* | tibb menteqe* | profilaktika* | tecili yardim | xeste*
mental_health [health social_inclusion]
  en: mental health | psychological* | counselling | counseling | psychosocial | addiction* | drug* prevention
  bg: психично здраве | психологическ* | психолог* | консултиране | зависимост* | наркотиц*
  sq: shendet* mendor* | psikolog* | keshillim* | varesi* | droge*
  az: psixi sagliq | psixoloji* | psixoloq* | meslehet* | asililiq* | narkomaniya*
physical_activity [health youth]
  en: sport* | physical activity | exercise* | active ageing | active aging | healthy lifestyle | walking group* | tournament* | athlet*
  bg: спорт* | физическа активност | двигателна активност | упражнения | активно стареене | здравословен начин на живот | турнир* | състезани* | атлет*
  sq: sport* | aktivitet* fizik* | ushtrim* | plakje aktive | jetes* te shendetshme | turne* | gara | garat | garave
  az: idman* | fiziki aktivlik | hereket aktivliy* | saglam heyat terzi | turnir* | yarıs* | yaris*
education [education]
  en: education* | school* | teacher* | teaching | learning | classroom* | curriculum | educational | students | tutoring | homework | dropout* | early school leaving
  bg: образовани* | училищ* | учител* | обучени* | учебн* | класн* стаи | класни стаи | ученици | образователн* | отпадане от училище | отпаднали
  sq: arsim* | shkoll* | mesues* | mesim* | mesimdhenie | klas* | nxenes* | braktis* shkollor* | braktisja e shkolles | edukim*
  az: tehsil* | mekteb* | muellim* | tedris* | sinif* | sagird* | telebe* | mektebden yayinma
kindergarten [education youth]
  en: kindergarten* | nursery | nurseries | preschool* | pre-school* | creche* | early childhood
  bg: детск* град* | детска градина | детските градини | ясл* | предучилищн* | ранно детско развитие
  sq: kopsht* | cerdhe* | parashkoll* | femijeri e hershme
  az: usaq bagca* | bagca* | korpeler evi | mektebeqeder* | erken usaqliq
vocational_training [education employment]
  en: vocational | training course* | skills training | apprentice* | internship* | traineeship* | qualification* | retraining | lifelong learning | adult education | dual education
  bg: професионалн* обучени* | професионалн* гимназ* | квалификац* | преквалификац* | стаж* | чиракуване | дуално обучение | учене през целия живот | обучение на възрастни | курсове
  sq: arsim* profesional* | formim* profesional* | kurs* | praktik* | kualifikim* | rikualifikim* | mesim gjate gjithe jetes | shkoll* profesionale
  az: pesekar tehsil | pese tehsili | pesekar hazirliq | kurs* | tecrube* | ixtisas* | ixtisasartirma | yeniden hazirliq | omur boyu tehsil
digital_skills [digitalisation education youth]
  en: digital skills | digital literacy | computer skills | coding | programming | it skills | robotics | computer lab* | stem
  bg: дигитални умения | дигитална грамотност | компютърна грамотност | компютърни умения | програмиране | роботик* | компютърен кабинет | компютърни кабинети | ит умения
  sq: aftesi dixhitale | shkrim-lexim dixhital | aftesi kompjuterike | programim* | robotik* | laborator* kompjuterik*
  az: reqemsal bacariq* | reqemsal savad* | komputer bacariq* | proqramlasdirma | robototexnika | komputer sinif* | it bacariq*
libraries [culture education]
  en: librar* | reading | books | book* | reading room* | literacy | reading camp*
  bg: библиотек* | четене | книги | книжн* фонд* | читалня | грамотност
  sq: bibliotek* | lexim* | liber* | librat | salle leximi
  az: kitabxana* | oxu* | kitab* | qiraet zal* | savad*
community_centres [culture civil_society education]
  en: community centre* | community center* | community hall* | cultural centre* | cultural center* | chitalishte | chitalishta | chitalishtes | village hall* | house of culture
  bg: читалищ* | народно читалище | народни читалища | културен дом | културни домове | дом на културата | общностн* центр*
  sq: qend* komunitar* | qendra kulturore | qender kulturore | shtepi* e kultures | pallat* i kultures
  az: icma merkez* | medeniyyet ev* | medeniyyet merkez* | klub* | medeniyyet sarayi
culture_events [culture]
  en: cultural event* | festival* | concert* | performance* | theatre* | theater* | exhibition* | fair | fairs | celebration* | stage | cultural programme* | cultural calendar
  bg: културн* прояв* | културни събития | фестивал* | концерт* | представлени* | театър* | театр* | изложб* | събор* | празник* | сцена | сцената | културен календар
  sq: aktivitet* kulturor* | ngjarj* kulturore | festival* | koncert* | shfaqj* | teat* | ekspozit* | panair* | feste* | skene* | kalendar* kulturor
  az: medeni tedbir* | festival* | konsert* | tamasa* | teatr* | sergi* | yarmarka* | bayram* | sehne* | medeni proqram*
folklore_crafts [culture heritage tourism]
  en: folklore | folk | traditional music | traditional dance* | intangible heritage | crafts | craft* | handicraft* | artisan* | costume* | customs | rituals | mummers | kukeri | embroidery | weaving | carpet*
  bg: фолклор* | народн* песни | народни танци | самодейн* | нематериалн* културн* наследств* | занаят* | занаятчи* | носи* | обичаи | обред* | кукер* | маски | бродери* | тъкан*
  sq: folklor* | muzik* tradicional* | valle* | trashegimi* jomaterial* | zeje* | zejtar* | artizan* | kostum* | zakon* | rite | qendisj* | thurj* | qilim*
  az: folklor* | xalq musiqi* | xalq reqs* | qeyri-maddi irs | qeyri maddi irs | senetkar* | el isi* | xalca* | milli geyim* | adet* | merasim* | tikme*
arts_creative [culture youth]
  en: art | arts | artist* | creative | music school* | painting | photography | film* | cinema | theatre group* | choir* | ensemble*
  bg: изкуств* | артист* | творчеств* | творческ* | музикално училище | рисуване | фотограф* | филм* | кино | театрален състав | хор | хорове | ансамбъл* | състав*
  sq: art | arti | arte | artist* | krijues* | shkoll* muzike | piktur* | fotografi* | film* | kinema | grup teatral | kor | kori | ansambl*
  az: incesenet* | sənətkar* | yaradici* | musiqi mekteb* | resm* | foto* | film* | kino* | xor* | ansambl*
heritage [heritage culture tourism]
  en: heritage | cultural heritage | historic* | monument* | conservation | restoration | restore* | old town | historic centre | listed building*
  bg: наследство* | културно наследство | културното наследство | културни ценности | паметни* | паметник* | историческ* | реставрац* | консервац* | стар* град* | стария град | историческия център
  sq: trashegimi* | trashegimi kulturore | monument* | histori* | restaurim* | konservim* | qendr* historike | qyteti i vjeter | qendra historike
  az: irs | irsi | medeni irs | tarixi* | abide* | berpa* | konservasiya* | qedim* | kohne seher | tarixi merkez
archaeology [heritage tourism culture]
  en: archaeolog* | archeolog* | ancient | excavation* | ruins | roman | thracian | antique | antiquity | fortress* | castle* | citadel* | fort
  bg: археолог* | антич* | разкопк* | руини | римск* | тракийск* | крепост* | замък | цитадел*
  sq: arkeolog* | antik* | germim* | rrenoja* | romak* | ilir* | kalaj* | kala | keshtjell* | fortes*
  az: arxeoloj* | arxeoloq* | qedim* | qazinti* | xarabalig* | qala* | qalasi | qalaya | istehkam*
religious_sites [heritage culture tourism]
  en: church* | monaster* | mosque* | chapel* | religious site* | icon* | frescoes
  bg: църк* | църкв* | манастир* | джамия | джамии | параклис* | икон* | стенопис*
  sq: kish* | manastir* | xhami* | objekt* fetar* | ikon* | afresk*
  az: kilse* | mescid* | meçid* | monastir* | ziyaretgah* | dini abide*
museums [culture heritage tourism]
  en: museum* | collection* | ethnographic* | exhibit* | gallery | galleries | interpretation | visitor centre* | visitor center* | information centre* | augmented reality | virtual tour* | audio guide*
  bg: музе* | колекци* | етнограф* | експозиц* | галери* | посетителски център | посетителски центрове | информационен център | туристически информационен център | добавена реалност | виртуална разходка | аудиогид*
  sq: muze* | koleksion* | etnografik* | ekspozit* | galeri* | qender* per vizitor* | qendr* informacioni | realitet i shtuar | ture virtuale | udhezues audio
  az: muzey* | kolleksiya* | etnoqrafik* | ekspozisiya* | qalereya* | ziyaretci merkez* | informasiya merkez* | turizm informasiya* | artirilmis reallig* | virtual tur*
tourism [tourism]
  en: touris* | visitor* | tourist route* | destination* | holiday* | tourist season | sightseeing | tour guide* | guides | guided tour*
  bg: туриз* | турист* | посетител* | туристически маршрут* | дестинац* | туристическ* сезон | екскурзовод* | водач* | гид*
  sq: turiz* | turist* | vizitor* | itinerar* turistik* | destinacion* | sezon* turistik | guid* | udherrefyes*
  az: turizm* | turist* | ziyaretci* | turist marsrut* | destinasiya* | beledci* | ekskursiya* | gid*
rural_tourism [tourism rural_development]
  en: rural tourism | agritourism | agrotourism | guest house* | guesthouse* | homestay* | farm stay* | village tourism | bed and breakfast
  bg: селск* туризъм | селски туризъм | агротуриз* | къщ* за гости | семейн* хотел* | селски къщи
  sq: turiz* rural | agroturiz* | bujtin* | shtepi* pritjeje | guesthouse
  az: kend turizm* | aqroturizm* | qonaq ev* | qonaq evi | ev pansionat*
eco_tourism [tourism environment]
  en: ecotourism | eco-tourism | eco trail* | eco-trail* | nature trail* | hiking | hiking trail* | trail* | path* | birdwatching | bird watching | observation point* | viewpoint*
  bg: екотуриз* | екопътек* | еко пътека | екопътеки | пешеходни маршрути | туристическа пътека | туристически пътеки | пътек* | наблюдение на птици | наблюдателниц* | площадка за наблюдение | панорамн*
  sq: ekoturiz* | shteg* | shtigje* | shtigjet | ecje ne natyre | hiking | vezhgim* i zogjve | pik* panoramike | pike vezhgimi
  az: ekoturizm* | ekoloji cigir* | cigir* | piyada marsrut* | yuruyus* | quslarin musahide* | musahide menteqe* | seyr meydanca* | panoram*
gastronomy_wine [tourism agriculture culture]
  en: gastronom* | cuisine | local food | food festival* | wine* | winery | wineries | culinary | recipes | cooking | traditional dishes | tasting*
  bg: гастроном* | кухня | местна кухня | кулинар* | вино | вина | винар* | винен туризъм | дегустац* | рецепт* | традиционни ястия | готвене | храни
  sq: gastronom* | kuzhin* | ushqim* lokal* | vere | vera | kantin* | kulinar* | receta* | gatim* | gatime tradicionale | shijim*
  az: qastronom* | metbex* | yerli metbex | kulinariya* | sərab* | serab* | sərabcilig* | dadma* | resept* | milli yemek* | yemek*
tourism_marketing [tourism]
  en: tourism promotion | marketing | branding | brand* | promotion | destination marketing | tourist information | website* | app | apps | mobile app*
  bg: популяризир* | реклам* | маркетинг* | бранд* | промоц* | популяризиране | мобилно приложение | уебсайт* | сайт*
  sq: promovim* | marketing* | brend* | aplikacion* | faqe interneti | uebfaqe
  az: tebligat* | marketinq* | brend* | teblig* | mobil tetbiq* | veb-sayt* | sayt*
`;
