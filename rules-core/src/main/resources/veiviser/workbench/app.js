// The workbench page: plain modules, no build step. Talks only to this server's JSON API (see /api/openapi.json).
import { TEXTS, VALUES } from './i18n.js';
import { toYaml } from './yaml.js';
import { exactSection } from './exact.js';

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
  scenarios: null, impact: null, lastPopulationSeed: 1, markedFields: '',
};
const t = key => TEXTS[state.lang][key];
const v = (group, code) => (VALUES[state.lang][group] || {})[code] || code;

// ---- API ------------------------------------------------------------------------------------------------------------

async function api(path, { method = 'GET', body, type = 'application/json', headers = {}, signal } = {}) {
  const h = { 'X-Veiviser-Token': TOKEN, ...headers };
  if (body !== undefined) h['Content-Type'] = type;
  const r = await fetch(path, { method, headers: h, body, credentials: 'same-origin', signal });
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
function debounce(fn, ms) {
  let timer;
  const soon = (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  soon.cancel = () => clearTimeout(timer);
  return soon;
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
  for (const e of document.querySelectorAll('[data-t-aria]')) e.setAttribute('aria-label', t(e.dataset.tAria));
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
  if (view === 'scenarier') loadScenarioFiles();
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
  state.scenarios = null; state.impact = null; state.explanation = null; state.scenarioFile = null;
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
  stopExact(); $('exact').replaceChildren(); $('exact-status').textContent = '';
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
const checkItem = (name, x) => el('div', { class: 'check' },
  el('input', { type: 'checkbox', id: `${name}-${x.id}`, name, value: x.id }),
  el('label', { for: `${name}-${x.id}` }, x.label, ' ', el('code', { text: x.id })));
function checkGroup(name, legend, items) {
  return el('fieldset', { class: 'checks', id: `group-${name}` }, el('legend', { text: legend }), items.map(x => checkItem(name, x)));
}
/**
 * The national signals in groups, the serious ones (acute or a duty to report) first; each group can be folded away
 * (Tab then passes it in one step) and says how many of its signals are ticked. A guide's own signals go last.
 */
const SIGNAL_GROUPS = [
  ['serious', ['violence-suspected', 'sexual-abuse-suspected', 'danger-to-life-or-health', 'mistreatment-at-home', 'serious-neglect',
    'persistent-serious-behaviour-problems', 'human-trafficking-risk', 'criminal-offence-suspected', 'untreated-illness-or-disability']],
  ['child', ['wellbeing-concern', 'concerning-absence', 'stressful-life-event', 'serious-illness-or-disability', 'long-term-coordinated-needs',
    'unaccompanied-minor-refugee']],
  ['family', ['parent-mental-illness', 'parent-substance-abuse', 'parent-serious-illness', 'financial-hardship']],
];
function signalGroups(signals) {
  const known = new Set(SIGNAL_GROUPS.flatMap(([, ids]) => ids));
  const groups = [...SIGNAL_GROUPS.map(([g, ids]) => [g, signals.filter(x => ids.includes(x.id))]), ['other', signals.filter(x => !known.has(x.id))]];
  return el('fieldset', { class: 'checks', id: 'group-signal' }, el('legend', { text: t('signals') }),
    groups.filter(([, items]) => items.length).map(([g, items]) => el('details', { class: 'signal-group', 'data-group': g, open: true },
      el('summary', {}, t('signalGroups')[g], el('span', { class: 'picked' })), items.map(x => checkItem('signal', x)))));
}
/** "(2 valgt)" after each signal group's name, and a group with a ticked signal kept open. */
function syncSignalGroups() {
  for (const d of document.querySelectorAll('.signal-group')) {
    const n = d.querySelectorAll('input:checked').length;
    d.querySelector('.picked').textContent = n ? ` (${t('picked')(n)})` : '';
    if (n) d.open = true;
  }
}

/**
 * Each control of the form and the case fact it holds (the vocabulary's path, `Field` in the library), in one place:
 * the form is built, read and filled by it, a case problem is marked on its field by it, and a browser test checks
 * that it covers every field of the vocabulary. `asOf` and `child.birthDate` are the case file's, not fields.
 */
const PATHS = {
  'f-asOf': 'asOf', 'f-age': 'child.age', 'f-birthDate': 'child.birthDate', 'f-setting': 'child.setting', 'f-livesIn': 'child.livesInMunicipality',
  'f-since': 'concern.since', 'group-signal': 'concern.signals', 'f-uncertain': 'concern.uncertainPlacement', 'f-progress': 'concern.progress',
  'f-pregnancy': 'concern.pregnancy', 'f-raisedBy': 'concern.raisedBy',
  'f-level': 'case.level', 'f-step': 'case.step', 'f-guardiansInvolved': 'case.guardiansInvolved', 'group-service': 'case.services',
  'f-individualPlan': 'case.individualPlan', 'f-childCoordinator': 'case.childCoordinator', 'f-closing': 'case.closing', 'f-referred': 'case.referred',
  'f-coordinator': 'case.coordinator',
  'f-meetingHeld': 'meeting.held', 'f-meetingOutcome': 'meeting.outcome', 'f-meetingLevel': 'meeting.level', 'f-meetingNext': 'meeting.next',
  'f-consentGuardians': 'consent.guardians', 'f-consentYouth': 'consent.youth', 'f-consentWritten': 'consent.written',
  'f-stafettConsentGuardians': 'consent.stafettlogg.guardians', 'f-stafettConsentYouth': 'consent.stafettlogg.youth', 'f-stafettConsentWritten': 'consent.stafettlogg.written',
  'f-ipConsentGuardians': 'consent.individualPlan.guardians', 'f-ipConsentYouth': 'consent.individualPlan.youth', 'f-ipConsentWritten': 'consent.individualPlan.written',
  'f-cwInformed': 'childWelfare.informed', 'f-cwRecommends': 'childWelfare.recommendsFollowUp', 'f-cwDecision': 'childWelfare.decision',
  'f-cwMeasure': 'childWelfare.measureActive', 'f-cwInformedOn': 'childWelfare.informedOn',
  'f-stafettStatus': 'stafettlogg.status', 'f-stafettHolder': 'stafettlogg.holder',
  'f-reporterService': 'reporter.service', 'f-adultService': 'reporter.adultService',
  'f-hasChildren': 'adult.hasChildren', 'f-social': 'adult.socialAssistance', 'f-refugee': 'adult.refugeeSettledOn',
  'f-patient': 'adult.patientCondition', 'f-patientIsSibling': 'adult.patientIsSibling',
};
/** The label people read for a fact: its form field's label (the page's language), else the path itself. */
function pathLabel(path) {
  const id = Object.keys(PATHS).find(k => PATHS[k] === path);
  const e = id && $(id);
  if (!e) return null;
  const l = e.tagName === 'FIELDSET' ? e.querySelector('legend') : document.querySelector(`label[for="${id}"]`);
  return l ? l.textContent.trim() : null;
}

function buildForm() {
  const c = state.catalogue;
  const box = $('case-fields');
  if (!c) { box.replaceChildren(); return; }
  const services = c.services.map(s => [s.id, s.label]);
  const levels = c.levels.map(l => [String(l.level), `${l.level} – ${l.name}`]);
  const enumOpts = group => Object.keys(VALUES.nb[group]).map(k => [k, v(group, k)]);
  const yesNo = id => select(id, [['true', t('yes')], ['false', t('no')]]);
  const consentKind = (prefix, legend) => el('fieldset', {}, el('legend', { text: legend }),
    field(`f-${prefix}Guardians`, t('consentGuardians'), select(`f-${prefix}Guardians`, enumOpts('consent'))),
    field(`f-${prefix}Youth`, t('consentYouth'), select(`f-${prefix}Youth`, enumOpts('consent'))),
    check(`f-${prefix}Written`, t('consentWritten')));
  // the five national outcomes in the page's words, then the guide's own (meetingOutcomes) in the guide's
  const outcomes = (c.meetingOutcomes || []).map(o => [o.id, (VALUES[state.lang].outcome || {})[o.id] || o.label]);
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
      signalGroups(c.signals),
      check('f-uncertain', t('uncertainPlacement')),
      field('f-progress', t('progress'), select('f-progress', enumOpts('progress'))),
      field('f-pregnancy', t('pregnancy'), yesNo('f-pregnancy')),
      field('f-raisedBy', t('raisedBy'), select('f-raisedBy', enumOpts('raisedBy')))),
    el('fieldset', {}, el('legend', { text: t('work') }),
      field('f-level', t('level'), select('f-level', levels)),
      c.steps.length ? field('f-step', t('step'), select('f-step', c.steps.map(s => [s.id, `${s.id} ${s.title}`]))) : null,
      check('f-guardiansInvolved', t('guardiansInvolved')),
      checkGroup('service', t('services'), c.services),
      check('f-individualPlan', t('individualPlan')), check('f-childCoordinator', t('childCoordinator')), check('f-closing', t('closing')),
      field('f-referred', t('referred'), el('input', { type: 'date', id: 'f-referred' })),
      field('f-coordinator', t('coordinator'), yesNo('f-coordinator'))),
    el('fieldset', {}, el('legend', { text: t('meeting') }),
      field('f-meetingHeld', t('meetingHeld'), el('input', { type: 'date', id: 'f-meetingHeld' })),
      field('f-meetingOutcome', t('meetingOutcome'), select('f-meetingOutcome', outcomes)),
      field('f-meetingLevel', t('meetingLevel'), select('f-meetingLevel', levels)),
      field('f-meetingNext', t('meetingNext'), el('input', { type: 'date', id: 'f-meetingNext' }))),
    el('fieldset', {}, el('legend', { text: t('consent') }),
      field('f-consentGuardians', t('consentGuardians'), select('f-consentGuardians', enumOpts('consent'))),
      field('f-consentYouth', t('consentYouth'), select('f-consentYouth', enumOpts('consent'))),
      check('f-consentWritten', t('consentWritten')),
      consentKind('stafettConsent', t('consentStafettlogg')),
      consentKind('ipConsent', t('consentIndividualPlan'))),
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
      field('f-hasChildren', t('hasChildren'), yesNo('f-hasChildren')),
      field('f-social', t('socialAssistance'), select('f-social', enumOpts('social'))),
      field('f-refugee', t('refugeeSettledOn'), el('input', { type: 'date', id: 'f-refugee' })),
      field('f-patient', t('patientCondition'), select('f-patient', enumOpts('patient'))),
      field('f-patientIsSibling', t('patientIsSibling'), yesNo('f-patientIsSibling'))),
  );
  for (const [id, path] of Object.entries(PATHS)) if ($(id)) $(id).dataset.path = path;
  $('f-livesIn').checked = true;
  syncAgeMode();
}

