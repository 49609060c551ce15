// The workbench page: plain modules, no build step. Talks only to this server's JSON API (see /api/openapi.json).
import { TEXTS, VALUES } from './i18n.js';
import { toYaml } from './yaml.js';

// Script errors are kept for the browser test, which expects none.
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));

const TOKEN = document.querySelector('meta[name="veiviser-token"]').content;
const EDIT = document.querySelector('meta[name="veiviser-edit"]').content === 'true';
const $ = id => document.getElementById(id);

const state = {
  lang: localStorage.getItem('veiviser.lang') === 'en' ? 'en' : 'nb',
  guides: [], guide: null, catalogue: null,
  explanation: null, caseJson: null,
  source: '', etag: null, editorDirty: false,
  scenarios: null, impact: null, lastPopulationSeed: 1,
};
const t = key => TEXTS[state.lang][key];
const v = (group, code) => (VALUES[state.lang][group] || {})[code] || code;

// ---- API ------------------------------------------------------------------------------------------------------------

async function api(path, { method = 'GET', body, type = 'application/json', headers = {} } = {}) {
  const h = { 'X-Veiviser-Token': TOKEN, ...headers };
  if (body !== undefined) h['Content-Type'] = type;
  const r = await fetch(path, { method, headers: h, body, credentials: 'same-origin' });
  const ctype = r.headers.get('Content-Type') || '';
  const data = ctype.startsWith('application/json') ? await r.json() : await r.text();
  return { status: r.status, ok: r.ok, data, headers: r.headers };
}
const guidePath = (suffix = '') => `/api/guides/${encodeURIComponent(state.guide.id)}${suffix}`;

// ---- small DOM helpers -----------------------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, x] of Object.entries(attrs)) {
    if (x === undefined || x === null || x === false) continue;
    if (k === 'class') e.className = x;
    else if (k === 'text') e.textContent = x;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), x);
    else e.setAttribute(k, x === true ? '' : x);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const svg = (tag, attrs = {}, ...children) => {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, x] of Object.entries(attrs)) e.setAttribute(k, x);
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};
function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
const label = (list, id) => (list.find(x => x.id === id) || {}).label || id;
const codeLabel = code => label(state.catalogue.codes, code);
const whoLabel = w => (VALUES[state.lang].who[w] || label(state.catalogue.services, w));
const levelName = n => (state.catalogue.levels.find(l => l.level === n) || {}).name || '';

// ---- language ---------------------------------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const e of document.querySelectorAll('[data-t]')) {
    const x = t(e.dataset.t);
    if (typeof x === 'string') e.textContent = x;
  }
  for (const e of document.querySelectorAll('[data-t-title]')) e.title = t(e.dataset.tTitle);
  const sw = $('lang-switch');
  sw.textContent = t('language');
  sw.lang = state.lang === 'nb' ? 'en' : 'nb';
  sw.setAttribute('aria-label', t('languageLabel'));
  $('english-note').hidden = state.lang === 'en';
}

// ---- navigation -------------------------------------------------------------------------------------------------------

const VIEWS = ['sak', 'scenarier', 'rediger', 'endringer', 'handbok'];
function currentView() {
  const h = location.hash.replace('#', '');
  return VIEWS.includes(h) ? h : 'sak';
}
function showView() {
  const view = currentView();
  for (const name of VIEWS) {
    $('view-' + name).hidden = name !== view;
    const tab = $('tab-' + name);
    if (name === view) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
  }
  if (!state.guide) return;
  if (view === 'scenarier' && !state.scenarios) runScenarios();
  if (view === 'handbok') loadHandbook();
}

// ---- guides -----------------------------------------------------------------------------------------------------------

async function loadGuides() {
  const r = await api('/api/guides');
  state.guides = r.data;
  const select = $('guide-select');
  select.replaceChildren(...state.guides.map(g => el('option', { value: g.id, text: `${g.title || g.id}${g.status === 'live' ? '' : ' (!)'}` })));
  const wanted = new URLSearchParams(location.search).get('guide') || localStorage.getItem('veiviser.guide');
  const first = state.guides.find(g => g.id === wanted) || state.guides.find(g => g.status === 'live') || state.guides[0];
  if (first) { select.value = first.id; await chooseGuide(first.id); }
}

async function chooseGuide(id) {
  const r = await api(`/api/guides/${encodeURIComponent(id)}`);
  state.guide = r.data;
  state.catalogue = r.data.catalogue || null;
  state.scenarios = null; state.impact = null; state.explanation = null;
  localStorage.setItem('veiviser.guide', id);
  const banner = $('guide-status');
  if (state.guide.status !== 'live') {
    banner.hidden = false;
    banner.replaceChildren(el('p', { text: t('notLive') }), problemList(state.guide.problems));
  } else {
    banner.hidden = true;
  }
  buildForm();
  await loadSource();
  $('impact').replaceChildren(); $('impact-status').textContent = '';
  $('scenario-list').replaceChildren(); $('scenario-summary').textContent = ''; $('coverage').replaceChildren();
  $('handbook').removeAttribute('src');
  showView();
  if (state.catalogue) evaluate();
}

