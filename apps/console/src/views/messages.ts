import { ApiError } from '../api.js';
import { h, replace } from '../dom.js';
import { label, t } from '../i18n.js';

/** An API refusal in plain words, with its code for whoever reads the logs. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    const words = label('error', error.code);
    return words === error.code ? `${error.code}: ${error.detail}` : `${words} (${error.code}: ${error.detail})`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function errorBox(error: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, `${t('common.error')}: ${problemText(error)}`);
}

export function showError(container: HTMLElement, error: unknown): void {
  replace(container, errorBox(error));
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}
