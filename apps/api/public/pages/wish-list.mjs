/* global document */
import { h, replace } from '../dom.mjs';
import { t } from '../i18n.mjs';
import { announce } from '../ui.mjs';

/**
 * The ranked wish list: reorder with the "move up/down" buttons, Alt+↑/↓ on a focused item, drag and
 * drop with a mouse (HTML5), or by dragging the handle with a finger or pen (pointer events).
 * `state.ids` is the order; `onChange()` is called after each change.
 */
export function rankedList({ state, clusters, readOnly, onChange }) {
  const list = h('ol', { class: 'wish-list', 'aria-describedby': 'wish-list-help' });
  let dragged = null;

  const move = (from, to, { focus = true } = {}) => {
    if (to < 0 || to >= state.ids.length || from === to) return;
    const [id] = state.ids.splice(from, 1);
    state.ids.splice(to, 0, id);
    draw();
    onChange();
    if (focus) list.children[to]?.focus();
    announce(
      t('wishlist.moved', { name: clusters.get(id)?.name ?? id, rank: to + 1, total: state.ids.length }),
    );
  };

  const draw = () => {
    replace(
      list,
      state.ids.map((id, i) => {
        const cluster = clusters.get(id);
        const name = cluster?.name ?? id;
        const item = h(
          'li',
          {
            class: 'wish-item',
            tabindex: readOnly ? undefined : '0',
            draggable: readOnly ? undefined : 'true',
            dataset: { id, path: `wishes[${i}]` },
            'aria-label': t('wishlist.itemLabel', { rank: i + 1, name }),
          },
          readOnly
            ? null
            : h('span', { class: 'handle', 'aria-hidden': 'true', title: t('wishlist.drag') }, '⠿'),
          h('span', { class: 'rank', 'aria-hidden': 'true' }, String(i + 1)),
          h(
            'span',
            { class: 'wish-name' },
            h('strong', {}, name),
            cluster
              ? h(
                  'span',
                  { class: 'muted small-text' },
                  [cluster.region, cluster.kind].filter(Boolean).join(' · '),
                )
              : null,
          ),
          readOnly
            ? null
            : h(
                'span',
                { class: 'wish-buttons' },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'icon',
                    disabled: i === 0,
                    'aria-label': t('wishlist.up', { name }),
                    onclick: () => move(i, i - 1),
                  },
                  '↑',
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'icon',
                    disabled: i === state.ids.length - 1,
                    'aria-label': t('wishlist.down', { name }),
                    onclick: () => move(i, i + 1),
                  },
                  '↓',
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'icon danger',
                    'aria-label': t('wishlist.remove', { name }),
                    onclick: () => {
                      state.ids.splice(i, 1);
                      draw();
                      onChange();
                      (list.children[i] ?? list.children[i - 1])?.focus();
                      announce(t('wishlist.removed', { name }));
                    },
                  },
                  '✕',
                ),
              ),
          h('p', { class: 'field-error', hidden: true }),
        );
        if (!readOnly) wireDrag(item, i);
        return item;
      }),
    );
  };

  function wireDrag(item, index) {
    item.addEventListener('keydown', (event) => {
      if (event.target !== item || !event.altKey) return;
      if (event.key === 'ArrowUp') {
        event.preventDefault();
        move(index, index - 1);
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        move(index, index + 1);
      }
    });
    // Mouse: HTML5 drag and drop.
    item.addEventListener('dragstart', (event) => {
      dragged = index;
      item.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', state.ids[index]);
    });
    item.addEventListener('dragend', () => {
      dragged = null;
      item.classList.remove('dragging');
    });
    item.addEventListener('dragover', (event) => {
      if (dragged === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    });
    item.addEventListener('drop', (event) => {
      if (dragged === null) return;
      event.preventDefault();
      const from = dragged;
      dragged = null;
      move(from, index);
    });
    // Touch and pen: drag the handle; the item follows the finger over the others.
    const handle = item.querySelector('.handle');
    handle.addEventListener('pointerdown', (event) => {
      if (event.pointerType === 'mouse') return;
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      item.classList.add('dragging');
      let target = index;
      const onMove = (moveEvent) => {
        const over = document.elementFromPoint(moveEvent.clientX, moveEvent.clientY)?.closest('.wish-item');
        if (!over || over.parentElement !== list) return;
        target = [...list.children].indexOf(over);
        for (const other of list.children)
          other.classList.toggle('drop-target', other === over && over !== item);
      };
      const onUp = () => {
        handle.removeEventListener('pointermove', onMove);
        handle.removeEventListener('pointerup', onUp);
        handle.removeEventListener('pointercancel', onUp);
        item.classList.remove('dragging');
        move(index, target);
      };
      handle.addEventListener('pointermove', onMove);
      handle.addEventListener('pointerup', onUp);
      handle.addEventListener('pointercancel', onUp);
    });
  }

  draw();
  return { element: list, draw };
}