// ---- Prøv en sak ------------------------------------------------------------------------------------------------------

const field = (id, text, control) => el('div', { class: 'field' }, el('label', { for: id, text }), control);
const check = (id, text) => el('div', { class: 'field check' }, el('input', { type: 'checkbox', id }), el('label', { for: id, text }));
function select(id, options, { empty = true } = {}) {
  return el('select', { id }, empty ? el('option', { value: '', text: t('unknown') }) : null,
    options.map(([value, text]) => el('option', { value, text })));
}
function checkGroup(name, legend, items) {
  return el('fieldset', { class: 'checks', id: `group-${name}` }, el('legend', { text: legend }),
    items.map(x => el('div', { class: 'check' },
      el('input', { type: 'checkbox', id: `${name}-${x.id}`, name, value: x.id }),
      el('label', { for: `${name}-${x.id}` }, x.label, ' ', el('code', { text: x.id })))));
}

function buildForm() {
  const c = state.catalogue;
  const box = $('case-fields');
  if (!c) { box.replaceChildren(); return; }
  const services = c.services.map(s => [s.id, s.label]);
  const enumOpts = group => Object.keys(VALUES.nb[group]).map(k => [k, v(group, k)]);
  box.replaceChildren(
    field('f-asOf', t('asOf'), el('input', { type: 'date', id: 'f-asOf', value: new Date().toISOString().slice(0, 10) })),
    el('fieldset', {}, el('legend', { text: t('child') }),
      el('fieldset', { class: 'inline' }, el('legend', { text: t('ageOrBirth') }),
        el('div', { class: 'check' }, el('input', { type: 'radio', name: 'agemode', id: 'f-agemode-age', value: 'age', checked: true }), el('label', { for: 'f-agemode-age', text: t('byAge') })),
        el('div', { class: 'check' }, el('input', { type: 'radio', name: 'agemode', id: 'f-agemode-birth', value: 'birth' }), el('label', { for: 'f-agemode-birth', text: t('byBirth') }))),
      field('f-age', t('age'), el('input', { type: 'number', id: 'f-age', min: 0, max: 30, inputmode: 'numeric' })),
      field('f-birthDate', t('birthDate'), el('input', { type: 'date', id: 'f-birthDate' })),
      field('f-setting', t('setting'), select('f-setting', enumOpts('setting'))),
      check('f-livesIn', t('livesIn'))),
    el('fieldset', {}, el('legend', { text: t('concern') }),
      field('f-since', t('since'), el('input', { type: 'date', id: 'f-since' })),
      checkGroup('signal', t('signals'), c.signals),
      check('f-uncertain', t('uncertainPlacement')),
      field('f-progress', t('progress'), select('f-progress', enumOpts('progress')))),
    el('fieldset', {}, el('legend', { text: t('work') }),
      field('f-level', t('level'), select('f-level', c.levels.map(l => [String(l.level), `${l.level} – ${l.name}`]))),
      c.steps.length ? field('f-step', t('step'), select('f-step', c.steps.map(s => [s.id, `${s.id} ${s.title}`]))) : null,
      check('f-guardiansInvolved', t('guardiansInvolved')),
      checkGroup('service', t('services'), c.services),
      check('f-individualPlan', t('individualPlan')), check('f-childCoordinator', t('childCoordinator')), check('f-closing', t('closing'))),
    el('fieldset', {}, el('legend', { text: t('consent') }),
      field('f-consentGuardians', t('consentGuardians'), select('f-consentGuardians', enumOpts('consent'))),
      field('f-consentYouth', t('consentYouth'), select('f-consentYouth', enumOpts('consent')))),
    el('fieldset', {}, el('legend', { text: t('childWelfare') }),
      check('f-cwInformed', t('cwInformed')), check('f-cwRecommends', t('cwRecommends')),
      check('f-cwDecision', t('cwDecision')), check('f-cwMeasure', t('cwMeasure')),
      field('f-cwInformedOn', t('cwInformedOn'), el('input', { type: 'date', id: 'f-cwInformedOn' }))),
    el('fieldset', {}, el('legend', { text: t('stafettlogg') }),
      field('f-stafettStatus', t('stafettStatus'), select('f-stafettStatus', enumOpts('stafett'))),
      field('f-stafettHolder', t('stafettHolder'), select('f-stafettHolder', services))),
    el('fieldset', {}, el('legend', { text: t('reporter') }),
      field('f-reporterService', t('reporterService'), select('f-reporterService', services)),
      check('f-adultService', t('adultService'))),
    el('fieldset', {}, el('legend', { text: t('adult') }),
      field('f-hasChildren', t('hasChildren'), select('f-hasChildren', [['true', t('yes')], ['false', t('no')]])),
      field('f-social', t('socialAssistance'), select('f-social', enumOpts('social'))),
      field('f-refugee', t('refugeeSettledOn'), el('input', { type: 'date', id: 'f-refugee' })),
      field('f-patient', t('patientCondition'), select('f-patient', enumOpts('patient'))),
      field('f-patientIsSibling', t('patientIsSibling'), select('f-patientIsSibling', [['true', t('yes')], ['false', t('no')]]))),
  );
  $('f-livesIn').checked = true;
  syncAgeMode();
}

