import { gql } from '../api.js';
import { Child, h, replace, table } from '../dom.js';
import { formatDateTime, localInputToIso } from '../format.js';
import { actionButton, apiForm } from '../forms.js';
import { subscribe } from '../live.js';
import { render, ScreenContext } from '../router.js';
import { t } from '../strings.js';
import { petitionsTable } from './delegate.js';
import { outcomeBadge, sessionStatus } from './public.js';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const sessionFields = () => [
  { name: 'title', label: t('session.title'), required: true },
  { name: 'startsAt', label: t('session.starts'), type: 'datetime-local' as const, required: true, hint: t('form.localTime') },
  { name: 'endsAt', label: t('session.ends'), type: 'datetime-local' as const, required: true },
  { name: 'location', label: t('session.location') },
  { name: 'agenda', label: t('session.agenda'), type: 'textarea' as const, hint: t('session.agendaHint') },
];

const sessionInput = (values: Record<string, string>) => ({
  title: values.title,
  startsAt: localInputToIso(values.startsAt),
  endsAt: localInputToIso(values.endsAt),
  location: values.location || undefined,
  agenda: lines(values.agenda),
});

/** The secretariat's desk: sessions, petitions that met two-thirds, committees, coordinators and the ledger. */
export async function secretariatScreen(): Promise<Child[]> {
  const data = await gql<{
    sessions: { items: { id: string; title: string; status: string; startsAt: string }[] };
    petitions: {
      items: {
        id: string;
        purpose: string;
        status: string;
        proposedAgenda: string[];
        progress: { validSignatures: number; seated: number; petitionId: string; status: string; signaturesStillNeeded: number | null };
      }[];
    };
    delegations: { items: { id: string; name: string; countryCode: string }[] };
    committees: { items: { id: string; name: string; slug: string }[] };
  }>(
    `{ sessions(limit: 20) { items { id title status startsAt } }
       petitions(limit: 50) { items { id purpose status proposedAgenda progress { petitionId status validSignatures seated signaturesStillNeeded } } }
       delegations(limit: 200) { items { id name countryCode } }
       committees(limit: 200) { items { id name slug } } }`,
  );
  const invitation = h('div', { 'aria-live': 'polite' });
  const checkpoint = h('p', { role: 'status' });
  const met = data.petitions.items.filter((p) => p.status === 'THRESHOLD_MET');
  return [
    h('h1', {}, t('secretariat.title')),
    h('h2', {}, t('nav.sessions')),
    table(
      t('nav.sessions'),
      [t('session.title'), t('session.starts'), t('session.status')],
      data.sessions.items.map((s) => [
        h('a', { href: `/secretariat/sessions/${s.id}` }, s.title),
        formatDateTime(s.startsAt),
        sessionStatus(s.status),
      ]),
    ),
    h('h3', {}, t('secretariat.convene')),
    apiForm({
      fields: sessionFields(),
      submit: t('secretariat.conveneSubmit'),
      onSubmit: async (values) => {
        await gql('mutation($input: ConveneSessionInput!) { conveneRegularSession(input: $input) { id } }', {
          input: sessionInput(values),
        });
        await render();
      },
    }),
    h('h2', {}, t('delegateHome.petitions')),
    data.petitions.items.length ? petitionsTable(data.petitions.items) : h('p', {}, t('delegateHome.noPetitions')),
    ...met.map((p) =>
      h(
        'section',
        { class: 'card' },
        h('h3', {}, t('secretariat.conveneSpecial', { purpose: p.purpose })),
        apiForm({
          fields: sessionFields().map((f) => (f.name === 'agenda' ? { ...f, value: p.proposedAgenda.join('\n') } : f)),
          submit: t('secretariat.conveneSubmit'),
          onSubmit: async (values) => {
            await gql('mutation($input: ConveneSpecialSessionInput!) { conveneSpecialSession(input: $input) { session { id } } }', {
              input: { ...sessionInput(values), petitionId: p.id },
            });
            await render();
          },
        }),
      ),
    ),
    h('h2', {}, t('nav.committees')),
    h('ul', {}, ...data.committees.items.map((c) => h('li', {}, c.name))),
    apiForm({
      fields: [
        { name: 'name', label: t('committee.name'), required: true },
        { name: 'slug', label: t('committee.slug'), required: true, hint: t('committee.slugHint') },
        { name: 'mandate', label: t('committee.mandate'), type: 'textarea', required: true },
      ],
      submit: t('committee.create'),
      onSubmit: async (values) => {
        await gql('mutation($input: CreateCommitteeInput!) { createCommittee(input: $input) { id } }', { input: values });
        await render();
      },
    }),
    h('h2', {}, t('secretariat.coordinators')),
    apiForm({
      fields: [
        {
          name: 'delegationId',
          label: t('delegation.name'),
          type: 'select',
          options: data.delegations.items.map((d) => ({ value: d.id, label: `${d.name} (${d.countryCode})` })),
        },
        { name: 'displayName', label: t('secretariat.coordinatorName'), required: true },
        { name: 'email', label: t('signIn.email'), type: 'email', required: true, autocomplete: 'off' },
      ],
      submit: t('secretariat.assign'),
      onSubmit: async (values) => {
        const { assignCoordinator } = await gql<{ assignCoordinator: { activationToken: string; expiresAt: string } }>(
          'mutation($input: AssignCoordinatorInput!) { assignCoordinator(input: $input) { activationToken expiresAt } }',
          { input: values },
        );
        replace(
          invitation,
          h('p', {}, t('secretariat.activation', { until: formatDateTime(assignCoordinator.expiresAt) })),
          h('p', { class: 'receipt' }, assignCoordinator.activationToken),
        );
      },
    }),
    invitation,
    h('h2', {}, t('record.checkpoint')),
    actionButton(t('secretariat.checkpoint'), async () => {
      const { createLedgerCheckpoint } = await gql<{ createLedgerCheckpoint: { treeSize: number } }>(
        'mutation { createLedgerCheckpoint { treeSize } }',
      );
      checkpoint.textContent = t('secretariat.checkpointDone', { size: createLedgerCheckpoint.treeSize });
    }),
    checkpoint,
  ];
}

