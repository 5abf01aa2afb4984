/** Section keys of a proposal (`summary`, `overall`, `objective:<id>`, `output:<id>`, `activity:<id>`, `budget`) as DOM ids. */
export function sectionDomId(key: string): string {
  return `sec-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Scrolls to a section and moves keyboard focus there. */
export function goToSection(key: string): void {
  const el = document.getElementById(sectionDomId(key));
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.focus({ preventScroll: true });
}