function syncAgeMode() {
  const byAge = $('f-agemode-age').checked;
  $('f-age').closest('.field').hidden = !byAge;
  $('f-birthDate').closest('.field').hidden = byAge;
}

const val = id => ($(id) ? $(id).value : '');
const on = id => ($(id) ? $(id).checked : false);
const checked = name => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value);
function prune(o) {
  for (const [k, x] of Object.entries(o)) {
    if (x === '' || x === false || x === undefined || x === null || (Array.isArray(x) && !x.length)) delete o[k];
    else if (typeof x === 'object' && !Array.isArray(x)) { prune(x); if (!Object.keys(x).length) delete o[k]; }
  }
  return o;
}

/** The form as a case in the case file format. */
function formCase() {
  const byAge = $('f-agemode-age').checked;
  return prune({
    asOf: val('f-asOf'),
    child: {
      age: byAge && val('f-age') !== '' ? Number(val('f-age')) : undefined,
      birthDate: byAge ? undefined : val('f-birthDate'),
      setting: val('f-setting'),
      livesInMunicipality: on('f-livesIn') ? undefined : false,
    },
    concern: { since: val('f-since'), signals: checked('signal'), uncertainPlacement: on('f-uncertain'), progress: val('f-progress') },
    case: {
      level: val('f-level') !== '' ? Number(val('f-level')) : undefined, step: val('f-step'),
      guardiansInvolved: on('f-guardiansInvolved'), services: checked('service'),
      individualPlan: on('f-individualPlan'), childCoordinator: on('f-childCoordinator'), closing: on('f-closing'),
    },
    consent: { guardians: val('f-consentGuardians'), youth: val('f-consentYouth') },
    childWelfare: { informed: on('f-cwInformed'), recommendsFollowUp: on('f-cwRecommends'), decision: on('f-cwDecision'), measureActive: on('f-cwMeasure'), informedOn: val('f-cwInformedOn') },
    stafettlogg: { status: val('f-stafettStatus'), holder: val('f-stafettHolder') },
    reporter: { service: val('f-reporterService'), adultService: on('f-adultService') },
    adult: {
      hasChildren: val('f-hasChildren') === '' ? undefined : val('f-hasChildren') === 'true',
      socialAssistance: val('f-social'), refugeeSettledOn: val('f-refugee'), patientCondition: val('f-patient'),
      patientIsSibling: val('f-patientIsSibling') === '' ? undefined : val('f-patientIsSibling') === 'true',
    },
  });
}

/** Fills the form from a case (an impact example). */
function fillForm(c) {
  buildForm();
  const set = (id, x) => { if ($(id) && x !== undefined && x !== null) $(id).value = String(x); };
  const tick = (id, x) => { if ($(id)) $(id).checked = !!x; };
  set('f-asOf', c.asOf);
  const ch = c.child || {};
  if (ch.birthDate) { $('f-agemode-birth').checked = true; set('f-birthDate', ch.birthDate); } else set('f-age', ch.age);
  syncAgeMode();
  set('f-setting', ch.setting); tick('f-livesIn', ch.livesInMunicipality !== false);
  const co = c.concern || {};
  set('f-since', co.since); tick('f-uncertain', co.uncertainPlacement); set('f-progress', co.progress);
  for (const s of co.signals || []) tick(`signal-${s}`, true);
  const w = c.case || {};
  set('f-level', w.level); set('f-step', w.step); tick('f-guardiansInvolved', w.guardiansInvolved);
  for (const s of w.services || []) tick(`service-${s}`, true);
  tick('f-individualPlan', w.individualPlan); tick('f-childCoordinator', w.childCoordinator); tick('f-closing', w.closing);
  const cs = c.consent || {};
  set('f-consentGuardians', cs.guardians); set('f-consentYouth', cs.youth);
  const cw = c.childWelfare || {};
  tick('f-cwInformed', cw.informed); tick('f-cwRecommends', cw.recommendsFollowUp); tick('f-cwDecision', cw.decision); tick('f-cwMeasure', cw.measureActive); set('f-cwInformedOn', cw.informedOn);
  const sl = c.stafettlogg || {};
  set('f-stafettStatus', sl.status); set('f-stafettHolder', sl.holder);
  const rp = c.reporter || {};
  set('f-reporterService', rp.service); tick('f-adultService', rp.adultService);
  const ad = c.adult || {};
  if (ad.hasChildren !== undefined) set('f-hasChildren', String(ad.hasChildren));
  set('f-social', ad.socialAssistance); set('f-refugee', ad.refugeeSettledOn); set('f-patient', ad.patientCondition);
  if (ad.patientIsSibling !== undefined) set('f-patientIsSibling', String(ad.patientIsSibling));
}

