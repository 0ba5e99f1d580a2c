import { gql } from '../api.js';
import { Child, announce, badge, h, replace } from '../dom.js';
import { apiForm } from '../forms.js';
import { sha256Hex } from '../ledger/verify.js';
import { ScreenContext } from '../router.js';
import { t } from '../strings.js';

const CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;

interface VoteView {
  id: string;
  status: string;
  secrecy: string;
  rule: string;
  acceptingBallots: boolean;
  amendmentId: string | null;
  resolution: { title: string; text: string };
}

/**
 * The ballot: choose, confirm, then the receipt, shown once. The receipt is never stored by this page: leaving
 * it forgets the receipt, which is the point (a seized phone shows no ballot).
 */
export async function ballotScreen({ params }: ScreenContext): Promise<Child[]> {
  const { vote, myBallot } = await gql<{ vote: VoteView; myBallot: { onRoll: boolean; voted: boolean; weight: number | null } }>(
    `query($id: ID!) { vote(id: $id) { id status secrecy rule acceptingBallots amendmentId resolution { title text } }
      myBallot(voteId: $id) { onRoll voted weight } }`,
    { id: params.id },
  );
  const place = h('div');
  const heading = h('h1', {}, t('ballot.title', { title: vote.resolution.title }));
  const about = [
    h(
      'p',
      {},
      vote.amendmentId ? t('vote.onAmendment') : t('vote.onResolution'),
      ' · ',
      t(`secrecy.${vote.secrecy}` as 'secrecy.SECRET'),
      ' · ',
      t(`rule.${vote.rule}` as 'rule.SIMPLE'),
    ),
    h('blockquote', { class: 'card' }, vote.resolution.text),
    h('p', {}, vote.secrecy === 'SECRET' ? t('ballot.secretFinal') : t('ballot.rollCallChange')),
  ];
  if (!myBallot.onRoll) replace(place, h('p', { role: 'alert' }, badge(t('ballot.notOnRoll'), 'warn')));
  else if (!vote.acceptingBallots) replace(place, h('p', { role: 'alert' }, badge(t('vote.notAccepting'), 'warn')));
  else if (myBallot.voted && vote.secrecy === 'SECRET') replace(place, h('p', { role: 'status' }, badge(t('ballot.alreadyVoted'), 'ok')));
  else choose(place, vote);
  return [heading, ...about, place];
}

function choose(place: HTMLElement, vote: VoteView): void {
  const fieldset = h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, t('ballot.choose')),
    ...CHOICES.map((choice) =>
      h('label', {}, h('input', { type: 'radio', name: 'choice', value: choice, required: true }), ' ', t(`choice.${choice}`)),
    ),
  );
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', {}, fieldset, error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('ballot.continue'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input[name=choice]:checked');
    if (!picked) {
      error.textContent = t('ballot.pickOne');
      return;
    }
    confirm(place, vote, picked.value as (typeof CHOICES)[number]);
  });
  replace(place, form);
}

function confirm(place: HTMLElement, vote: VoteView, choice: (typeof CHOICES)[number]): void {
  const form = apiForm({
    fields: [],
    submit: t('ballot.cast', { choice: t(`choice.${choice}`) }),
    onSubmit: async () => {
      const { castBallot } = await gql<{ castBallot: { receipt: string; receiptHash: string; replacedEarlierBallot: boolean } }>(
        'mutation($input: CastBallotInput!) { castBallot(input: $input) { receipt receiptHash replacedEarlierBallot } }',
        { input: { voteId: vote.id, choice } },
      );
      showReceipt(place, vote, castBallot);
    },
    extra: h('button', { type: 'button', class: 'secondary', onClick: () => choose(place, vote) }, t('ballot.back')),
  });
  replace(
    place,
    h('h2', {}, t('ballot.confirmTitle')),
    h(
      'p',
      { class: 'card', 'data-testid': 'confirm-choice' },
      t('ballot.confirmText', { choice: t(`choice.${choice}`), title: vote.resolution.title }),
    ),
    vote.secrecy === 'SECRET' ? h('p', {}, badge(t('ballot.finalWarning'), 'warn')) : null,
    form,
  );
  place.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
}

function showReceipt(
  place: HTMLElement,
  vote: VoteView,
  cast: { receipt: string; receiptHash: string; replacedEarlierBallot: boolean },
): void {
  const copied = h('span', { role: 'status' });
  const copy = h('button', { type: 'button' }, t('receipt.copy'));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(cast.receipt);
      copied.textContent = t('receipt.copied');
    } catch {
      copied.textContent = t('receipt.copyFailed');
    }
  });
  replace(
    place,
    h('h2', { tabindex: '-1' }, '✓ ', t('receipt.title')),
    h('p', {}, t('receipt.recorded')),
    cast.replacedEarlierBallot ? h('p', {}, t('receipt.replaced')) : null,
    h('p', { class: 'receipt', 'data-testid': 'receipt' }, cast.receipt),
    h('div', { class: 'actions' }, copy, copied),
    h('h3', {}, t('receipt.whatTitle')),
    h(
      'ul',
      {},
      h('li', {}, t('receipt.what1')),
      h('li', {}, t('receipt.what2')),
      h('li', {}, t('receipt.what3')),
      h('li', {}, t('receipt.what4')),
    ),
    h('p', {}, h('a', { href: `/receipt?vote=${encodeURIComponent(vote.id)}` }, t('receipt.checkLink'))),
  );
  announce(t('receipt.title'));
  place.querySelector<HTMLElement>('h2')?.focus();
}

/** After the close: is my receipt on the bulletin? Only its SHA-256 leaves this device. */
export async function receiptCheckScreen({ query }: ScreenContext): Promise<Child[]> {
  const { votes } = await gql<{ votes: { items: { id: string; resolution: { title: string }; amendmentId: string | null }[] } }>(
    '{ votes(status: [CLOSED], limit: 100) { items { id amendmentId resolution { title } } } }',
  );
  const answer = h('div', { 'aria-live': 'polite', 'data-testid': 'receipt-check' });
  const form = apiForm({
    fields: [
      {
        name: 'voteId',
        label: t('receipt.vote'),
        type: 'select',
        value: query.get('vote') ?? undefined,
        options: votes.items.map((v) => ({
          value: v.id,
          label: `${v.amendmentId ? t('vote.onAmendment') : t('vote.onResolution')}: ${v.resolution.title}`,
        })),
      },
      { name: 'receiptHash', label: t('receipt.token'), autocomplete: 'off', required: true, hint: t('receipt.tokenHint') },
    ],
    submit: t('receipt.check'),
    onSubmit: async (values) => {
      const receiptHash = await sha256Hex(values.receiptHash.trim());
      const { ballotReceipt } = await gql<{ ballotReceipt: { counted: boolean; choice: string | null } }>(
        'query($voteId: ID!, $hash: String!) { ballotReceipt(voteId: $voteId, receiptHash: $hash) { counted choice } }',
        { voteId: values.voteId, hash: receiptHash },
      );
      replace(
        answer,
        ballotReceipt.counted
          ? h(
              'p',
              { class: 'result-ok' },
              '✓ ',
              t('receipt.counted'),
              ballotReceipt.choice ? ` ${t(`choice.${ballotReceipt.choice}` as 'choice.YES')}` : '',
            )
          : h('p', { class: 'result-bad' }, '✗ ', t('receipt.notCounted')),
      );
    },
  });
  return [
    h('h1', {}, t('receipt.checkTitle')),
    h('p', {}, t('receipt.checkAbout')),
    votes.items.length ? form : h('p', {}, t('receipt.noClosed')),
    answer,
  ];
}
