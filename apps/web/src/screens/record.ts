import { gql } from '../api.js';
import { Child, h, replace } from '../dom.js';
import { formatDateTime } from '../format.js';
import { verifyLedger, VerificationReport } from '../ledger/verify.js';
import { t } from '../strings.js';

/** "Check the record": the whole ledger verified here, in this browser, against the published key. */
export function recordScreen(): Child[] {
  const progress = h('p', { role: 'status', 'aria-live': 'polite' });
  const result = h('div', { 'aria-live': 'polite', 'data-testid': 'verification' });
  const button = h('button', { type: 'button' }, t('record.run'));
  const run = async () => {
    button.disabled = true;
    replace(result);
    progress.textContent = t('record.running');
    try {
      const report = await verifyLedger(gql, (checked) => (progress.textContent = t('record.progress', { count: checked })));
      progress.textContent = '';
      replace(result, ...describe(report));
    } catch (error) {
      progress.textContent = '';
      replace(result, h('p', { class: 'result-bad', role: 'alert' }, t('record.couldNotRun', { message: (error as Error).message })));
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', () => void run());
  void run();
  return [h('h1', {}, t('record.title')), h('p', {}, t('record.about')), h('div', { class: 'actions' }, button), progress, result];
}

function describe(report: VerificationReport): Child[] {
  const verdict = report.problems.length
    ? h(
        'div',
        { class: 'result-bad', role: 'alert' },
        h('p', {}, '✗ ', t('record.broken')),
        h(
          'ul',
          {},
          ...report.problems.map((p) =>
            h('li', {}, p.seq ? t('record.problemAt', { seq: p.seq, reason: t(`problem.${p.reason}`) }) : t(`problem.${p.reason}`)),
          ),
        ),
      )
    : h(
        'p',
        { class: 'result-ok' },
        '✓ ',
        report.checkpoint ? t('record.intact', { count: report.entryCount }) : t('record.intactUnsigned', { count: report.entryCount }),
      );
  const checkpoint = report.checkpoint;
  return [
    verdict,
    h('h2', {}, t('record.checkpoint')),
    checkpoint
      ? h(
          'dl',
          { class: 'card' },
          h('dt', {}, t('record.treeSize')),
          h('dd', {}, String(checkpoint.treeSize)),
          h('dt', {}, t('record.signedAt')),
          h('dd', {}, formatDateTime(checkpoint.createdAt)),
          h('dt', {}, t('record.root')),
          h('dd', { class: 'mono' }, checkpoint.rootHash),
          h('dt', {}, t('record.keyId')),
          h('dd', { class: 'mono' }, report.keyId),
          h('dt', {}, t('record.note')),
          h('dd', {}, h('pre', { class: 'mono' }, checkpoint.note)),
        )
      : h('p', {}, t('record.noCheckpoint')),
    h(
      'p',
      { class: 'muted' },
      report.entryCount > (checkpoint?.treeSize ?? 0)
        ? t('record.unsignedTail', { count: report.entryCount - (checkpoint?.treeSize ?? 0) })
        : '',
    ),
    h('p', { class: 'muted' }, t('record.pin')),
  ];
}
