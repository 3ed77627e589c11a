import { h } from '../dom.js';
import { t } from '../i18n.js';
import { storeToken } from '../token.js';
import { errorBox } from './messages.js';

/** Sign-in by pasting a bearer token (development tokens or the identity provider's). */
export function renderSignIn(onSignedIn: () => Promise<void>): HTMLElement {
  const input = h('textarea', {
    id: 'token',
    name: 'token',
    rows: 4,
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'sign-in',
      onSubmit: (event: Event) => {
        event.preventDefault();
        storeToken(input.value);
        onSignedIn().catch((error: unknown) => status.replaceChildren(errorBox(error)));
      },
    },
    h('h1', {}, t('signIn.title')),
    h('p', {}, t('signIn.explain')),
    h('label', { for: 'token' }, t('signIn.token')),
    input,
    h('button', { type: 'submit' }, t('signIn.submit')),
    status,
  );
  return h('main', { id: 'main' }, form);
}
