/**
 * The console's shell: sign-in, the header with the navigation the signed-in role may use, the language switch, and
 * the view of the current hash route. Every view reads the API with the person's own token.
 */
import { ApiError } from './api.js';
import { h, replace } from './dom.js';
import { currentLang, label, setLang, t } from './i18n.js';
import { currentRoute, href } from './router.js';
import { can, clearSession, currentSession, loadSession, ownOffices } from './session.js';
import { adoptTokenFromFragment, currentToken, forgetToken } from './token.js';
import { renderCase } from './views/case.js';
import { renderCases } from './views/cases.js';
import { renderComplaints } from './views/complaints.js';
import { renderDashboard } from './views/dashboard.js';
import { renderSignIn } from './views/sign-in.js';
import { showError } from './views/messages.js';

const root = document.getElementById('app') as HTMLElement;

async function start(): Promise<void> {
  setLang(currentLang());
  adoptTokenFromFragment();
  if (currentToken() && !currentSession()) {
    try {
      await loadSession();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetToken();
      else throw error;
    }
  }
  render();
}

function render(): void {
  document.title = `${t('app.title')} · thads-engine`;
  if (!currentSession()) {
    replace(root, renderSignIn(start));
    return;
  }
  // aria-busy until the view has its controls (its late parts, the chart or the chain check, fill in after): assistive
  // technology and the browser suite wait on it, the suite on the route it was drawn for.
  const main = h('main', { id: 'main', tabindex: '-1', 'aria-busy': 'true', 'data-route': location.hash });
  replace(root, header(), main);
  void route(main)
    .catch((error: unknown) => showError(main, error))
    .finally(() => main.setAttribute('aria-busy', 'false'));
}

async function route(main: HTMLElement): Promise<void> {
  const { name, args, params } = currentRoute();
  if (name === 'case' && args[0]) return renderCase(main, args[0], params);
  if (name === 'cases') return renderCases(main, params);
  if (name === 'complaints') return renderComplaints(main, params);
  return renderDashboard(main, params);
}

function header(): HTMLElement {
  const session = currentSession();
  const { name } = currentRoute();
  // Each control names the operation that permits it: the browser suite compares them with the route policies.
  const link = (route: string, key: string, operation: string, params?: Record<string, string | undefined>) =>
    h(
      'a',
      {
        href: href(route, [], params),
        'aria-current': name === route ? 'page' : undefined,
        'data-operation': operation,
      },
      t(key),
    );
  return h(
    'header',
    { class: 'shell' },
    h('div', { class: 'brand' }, h('strong', {}, t('app.title')), h('span', {}, t('app.subtitle'))),
    h(
      'nav',
      { 'aria-label': t('app.subtitle') },
      can('completion') && link('dashboard', 'nav.dashboard', 'completion'),
      can('list') && link('cases', 'nav.cases', 'list', { office: ownOffices()[0] }),
      can('queue') && link('complaints', 'nav.complaints', 'queue'),
    ),
    h(
      'div',
      { class: 'who' },
      h(
        'span',
        { 'data-testid': 'who' },
        `${t('session.as')} ${session?.subject} (${session?.roles.map((role) => label('role', role)).join(', ')})`,
        session?.offices.length ? ` · ${t('session.offices')} ${session.offices.join(', ')}` : '',
      ),
      h(
        'button',
        { type: 'button', class: 'link', onClick: () => (setLang(currentLang() === 'vi' ? 'en' : 'vi'), render()) },
        t('nav.language'),
      ),
      h(
        'button',
        { type: 'button', class: 'link', onClick: () => (forgetToken(), clearSession(), render()) },
        t('nav.signOut'),
      ),
    ),
  );
}

// A sign-in link opened in a tab already on the console changes only the fragment: sign in again with its token.
window.addEventListener('hashchange', () => {
  if (!location.hash.startsWith('#token=')) return render();
  clearSession();
  void start().catch((error: unknown) => showError(root, error));
});
void start().catch((error: unknown) => showError(root, error));
