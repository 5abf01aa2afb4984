/** The themes an idea can carry, with their names in the platform's four languages. */
export const themes = [
  { code: 'social_inclusion', en: 'Social inclusion', bg: 'Социално включване', sq: 'Përfshirje sociale', az: 'Sosial inklüziya' },
  { code: 'youth', en: 'Youth', bg: 'Младежи', sq: 'Të rinjtë', az: 'Gənclər' },
  { code: 'education', en: 'Education', bg: 'Образование', sq: 'Arsim', az: 'Təhsil' },
  { code: 'culture', en: 'Culture and community centres', bg: 'Култура и читалища', sq: 'Kulturë dhe qendra komunitare', az: 'Mədəniyyət və icma mərkəzləri' },
  { code: 'tourism', en: 'Tourism', bg: 'Туризъм', sq: 'Turizëm', az: 'Turizm' },
  { code: 'environment', en: 'Environment', bg: 'Околна среда', sq: 'Mjedis', az: 'Ətraf mühit' },
  { code: 'water', en: 'Water', bg: 'Води', sq: 'Ujë', az: 'Su' },
  { code: 'energy_efficiency', en: 'Energy efficiency', bg: 'Енергийна ефективност', sq: 'Efiçencë energjetike', az: 'Enerji səmərəliliyi' },
  { code: 'rural_development', en: 'Rural development', bg: 'Развитие на селските райони', sq: 'Zhvillim rural', az: 'Kənd inkişafı' },
  { code: 'agriculture', en: 'Agriculture and food', bg: 'Земеделие и храни', sq: 'Bujqësi dhe ushqim', az: 'Kənd təsərrüfatı və qida' },
  { code: 'digitalisation', en: 'Digitalisation', bg: 'Дигитализация', sq: 'Digjitalizim', az: 'Rəqəmsallaşma' },
  { code: 'civil_society', en: 'Civil-society capacity', bg: 'Капацитет на гражданското общество', sq: 'Kapacitete të shoqërisë civile', az: 'Vətəndaş cəmiyyətinin potensialı' },
  { code: 'health', en: 'Health', bg: 'Здравеопазване', sq: 'Shëndetësi', az: 'Səhiyyə' },
  { code: 'infrastructure', en: 'Infrastructure', bg: 'Инфраструктура', sq: 'Infrastrukturë', az: 'İnfrastruktur' },
  { code: 'employment', en: 'Employment', bg: 'Заетост', sq: 'Punësim', az: 'Məşğulluq' },
  { code: 'heritage', en: 'Cultural heritage', bg: 'Културно наследство', sq: 'Trashëgimi kulturore', az: 'Mədəni irs' },
] as const;

export type ThemeCode = (typeof themes)[number]['code'];
export const themeCodes: readonly string[] = themes.map((t) => t.code);