let evaluation = 0;
async function evaluate() {
  if (!state.catalogue || state.guide.status !== 'live') return;
  const mine = ++evaluation;
  const c = formCase();
  const r = await api(guidePath('/explain'), { method: 'POST', body: JSON.stringify(c) });
  if (mine !== evaluation) return; // a newer change is on its way
  state.caseJson = c;
  $('decision').dataset.settled = String(mine); // for tests and assistive tools: this render is the latest
  if (r.status === 400) {
    state.explanation = null;
    $('decision').replaceChildren(el('h4', { text: t('caseProblems') }), problemList(r.data.problems));
    return;
  }
  if (!r.ok) { $('decision').replaceChildren(el('p', { class: 'error', text: `${t('error')}: ${r.data.error || r.status}` })); return; }
  state.explanation = r.data;
  renderDecision();
}
const evaluateLater = debounce(evaluate, 200);
function evaluateSoon() {
  delete $('decision').dataset.settled; // an evaluation is pending until the latest one has rendered
  evaluation++; // an answer already on its way is for an older form: it must not render or settle
  evaluateLater();
}

/**
 * How urgent a finding is, most urgent first: overdue, due today, acute (act today by its code's effects), due later
 * (sooner first), the rest in the guide's order.
 */
function urgency(f, asOf) {
  const phase = (state.catalogue.codes.find(c => c.id === f.code) || {}).phase;
  const rank = f.overdue === true || (f.due && f.due < asOf) ? 0 : f.due === asOf ? 1 : phase === 'acute' ? 2 : f.due ? 3 : 4;
  return [rank, f.due || ''];
}
/** A finding that tells the employee what not to do: its code's label says "ikke" (Ikke varsle foresatte, ... gir ikke ...). */
const mustNot = f => /(^|\s)ikke(\s|$)/i.test(label(state.catalogue.codes, f.code));

function renderDecision() {
  const { decision, rules } = state.explanation;
  const byRule = new Map(rules.map(r => [r.rule, r]));
  const asOf = decision.asOf;
  const level = decision.level;
  const findings = decision.findings.map((f, i) => ({ f, i, u: urgency(f, asOf) }))
    .sort((a, b) => a.u[0] - b.u[0] || a.u[1].localeCompare(b.u[1]) || a.i - b.i).map(x => x.f);
  const parts = [decisionSummary(decision, findings), el('p', { class: 'level', id: 'recommended-level' },
    el('span', { class: 'level-number', text: `${t('recommended')}: ${level.recommended}` }),
    levelName(level.recommended) ? ` – ${levelName(level.recommended)}` : '',
    level.because.length ? el('span', { class: 'because', text: ` (${t('setBy')} ${level.because.join(', ')})` }) : '')];
  if (!findings.length) parts.push(el('p', { text: t('noFindings') }));
  const list = el('ol', { class: 'findings' });
  for (const f of findings) {
    const rule = byRule.get(f.rule);
    const overdue = f.overdue === true || (f.due && f.due < asOf);
    const dueText = f.due ? `${f.due}${f.due === asOf ? ` (${t('today')})` : ''}` : null;
    list.append(el('li', { class: `finding${overdue ? ' overdue' : ''}`, 'data-code': f.code, id: `finding-${f.code}` },
      el('h4', { tabindex: '-1' }, codeLabel(f.code), ' ', el('code', { text: f.code })),
      f.text ? el('p', { class: 'finding-text', text: f.text }) : null,
      el('dl', {},
        dueText ? [el('dt', { text: t('due') }), el('dd', { class: 'due' }, dueText, overdue ? el('strong', { class: 'overdue-mark', text: ` ${t('overdue')}` }) : '')] : null,
        f.who && f.who.length ? [el('dt', { text: t('who') }), el('dd', { text: f.who.map(whoLabel).join(', ') })] : null,
        f.responsible ? [el('dt', { text: t('responsible') }), el('dd', { text: f.responsible })] : null,
        f.level !== undefined ? [el('dt', { text: t('level') }), el('dd', { text: `${f.level} – ${levelName(f.level)}` })] : null,
        f.source.section ? [el('dt', { text: t('section') }), el('dd', { text: `${f.source.guide}, ${f.source.section}` })] : null,
        f.source.law && f.source.law.length ? [el('dt', { text: t('law') }), el('dd', { text: f.source.law.join('; ') })] : null),
      rule && rule.quote ? el('blockquote', { text: rule.quote }) : null,
      rule ? why(rule) : null));
  }
  parts.push(list);
  if (decision.notes && decision.notes.length) {
    parts.push(el('h4', { text: t('notes') }), el('ul', { class: 'notes' }, decision.notes.map(n => el('li', { 'data-kind': n.kind || '' },
      n.text, n.law ? el('span', { class: 'law', text: ` (${n.law})` }) : ''))));
  }
  if (decision.withheld && decision.withheld.length) {
    parts.push(el('h4', { text: t('withheld') }), el('ul', { class: 'notes' }, decision.withheld.map(w => el('li', {},
      el('code', { text: w.rule }), ` ${t('withheldBy')} `, el('code', { text: w.by })))));
  }
  $('decision').replaceChildren(...parts);
}

