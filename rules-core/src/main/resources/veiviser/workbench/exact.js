// "Hva endres?", exactly (issue 27): every class of cases whose decision the text in Rediger would change, proved
// over every case (POST /api/guides/{id}/exact, veiviser diff --exact), as a list of differences with their classes,
// each class with the facts that define it and its witness case, and, with generated cases, their shares as a chart.
// The page's helpers come in `h` ({ el, t, chart, title, openCase(button, case) }), so this file has no state of its own.

/** A share of the population as the sampled report writes it: "4.25%". */
const share = (count, population) => `${count} (${(population ? (100 * count) / population : 0).toFixed(2)}%)`;

/** The exact report as a section: a summary, the shares chart (with a population), the differences and their classes. */
export function exactSection(rep, h) {
  const { el, t } = h;
  const box = el('section', { class: 'impact-source impact-exact', id: 'impact-exact', 'aria-labelledby': 'exact-heading' },
    el('h3', { id: 'exact-heading', text: t('exactHeading') }));
  if (!rep.changes.length) {
    box.append(el('p', { class: 'impact-summary exact-proved', text: t('exactNone') }));
    return box;
  }
  const classes = rep.changes.reduce((n, c) => n + c.classes.length, 0);
  box.append(el('p', { class: 'impact-summary', text: t('exactSummary')(rep.changes.length, classes) }));
  if (rep.population > 0) {
    box.append(h.chart('exact', t('exactShares'), rep.changes.map(c => ({ ...c, percent: share(c.count, rep.population).replace(/^\d+ \((.*)\)$/, '$1') }))));
  }
  box.append(el('ol', { class: 'exact-changes' }, rep.changes.map(c => el('li', { class: 'exact-change', 'data-kind': c.kind, 'data-subject': c.subject },
    el('h4', { text: h.title(c) + (c.count >= 0 ? ` — ${share(c.count, rep.population)}` : '') }),
    c.complete ? null : el('p', { class: 'note', text: t('exactCut') }),
    el('ul', {}, c.classes.map(k => el('li', { class: 'exact-class' },
      el('span', { class: 'conditions', text: k.conditions.join('; ') }),
      k.change ? el('span', { class: 'hint', text: ` (${k.change})` }) : null,
      k.count >= 0 ? el('span', { class: 'share', text: ` — ${share(k.count, rep.population)}` }) : null, ' ',
      k.case ? el('button', { type: 'button', class: 'open-case', onclick: ev => h.openCase(ev.target, k.case) }, t('openWitness')) : null)))))));
  box.append(el('p', { class: 'note', text: t('exactProved') }));
  return box;
}
