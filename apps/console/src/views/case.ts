/**
 * The case for auditors: the timeline with actor, role, office, act, reason, legal basis and recorded
 * time; as-of and as-known-at controls that replay the case through GET /cases/{id}/history; the hash-chain status;
 * the rejected commands; the evidence JSON and a printable evidence report (the print stylesheet makes the PDF).
 */
import { api, type CaseHistory, type ReplayStep } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDate, formatDateTime, formatLegalBasis } from '../format.js';
import { currentLang, label, t } from '../i18n.js';
import { href, navigate } from '../router.js';
import { can } from '../session.js';
import { correctionPanel, mayCorrect } from './correction.js';
import { errorBox, loading } from './messages.js';

export async function renderCase(main: HTMLElement, caseId: string, params: URLSearchParams): Promise<void> {
  const asOf = params.get('asOf') ?? undefined;
  const asKnownAt = params.get('asKnownAt') ?? undefined;
  replace(main, h('h1', {}, `${t('case.title')} ${caseId}`), loading());
  const history = await api.history(caseId, asOf, asKnownAt);
  const office = history.state.officeId ?? (history.steps[0]?.data.officeId as string | undefined) ?? null;
  const chain = h('section', { class: 'chain', 'aria-live': 'polite' }, h('h2', {}, t('case.chain')), loading());
  const rejected = h('section', { class: 'rejected' }, h('h2', {}, t('case.rejected')), loading());
  const corrections = h('section', { class: 'corrections no-print' });
  const openCorrection = (eventId?: string) =>
    replace(
      corrections,
      correctionPanel(caseId, history.steps, eventId, () => navigate('case', [caseId], { asOf, asKnownAt })),
    );
  const lang = currentLang();
  replace(
    main,
    h('p', { class: 'no-print' }, office && h('a', { href: href('cases', [], { office }) }, `← ${office}`)),
    h('h1', {}, `${t('case.title')} ${caseId}`),
    h(
      'p',
      { class: 'print-only' },
      `${t('case.reportTitle')} · ${t('case.generated')} ${formatDateTime(new Date().toISOString(), lang)}`,
    ),
    h(
      'p',
      { class: 'state' },
      `${t('case.state')}: `,
      h('strong', { 'data-testid': 'case-state' }, label('status', history.state.status)),
      ` · ${t('common.office')} ${office ?? '—'} · ${history.steps.length} ${t('case.events')}`,
      asOf && ` · ${t('case.asOf')} ${formatDate(asOf)}`,
      asKnownAt && ` · ${t('case.asKnownAt')} ${formatDateTime(asKnownAt, lang)}`,
    ),
    replayControls(caseId, asOf, asKnownAt),
    h(
      'p',
      { class: 'actions no-print' },
      can('evidence', office) &&
        h(
          'button',
          { type: 'button', 'data-operation': 'evidence', onClick: () => void api.evidence(caseId, asOf, asKnownAt) },
          t('case.evidence'),
        ),
      h('button', { type: 'button', onClick: () => window.print() }, t('case.print')),
    ),
    chain,
    timeline(history, can('correctRecordedFact') ? openCorrection : undefined),
    rejected,
    corrections,
  );
  if (mayCorrect()) openCorrection();
  if (can('verify', office)) void fillChain(chain, caseId);
  else chain.remove();
  if (can('audit')) void fillRejected(rejected, caseId);
  else rejected.remove();
}

function replayControls(caseId: string, asOf?: string, asKnownAt?: string): HTMLElement {
  const asOfInput = h('input', { id: 'as-of', type: 'date', value: asOf ?? '' });
  // datetime-local has no zone: the console reads it as Vietnam's time (UTC+7, no daylight saving).
  const knownInput = h('input', { id: 'as-known-at', type: 'datetime-local', step: 1, value: localInput(asKnownAt) });
  return h(
    'form',
    {
      class: 'filters replay no-print',
      onSubmit: (event: Event) => {
        event.preventDefault();
        const known = knownInput.value
          ? `${knownInput.value.length === 16 ? `${knownInput.value}:00` : knownInput.value}+07:00`
          : undefined;
        navigate('case', [caseId], { asOf: asOfInput.value || undefined, asKnownAt: known });
      },
    },
    h('label', { for: 'as-of' }, t('case.asOf')),
    asOfInput,
    h('label', { for: 'as-known-at' }, t('case.asKnownAt')),
    knownInput,
    h('button', { type: 'submit' }, t('case.apply')),
    h('button', { type: 'button', class: 'link', onClick: () => navigate('case', [caseId]) }, t('case.reset')),
  );
}

