// #/import: upload an NDJSON file with a progress bar, then follow the import on its run page.

import { upload } from '../api.js';
import { openRun } from '../actions.js';
import { decimal } from '../format.js';
import { clearProblem, setText, showProblem } from '../ui.js';

export const TEMPLATE = 'import';

function size(bytes) {
  if (bytes < 1024) {
    return `${bytes} byte`;
  }
  if (bytes < 1024 * 1024) {
    return `${decimal(bytes / 1024)} kB`;
  }
  if (bytes < 1024 * 1024 * 1024) {
    return `${decimal(bytes / (1024 * 1024))} MB`;
  }
  return `${decimal(bytes / (1024 * 1024 * 1024))} GB`;
}

export function render(view) {
  const $ = (selector) => view.querySelector(selector);
  const input = $('#import-file');
  const error = $('#import-file-error');
  const button = $('#upload');
  const bar = $('#upload-progress');
  const block = $('[data-upload-block]');
  const text = $('[data-upload-text]');
  let alive = true;
  let uploading = false;

  function fieldError(message) {
    setText(error, message);
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'import-file-help import-file-error');
    } else {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', 'import-file-help');
    }
  }

  input.addEventListener('change', () => {
    fieldError(null);
    const file = input.files && input.files[0];
    $('[data-file-name]').textContent = file ? `${file.name} (${size(file.size)})` : 'Ingen fil valgt';
  });

  $('#import-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (uploading) {
      return;
    }
    clearProblem();
    const file = input.files && input.files[0];
    if (!file) {
      fieldError('Velg en fil å importere.');
      input.focus();
      return;
    }
    if (file.size === 0) {
      fieldError('Filen er tom. Velg en fil med minst én person.');
      input.focus();
      return;
    }
    fieldError(null);
    uploading = true;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Laster opp …';
    input.disabled = true;
    block.hidden = false;
    bar.max = file.size;
    bar.value = 0;
    text.textContent = `Laster opp ${file.name} …`;
    let lastStep = -1;
    try {
      const report = await upload('/admin/v1/imports', file, 'application/x-ndjson', (loaded, total) => {
        bar.max = total;
        bar.value = loaded;
        const percent = Math.floor((loaded / total) * 100);
        // the live text changes in steps of 10 %, so a screen reader is not flooded
        const step = Math.floor(percent / 10);
        if (step !== lastStep) {
          lastStep = step;
          text.textContent = loaded >= total
            ? 'Filen er lastet opp. Venter på at importen starter …'
            : `Laster opp: ${step * 10} % av ${size(total)}`;
        }
      });
      if (alive) {
        text.textContent = 'Importen er startet.';
        openRun(report.id);
      }
    } catch (e) {
      if (alive) {
        text.textContent = 'Opplastingen ble ikke fullført.';
        showProblem(e);
      }
    } finally {
      uploading = false;
      if (alive) {
        button.disabled = false;
        button.removeAttribute('aria-busy');
        button.textContent = 'Last opp og importer';
        input.disabled = false;
      }
    }
  });

  return () => {
    alive = false;
  };
}
