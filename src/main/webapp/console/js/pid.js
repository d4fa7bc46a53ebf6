// The personidentifikator's two mod-11 check digits (docs/register.md §7). The date is not checked:
// synthetic test ids (day + 40, month + 40 or + 80) are valid when their digits check.

const FIRST = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const SECOND = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits, weights) {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += digits[i] * weights[i];
  }
  const remainder = sum % 11;
  if (remainder === 0) {
    return 0;
  }
  return remainder === 1 ? -1 : 11 - remainder;
}

/** The id without the spaces people paste with it. */
export function normalize(text) {
  return String(text || '').replace(/[\s.]/g, '');
}

/** null when valid, else the sentence to show under the field. */
export function pidProblem(pid) {
  if (pid === '') {
    return 'Skriv inn en personidentifikator.';
  }
  if (!/^[0-9]+$/.test(pid)) {
    return 'Personidentifikatoren kan bare ha siffer.';
  }
  if (pid.length !== 11) {
    return `Personidentifikatoren må ha 11 siffer (du har skrevet ${pid.length}).`;
  }
  const digits = [...pid].map(Number);
  const k1 = checkDigit(digits, FIRST);
  if (k1 < 0 || k1 !== digits[9]) {
    return 'Kontrollsifrene stemmer ikke. Sjekk at personidentifikatoren er skrevet riktig.';
  }
  const k2 = checkDigit(digits, SECOND);
  if (k2 < 0 || k2 !== digits[10]) {
    return 'Kontrollsifrene stemmer ikke. Sjekk at personidentifikatoren er skrevet riktig.';
  }
  return null;
}
