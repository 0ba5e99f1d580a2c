import { gql } from '../api.js';
import { Child, badge, h, replace, table } from '../dom.js';
import { formatDateTime } from '../format.js';
import { actionButton } from '../forms.js';
import { subscribe } from '../live.js';
import { ScreenContext } from '../router.js';
import { t } from '../strings.js';
import { seatBadge, sessionStatus } from './public.js';

interface Progress {
  petitionId: string;
  status: string;
  validSignatures: number;
  seated: number;
  signaturesStillNeeded: number | null;
}

const PROGRESS_FIELDS = 'petitionId status validSignatures seated signaturesStillNeeded';

/** A delegate's page: seat, delegation, the session in progress with check-in, open votes and open petitions. */
export async function delegateHomeScreen(context: ScreenContext): Promise<Child[]> {
  const data = await gql<{
    myDelegate: {
      displayName: string;
      seated: boolean;
      accredited: boolean;
      activeMandateCount: number;
      voteWeight: number;
      delegationId: string;
    };
    sessions: { items: { id: string; title: string; status: string; startsAt: string; agenda: { position: number; title: string }[] }[] };
    votes: { items: { id: string; resolution: { title: string }; amendmentId: string | null; acceptingBallots: boolean }[] };
    petitions: { items: { id: string; purpose: string; expiresAt: string; progress: Progress }[] };
  }>(
    `{ myDelegate { displayName seated accredited activeMandateCount voteWeight delegationId }
       sessions(status: [IN_PROGRESS], limit: 5) { items { id title status startsAt agenda { position title } } }
       votes(status: [OPEN], limit: 50) { items { id amendmentId acceptingBallots resolution { title } } }
       petitions(status: [OPEN], limit: 50) { items { id purpose expiresAt progress { ${PROGRESS_FIELDS} } } } }`,
  );
  const { delegation } = await gql<{ delegation: { name: string; countryCode: string } }>(
    'query($id: ID!) { delegation(id: $id) { name countryCode } }',
    { id: data.myDelegate.delegationId },
  );
  const me = data.myDelegate;
  return [
    h('h1', {}, t('delegateHome.title', { name: me.displayName })),
    h(
      'dl',
      { class: 'card' },
      h('dt', {}, t('delegateHome.delegation')),
      h('dd', {}, h('a', { href: `/delegations/${delegation.countryCode}` }, delegation.name)),
      h('dt', {}, t('delegate.seat')),
      h('dd', { 'data-testid': 'my-seat' }, seatBadge(me.seated, me.accredited)),
      h('dt', {}, t('delegateHome.mandates')),
      h('dd', {}, String(me.activeMandateCount)),
      h('dt', {}, t('delegateHome.weight')),
      h('dd', {}, String(me.voteWeight)),
    ),
    h('h2', {}, t('delegateHome.votes')),
    data.votes.items.length
      ? h(
          'ul',
          {},
          ...data.votes.items.map((vote) =>
            h(
              'li',
              {},
              h(
                'a',
                { href: `/ballot/${vote.id}` },
                `${vote.amendmentId ? t('vote.onAmendment') : t('vote.onResolution')}: ${vote.resolution.title}`,
              ),
              vote.acceptingBallots ? null : [' ', badge(t('vote.notAccepting'), 'warn')],
            ),
          ),
        )
      : h('p', {}, t('delegateHome.noVotes')),
    h('h2', {}, t('delegateHome.session')),
    ...(data.sessions.items.length ? data.sessions.items.map((s) => sessionCard(s)) : [h('p', {}, t('delegateHome.noSession'))]),
    h('h2', {}, t('delegateHome.petitions')),
    ...(data.petitions.items.length
      ? data.petitions.items.map((p) => petitionCard(p, context))
      : [h('p', {}, t('delegateHome.noPetitions'))]),
    h('p', {}, h('a', { href: '/receipt' }, t('receipt.checkLink'))),
  ];
}

