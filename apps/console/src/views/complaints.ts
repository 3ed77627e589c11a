/**
 * Complaint queue: open complaints with level, deciding authority, acceptance and resolution due
 * dates (computed on the working-day calendar by the complaint_queue read model), overdue ones highlighted; filters
 * by office, status and overdue, judged as of a date.
 */
import { api, type ComplaintItem } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDate } from '../format.js';
import { label, t } from '../i18n.js';
import { href, navigate } from '../router.js';
import { can, ownOffices } from '../session.js';
import { loading } from './messages.js';

const STATUSES = ['filed', 'escalated', 'accepted', 'decided', 'not_accepted', 'withdrawn'];

export async function renderComplaints(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const office = params.get('office') ?? ownOffices()[0] ?? '';
  if (!can('queue', office || undefined)) {
    replace(main, h('p', {}, t('common.notAllowed')));
    return;
  }
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === 'true';
  const asOf = params.get('asOf') ?? '';
  const body = h('div', {}, loading());
  replace(main, h('h1', {}, t('compl.title')), filters(office, status, overdue, asOf), body);
  const page = await api.complaints({
    office: office || undefined,
    status: status || undefined,
    overdue: overdue ? 'true' : undefined,
    asOf: asOf || undefined,
    limit: '200',
  });
  replace(
    body,
    page.items.length === 0
      ? h('p', {}, t('common.none'))
      : h(
          'table',
          { class: 'complaints' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [
                'compl.complaint',
                'compl.case',
                'common.office',
                'compl.level',
                'common.status',
                'compl.authority',
                'compl.acceptanceDue',
                'compl.resolutionDue',
                'compl.overdue',
              ].map((key) => h('th', { scope: 'col' }, t(key))),
            ),
          ),
          h('tbody', {}, page.items.map(complaintRow)),
        ),
  );
}

function complaintRow(item: ComplaintItem): HTMLElement {
  const late = (step: string) => (item.overdue && item.overdueStep === step ? 'late' : undefined);
  return h(
    'tr',
    { class: item.overdue ? 'overdue' : undefined },
    h('th', { scope: 'row' }, item.complaintId),
    h(
      'td',
      {},
      can('history', item.officeId)
        ? h('a', { href: href('case', [item.caseId]), 'data-operation': 'history' }, item.caseId)
        : item.caseId,
    ),
    h('td', {}, item.officeId),
    h('td', { class: 'num' }, String(item.level)),
    h('td', {}, label('complaint', item.status)),
    h('td', { title: item.decidingAuthority }, label('authority', item.decidingAuthority)),
    h('td', { class: late('ACCEPTANCE') }, formatDate(item.acceptanceDueOn)),
    h('td', { class: late('RESOLUTION') }, formatDate(item.resolutionDueOn)),
    h('td', {}, item.overdue ? h('strong', { class: 'badge late' }, t('compl.overdue')) : '—'),
  );
}

function filters(office: string, status: string, overdue: boolean, asOf: string): HTMLElement {
  const officeInput = h('input', { id: 'c-office', value: office, list: 'c-offices', size: 18 });
  const statusSelect = h(
    'select',
    { id: 'c-status' },
    h('option', { value: '' }, t('compl.allStatuses')),
    STATUSES.map((code) => h('option', { value: code, selected: code === status }, label('complaint', code))),
  );
  const overdueBox = h('input', { id: 'c-overdue', type: 'checkbox', checked: overdue });
  const asOfInput = h('input', { id: 'c-asof', type: 'date', value: asOf });
  return h(
    'form',
    {
      class: 'filters',
      onSubmit: (event: Event) => {
        event.preventDefault();
        navigate('complaints', [], {
          office: officeInput.value.trim(),
          status: statusSelect.value,
          overdue: overdueBox.checked ? 'true' : undefined,
          asOf: asOfInput.value,
        });
      },
    },
    h('label', { for: 'c-office' }, t('common.office')),
    officeInput,
    h(
      'datalist',
      { id: 'c-offices' },
      ownOffices().map((id) => h('option', { value: id })),
    ),
    h('label', { for: 'c-status' }, t('common.status')),
    statusSelect,
    h('label', { for: 'c-overdue' }, overdueBox, ` ${t('compl.overdueOnly')}`),
    h('label', { for: 'c-asof' }, t('compl.asOf')),
    asOfInput,
    h('button', { type: 'submit' }, t('common.show')),
  );
}