/** What to read first: the level, what is overdue or due today, what must not be done; each links to its card. */
function decisionSummary(decision, findings) {
  const asOf = decision.asOf;
  const now = findings.filter(f => urgency(f, asOf)[0] <= 1);
  const never = findings.filter(mustNot);
  const item = (f, extra) => el('li', { 'data-for': f.code }, el('a', { href: `#finding-${f.code}`, onclick: e => {
    e.preventDefault(); const card = $(`finding-${f.code}`); card.scrollIntoView({ block: 'start' }); card.querySelector('h4').focus();
  } }, codeLabel(f.code)), extra || '');
  const dueNote = f => ` — ${t('due').toLowerCase()} ${f.due}${f.due < asOf ? ` (${t('overdue')})` : ` (${t('today')})`}`;
  return el('section', { id: 'decision-summary', class: 'summary', 'aria-labelledby': 'summary-heading' },
    el('h4', { id: 'summary-heading', text: t('summary') }),
    el('p', { class: 'summary-level', text: `${t('recommended')}: ${decision.level.recommended}${levelName(decision.level.recommended) ? ` – ${levelName(decision.level.recommended)}` : ''}` }),
    now.length ? el('div', { class: 'urgent' }, el('p', { class: 'summary-label', text: t('urgentNow') }), el('ul', {}, now.map(f => item(f, dueNote(f))))) : null,
    never.length ? el('div', { class: 'must-not' }, el('p', { class: 'summary-label', text: t('mustNot') }), el('ul', {}, never.map(f => item(f)))) : null,
    !now.length && !never.length ? el('p', { text: t('nothingUrgent') }) : null);
}

function why(rule) {
  return el('details', { class: 'why' }, el('summary', { text: t('why') }),
    rule.description ? el('p', { text: rule.description }) : null,
    el('ul', { class: 'conditions' }, rule.conditions.map(c => el('li', { class: c.holds ? 'holds' : 'fails', 'data-depth': c.depth },
      el('span', { class: 'mark', 'aria-label': c.holds ? t('holds') : t('fails'), role: 'img', text: c.holds ? '✓' : '✗' }), ' ',
      el('code', { text: c.condition }), c.leaf && c.actual ? el('span', { class: 'actual', text: ` (${t('actual')}: ${c.actual})` }) : ''))),
    el('p', { class: 'rule-id' }, el('code', { text: rule.rule })));
}

function scenarioYaml() {
  if (!state.explanation || !state.caseJson) return '';
  const d = state.explanation.decision;
  const includes = d.findings.map(f => (f.due ? { code: f.code, due: f.due } : f.code))
    .filter((x, i, all) => all.findIndex(y => JSON.stringify(y) === JSON.stringify(x)) === i);
  const scenario = { name: $('scenario-name').value.trim() || t('newCase'), case: state.caseJson, expect: { level: d.level.recommended } };
  if (includes.length) scenario.expect.includes = includes;
  return `# ${state.guide.id} ${state.guide.version}\n` + toYaml({ scenarios: [scenario] }) + '\n';
}

// ---- Scenarier --------------------------------------------------------------------------------------------------------

async function runScenarios() {
  if (state.guide.status !== 'live') return;
  $('scenario-summary').textContent = '…';
  const r = await api(guidePath('/scenarios'));
  if (!r.ok) { $('scenario-summary').textContent = `${t('error')}: ${r.data.error || r.status}`; return; }
  state.scenarios = r.data;
  const rep = r.data;
  if (!rep.scenarios) {
    $('scenario-summary').textContent = t('noScenarios');
  } else {
    $('scenario-summary').textContent = t('scenariosSummary')(rep.scenarios, rep.failures);
  }
  $('scenario-list').replaceChildren(...rep.results.map(x => el('li', { class: x.passed ? 'pass' : 'fail' },
    el('span', { class: 'badge', text: x.passed ? `✓ ${t('passed')}` : `✗ ${t('failed')}` }), ' ', x.name,
    el('span', { class: 'where', text: ` ${x.file.split('/').slice(-1)[0]}:${x.line}` }),
    x.passed ? null : el('dl', { class: 'mismatch' }, x.mismatches.map(m => [
      el('dt', { text: t('expected') }), el('dd', { text: m.expected }),
      el('dt', { text: t('butWas') }), el('dd', { text: m.butWas + (m.falseCondition ? ` — ${m.falseCondition}` : '') })])))));
  renderCoverage(rep.coverage);
  verifyGuide();
}

