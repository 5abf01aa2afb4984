const WIDE = '(min-width: 48rem)';

/**
 * The open state of a list's filter panel (`<details class="filters-box">`): open on wide screens (and again
 * whenever the window widens), folded on phones so the results come first. Call during component setup.
 */
export function filtersPanel(): { open: boolean } {
  const wide = window.matchMedia(WIDE);
  const panel = $state({ open: wide.matches });
  $effect(() => {
    const onChange = () => {
      if (wide.matches) panel.open = true;
    };
    wide.addEventListener('change', onChange);
    return () => wide.removeEventListener('change', onChange);
  });
  return panel;
}