function syncAgeMode() {
  const byAge = $('f-agemode-age').checked;
  $('f-age').closest('.field').hidden = !byAge;
  $('f-birthDate').closest('.field').hidden = byAge;
}

const val = id => ($(id) ? $(id).value : '');
const on = id => ($(id) && $(id).checked) || undefined; // a flag not ticked is left out, as the case file leaves it
const checked = name => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value);
const num = id => (val(id) !== '' ? Number(val(id)) : undefined);
const bool = id => (val(id) === '' ? undefined : val(id) === 'true');
function prune(o) {
  for (const [k, x] of Object.entries(o)) {
    // false stays: "no" is a fact where a field has three values (adult.hasChildren); unticked flags are undefined
    if (x === '' || x === undefined || x === null || (Array.isArray(x) && !x.length)) delete o[k];
    else if (typeof x === 'object' && !Array.isArray(x)) { prune(x); if (!Object.keys(x).length) delete o[k]; }
  }
  return o;
}

/** The form as a case in the case file format. */
function formCase() {
  const byAge = $('f-agemode-age').checked;
  const kind = prefix => ({ guardians: val(`f-${prefix}Guardians`), youth: val(`f-${prefix}Youth`), written: on(`f-${prefix}Written`) });
  return prune({
    asOf: val('f-asOf'),
    child: {
      age: byAge ? num('f-age') : undefined,
      birthDate: byAge ? undefined : val('f-birthDate'),
      setting: val('f-setting'),
      livesInMunicipality: on('f-livesIn') ? undefined : false,
    },
    concern: {
      since: val('f-since'), signals: checked('signal'), uncertainPlacement: on('f-uncertain'), progress: val('f-progress'),
      pregnancy: bool('f-pregnancy'), raisedBy: val('f-raisedBy'),
    },
    case: {
      level: num('f-level'), step: val('f-step'),
      guardiansInvolved: on('f-guardiansInvolved'), services: checked('service'),
      individualPlan: on('f-individualPlan'), childCoordinator: on('f-childCoordinator'), closing: on('f-closing'), referred: val('f-referred'),
      coordinator: bool('f-coordinator'),
    },
    meeting: { held: val('f-meetingHeld'), outcome: val('f-meetingOutcome'), level: num('f-meetingLevel'), next: val('f-meetingNext') },
    consent: {
      guardians: val('f-consentGuardians'), youth: val('f-consentYouth'), written: on('f-consentWritten'),
      stafettlogg: kind('stafettConsent'), individualPlan: kind('ipConsent'),
    },
    childWelfare: { informed: on('f-cwInformed'), recommendsFollowUp: on('f-cwRecommends'), decision: on('f-cwDecision'), measureActive: on('f-cwMeasure'), informedOn: val('f-cwInformedOn') },
    stafettlogg: { status: val('f-stafettStatus'), holder: val('f-stafettHolder') },
    reporter: { service: val('f-reporterService'), adultService: on('f-adultService') },
    adult: {
      hasChildren: bool('f-hasChildren'),
      socialAssistance: val('f-social'), refugeeSettledOn: val('f-refugee'), patientCondition: val('f-patient'),
      patientIsSibling: bool('f-patientIsSibling'),
    },
  });
}