interface TallyView {
  status: string;
  turnout: number;
  rollSize: number;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  outcome: string | null;
}

const TALLY_FIELDS = 'status turnout rollSize yes no abstain outcome';

function tallyLine(tally: TallyView): Child[] {
  return [
    h('progress', { max: String(Math.max(tally.rollSize, 1)), value: String(tally.turnout), 'aria-label': t('vote.turnout') }),
    h(
      'p',
      {},
      t('vote.turnoutOf', { turnout: tally.turnout, roll: tally.rollSize }),
      tally.yes !== null ? ` · ${t('result.short', { yes: tally.yes, no: tally.no ?? 0, abstain: tally.abstain ?? 0 })}` : '',
      tally.outcome ? [' ', outcomeBadge(tally.outcome)] : null,
    ),
  ];
}

/** One session: start and adjourn, agenda lines for submitted resolutions, votes opened and closed with live turnout. */
export async function manageSessionScreen(context: ScreenContext): Promise<Child[]> {
  const id = context.params.id;
  const { session: s, resolutions } = await gql<{
    session: {
      title: string;
      status: string;
      startsAt: string;
      quorum: { present: number; seated: number; hasQuorum: boolean };
      motions: { agendaItemId: string; position: number; title: string; votes: { id: string; status: string; tally: TallyView }[] }[];
    };
    resolutions: { items: { id: string; title: string }[] };
  }>(
    `query($id: ID!) { session(id: $id) { title status startsAt quorum { present seated hasQuorum }
        motions { agendaItemId position title votes { id status tally { ${TALLY_FIELDS} } } } }
      resolutions(status: [SUBMITTED], limit: 100) { items { id title } } }`,
    { id },
  );
  const sessionMutation = (name: 'startSession' | 'adjournSession') => async () => {
    await gql(`mutation($id: ID!) { ${name}(sessionId: $id) { id } }`, { id });
    await render();
  };
  return [
    h('h1', {}, s.title),
    h(
      'p',
      {},
      sessionStatus(s.status),
      ' ',
      formatDateTime(s.startsAt),
      ' · ',
      t('session.quorum', { present: s.quorum.present, seated: s.quorum.seated }),
    ),
    h(
      'div',
      { class: 'actions' },
      s.status === 'SCHEDULED' ? actionButton(t('secretariat.start'), sessionMutation('startSession')) : null,
      s.status === 'IN_PROGRESS' ? actionButton(t('secretariat.adjourn'), sessionMutation('adjournSession'), true) : null,
    ),
    h('h2', {}, t('secretariat.motions')),
    ...s.motions.map((motion) => motionCard(motion, context)),
    h('h2', {}, t('secretariat.placeResolution')),
    resolutions.items.length
      ? apiForm({
          fields: [
            {
              name: 'resolutionId',
              label: t('resolution.title'),
              type: 'select',
              options: resolutions.items.map((r) => ({ value: r.id, label: r.title })),
            },
          ],
          submit: t('secretariat.place'),
          onSubmit: async (values) => {
            await gql('mutation($input: PlaceResolutionInput!) { placeResolutionOnAgenda(input: $input) { agendaItemId } }', {
              input: { sessionId: id, resolutionId: values.resolutionId },
            });
            await render();
          },
        })
      : h('p', {}, t('secretariat.noSubmitted')),
  ];
}

