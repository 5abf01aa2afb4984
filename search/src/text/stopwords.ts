import { normalize } from './normalize';

/**
 * Short stop-word lists (our own): function words that carry no topic, per content language.
 * Stored normalised, so they match normalised tokens.
 */
const RAW: Record<'bg' | 'sq' | 'az' | 'en', string> = {
  bg: `и в във на с със за от до по при към през пред след под над между без чрез за а но или ли да не ще е са съм си сме сте бъде бъдат
    бе беше бяха било била били това този тази тези онзи онази които който която което кой коя кое как какво къде кога защо
    че ако така също още вече само много малко повече всеки всяка всяко всички всичко друг друга друго други свой своя свое
    свои техен тяхна тяхно техни негов нейна нейно негова неговите ни ви им го я ги му ѝ ние вие те той тя то аз ти
    се си ето там тук където когато докато като както чийто чиято нито нещо някой някоя някои г гр с кв ул`,
  sq: `dhe e të i së në me për nga te tek mbi nën pa si që ku kur por ose apo edhe as nuk jo po do ka kanë është janë jemi jeni
    ishte ishin kjo ky këto këta ajo ai ato ata i e të së u ia ua më na ju tyre saj tij cili cila cilat cilët çdo gjithë
    të gjitha shumë pak disa një dy tjetër tjera tjetri deri pas para gjatë midis ndërmjet përmes rreth drejt sipas prej
    kësaj këtij atij asaj sa qe ndaj`,
  az: `və ilə üçün da də bu o bir ki hər həm amma lakin ya yaxud isə olan olaraq olur olub edən etmək edir edilir
    kimi qədər sonra əvvəl üzrə görə daha çox az bütün hansı hansı harada nə niyə necə bunlar onlar biz siz mən sən
    onun bunun belə elə artıq hələ yenə yeni indi həmin öz özü özləri arasında zamanı vasitəsilə tərəfindən`,
  en: `a an the and or but nor of in on at to for from by with without into onto over under about after before between
    through during against among is are was were be been being am do does did have has had will would shall should can
    could may might must this that these those it its it's they them their we our you your he she his her i me my
    as if than then so such not no yes also too very more most less least each every all any some other another both
    which who whom whose what when where why how there here up down out off again further once only own same just`,
};

export type StopLanguage = keyof typeof RAW;

export const stopWords: Record<StopLanguage, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(RAW).map(([lang, list]) => [lang, new Set(list.split(/\s+/).filter(Boolean).map(normalize))]),
) as unknown as Record<StopLanguage, ReadonlySet<string>>;

/** Every list together: texts mix languages (an English idea quotes a Bulgarian place). */
export const allStopWords: ReadonlySet<string> = new Set(Object.values(stopWords).flatMap((s) => [...s]));

export function isStopWord(norm: string): boolean {
  return allStopWords.has(norm);
}