/** Fills the form from a case (an impact example, a counter-example, a scenario). */
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
  set('f-pregnancy', co.pregnancy); set('f-raisedBy', co.raisedBy);
  for (const s of co.signals || []) tick(`signal-${s}`, true);
  syncSignalGroups();
  const w = c.case || {};
  set('f-level', w.level); set('f-step', w.step); tick('f-guardiansInvolved', w.guardiansInvolved);
  for (const s of w.services || []) tick(`service-${s}`, true);
  tick('f-individualPlan', w.individualPlan); tick('f-childCoordinator', w.childCoordinator); tick('f-closing', w.closing); set('f-referred', w.referred);
  set('f-coordinator', w.coordinator);
  const m = c.meeting || {};
  set('f-meetingHeld', m.held); set('f-meetingOutcome', m.outcome); set('f-meetingLevel', m.level); set('f-meetingNext', m.next);
  const cs = c.consent || {};
  set('f-consentGuardians', cs.guardians); set('f-consentYouth', cs.youth); tick('f-consentWritten', cs.written);
  for (const [prefix, k] of [['stafettConsent', cs.stafettlogg], ['ipConsent', cs.individualPlan]]) {
    const a = k || {};
    set(`f-${prefix}Guardians`, a.guardians); set(`f-${prefix}Youth`, a.youth); tick(`f-${prefix}Written`, a.written);
  }
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
  markFields(r.status === 400 ? r.data.problems : []);
  if (r.status === 400) {
    state.explanation = null;
    $('decision-live').textContent = t('caseProblems');
    // each problem names the field it is about and takes the reader there; the guide's editor has nothing to do with it
    $('decision').replaceChildren(el('h4', { text: t('caseProblems') }), el('ul', { class: 'problems' }, r.data.problems.map(p => {
      const id = fieldOf(p);
      return el('li', { class: `problem ${p.severity}` }, id
        ? el('button', { type: 'button', class: 'to-field', onclick: () => $(id).focus() }, pathLabel(PATHS[id]) || PATHS[id])
        : null, ' ', fieldMessage(p));
    })));
    return;
  }
  if (!r.ok) { $('decision').replaceChildren(el('p', { class: 'error', text: `${t('error')}: ${r.data.error || r.status}` })); return; }
  state.explanation = r.data;
  renderDecision();
}
/** The form control a case problem is about: the longest fact path its message names (child.age, consent.stafettlogg.youth). */
function fieldOf(p) {
  const hits = Object.entries(PATHS).filter(([id, path]) => $(id) && new RegExp(`(^|[^\\w.])${path.replace(/\./g, '\\.')}($|[^\\w.])`).test(p.message));
  hits.sort((a, b) => b[1].length - a[1].length);
  return hits.length ? hits[0][0] : null;
}
/** A case problem in the page's language where its pattern is known, without the path the field already shows. */
function fieldMessage(p) {
  const path = PATHS[fieldOf(p)];
  if (!path || !p.message.startsWith(path + ' ')) return p.message + (p.hint ? ` — ${p.hint}` : '');
  const m = p.message.slice(path.length + 1);
  const range = /^must be between (-?\d+) and (-?\d+), not (-?\d+)$/.exec(m);
  if (range) return t('mustBeBetween')(range[1], range[2], range[3]);
  const after = /^(\S+) is after asOf (\S+)$/.exec(m);
  if (after) return t('isAfterAsOf')(after[1], after[2]);
  return m + (p.hint ? ` — ${p.hint}` : '');
}
/**
 * Marks the fields the case's problems are about: the message beside the field (its description), aria-invalid, and
 * focus moved to the first when a problem is new (not while the reader is already in a field that has one).
 */