function sessionCard(s: {
  id: string;
  title: string;
  status: string;
  startsAt: string;
  agenda: { position: number; title: string }[];
}): HTMLElement {
  const presence = h('p', { role: 'status' });
  const mark = (present: boolean) => {
    replace(presence, present ? badge(t('checkIn.present'), 'ok') : badge(t('checkIn.absent')));
  };
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, h('a', { href: `/sessions/${s.id}` }, s.title)),
    h('p', {}, sessionStatus(s.status), ' ', formatDateTime(s.startsAt)),
    h('ol', {}, ...s.agenda.map((item) => h('li', {}, item.title))),
    h(
      'div',
      { class: 'actions' },
      actionButton(t('checkIn.in'), async () => {
        const { checkIn } = await gql<{ checkIn: { present: boolean } }>('mutation($id: ID!) { checkIn(sessionId: $id) { present } }', {
          id: s.id,
        });
        mark(checkIn.present);
      }),
      actionButton(
        t('checkIn.out'),
        async () => {
          const { checkOut } = await gql<{ checkOut: { present: boolean } }>(
            'mutation($id: ID!) { checkOut(sessionId: $id) { present } }',
            { id: s.id },
          );
          mark(checkOut.present);
        },
        true,
      ),
    ),
    presence,
  );
}

function progressView(progress: Progress): Child[] {
  const needed = progress.signaturesStillNeeded;
  return [
    h('progress', {
      max: String(Math.max(progress.seated, 1)),
      value: String(progress.validSignatures),
      'aria-label': t('petition.progress'),
    }),
    h(
      'p',
      {},
      t('petition.signatures', { signed: progress.validSignatures, seated: progress.seated }),
      ' ',
      needed === null ? t('petition.cannotMeet') : needed === 0 ? badge(t('petition.met'), 'ok') : t('petition.needed', { needed }),
    ),
  ];
}

function petitionCard(
  petition: { id: string; purpose: string; expiresAt: string; progress: Progress },
  context: ScreenContext,
): HTMLElement {
  const live = h('div', { 'aria-live': 'polite' }, ...progressView(petition.progress));
  const actions = h(
    'div',
    { class: 'actions' },
    actionButton(t('petition.sign'), async () => {
      show(
        (
          await gql<{ signPetition: Progress }>(`mutation($id: ID!) { signPetition(petitionId: $id) { ${PROGRESS_FIELDS} } }`, {
            id: petition.id,
          })
        ).signPetition,
      );
    }),
    actionButton(
      t('petition.withdraw'),
      async () => {
        show(
          (
            await gql<{ withdrawPetitionSignature: Progress }>(
              `mutation($id: ID!) { withdrawPetitionSignature(petitionId: $id) { ${PROGRESS_FIELDS} } }`,
              { id: petition.id },
            )
          ).withdrawPetitionSignature,
        );
      },
      true,
    ),
  );
  // Signatures count only while the petition is open: once two-thirds is reached (or it expired) the buttons go.
  const show = (progress: Progress) => {
    replace(live, ...progressView(progress));
    actions.hidden = progress.status !== 'OPEN';
  };
  context.onLeave(
    subscribe<{ petitionProgress: Progress }>(
      `subscription($id: ID!) { petitionProgress(petitionId: $id) { ${PROGRESS_FIELDS} } }`,
      { id: petition.id },
      (data) => show(data.petitionProgress),
    ),
  );
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, petition.purpose),
    h('p', { class: 'muted' }, t('petition.expires', { at: formatDateTime(petition.expiresAt) })),
    live,
    actions,
  );
}

/** Petitions at a glance, for the secretariat's page. */
export function petitionsTable(items: { purpose: string; status: string; progress: Progress }[]): HTMLElement {
  return table(
    t('delegateHome.petitions'),
    [t('petition.purpose'), t('petition.status'), t('petition.progress')],
    items.map((p) => [
      p.purpose,
      t(`petitionStatus.${p.status}` as 'petitionStatus.OPEN'),
      t('petition.signatures', { signed: p.progress.validSignatures, seated: p.progress.seated }),
    ]),
  );
}
