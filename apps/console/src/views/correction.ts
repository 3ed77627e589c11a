/**
 * Admin corrections as forms: the corrective command, its fields and a mandatory reason; a preview
 * of which event is retracted and what changes before anything is sent; the engine's refusal in plain words.
 */
import { api, type ReplayStep } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDate } from '../format.js';
import { label, t } from '../i18n.js';
import { can } from '../session.js';
import { problemText } from './messages.js';

interface Field {
  readonly name: string;
  readonly key: string;
  readonly choices?: readonly string[];
}
const GROUNDS = ['ISSUED_WITHOUT_COMPETENCE', 'WRONG_CONTENT', 'JUDGMENT_ANNULLED_OR_AMENDED', 'OTHER'];
/** Each corrective command: its route, the operation that permits it, and its fields besides `reason`. */
const COMMANDS: readonly { route: string; operation: string; fields: readonly Field[] }[] = [
  { route: 'correct-recorded-fact', operation: 'correctRecordedFact', fields: [] },
  {
    route: 'withdraw-decision',
    operation: 'withdrawDecision',
    fields: [
      { name: 'decisionNumber', key: 'corr.decisionNumber' },
      { name: 'ground', key: 'corr.ground', choices: GROUNDS },
    ],
  },
  {
    route: 'amend-decision',
    operation: 'amendDecision',
    fields: [
      { name: 'decisionNumber', key: 'corr.decisionNumber' },
      { name: 'amendment', key: 'corr.amendment' },
    ],
  },
  {
    route: 'annul-decision',
    operation: 'annulDecision',
    fields: [
      { name: 'decisionNumber', key: 'corr.decisionNumber' },
      { name: 'annulledBy', key: 'corr.annulledBy' },
      { name: 'ground', key: 'corr.ground', choices: GROUNDS },
    ],
  },
  { route: 'reassign-officer', operation: 'reassignOfficer', fields: [{ name: 'officerId', key: 'corr.officerId' }] },
  { route: 'reopen-case', operation: 'reopenCase', fields: [] },
];

/** The signed-in person may send at least one corrective command (the panel is not shown otherwise). */
export function mayCorrect(): boolean {
  return COMMANDS.some((command) => can(command.operation));
}

export function correctionPanel(
  caseId: string,
  steps: readonly ReplayStep[],
  eventId: string | undefined,
  onSent: () => void,
): HTMLElement {
  const permitted = COMMANDS.filter((command) => can(command.operation));
  const command = h(
    'select',
    { id: 'corr-command' },
    permitted.map((entry) =>
      h(
        'option',
        { value: entry.route, 'data-operation': entry.operation },
        `${t(`corr.cmd.${entry.route}`)} (${entry.route})`,
      ),
    ),
  );
  const fields = h('div', { class: 'fields' });
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
  const reason = h('textarea', { id: 'corr-reason', rows: 2, required: true });
  const send = h('button', { type: 'button', disabled: true }, t('corr.send'));
  const event = h(
    'select',
    { id: 'corr-event' },
    steps.map((step) =>
      h(
        'option',
        { value: step.eventId, selected: step.eventId === eventId },
        `#${step.revision} ${label('event', step.type)} (${formatDate(step.effectiveDate)})`,
      ),
    ),
  );
  const correctedData = h('textarea', {
    id: 'corr-data',
    rows: 3,
    spellcheck: 'false',
    placeholder: '{"amount": "30000000"}',
  });
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  const showFields = () => {
    inputs.clear();
    send.disabled = true;
    replace(preview);
    const chosen = COMMANDS.find((entry) => entry.route === command.value);
    if (command.value === 'correct-recorded-fact') {
      replace(
        fields,
        h('label', { for: 'corr-event' }, t('corr.event')),
        event,
        h('label', { for: 'corr-data' }, t('corr.correctedData')),
        correctedData,
      );
      return;
    }
    replace(
      fields,
      (chosen?.fields ?? []).map((field) => {
        const input = field.choices
          ? h(
              'select',
              { id: `corr-${field.name}` },
              field.choices.map((choice) => h('option', { value: choice }, choice)),
            )
          : h('input', { id: `corr-${field.name}`, required: true });
        inputs.set(field.name, input);
        return [h('label', { for: `corr-${field.name}` }, t(field.key)), input];
      }),
    );
  };

  const body = (): Record<string, unknown> | string => {
    if (!reason.value.trim()) return t('corr.reasonRequired');
    const payload: Record<string, unknown> = { reason: reason.value.trim() };
    if (command.value === 'correct-recorded-fact') {
      payload.eventId = event.value;
      if (correctedData.value.trim()) {
        try {
          payload.correctedData = JSON.parse(correctedData.value);
        } catch {
          return t('corr.badJson');
        }
      }
    }
    for (const [name, input] of inputs) payload[name] = input.value.trim();
    return payload;
  };

  const showPreview = () => {
    const payload = body();
    send.disabled = typeof payload === 'string';
    if (typeof payload === 'string') {
      replace(preview, h('p', { class: 'error', role: 'alert' }, payload));
      return;
    }
    const retracted = steps.find((step) => step.eventId === payload.eventId);
    const changes = (payload.correctedData ?? {}) as Record<string, unknown>;
    replace(
      preview,
      h('h3', {}, t('corr.previewTitle')),
      h('p', {}, h('strong', {}, command.value), ` → ${caseId}`),
      retracted &&
        h(
          'p',
          { 'data-testid': 'corr-retracts' },
          `${t('corr.retracts')} #${retracted.revision} ${label('event', retracted.type)} (${retracted.type}, ${formatDate(retracted.effectiveDate)}, ${retracted.eventId})`,
        ),
      retracted &&
        (Object.keys(changes).length === 0
          ? h('p', {}, t('corr.noChanges'))
          : h(
              'ul',
              { 'data-testid': 'corr-changes' },
              Object.entries(changes).map(([field, value]) =>
                h('li', {}, `${field}: ${JSON.stringify(retracted.data[field] ?? null)} → ${JSON.stringify(value)}`),
              ),
            )),
      !retracted &&
        h(
          'ul',
          {},
          Object.entries(payload).map(([field, value]) => h('li', {}, `${field}: ${String(value)}`)),
        ),
    );
  };

  send.addEventListener('click', () => {
    const payload = body();
    if (typeof payload === 'string') return;
    send.disabled = true;
    api.correct(caseId, command.value, payload).then(
      (answer) =>
        replace(
          preview,
          h('p', { class: 'ok', role: 'status' }, `${t('corr.sent')} ${answer.position}. `),
          h('button', { type: 'button', class: 'link', onClick: onSent }, t('corr.reload')),
        ),
      (error: unknown) =>
        replace(
          preview,
          h(
            'p',
            { class: 'error', role: 'alert', 'data-testid': 'corr-refused' },
            `${t('corr.refused')}: ${problemText(error)}`,
          ),
        ),
    );
  });
  command.addEventListener('change', showFields);
  showFields();
  return h(
    'form',
    { class: 'correction', onSubmit: (e: Event) => (e.preventDefault(), showPreview()) },
    h('h2', {}, t('corr.title')),
    h('label', { for: 'corr-command' }, t('corr.command')),
    command,
    fields,
    h('label', { for: 'corr-reason' }, t('corr.reason')),
    reason,
    h('p', {}, h('button', { type: 'submit' }, t('corr.preview')), ' ', send),
    preview,
  );
}