function markFields(problems) {
  for (const e of document.querySelectorAll('#case-fields [aria-invalid]')) {
    e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby');
  }
  for (const e of document.querySelectorAll('#case-fields .field-error')) e.remove();
  const marked = [];
  for (const p of problems) {
    const id = fieldOf(p);
    if (!id) continue;
    const control = $(id);
    const msg = el('p', { class: 'field-error', id: `error-${id}` }, fieldMessage(p));
    if (control.tagName === 'FIELDSET') control.append(msg); else (control.closest('.field') || control.parentElement).append(msg);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', msg.id);
    if (control.closest('[hidden]') === null) marked.push(id);
  }
  const key = marked.join(' ');
  const active = document.activeElement && document.activeElement.id;
  if (marked.length && key !== state.markedFields && !marked.includes(active)) $(marked[0]).focus();
  state.markedFields = key;
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
    const dueText = f.asSoonAsPossible ? t('asap') : f.due ? `${f.due}${f.due === asOf ? ` (${t('today')})` : ''}` : null;
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
    // what was held back, in the rules' and exceptions' own words; the ids stay for authors, small beside them
    const ruleText = id => ((state.catalogue.rules.find(r => r.id === id) || {}).description || id).split(/(?<=\.)\s/)[0]; // its first sentence
    parts.push(el('h4', { text: t('withheld') }), el('ul', { class: 'notes withheld' }, decision.withheld.map(w => el('li', { 'data-rule': w.rule },
      el('span', { class: 'withheld-rule', text: ruleText(w.rule) }), ` ${t('withheldBy')} `,
      el('span', { class: 'withheld-by', text: described(state.catalogue.exceptions, w.by) === w.by ? ruleText(w.by) : described(state.catalogue.exceptions, w.by) }),
      ' ', el('code', { class: 'ids', text: `${w.rule} ← ${w.by}` })))));
  }
  $('decision').replaceChildren(...parts);
  // only this short line is read out on each change, not the whole panel
  const urgent = findings.filter(f => urgency(f, asOf)[0] <= 1).length;
  $('decision-live').textContent = t('liveSummary')(level.recommended, findings.length, urgent);
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
      el('span', { class: 'condition', title: c.condition, text: conditionText(c.condition) }),
      c.leaf && c.actual ? el('span', { class: 'actual', text: ` (${t('actual')}: ${valueText(c.condition, c.actual)})` }) : ''))),
    el('p', { class: 'rule-id' }, el('code', { text: rule.rule })));
}

/** A concept's or exception's name for people: its description up to the first colon or full stop, else its id. */
function described(list, id) {
  const d = ((list || []).find(x => x.id === id) || {}).description || '';
  const head = d.split(/[:.](\s|$)/)[0].trim();
  return head || id;
}
/** The label of a code or value a condition names: a signal, a service, a step, or a value of a fixed list. */
function codeWord(code) {
  const c = state.catalogue;
  for (const list of [c.signals, c.services]) { const x = list.find(y => y.id === code); if (x) return x.label; }
  for (const group of Object.values(VALUES[state.lang])) if (group[code]) return group[code].toLowerCase();
  return code;
}
/**
 * A condition as the engine writes it (`concern.signals contains any of [violence-suspected]`), in the page's words:
 * fields by their form labels, codes by their labels, concepts by their descriptions, operators as words. The
 * engine's text stays in the element's title for authors.
 */