/** The guide's invariants, proved for every case by veiviser verify, or violated by a counter-example. */
async function verifyGuide() {
  $('verify-status').textContent = t('verifying');
  $('invariant-list').replaceChildren();
  const r = await api(guidePath('/verify'));
  if (!r.ok) { $('verify-status').textContent = `${t('error')}: ${r.data.error || r.status}`; return; }
  const g = r.data.guides[0];
  const broken = g.invariants.filter(i => !i.proved).length;
  $('verify-status').textContent = g.invariants.length ? t('verifySummary')(g.invariants.length, broken) : t('noInvariants');
  $('invariant-list').replaceChildren(...g.invariants.map(i => el('li', { class: i.proved ? 'pass' : 'fail', 'data-invariant': i.id },
    el('span', { class: 'badge', text: i.proved ? `✓ ${t('proved')}` : `✗ ${t('violated')}` }), ' ', el('code', { text: i.id }),
    i.counterExample ? el('details', {}, el('summary', { text: t('counterExample') }), el('pre', { text: i.counterExample.case })) : null)),
    ...(g.deadRules.length ? [el('li', { class: 'fail' }, `${t('deadRules')}: `, g.deadRules.join(', '))] : []),
    ...(g.alwaysWithheld.length ? [el('li', { class: 'fail' }, `${t('alwaysWithheld')}: `, g.alwaysWithheld.join(', '))] : []));
}

/** The guide's levels as columns, each rule a box: filled when a scenario reaches it, outlined when none does. */
function renderCoverage(cov) {
  const never = new Set(cov.rulesNeverFired);
  const groups = new Map();
  for (const l of state.catalogue.levels) groups.set(l.level, []);
  groups.set('none', []);
  for (const r of state.catalogue.rules) (groups.get(r.level ?? 'none') || groups.get('none')).push(r);
  const pct = Math.round(cov.rulePercent);
  $('coverage').replaceChildren(
    el('h3', { text: t('coverage') }),
    el('p', { text: t('coverageText')(pct, never.size) }),
    el('div', { class: 'coverage-grid' }, [...groups.entries()].filter(([, rules]) => rules.length).map(([lvl, rules]) => {
      const bySteps = new Map();
      for (const r of rules) { const k = r.step || ''; if (!bySteps.has(k)) bySteps.set(k, []); bySteps.get(k).push(r); }
      return el('section', { class: 'coverage-level' },
        el('h4', { text: lvl === 'none' ? t('noLevel') : t('levelTitle')(lvl, levelName(lvl)) }),
        [...bySteps.entries()].map(([step, rs]) => el('div', { class: 'coverage-step' },
          step ? el('p', { class: 'step-name', text: `${step} ${(state.catalogue.steps.find(s => s.id === step) || {}).title || ''}` }) : null,
          el('ul', { class: 'rule-boxes' }, rs.map(r => el('li', {
            class: never.has(r.id) ? 'uncovered' : 'covered', title: r.id,
          }, el('span', { class: 'visually-hidden', text: `${r.id}: ${never.has(r.id) ? t('notCovered') : t('covered')}` }),
            el('span', { 'aria-hidden': 'true', text: r.id.split('.').slice(-1)[0] })))))));
    })));
}

// ---- Rediger ----------------------------------------------------------------------------------------------------------

async function loadSource() {
  const r = await api(guidePath('/source'));
  state.source = typeof r.data === 'string' ? r.data : '';
  state.etag = r.headers.get('ETag');
  $('editor').value = state.source;
  state.editorDirty = false;
  updateGutter(); updateDirty();
  const mode = !EDIT ? t('readOnly') : !state.guide.editable ? t('bundled') : '';
  $('edit-mode').textContent = mode;
  $('edit-mode').hidden = !mode;
  $('save-guide').disabled = !EDIT || !state.guide.editable;
  $('problems').replaceChildren(); $('editor-status').textContent = '';
}

function updateGutter() {
  const n = $('editor').value.split('\n').length;
  let s = '';
  for (let i = 1; i <= n; i++) s += i + '\n';
  $('gutter').textContent = s;
  $('gutter').scrollTop = $('editor').scrollTop;
}
function updateDirty() {
  state.editorDirty = $('editor').value !== state.source;
  $('dirty').textContent = state.editorDirty ? t('unsaved') : '';
}

let validation = 0;
async function validateText() {
  const mine = ++validation;
  $('editor-status').textContent = t('validating');
  const r = await api(guidePath('/validate'), { method: 'POST', body: $('editor').value, type: 'application/yaml' });
  if (mine !== validation) return;
  if (!r.ok) { $('editor-status').textContent = `${t('error')}: ${r.data.error || r.status}`; return; }
  const errors = r.data.problems.filter(p => p.severity === 'error');
  $('editor-status').textContent = r.data.valid ? t('valid') : t('problems')(errors.length);
  $('problems').replaceChildren(...r.data.problems.map(problemItem));
}
const validateSoon = debounce(validateText, 400);

