/** The cases of one office (drill-down from the dashboard): case_summary rows, 50 at a time. */
import { api, type CaseItem } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDate, formatMoney } from '../format.js';
import { currentLang, label, t } from '../i18n.js';
import { href, navigate } from '../router.js';
import { can, ownOffices } from '../session.js';
import { errorBox, loading } from './messages.js';

export async function renderCases(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const office = params.get('office') ?? '';
  const period = params.get('period') ?? undefined;
  if (!office) {
    replace(main, h('h1', {}, t('nav.cases')), officePicker());
    return;
  }
  if (!can('list', office)) {
    replace(main, h('p', {}, t('common.notAllowed')));
    return;
  }
  const rows = h('tbody', {});
  const more = h('p', {});
  replace(
    main,
    h('p', {}, h('a', { href: href('dashboard', [], { office, period }) }, `← ${t('nav.dashboard')}`)),
    h('h1', {}, `${t('cases.title')} ${office}`),
    h(
      'table',
      { class: 'cases' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            'cases.case',
            'common.status',
            'cases.officer',
            'cases.owed',
            'cases.collected',
            'cases.received',
            'cases.nextDue',
          ].map((key) => h('th', { scope: 'col' }, t(key))),
        ),
      ),
      rows,
    ),
    more,
  );
  const page = async (cursor?: string) => {
    replace(more, loading());
    try {
      const answer = await api.cases(office, cursor);
      rows.append(...answer.items.map(caseRow));
      replace(
        more,
        answer.nextCursor &&
          h('button', { type: 'button', onClick: () => void page(answer.nextCursor ?? undefined) }, t('common.more')),
      );
    } catch (error) {
      replace(more, errorBox(error));
    }
  };
  await page();
}

/** Cross-office roles name the office whose cases they want; officers and heads pick one of theirs. */
function officePicker(): HTMLElement {
  const input = h('input', { id: 'cases-office', required: true, list: 'cases-offices', size: 18 });
  return h(
    'form',
    {
      class: 'filters',
      onSubmit: (event: Event) => (event.preventDefault(), navigate('cases', [], { office: input.value.trim() })),
    },
    h('label', { for: 'cases-office' }, t('common.office')),
    input,
    h(
      'datalist',
      { id: 'cases-offices' },
      ownOffices().map((id) => h('option', { value: id })),
    ),
    h('button', { type: 'submit' }, t('common.show')),
  );
}

function caseRow(item: CaseItem): HTMLElement {
  const lang = currentLang();
  const linked = can('history', item.officeId);
  return h(
    'tr',
    {},
    h(
      'th',
      { scope: 'row' },
      linked ? h('a', { href: href('case', [item.caseId]), 'data-operation': 'history' }, item.caseId) : item.caseId,
    ),
    h('td', {}, label('status', item.status)),
    h('td', {}, item.officerId ?? '—'),
    h('td', { class: 'num' }, formatMoney(item.owed, lang)),
    h('td', { class: 'num' }, formatMoney(item.collected, lang)),
    h('td', {}, formatDate(item.receivedOn)),
    h('td', {}, formatDate(item.nextDueOn)),
  );
}
