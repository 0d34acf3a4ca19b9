import { h, uid } from '../dom.mjs';
import { t } from '../i18n.mjs';
import { isAvailable, windowsFromSlots } from '../slots.mjs';
import { clearErrors, showErrors, statusLine } from '../ui.mjs';

/**
 * Availability as one check box per slot (clearer than typing windows): runs of ticked slots become
 * windows, every slot ticked means "available all day" (null). Used by organisers and managers.
 */
export function availabilityEditor({ slots, availability, readOnly = false, onSave, legend }) {
  const boxes = slots.map((slot) =>
    h('input', {
      type: 'checkbox',
      id: uid('slot'),
      value: String(slot.index),
      checked: isAvailable(availability, slot),
      disabled: readOnly,
    }),
  );
  const status = statusLine();
  const summary = h('p', { class: 'hint', 'aria-live': 'polite' });
  const drawSummary = () => {
    const chosen = boxes.filter((box) => box.checked).length;
    summary.textContent =
      chosen === slots.length
        ? t('availability.all')
        : t('availability.some', { n: chosen, total: slots.length });
  };
  for (const box of boxes) box.addEventListener('change', drawSummary);
  drawSummary();
  const setAll = (checked) => {
    for (const box of boxes) box.checked = checked;
    drawSummary();
  };
  const form = h(
    'form',
    { class: 'availability', novalidate: true },
    h(
      'fieldset',
      { class: 'field', dataset: { path: 'availability' } },
      h('legend', {}, legend ?? t('availability.legend')),
      summary,
      h(
        'ul',
        { class: 'slot-checks' },
        slots.map((slot, i) =>
          h('li', {}, boxes[i], h('label', { for: boxes[i].id }, `${slot.start}–${slot.end}`)),
        ),
      ),
      h('p', { class: 'field-error', hidden: true }),
      readOnly
        ? null
        : h(
            'div',
            { class: 'actions' },
            h(
              'button',
              { type: 'button', class: 'small', onclick: () => setAll(true) },
              t('availability.selectAll'),
            ),
            h(
              'button',
              { type: 'button', class: 'small', onclick: () => setAll(false) },
              t('availability.selectNone'),
            ),
          ),
    ),
    readOnly
      ? null
      : h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, t('availability.save')),
        ),
    status.element,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.clear();
    const chosen = new Set(boxes.filter((box) => box.checked).map((box) => Number(box.value)));
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      await onSave(windowsFromSlots(slots, chosen));
      status.ok(t('availability.saved'));
    } catch (error) {
      showErrors(form, error);
      if (error.code === 'VERSION_MISMATCH') status.fail(t('error.versionMismatch'));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
