// What every page shares: the problem alert, confirmation dialogs, busy buttons, table bodies.

import { Problem } from './api.js';

/** Shows a refusal in the alert #problem (the problem's detail), or hides it (null). */
export function showProblem(error) {
  const box = document.getElementById('problem');
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  if (error.name === 'AbortError') {
    return;
  }
  let message = error instanceof Problem ? error.message : 'Noe gikk galt i siden. Last siden på nytt og prøv igjen.';
  if (!(error instanceof Problem)) {
    console.error(error);
  }
  box.textContent = '';
  const p = document.createElement('p');
  p.className = 'ds-paragraph';
  p.textContent = message;
  box.append(p);
  box.hidden = false;
  if (box.getBoundingClientRect().top < 0) {
    box.scrollIntoView({ block: 'nearest' });
  }
}

export const clearProblem = () => showProblem(null);

/**
 * Opens a modal <dialog> and resolves true when its confirming button (#{id}-yes) is used, false on
 * Avbryt or Escape. setup(dialog) may fill in the text first.
 */
export function confirmDialog(id, setup) {
  const dialog = document.getElementById(id);
  if (setup) {
    setup(dialog);
  }
  return new Promise((resolve) => {
    const yes = dialog.querySelector(`#${id}-yes`);
    const onYes = () => dialog.close('yes');
    const onNo = () => dialog.close('no');
    const closers = [...dialog.querySelectorAll('[data-close]')];
    const onClose = () => {
      yes.removeEventListener('click', onYes);
      closers.forEach((b) => b.removeEventListener('click', onNo));
      dialog.removeEventListener('close', onClose);
      resolve(dialog.returnValue === 'yes');
    };
    yes.addEventListener('click', onYes);
    closers.forEach((b) => b.addEventListener('click', onNo));
    dialog.addEventListener('close', onClose);
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/** Runs action with the button disabled and marked busy; the problem, if any, goes to #problem. */
export async function busy(button, action) {
  if (button.disabled) {
    return undefined;
  }
  clearProblem();
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } catch (error) {
    showProblem(error);
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Replaces a table's body rows; its <tfoot> (the "nothing here" line) shows when there are none. */
export function fillTable(table, rows) {
  const body = table.tBodies[0];
  // each cell carries its column's name, for the stacked layout of a narrow window
  const headers = table.tHead ? [...table.tHead.rows[0].cells].map((c) => c.textContent.trim()) : [];
  const stack = table.hasAttribute('data-stack');
  for (const row of rows) {
    [...row.cells].forEach((cell, i) => {
      if (headers[i] && !cell.hasAttribute('data-label')) {
        cell.setAttribute('data-label', headers[i]);
      }
      if (stack) {
        const inner = document.createElement('div');
        inner.className = 'cell';
        inner.append(...cell.childNodes);
        cell.append(inner);
      }
    });
  }
  body.replaceChildren(...rows);
  if (table.tFoot) {
    table.tFoot.hidden = rows.length > 0;
  }
}

/** Sets an element's text and its hidden state in one go (empty text hides). */
export function setText(node, text) {
  node.textContent = text || '';
  node.hidden = !text;
}