function problemItem(p) {
  const where = p.line > 0 ? `${t('line')} ${p.line}, ${t('column')} ${p.column}` : '';
  const item = el('li', { class: `problem ${p.severity}` },
    p.line > 0 ? el('button', { type: 'button', class: 'goto', onclick: () => gotoLine(p.line, p.column) }, where) : null,
    el('span', { class: 'message', text: ` ${p.message}` }),
    p.hint ? el('span', { class: 'hint', text: ` — ${p.hint}` }) : null);
  return item;
}
function problemList(problems) {
  return el('ul', { class: 'problems' }, (problems || []).map(problemItem));
}

function gotoLine(line, column) {
  location.hash = '#rediger';
  const ed = $('editor');
  const lines = ed.value.split('\n');
  let pos = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) pos += lines[i].length + 1;
  pos += Math.max(0, column - 1);
  ed.focus();
  ed.setSelectionRange(pos, pos);
  const lineHeight = parseFloat(getComputedStyle(ed).lineHeight) || 18;
  ed.scrollTop = Math.max(0, (line - 5) * lineHeight);
  updateGutter();
}

async function saveGuide() {
  const r = await api(guidePath('/source'), { method: 'PUT', body: $('editor').value, type: 'application/yaml', headers: { 'If-Match': state.etag || '' } });
  // what an earlier check or refused save listed no longer holds: the answer to this save replaces it
  $('problems').replaceChildren();
  if (r.status === 200) {
    state.etag = r.headers.get('ETag');
    state.source = $('editor').value;
    updateDirty();
    $('editor-status').textContent = t('saved');
    $('problems').replaceChildren(...(r.data.problems || []).map(problemItem)); // the saved guide's warnings
    const g = await api(guidePath());
    state.guide = g.data; state.catalogue = g.data.catalogue || state.catalogue; state.scenarios = null;
  } else if (r.status === 412) {
    $('editor-status').textContent = t('conflict');
  } else if (r.status === 400) {
    $('editor-status').textContent = t('problems')(r.data.problems.length);
    $('problems').replaceChildren(...r.data.problems.map(problemItem));
  } else {
    $('editor-status').textContent = `${t('error')}: ${r.data.error || r.status}`;
  }
}

// ---- Hva endres? ------------------------------------------------------------------------------------------------------

async function computeImpact() {
  const size = Math.max(0, Math.min(100000, Number($('population-size').value) || 0));
  $('impact-status').textContent = t('computing');
  $('impact').replaceChildren(); // a result of an older text must not stand beside the new status
  const r = await api(guidePath(`/diff?population=${size}&seed=1`), { method: 'POST', body: $('editor').value, type: 'application/yaml' });
  if (r.status === 400) {
    $('impact-status').textContent = t('problems')(r.data.problems.length);
    $('impact').replaceChildren(problemList(r.data.problems));
    return;
  }
  if (!r.ok) { $('impact-status').textContent = `${t('error')}: ${r.data.error || r.status}`; return; }
  state.impact = r.data;
  $('impact-status').textContent = '';
  $('impact').replaceChildren(
    staleTexts(r.data.staleTexts || []),
    impactSection('scenarios', t('fromScenarios'), r.data.scenarios),
    impactSection('population', t('fromPopulation'), r.data.population));
}

/** Finding texts that still state a changed parameter's old value by hand: they would contradict the new due date. */
function staleTexts(list) {
  if (!list.length) return null;
  return el('section', { class: 'stale-texts', id: 'impact-stale', 'aria-labelledby': 'stale-heading' },
    el('h3', { id: 'stale-heading', text: t('staleHeading') }),
    el('p', { text: t('staleIntro') }),
    el('ul', { class: 'problems' }, list.map(x => el('li', { class: 'problem warning', 'data-rule': x.rule, 'data-parameter': x.parameter },
      x.inThisFile ? el('button', { type: 'button', class: 'goto', onclick: () => gotoLine(x.line, x.column) }, `${t('line')} ${x.line}`)
        : el('span', { class: 'where', text: `${x.file}:${x.line}` }),
      ' ', t('staleText')(codeLabel(x.code), x.words, x.parameter, amount(x.now, x.unit), amount(x.was, x.unit)), ' ',
      el('span', { class: 'hint' }, `${t('staleFix')} `, el('code', { text: x.placeholder }))))));
}
/** A parameter's value with its unit, in the page's language: "3 uker", "3 weeks". */
function amount(n, unit) {
  const u = (TEXTS[state.lang].units || {})[unit];
  return u ? `${n} ${n === 1 ? u[0] : u[1]}` : String(n);
}