function motionCard(
  motion: { agendaItemId: string; position: number; title: string; votes: { id: string; status: string; tally: TallyView }[] },
  context: ScreenContext,
): HTMLElement {
  const open = motion.votes.find((v) => v.status === 'OPEN');
  const closed = motion.votes.filter((v) => v.status === 'CLOSED');
  let live: HTMLElement | null = null;
  if (open) {
    live = h('div', { 'aria-live': 'polite', 'data-testid': 'turnout' }, ...tallyLine(open.tally));
    const target = live;
    context.onLeave(
      subscribe<{ voteTally: TallyView }>(
        `subscription($id: ID!) { voteTally(voteId: $id) { ${TALLY_FIELDS} } }`,
        { id: open.id },
        (data) => replace(target, ...tallyLine(data.voteTally)),
      ),
    );
  }
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, `${motion.position}. ${motion.title}`),
    ...closed.map((v) => h('div', {}, ...tallyLine(v.tally))),
    open
      ? [
          live,
          actionButton(t('secretariat.closeVote'), async () => {
            await gql('mutation($id: ID!) { closeVote(voteId: $id) { id } }', { id: open.id });
            await render();
          }),
        ]
      : apiForm({
          fields: [
            {
              name: 'rule',
              label: t('vote.rule'),
              type: 'select',
              options: ['SIMPLE', 'ABSOLUTE', 'TWO_THIRDS_CAST', 'TWO_THIRDS_ROLL'].map((r) => ({
                value: r,
                label: t(`rule.${r}` as 'rule.SIMPLE'),
              })),
            },
            {
              name: 'secrecy',
              label: t('vote.secrecy'),
              type: 'select',
              options: ['SECRET', 'ROLL_CALL'].map((r) => ({ value: r, label: t(`secrecy.${r}` as 'secrecy.SECRET') })),
            },
            { name: 'deadline', label: t('vote.deadline'), type: 'datetime-local', hint: t('vote.deadlineHint') },
          ],
          submit: t('secretariat.openVote'),
          onSubmit: async (values) => {
            await gql('mutation($input: OpenVoteInput!) { openVote(input: $input) { id } }', {
              input: {
                agendaItemId: motion.agendaItemId,
                rule: values.rule,
                secrecy: values.secrecy,
                deadline: localInputToIso(values.deadline),
              },
            });
            await render();
          },
        }),
  );
}