function conditionText(text) {
  const words = t('conditionWords');
  if (words.whole[text]) return words.whole[text];
  const concept = /^concept (\S+)(?: \((.+)\))?$/.exec(text);
  if (concept) return `${words.concept} «${described(state.catalogue.concepts, concept[1])}»`;
  const paths = Object.values(PATHS).sort((a, b) => b.length - a.length).map(p => p.replace(/\./g, '\\.'));
  let out = text.replace(new RegExp(`(?<![\\w.])(${paths.join('|')})(?![\\w.])`, 'g'), p => `«${pathLabel(p) || p}»`);
  for (const [en, nb] of words.phrases) out = out.split(en).join(nb);
  return out.replace(/\[([^\]]*)\]/g, (m, list) => list.split(', ').map(x => `«${codeWord(x.trim())}»`).join(', '))
    .replace(/(?<=(?:er|is|har|has) )([a-z][a-z0-9-]*)(?![\w.-])/g, x => (codeWord(x) === x ? x : `«${codeWord(x)}»`));
}
/** A leaf's actual value in the page's words (a code's label; a list of codes as labels). */
function valueText(condition, actual) {
  return actual.replace(/^\[([^\]]*)\]$/, (m, list) => list.split(', ').filter(Boolean).map(codeWord).join(', ') || '–')
    .replace(/^([a-z][a-z0-9-]*)$/, codeWord);
}

/** The form's case and its decision as a scenario: the level and every finding (with its due date) it must give. */
function scenarioOf() {
  if (!state.explanation || !state.caseJson) return null;
  const d = state.explanation.decision;
  const includes = d.findings.map(f => (f.due ? { code: f.code, due: f.due } : f.code))
    .filter((x, i, all) => all.findIndex(y => JSON.stringify(y) === JSON.stringify(x)) === i);
  const scenario = { name: $('scenario-name').value.trim() || t('newCase'), case: state.caseJson, expect: { level: d.level.recommended } };
  if (includes.length) scenario.expect.includes = includes;
  return scenario;
}
const scenarioYaml = s => `# ${state.guide.id} ${state.guide.version}\n` + toYaml({ scenarios: [s] }) + '\n';

/**
 * "Lagre som scenario": with --edit it is written into the guide's scenarios/arbeidsbenk.yaml and runs under
 * Scenarier; read-only (or a bundled guide) the page says how to save the YAML it shows.
 */
async function saveScenario() {
  const s = scenarioOf();
  if (!s) return;
  $('scenario-yaml').value = scenarioYaml(s);
  $('scenario-yaml').hidden = false;
  document.querySelector('.yaml-label').hidden = false;
  const status = $('scenario-status');
  if (!EDIT || !state.guide.editable) {
    status.textContent = EDIT ? t('scenarioBundled') : t('scenarioReadOnly');
    $('scenario-yaml').focus();
    return;
  }
  const r = await api(guidePath('/scenarios'), { method: 'POST', body: JSON.stringify(s) });
  if (r.ok) {
    status.textContent = t('scenarioSaved')(s.name, r.data.file);
    state.scenarios = null; // Scenarier runs them again, the new one with them
  } else {
    status.textContent = `${t('scenarioNotSaved')}: ${(r.data.problems && r.data.problems.length ? r.data.problems.map(p => p.message).join('; ') : r.data.error) || r.status}`;
  }
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
    el('span', { class: 'badge', text: x.passed ? `✓ ${t('passed')}` : `✗ ${t('failed')}` }), ' ', x.name, ' ',
    el('button', { type: 'button', class: 'where open-scenario-file', onclick: () => openScenarioFile(x.file.split(/[\\/]/).slice(-1)[0], x.line) },
      `${x.file.split(/[\\/]/).slice(-1)[0]}:${x.line}`),
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

// ---- Scenariofiler: read and edited in the page ------------------------------------------------------------------

async function loadScenarioFiles() {
  const r = await api(guidePath('/scenario-files'));
  const names = r.ok ? r.data : [];
  const select = $('scenario-file-select');
  const was = select.value;
  select.replaceChildren(...names.map(n => el('option', { value: n, text: n })));
  $('scenario-files').hidden = !names.length;
  $('save-scenario-file').disabled = !EDIT || !state.guide.editable;
  if (names.includes(was)) select.value = was;
  if (names.length && !state.scenarioFile) await readScenarioFile(select.value);
}

async function readScenarioFile(name) {
  const r = await api(guidePath(`/scenario-files/${encodeURIComponent(name)}`));
  if (!r.ok) return;
  state.scenarioFile = { name, etag: r.headers.get('ETag') };
  $('scenario-file-select').value = name;
  $('scenario-editor').value = typeof r.data === 'string' ? r.data : '';
  $('scenario-file-problems').replaceChildren(); $('scenario-file-status').textContent = '';
}

/** Opens a scenario file in Scenarier with the caret at a line (a failing scenario). */
async function openScenarioFile(name, line) {
  location.hash = '#scenarier';
  await loadScenarioFiles();
  await readScenarioFile(name);
  const ed = $('scenario-editor');
  const lines = ed.value.split('\n');
  let pos = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) pos += lines[i].length + 1;
  ed.focus();
  ed.setSelectionRange(pos, pos);
  ed.scrollTop = Math.max(0, (line - 5) * (parseFloat(getComputedStyle(ed).lineHeight) || 18));
}