function groupTitle(g) {
  if (g.kind === 'level-changed') {
    const [a, b] = g.change.split('->').map(s => s.trim());
    return t('levelMove')(a, b);
  }
  const subject = g.kind === 'rejected' ? g.subject : codeLabel(g.subject);
  return `${t('kinds')[g.kind] || g.kind}: ${subject}${g.change && g.kind !== 'rejected' ? ` (${g.change})` : ''}`;
}

/** One report as a horizontal bar chart (cases per group) with the groups' example cases under it. */
function impactSection(source, title, rep) {
  const box = el('section', { class: 'impact-source', id: `impact-${source}` }, el('h3', { text: title }));
  if (!rep) return box;
  box.append(el('p', { class: 'impact-summary', text: rep.changedCases ? t('casesChanged')(rep.changedCases, rep.cases, rep.changedPercent) : t('noChange') }));
  if (!rep.groups.length) return box;
  const max = Math.max(...rep.groups.map(g => g.count));
  const barH = 22, step = 52, chartW = 640, countW = 70;
  const height = rep.groups.length * step;
  const chart = svg('svg', { viewBox: `0 0 ${chartW} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': `chart-${source}-title` },
    svg('title', { id: `chart-${source}-title` }, `${t('chartLabel')}: ${title}. ` + rep.groups.map(g => `${groupTitle(g)}: ${g.count}`).join('; ')),
    rep.groups.map((g, i) => {
      const y = i * step;
      const w = Math.max(2, (chartW - countW) * g.count / max);
      return svg('g', { class: `bar kind-${g.kind}`, 'data-kind': g.kind, 'data-subject': g.subject, 'data-count': g.count },
        svg('text', { x: 0, y: y + 16, class: 'bar-label' }, truncate(groupTitle(g), 70)),
        svg('rect', { x: 0, y: y + 22, width: w, height: barH, rx: 3 }),
        svg('text', { x: w + 6, y: y + 22 + barH * 0.75, class: 'bar-count' }, `${g.count} (${g.percent})`));
    }));
  box.append(chart);
  box.append(el('details', { class: 'examples' }, el('summary', { text: t('examples') }),
    el('ul', {}, rep.groups.map(g => el('li', {}, el('strong', { text: `${groupTitle(g)} — ${g.count} (${g.percent})` }),
      el('ul', {}, g.examples.map(e => el('li', {}, el('span', { text: e.facts }), ' ',
        el('button', { type: 'button', class: 'open-case', onclick: () => openExample(source, e.index) }, t('openCase'))))))))));
  return box;
}
const truncate = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

async function openExample(source, index) {
  const r = await api(guidePath(`/cases/${source}/${index}?seed=1`));
  if (!r.ok) return;
  fillForm(r.data);
  location.hash = '#sak';
  evaluate();
}

// ---- Håndbok ----------------------------------------------------------------------------------------------------------

function loadHandbook() {
  const src = guidePath('/handbook') + (TOKEN ? `?token=${encodeURIComponent(TOKEN)}` : '');
  if ($('handbook').getAttribute('src') !== src) $('handbook').setAttribute('src', src);
}

// ---- wiring -----------------------------------------------------------------------------------------------------------

function wire() {
  $('lang-switch').addEventListener('click', async () => {
    state.lang = state.lang === 'nb' ? 'en' : 'nb';
    localStorage.setItem('veiviser.lang', state.lang);
    applyLanguage();
    const c = state.caseJson;
    buildForm();
    if (c) fillForm(c);
    if (state.explanation) renderDecision();
    if (state.scenarios) runScenarios();
  });
  $('guide-select').addEventListener('change', e => chooseGuide(e.target.value));
  const form = $('case-form');
  form.addEventListener('input', e => { if (e.target.name === 'agemode') syncAgeMode(); evaluateSoon(); });
  form.addEventListener('change', e => { if (e.target.name === 'agemode') syncAgeMode(); evaluateSoon(); });
  form.addEventListener('submit', e => e.preventDefault());
  $('case-reset').addEventListener('click', () => { buildForm(); evaluate(); });
  $('save-scenario').addEventListener('click', () => {
    const y = scenarioYaml();
    $('scenario-yaml').value = y;
    $('scenario-yaml').hidden = false;
    document.querySelector('.yaml-label').hidden = false;
    $('scenario-yaml').focus();
  });
  $('run-scenarios').addEventListener('click', runScenarios);
  const ed = $('editor');
  ed.addEventListener('input', () => { updateGutter(); updateDirty(); validateSoon(); });
  ed.addEventListener('scroll', () => { $('gutter').scrollTop = ed.scrollTop; });
  $('save-guide').addEventListener('click', saveGuide);
  $('reload-guide').addEventListener('click', loadSource);
  $('compute-impact').addEventListener('click', computeImpact);
  window.addEventListener('hashchange', showView);
}

wire();
applyLanguage();
showView();
loadGuides().then(() => document.body.setAttribute('data-ready', 'true'));
