/* global window, location, URLSearchParams */
import { api, session } from '../api.mjs';
import { h } from '../dom.mjs';
import { t } from '../i18n.mjs';
import { clearErrors, field, showErrors } from '../ui.mjs';

/** Organiser login: email and password → token kept in sessionStorage. */
export function loginPage({ navigate }) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const expired = new URLSearchParams(location.search).has('expired');
  const form = h(
    'form',
    { class: 'card narrow', novalidate: true },
    expired ? h('p', { class: 'status status--error', role: 'status' }, t('login.expired')) : null,
    field(t('login.email'), email, { path: 'email' }),
    field(t('login.password'), password, { path: 'password' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('login.submit'))),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const answer = await api('auth/login', {
        method: 'POST',
        body: { email: email.value.trim(), password: password.value },
      });
      session.setOrganiserToken(answer.accessToken);
      const returnTo = window.sessionStorage.getItem('ic.returnTo');
      window.sessionStorage.removeItem('ic.returnTo');
      navigate(returnTo && returnTo.startsWith('/events') ? returnTo : '/events', { replace: true });
    } catch (error) {
      if (error.status === 401) error.message = t('login.wrong');
      if (error.status === 429) error.message = t('login.tooMany');
      showErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return h(
    'section',
    { class: 'page' },
    h('h1', {}, t('login.title')),
    h('p', { class: 'lead' }, t('login.lead')),
    form,
    h('p', { class: 'hint' }, t('login.managerHint')),
  );
}