async function saveScenarioFile() {
  const f = state.scenarioFile;
  if (!f) return;
  const r = await api(guidePath(`/scenario-files/${encodeURIComponent(f.name)}`), { method: 'PUT', body: $('scenario-editor').value,
    type: 'application/yaml', headers: { 'If-Match': f.etag || '' } });
  $('scenario-file-problems').replaceChildren();
  if (r.ok) {
    f.etag = r.headers.get('ETag');
    $('scenario-file-status').textContent = r.data.passes ? t('scenarioFileSaved')(f.name) : t('scenarioFileSavedFails')(f.name);
    state.scenarios = null;
  } else if (r.status === 412) {
    $('scenario-file-status').textContent = t('conflict');
  } else if (r.status === 400) {
    $('scenario-file-status').textContent = t('problems')(r.data.problems.length);
    $('scenario-file-problems').replaceChildren(...r.data.problems.map(p => el('li', { class: `problem ${p.severity}` },
      p.line > 0 ? `${t('line')} ${p.line}, ${t('column')} ${p.column}: ` : '', p.message)));
  } else {
    $('scenario-file-status').textContent = `${t('error')}: ${r.data.error || r.status}`;
  }
}

/**
 * A failing scenario's expectation brought in line with the text in Rediger (due dates and level only), shown before
 * and after, written only when the adviser says so; never silently.
 */
