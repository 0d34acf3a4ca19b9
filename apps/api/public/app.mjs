/* global document, window, location, history, URL */
import { session, whenUnauthorized } from './api.mjs';
import { h, replace } from './dom.mjs';
import { errorText, getLang, onLangChange, setLang, t } from './i18n.mjs';
import { loginPage } from './pages/login.mjs';
import { eventsPage } from './pages/events.mjs';
import { eventPage } from './pages/event.mjs';
import { inviteEntry, managerPage } from './pages/manager.mjs';

/**
 * The single-page app: a path router over the History API. Every page is a function
 * `(context) => Promise<Node>`; `context.cleanup(fn)` registers what to stop when leaving the page
 * (progress polling).
 */
const routes = [
  { pattern: /^\/$/, page: home },
  { pattern: /^\/login$/, page: loginPage },
  { pattern: /^\/events$/, page: eventsPage, organiser: true },
  {
    pattern: /^\/events\/new$/,
    page: (context) => eventPage({ ...context, params: { id: null, tab: 'settings' } }),
    organiser: true,
  },
  {
    pattern: /^\/events\/([0-9a-f-]{36})(?:\/(participants|wishes|schedule|print))?$/,
    page: (context) =>
      eventPage({ ...context, params: { id: context.match[1], tab: context.match[2] ?? 'settings' } }),
    organiser: true,
  },
  { pattern: /^\/invite$/, page: inviteEntry },
  { pattern: /^\/m\/(inv_[A-Za-z0-9_-]+)$/, page: inviteEntry },
  {
    pattern: /^\/manager(?:\/(wishes|availability|agenda))?$/,
    page: (context) => managerPage({ ...context, params: { tab: context.match[1] ?? 'event' } }),
  },
];

const main = document.getElementById('main');
let cleanups = [];
let renderCount = 0;

export function navigate(path, { replace: replaceState = false } = {}) {
  if (replaceState) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

function home() {
  if (session.organiserToken()) return redirect('/events');
  if (session.inviteToken()) return redirect('/manager');
  return redirect('/login');
}

function redirect(path) {
  history.replaceState(null, '', path);
  return render();
}

async function render({ focus = true } = {}) {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const ticket = ++renderCount;
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const route = routes.find((candidate) => candidate.pattern.test(path));
  renderNav(path);
  if (!route) {
    show(
      h(
        'section',
        {},
        h('h1', {}, t('notFound.title')),
        h('p', {}, h('a', { href: '/' }, t('notFound.home'))),
      ),
    );
    return;
  }
  if (route.organiser && !session.organiserToken()) {
    sessionStorageReturn(path);
    return redirect('/login');
  }
  const context = {
    match: path.match(route.pattern),
    navigate,
    rerender: () => render({ focus: false }),
    cleanup: (fn) => cleanups.push(fn),
    isCurrent: () => ticket === renderCount,
  };
  try {
    const node = await route.page(context);
    if (ticket !== renderCount || node === undefined) return;
    show(node, focus);
  } catch (error) {
    if (ticket !== renderCount) return;
    show(h('section', {}, h('h1', {}, t('error.title')), h('p', { role: 'alert' }, errorText(error))), focus);
  }
}

function show(node, focus = true) {
  replace(main, node);
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} — Interclustering` : 'Interclustering';
  if (focus) {
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }
}

function sessionStorageReturn(path) {
  window.sessionStorage.setItem('ic.returnTo', path);
}

function renderNav(path) {
  const nav = document.getElementById('site-nav');
  const items = [];
  const isManagerPath = path.startsWith('/manager') || path.startsWith('/m/') || path === '/invite';
  if (session.organiserToken() && !isManagerPath) {
    items.push(navLink('/events', t('nav.events'), path === '/events'));
    items.push(
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          onclick: () => {
            session.clearOrganiser();
            navigate('/login');
          },
        },
        t('nav.logout'),
      ),
    );
  }
  replace(
    nav,
    items.length
      ? h(
          'ul',
          {},
          items.map((item) => h('li', {}, item)),
        )
      : null,
  );
  const brand = document.getElementById('brand');
  brand.setAttribute('href', isManagerPath && session.inviteToken() ? '/manager' : '/');
}

function navLink(href, label, current) {
  return h('a', { href, 'aria-current': current ? 'page' : undefined }, label);
}

function applyLanguage() {
  const lang = getLang();
  document.documentElement.lang = lang;
  const switcher = document.getElementById('lang-switch');
  const other = lang === 'fr' ? 'en' : 'fr';
  switcher.textContent = other === 'en' ? 'English' : 'Français';
  switcher.setAttribute('lang', other);
  switcher.setAttribute('aria-label', other === 'en' ? 'Switch to English' : 'Passer en français');
  document.getElementById('skip-link').textContent = t('skip');
  document.getElementById('site-nav').setAttribute('aria-label', t('nav.label'));
}

// Same-origin links are handled by the router (no page reload); others behave normally.
document.addEventListener('click', (event) => {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  const link = event.target.closest?.('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname === location.pathname && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => render());

document
  .getElementById('lang-switch')
  .addEventListener('click', () => setLang(getLang() === 'fr' ? 'en' : 'fr'));
onLangChange(() => {
  applyLanguage();
  render({ focus: false });
});

whenUnauthorized((as) => {
  if (as === 'manager') {
    session.clearInvite();
    navigate('/manager', { replace: true });
  } else {
    session.clearOrganiser();
    sessionStorageReturn(location.pathname);
    navigate('/login?expired=1', { replace: true });
  }
});

applyLanguage();
render();