function timeline(history: CaseHistory, onCorrect?: (eventId: string) => void): HTMLElement {
  const lang = currentLang();
  const headings = [
    'case.revision',
    'case.effective',
    'case.recorded',
    'case.event',
    'case.actor',
    'case.role',
    'common.office',
    'case.reason',
    'case.legalBasis',
  ];
  const row = (step: ReplayStep) =>
    h(
      'tr',
      { 'data-event-id': step.eventId, 'data-type': step.type },
      h('td', { class: 'num' }, step.revision),
      h('td', {}, formatDate(step.effectiveDate)),
      h('td', {}, formatDateTime(step.recordedAt, lang)),
      h('th', { scope: 'row' }, label('event', step.type), h('small', {}, ` ${step.type}`)),
      h('td', {}, step.actor.id),
      h('td', {}, label('role', step.actor.role)),
      h('td', {}, step.actor.officeId ?? '—'),
      h('td', {}, step.reason ?? ''),
      h('td', {}, formatLegalBasis(step.legalBasis, lang)),
      onCorrect &&
        h(
          'td',
          { class: 'no-print' },
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-operation': 'correctRecordedFact',
              onClick: () => onCorrect(step.eventId),
            },
            t('case.correct'),
          ),
        ),
    );
  return h(
    'section',
    { class: 'timeline' },
    h('h2', {}, t('case.timeline')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headings.map((key) => h('th', { scope: 'col' }, t(key))),
          onCorrect && h('td', { class: 'no-print' }),
        ),
      ),
      h('tbody', {}, history.steps.map(row)),
    ),
  );
}

async function fillChain(section: HTMLElement, caseId: string): Promise<void> {
  try {
    const check = await api.verify(caseId);
    const broken = check.ok ? undefined : check.brokenAt;
    // The first broken link is marked in the timeline too, where the auditor reads the step it belongs to.
    if (broken) section.parentElement?.querySelector(`tr[data-event-id="${broken.eventId}"]`)?.classList.add('broken');
    replace(
      section,
      h('h2', {}, t('case.chain')),
      check.ok
        ? h(
            'p',
            { class: 'ok', 'data-testid': 'chain' },
            `✔ ${t('case.chainOk')} (${check.events} ${t('case.events')})`,
          )
        : h(
            'p',
            { class: 'error', 'data-testid': 'chain' },
            `✘ ${t('case.chainBroken')} #${broken?.revision}: ${label('chain', broken?.kind ?? '')} (${broken?.eventId})`,
          ),
    );
  } catch (error) {
    replace(section, h('h2', {}, t('case.chain')), errorBox(error));
  }
}

async function fillRejected(section: HTMLElement, caseId: string): Promise<void> {
  try {
    const { items: entries } = await api.rejections(caseId);
    const lang = currentLang();
    replace(
      section,
      h('h2', {}, t('case.rejected')),
      entries.length === 0
        ? h('p', {}, t('case.noRejected'))
        : h(
            'ul',
            { 'data-testid': 'rejections' },
            entries.map((entry) =>
              h(
                'li',
                {},
                h('strong', {}, formatDateTime(entry.recordedAt, lang)),
                ` · ${entry.actorId} (${label('role', entry.actorRole)}) · `,
                h('code', {}, entry.reason ?? ''),
              ),
            ),
          ),
    );
  } catch (error) {
    replace(section, h('h2', {}, t('case.rejected')), errorBox(error));
  }
}

/** An ISO instant as the value of a datetime-local input in Vietnam's time. */
function localInput(instant?: string): string {
  if (!instant) return '';
  const shifted = new Date(new Date(instant).getTime() + 7 * 3_600_000);
  return shifted.toISOString().slice(0, 19);
}