async function proposeAccept(button, name, line) {
  const item = button.closest('li');
  const old = item.querySelector('.accept');
  if (old) old.remove();
  const r = await api(guidePath(`/scenario-files/${encodeURIComponent(name)}/accept?line=${line}`), { method: 'POST', body: $('editor').value, type: 'application/yaml' });
  if (!r.ok) { item.append(el('p', { class: 'accept hint', text: `${t('cannotAccept')}: ${r.data.error || r.status}` })); return; }
  const box = el('div', { class: 'accept', role: 'group', 'aria-label': t('acceptNew') },
    el('p', { text: t('acceptIntro')(r.data.scenario) }),
    el('div', { class: 'compare' },
      el('div', { class: 'before' }, el('h5', { text: t('expectedNow') }), el('pre', { text: r.data.before })),
      el('div', { class: 'after' }, el('h5', { text: t('expectedAfter') }), el('pre', { text: r.data.after }))),
    EDIT && state.guide.editable ? el('button', { type: 'button', class: 'confirm-accept', onclick: async () => {
      const w = await api(guidePath(`/scenario-files/${encodeURIComponent(name)}`), { method: 'PUT', body: r.data.text,
        type: 'application/yaml', headers: { 'If-Match': r.data.etag } });
      box.replaceChildren(el('p', { class: w.ok ? 'accepted' : 'error',
        text: w.ok ? t('accepted')(r.data.scenario, name) : `${t('scenarioNotSaved')}: ${w.data.error || w.status}` }));
      if (w.ok) { item.classList.add('accepted'); state.scenarios = null; state.scenarioFile = null; }
    } }, t('acceptSave')) : el('p', { class: 'hint', text: t('scenarioReadOnly') }),
    ' ', el('button', { type: 'button', class: 'confirm-cancel', onclick: () => { box.remove(); button.focus(); } }, t('cancel')));
  item.append(box);
  box.querySelector('button').focus();
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

/** The scenario file a problem is in (its name), or null when it is about the guide's text. */
const scenarioFileOf = p => (/[\\/]scenarios[\\/]([^\\/]+\.yaml)$/.exec(p.file || '') || [])[1] || null;

function problemItem(p) {
  const where = p.line > 0 ? `${t('line')} ${p.line}, ${t('column')} ${p.column}` : '';
  const inScenarios = scenarioFileOf(p);
  // a failing scenario opens its own file, in the page, at the scenario; the guide's line of the same number is another text
  const item = el('li', { class: `problem ${p.severity}`, 'data-file': inScenarios || '' },
    inScenarios ? el('button', { type: 'button', class: 'open-scenario-file', onclick: () => openScenarioFile(inScenarios, p.line) },
      `${inScenarios}, ${t('line')} ${p.line}`)
      : p.line > 0 ? el('button', { type: 'button', class: 'goto', onclick: () => gotoLine(p.line, p.column) }, where) : null,
    inScenarios && p.message.startsWith("scenario '") ? el('button', { type: 'button', class: 'accept-expectation',
      onclick: ev => proposeAccept(ev.target, inScenarios, p.line) }, t('acceptNew')) : null,
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
  // a check of the text that is pending or under way must not overwrite the save's answer with its own list
  validateSoon.cancel(); validation++;
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

const MAX_POPULATION = 100000; // the API's limit (Api.MAX_POPULATION)
async function computeImpact() {
  // a number outside the limits is said, beside the field, and nothing runs: 500 000 is not quietly run as 100 000
  const input = $('population-size');
  const size = Number(input.value);
  const bad = input.value.trim() === '' || !Number.isInteger(size) || size < 0 || size > MAX_POPULATION;
  $('population-error').hidden = !bad;
  if (bad) {
    $('population-error').textContent = t('populationLimit')(new Intl.NumberFormat(state.lang === 'nb' ? 'nb-NO' : 'en-GB').format(MAX_POPULATION));
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
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
  // the result is announced (the status is a live region): how many generated cases get another decision
  const p = r.data.population;
  $('impact-status').textContent = p && p.cases ? `${t('impactDone')} ${p.changedCases ? t('casesChanged')(p.changedCases, p.cases, share(p.changedPercent)) : t('noChange')}` : t('impactDone');
  $('impact').replaceChildren(...[ // replaceChildren writes a null as the text "null": no stale texts leaves none
    staleTexts(r.data.staleTexts || []),
    impactSection('scenarios', t('fromScenarios'), r.data.scenarios),
    impactSection('population', t('fromPopulation'), r.data.population)].filter(Boolean));
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
  return `${t('kinds')[g.kind] || g.kind}: ${subject}${g.change && g.kind !== 'rejected' ? ` (${changeText(g.change)})` : ''}`;
}
/** The library's change ("+14 days", "due set", "[guardians] -> [child]") in the page's language. */
function changeText(change) {
  const days = /^([+-]?\d+) days?$/.exec(change);
  if (days) return `${Number(days[1]) > 0 ? '+' : ''}${amount(Number(days[1]), 'days')}`;
  if (t('changes')[change]) return t('changes')[change];
  return change.replace(/\[([^\]]*)\]/g, (m, list) => list.split(', ').filter(Boolean).map(whoLabel).join(', ') || '–');
}
/** A share as the library writes it ("24.62%") in the page's language: "24,6 %". */
function share(percent) {
  const n = parseFloat(percent);
  return Number.isNaN(n) ? percent : `${new Intl.NumberFormat(state.lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).format(n)} %`;
}
const casesText = n => `${new Intl.NumberFormat(state.lang === 'nb' ? 'nb-NO' : 'en-GB').format(n)} ${n === 1 ? t('caseWord')[0] : t('caseWord')[1]}`;

/**
 * One report as a bar chart in HTML (labels wrap whole, text keeps the page's size on a small screen): each bar's
 * length is its share of all the cases (the full width is 100 %), its count and share written beside it.
 */
function impactSection(source, title, rep) {
  const box = el('section', { class: 'impact-source', id: `impact-${source}` }, el('h3', { text: title }));
  if (!rep) return box;
  box.append(el('p', { class: 'impact-summary', text: rep.changedCases ? t('casesChanged')(rep.changedCases, rep.cases, share(rep.changedPercent)) : t('noChange') }));
  if (!rep.groups.length) return box;
  box.append(el('p', { class: 'note chart-scale', text: t('chartScale')(casesText(rep.cases)) }));
  box.append(barChart(source, title, rep.groups, rep.cases));
  box.append(el('details', { class: 'examples' }, el('summary', { text: t('examples') }),
    el('ul', {}, rep.groups.map(g => el('li', {}, el('strong', { text: `${groupTitle(g)} — ${casesText(g.count)} (${share(g.percent)})` }),
      el('ul', {}, g.examples.map(e => el('li', { class: 'example', 'data-index': e.index }, el('span', { text: e.facts }), ' ',
        el('button', { type: 'button', class: 'compare-case', 'aria-expanded': 'false', onclick: ev => compareExample(ev.target, source, e.index) }, t('beforeAfter')),
        ' ', el('button', { type: 'button', class: 'open-case', onclick: ev => askToOpen(ev.target, () => openExample(source, e.index)) }, t('openCase'))))))))));
  return box;
}

/** An example's decision by the saved guide and by the text in Rediger, side by side, what differs marked. */
async function compareExample(button, source, index) {
  const item = button.closest('li');
  const open = item.querySelector('.compare');
  if (open) { open.remove(); button.setAttribute('aria-expanded', 'false'); return; }
  const r = await api(guidePath(`/cases/${source}/${index}?seed=1`), { method: 'POST', body: $('editor').value, type: 'application/yaml' });
  if (!r.ok) { item.append(el('p', { class: 'compare error', text: `${t('error')}: ${r.data.error || r.status}` })); return; }
  const line = f => `${codeLabel(f.code)}${f.due ? ` — ${t('due').toLowerCase()} ${f.due}` : ''}${f.who && f.who.length ? ` (${f.who.map(whoLabel).join(', ')})` : ''}`;
  const lines = d => [`${t('recommended')}: ${d.level.recommended}`, ...d.findings.map(line)];
  const before = lines(r.data.before), after = lines(r.data.after);
  const column = (cls, title, mine, other) => el('div', { class: cls }, el('h5', { text: title }),
    el('ul', {}, mine.map(x => el('li', { class: other.includes(x) ? 'same' : 'changed' }, other.includes(x) ? '' : el('span', { class: 'visually-hidden', text: `${t('differs')}: ` }), x))));
  item.append(el('div', { class: 'compare', role: 'group', 'aria-label': t('beforeAfter') },
    column('before', t('before'), before, after), column('after', t('after'), after, before)));
  button.setAttribute('aria-expanded', 'true');
}

/** Replacing the case in the form is asked first: what the adviser had typed is not lost without a word. */
function askToOpen(button, open) {
  const item = button.closest('li');
  if (item.querySelector('.confirm')) return;
  const box = el('div', { class: 'confirm', role: 'group', 'aria-label': t('openCase') },
    el('p', { text: t('replaceForm') }),
    el('button', { type: 'button', class: 'confirm-open', onclick: () => { box.remove(); open(); } }, t('replace')), ' ',
    el('button', { type: 'button', class: 'confirm-cancel', onclick: () => { box.remove(); button.focus(); } }, t('cancel')));
  item.append(box);
  box.querySelector('.confirm-open').focus();
}

/**
 * Groups ({kind, subject, change, count, percent}) as a bar chart in HTML (labels wrap whole, text keeps the page's
 * size on a small screen): each bar's length is its share (its percent; the full width is 100 %), its count and share
 * written beside it. {@code cases}, when given, is the whole the shares are of.
 */
function barChart(source, title, groups, cases) {
  return el('ul', { class: 'chart', id: `chart-${source}`, 'data-cases': cases, 'aria-label': `${t('chartLabel')}: ${title}` }, groups.map(g => {
    const fill = el('span', { class: 'bar-fill', 'aria-hidden': 'true' });
    fill.style.width = `${Math.min(100, parseFloat(g.percent) || 0)}%`; // CSSOM: the page's CSP allows no style attribute
    return el('li', { class: `bar kind-${g.kind}`, 'data-kind': g.kind, 'data-subject': g.subject, 'data-count': g.count },
      el('span', { class: 'bar-label', text: groupTitle(g) }),
      el('span', { class: 'bar-row' }, el('span', { class: 'bar-track' }, fill),
        el('span', { class: 'bar-count', text: `${casesText(g.count)} (${share(g.percent)})` })));
  }));
}

// ---- Hva endres?, exactly: every class of cases that changes (exact.js draws it) ----------------------------------------

let exactRun = null; // the running proof's AbortController

/** Proves which cases the text in Rediger changes, with a running clock and Stopp; a new run stops the one before. */
async function proveImpact() {
  stopExact();
  const run = new AbortController();
  exactRun = run;
  const size = Math.max(0, Math.min(100000, Number($('population-size').value) || 0));
  const started = Date.now();
  const tick = () => { $('exact-status').textContent = t('proving')(Math.floor((Date.now() - started) / 1000)); };
  tick();
  const clock = setInterval(tick, 1000);
  $('exact').replaceChildren();
  $('stop-exact').hidden = false;
  try {
    const r = await api(guidePath(`/exact?population=${size}&seed=1`), { method: 'POST', body: $('editor').value, type: 'application/yaml', signal: run.signal });
    if (r.status === 400) {
      $('exact-status').textContent = `${r.data.error} — ${t('problems')(r.data.problems.length)}`;
      $('exact').replaceChildren(problemList(r.data.problems));
    } else if (!r.ok) {
      $('exact-status').textContent = `${t('error')}: ${r.data.error || r.status}`;
    } else {
      $('exact-status').textContent = '';
      $('exact').replaceChildren(exactSection(r.data, { el, t, chart: barChart, title: groupTitle, openCase: (button, c) => askToOpen(button, () => openCaseJson(c)) }));
    }
  } catch (e) {
    if (e.name !== 'AbortError') throw e;
    $('exact-status').textContent = t('stopped');
  } finally {
    clearInterval(clock);
    if (exactRun === run) { exactRun = null; $('stop-exact').hidden = true; }
  }
}

/** Stops the running proof, if any: the page no longer waits for it (the server finishes it, within its ten seconds). */
function stopExact() {
  if (exactRun) exactRun.abort();
}

/** A case (a witness of the exact report) in Prøv en sak, evaluated. */
function openCaseJson(c) {
  fillForm(c);
  location.hash = '#sak';
  evaluate();
}

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

/** On a small screen the case view shows the form or the decision, switched at its top; on a wide one both. */
function showPart(part) {
  $('case-layout').dataset.show = part;
  $('show-form').setAttribute('aria-pressed', String(part === 'form'));
  $('show-decision').setAttribute('aria-pressed', String(part === 'decision'));
  if (part === 'decision') $('decision-panel').scrollIntoView({ block: 'start' });
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
  form.addEventListener('change', e => { if (e.target.name === 'agemode') syncAgeMode(); if (e.target.name === 'signal') syncSignalGroups(); evaluateSoon(); });
  form.addEventListener('submit', e => e.preventDefault());
  $('case-reset').addEventListener('click', () => { buildForm(); evaluate(); });
  $('save-scenario').addEventListener('click', saveScenario);
  $('skip-decision').addEventListener('click', e => {
    e.preventDefault();
    if (currentView() !== 'sak') location.hash = '#sak';
    showPart('decision');
    $('decision-heading').focus();
  });
  $('show-form').addEventListener('click', () => showPart('form'));
  $('show-decision').addEventListener('click', () => showPart('decision'));
  $('run-scenarios').addEventListener('click', runScenarios);
  $('scenario-file-select').addEventListener('change', e => readScenarioFile(e.target.value));
  $('save-scenario-file').addEventListener('click', saveScenarioFile);
  const ed = $('editor');
  ed.addEventListener('input', () => { updateGutter(); updateDirty(); validateSoon(); });
  ed.addEventListener('scroll', () => { $('gutter').scrollTop = ed.scrollTop; });
  $('save-guide').addEventListener('click', saveGuide);
  $('reload-guide').addEventListener('click', loadSource);
  $('compute-impact').addEventListener('click', computeImpact);
  $('prove-impact').addEventListener('click', proveImpact);
  $('stop-exact').addEventListener('click', stopExact);
  window.addEventListener('hashchange', showView);
}

/** The case in the form, and a case put into it: for a case system that embeds the page, and for the browser tests. */
window.veiviser = Object.freeze({ formCase: () => formCase(), openCase: c => { fillForm(c); evaluateSoon(); } });

wire();
applyLanguage();
showView();
loadGuides().then(() => document.body.setAttribute('data-ready', 'true'));
