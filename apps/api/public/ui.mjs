/* global document, navigator, window */
import { h, uid } from './dom.mjs';
import { errorText, issueLine, issueText, t } from './i18n.mjs';

/**
 * Form helpers shared by the pages: a labelled field with a place for its error, error display by
 * API path, status messages read out by screen readers.
 */

/** A labelled control; `error` is the element where its messages go (`aria-describedby`). */
export function field(label, control, { hint, path } = {}) {
  const id = control.id || uid('field');
  control.id = id;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  // Once the person edits the field, its error has done its job.
  const forget = () => {
    if (error.hidden) return;
    error.hidden = true;
    error.textContent = '';
    control.removeAttribute('aria-invalid');
  };
  control.addEventListener('input', forget);
  control.addEventListener('change', forget);
  const wrapper = h(
    'div',
    { class: 'field', dataset: path ? { path } : {} },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control,
    error,
  );
  return wrapper;
}

/** Clears every field error inside `root`. */
export function clearErrors(root) {
  for (const element of root.querySelectorAll('.field-error')) {
    element.hidden = true;
    element.textContent = '';
  }
  for (const element of root.querySelectorAll('[aria-invalid]')) element.removeAttribute('aria-invalid');
  const summary = root.querySelector('.error-summary');
  if (summary) summary.remove();
}

/**
 * Shows an API error (the one place that shows field errors; each issue translated by `issueText`):
 * each issue next to the field whose `data-path` is its path (or the nearest
 * parent path), the others in a summary at the top of `root` (role=alert); focuses the first bad field.
 */
export function showErrors(root, error, { prefix = '' } = {}) {
  clearErrors(root);
  const fields = [...root.querySelectorAll('[data-path]')];
  const leftover = [];
  let first;
  const issues = error?.errors?.length ? error.errors : [];
  for (const issue of issues) {
    const path =
      prefix && issue.path.startsWith(prefix)
        ? issue.path.slice(prefix.length).replace(/^\./, '')
        : issue.path;
    const target = bestField(fields, path);
    if (!target) {
      leftover.push(issueLine(issue));
      continue;
    }
    const text = issueText(issue);
    const message = target.querySelector(':scope > .field-error, :scope .field-error');
    message.hidden = false;
    message.textContent = message.textContent ? `${message.textContent} ${text}` : text;
    const control = target.querySelector('input, select, textarea, button');
    control?.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const summary = h(
    'div',
    { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('p', {}, issues.length ? t('error.summary', { n: issues.length }) : errorText(error)),
    leftover.length
      ? h(
          'ul',
          {},
          leftover.map((line) => h('li', {}, line)),
        )
      : null,
  );
  root.prepend(summary);
  if (first) first.focus();
  else summary.focus();
}

function bestField(fields, path) {
  let best;
  for (const candidate of fields) {
    const own = candidate.dataset.path;
    if (path === own || path.startsWith(`${own}.`) || path.startsWith(`${own}[`)) {
      if (!best || own.length > best.dataset.path.length) best = candidate;
    }
  }
  return best;
}

/** A status line (role=status): confirmations read out politely. */
export function statusLine() {
  const element = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  return {
    element,
    ok(text) {
      element.className = 'status status--ok';
      element.textContent = text;
    },
    fail(text) {
      element.className = 'status status--error';
      element.textContent = text;
    },
    info(text) {
      element.className = 'status';
      element.textContent = text;
    },
    clear() {
      element.className = 'status';
      element.textContent = '';
    },
  };
}

/** Reads a message to screen readers without showing it. */
export function announce(text) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  window.setTimeout(() => {
    announcer.textContent = text;
  }, 50);
}

/** Copies text to the clipboard; falls back to selecting it in `input` (older or non-secure contexts). */
export async function copyText(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** A button that runs an async action, disabled (aria-busy) meanwhile. */
export function actionButton(label, action, attributes = {}) {
  const button = h('button', { type: 'button', ...attributes }, label);
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await action(button);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  return button;
}

/** Reads a chosen file as text. */
export function readFile(file) {
  return file.text();
}

let flashMessage = null;
/** A confirmation to show on the next drawn page (after a reload of the page). */
export function setFlash(text) {
  flashMessage = text;
  announce(text);
}
export function takeFlash() {
  const text = flashMessage;
  flashMessage = null;
  return text;
}
