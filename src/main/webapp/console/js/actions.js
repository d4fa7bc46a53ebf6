// Starting runs: shared by the overview and a run's page.

import { post } from './api.js';
import { busy, confirmDialog } from './ui.js';

/** Goes to a run's page. */
export function openRun(id) {
  location.hash = `#/kjoring/${id}`;
}

/** POSTs a reconciliation and opens the new run (a 409 and the like land in #problem). */
export function startReconciliation(button, body) {
  return busy(button, async () => {
    const report = await post('/admin/v1/reconciliations', body);
    openRun(report.id);
  });
}

/** Starts a VERIFY at once. */
export const startVerify = (button) => startReconciliation(button, { mode: 'VERIFY' });

/** Asks in #confirm-reconcile, then starts a RECONCILE. */
export async function startReconcile(button) {
  if (await confirmDialog('confirm-reconcile')) {
    await startReconciliation(button, { mode: 'RECONCILE' });
  }
}

/** Asks in #confirm-deletions (stating the number), then starts a RECONCILE that allows them. */
export async function allowDeletions(button, held) {
  const yes = await confirmDialog('confirm-deletions', (dialog) => {
    dialog.querySelector('[data-deletions]').textContent = String(held);
  });
  if (yes) {
    await startReconciliation(button, { mode: 'RECONCILE', allowDeletions: held });
  }
}
