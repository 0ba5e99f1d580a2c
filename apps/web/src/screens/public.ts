import { gql } from '../api.js';
import { badge, Child, h, table } from '../dom.js';
import { formatDate, formatDateTime } from '../format.js';
import { ScreenContext } from '../router.js';
import { t } from '../strings.js';

/** What anyone may read: the council, its delegations, committees, sessions, adopted resolutions and agreements. */

interface VoteResult {
  outcome: string;
  yes: number;
  no: number;
  abstain: number;
  turnout: number;
  rollSize: number;
  closedAt: string;
  receiptRoot: string;
}

const RESULT_FIELDS = 'outcome yes no abstain turnout rollSize closedAt receiptRoot';

export const outcomeBadge = (outcome: string | null | undefined) =>
  outcome ? badge(t(`outcome.${outcome}` as 'outcome.ADOPTED'), outcome === 'ADOPTED' ? 'ok' : 'bad') : badge(t('vote.open'), 'warn');

export function resultLine(result: VoteResult): Child {
  return h(
    'p',
    {},
    outcomeBadge(result.outcome),
    ' ',
    t('result.counts', { yes: result.yes, no: result.no, abstain: result.abstain, turnout: result.turnout, roll: result.rollSize }),
  );
}

export async function homeScreen(): Promise<Child[]> {
  const { council } = await gql<{
    council: { name: string; foundedOn: string; seatedDelegateCount: number; nextRegularSessionDue: string; overdue: boolean };
  }>('{ council { name foundedOn seatedDelegateCount nextRegularSessionDue overdue } }');
  const sections: [string, string, string][] = [
    ['/delegations', t('nav.delegations'), t('home.delegations')],
    ['/committees', t('nav.committees'), t('home.committees')],
    ['/sessions', t('nav.sessions'), t('home.sessions')],
    ['/resolutions', t('nav.resolutions'), t('home.resolutions')],
    ['/agreements', t('nav.agreements'), t('home.agreements')],
    ['/record', t('nav.record'), t('home.record')],
  ];
  return [
    h('h1', {}, council.name),
    h(
      'dl',
      { class: 'card' },
      h('dt', {}, t('council.founded')),
      h('dd', {}, formatDate(council.foundedOn)),
      h('dt', {}, t('council.seated')),
      h('dd', { 'data-testid': 'seated-count' }, String(council.seatedDelegateCount)),
      h('dt', {}, t('council.nextSession')),
      h('dd', {}, formatDateTime(council.nextRegularSessionDue), ' ', council.overdue ? badge(t('council.overdue'), 'bad') : null),
    ),
    h('ul', {}, ...sections.map(([href, label, about]) => h('li', {}, h('a', { href }, label), ' — ', about))),
  ];
}

export async function delegationsScreen(): Promise<Child[]> {
  const { delegations } = await gql<{ delegations: { items: { countryCode: string; name: string; seatedDelegateCount: number }[] } }>(
    '{ delegations(limit: 200) { items { countryCode name seatedDelegateCount } } }',
  );
  return [
    h('h1', {}, t('nav.delegations')),
    table(
      t('nav.delegations'),
      [t('delegation.country'), t('delegation.name'), t('delegation.seated')],
      delegations.items.map((d) => [
        d.countryCode,
        h('a', { href: `/delegations/${d.countryCode}` }, d.name),
        String(d.seatedDelegateCount),
      ]),
    ),
  ];
}

export const seatBadge = (seated: boolean, accredited: boolean) =>
  seated ? badge(t('seat.seated'), 'ok') : accredited ? badge(t('seat.accreditedNotSeated'), 'warn') : badge(t('seat.notAccredited'));

export async function delegationScreen({ params }: ScreenContext): Promise<Child[]> {
  const { delegationByCode: d } = await gql<{
    delegationByCode: {
      name: string;
      countryCode: string;
      seatedDelegateCount: number;
      coordinators: { displayName: string }[];
      delegates: { items: { displayName: string; seated: boolean; accredited: boolean }[] };
    };
  }>(
    `query($code: String!) { delegationByCode(countryCode: $code) { name countryCode seatedDelegateCount
      coordinators { displayName } delegates(limit: 200) { items { displayName seated accredited } } } }`,
    { code: params.code },
  );
  return [
    h('h1', {}, `${d.name} (${d.countryCode})`),
    h('p', {}, t('delegation.seatedOf', { seated: d.seatedDelegateCount })),
    h('p', {}, t('delegation.coordinators'), ': ', d.coordinators.map((c) => c.displayName).join(', ') || '—'),
    table(
      t('delegation.roster'),
      [t('delegate.name'), t('delegate.seat')],
      d.delegates.items.map((delegate) => [delegate.displayName, seatBadge(delegate.seated, delegate.accredited)]),
    ),
  ];
}

export async function committeesScreen(): Promise<Child[]> {
  const { committees } = await gql<{
    committees: {
      items: { name: string; mandate: string; chair: { displayName: string } | null; members: { items: { displayName: string }[] } }[];
    };
  }>('{ committees(limit: 200) { items { name mandate chair { displayName } members(limit: 200) { items { displayName } } } } }');
  return [
    h('h1', {}, t('nav.committees')),
    ...committees.items.map((c) =>
      h(
        'section',
        { class: 'card' },
        h('h2', {}, c.name),
        h('p', {}, c.mandate),
        h('p', {}, t('committee.chair'), ': ', c.chair?.displayName ?? '—'),
        h('p', {}, t('committee.members'), ': ', c.members.items.map((m) => m.displayName).join(', ') || '—'),
      ),
    ),
  ];
}

export const sessionStatus = (status: string) =>
  badge(t(`session.${status}` as 'session.SCHEDULED'), status === 'IN_PROGRESS' ? 'ok' : status === 'CANCELLED' ? 'bad' : 'plain');

export async function sessionsScreen(): Promise<Child[]> {
  const { sessions } = await gql<{ sessions: { items: { id: string; title: string; kind: string; status: string; startsAt: string }[] } }>(
    '{ sessions(limit: 100) { items { id title kind status startsAt } } }',
  );
  return [
    h('h1', {}, t('nav.sessions')),
    sessions.items.length
      ? table(
          t('nav.sessions'),
          [t('session.title'), t('session.kind'), t('session.starts'), t('session.status')],
          sessions.items.map((s) => [
            h('a', { href: `/sessions/${s.id}` }, s.title),
            t(`kind.${s.kind}` as 'kind.REGULAR'),
            formatDateTime(s.startsAt),
            sessionStatus(s.status),
          ]),
        )
      : h('p', {}, t('session.none')),
  ];
}

export async function sessionScreen({ params }: ScreenContext): Promise<Child[]> {
  const { session: s } = await gql<{
    session: {
      title: string;
      status: string;
      startsAt: string;
      endsAt: string;
      location: string | null;
      onlineLink: string | null;
      quorum: { present: number; seated: number; hasQuorum: boolean };
      agenda: { position: number; title: string }[];
      motions: { position: number; title: string; resolutionId: string; votes: { id: string; status: string }[] }[];
    };
  }>(
    `query($id: ID!) { session(id: $id) { title status startsAt endsAt location onlineLink quorum { present seated hasQuorum }
      agenda { position title } motions { position title resolutionId votes { id status } } } }`,
    { id: params.id },
  );
  return [
    h('h1', {}, s.title),
    h('p', {}, sessionStatus(s.status), ' ', formatDateTime(s.startsAt), ' – ', formatDateTime(s.endsAt)),
    s.location && h('p', {}, t('session.location'), ': ', s.location),
    h(
      'p',
      {},
      t('session.quorum', { present: s.quorum.present, seated: s.quorum.seated }),
      ' ',
      s.quorum.hasQuorum ? badge(t('session.hasQuorum'), 'ok') : badge(t('session.noQuorum'), 'warn'),
    ),
    h('h2', {}, t('session.agenda')),
    h(
      'ol',
      {},
      ...s.agenda.map((item) => {
        const motion = s.motions.find((m) => m.position === item.position);
        const open = motion?.votes.find((v) => v.status === 'OPEN');
        return h(
          'li',
          {},
          motion ? h('a', { href: `/resolutions/${motion.resolutionId}` }, item.title) : item.title,
          open ? [' ', badge(t('vote.open'), 'warn')] : null,
        );
      }),
    ),
  ];
}

export async function resolutionsScreen(): Promise<Child[]> {
  const { resolutions } = await gql<{
    resolutions: { items: { id: string; number: string | null; title: string; decidedAt: string | null; result: VoteResult | null }[] };
  }>(`{ resolutions(status: [ADOPTED], limit: 200) { items { id number title decidedAt result { ${RESULT_FIELDS} } } } }`);
  return [
    h('h1', {}, t('nav.resolutions')),
    resolutions.items.length
      ? table(
          t('nav.resolutions'),
          [t('resolution.number'), t('resolution.title'), t('resolution.decided'), t('resolution.result')],
          resolutions.items.map((r) => [
            r.number ?? '—',
            h('a', { href: `/resolutions/${r.id}` }, r.title),
            formatDateTime(r.decidedAt),
            r.result ? t('result.short', { yes: r.result.yes, no: r.result.no, abstain: r.result.abstain }) : '—',
          ]),
        )
      : h('p', {}, t('resolution.none')),
  ];
}

export async function resolutionScreen({ params }: ScreenContext): Promise<Child[]> {
  const { resolution: r } = await gql<{
    resolution: {
      number: string | null;
      title: string;
      text: string;
      status: string;
      decidedAt: string | null;
      votes: { id: string; status: string; secrecy: string; rule: string; amendmentId: string | null; result: VoteResult | null }[];
    };
  }>(
    `query($id: ID!) { resolution(id: $id) { number title text status decidedAt
      votes { id status secrecy rule amendmentId result { ${RESULT_FIELDS} } } } }`,
    { id: params.id },
  );
  return [
    h('h1', {}, r.number ? `${r.number}: ${r.title}` : r.title),
    h('p', {}, badge(t(`resolutionStatus.${r.status}` as 'resolutionStatus.ADOPTED')), ' ', formatDateTime(r.decidedAt)),
    h('blockquote', { class: 'card' }, r.text),
    h('h2', {}, t('resolution.votes')),
    ...r.votes.map((vote) =>
      h(
        'section',
        { class: 'card' },
        h(
          'p',
          {},
          vote.amendmentId ? t('vote.onAmendment') : t('vote.onResolution'),
          ' · ',
          t(`secrecy.${vote.secrecy}` as 'secrecy.SECRET'),
          ' · ',
          t(`rule.${vote.rule}` as 'rule.SIMPLE'),
        ),
        vote.result ? resultLine(vote.result) : badge(t('vote.open'), 'warn'),
        vote.result && h('p', {}, h('a', { href: `/votes/${vote.id}/bulletin` }, t('bulletin.link'))),
      ),
    ),
  ];
}

export async function bulletinScreen({ params }: ScreenContext): Promise<Child[]> {
  const { voteBulletin: b } = await gql<{
    voteBulletin: { receiptRoot: string; secrecy: string; totalCount: number; entries: { receiptHash: string; choice: string | null }[] };
  }>('query($id: ID!) { voteBulletin(voteId: $id, limit: 1000) { receiptRoot secrecy totalCount entries { receiptHash choice } } }', {
    id: params.id,
  });
  return [
    h('h1', {}, t('bulletin.title')),
    h('p', {}, t('bulletin.about')),
    h('p', {}, t('bulletin.root'), ': ', h('code', {}, b.receiptRoot)),
    h('p', {}, t('bulletin.count', { count: b.totalCount })),
    table(
      t('bulletin.title'),
      [t('bulletin.hash'), t('bulletin.choice')],
      b.entries.map((e) => [h('code', {}, e.receiptHash), e.choice ? t(`choice.${e.choice}` as 'choice.YES') : t('bulletin.secret')]),
    ),
    b.totalCount > b.entries.length ? h('p', { class: 'muted' }, t('bulletin.more', { shown: b.entries.length })) : null,
    h('p', {}, h('a', { href: `/receipt?vote=${encodeURIComponent(params.id)}` }, t('receipt.checkLink'))),
  ];
}

export async function agreementsScreen(): Promise<Child[]> {
  const { agreements } = await gql<{ agreements: { items: { id: string; title: string; concludedOn: string; place: string }[] } }>(
    '{ agreements(limit: 200) { items { id title concludedOn place } } }',
  );
  return [
    h('h1', {}, t('nav.agreements')),
    agreements.items.length
      ? table(
          t('nav.agreements'),
          [t('agreement.title'), t('agreement.concluded'), t('agreement.place')],
          agreements.items.map((a) => [h('a', { href: `/agreements/${a.id}` }, a.title), formatDate(a.concludedOn), a.place]),
        )
      : h('p', {}, t('agreement.none')),
  ];
}

export const complianceBadge = (status: string) =>
  badge(
    t(`compliance.${status}` as 'compliance.COMPLIANT'),
    status === 'COMPLIANT' ? 'ok' : status === 'NON_COMPLIANT' ? 'bad' : status === 'PARTIALLY_COMPLIANT' ? 'warn' : 'plain',
  );

export interface TermView {
  id: string;
  position: number;
  obligation: string;
  responsibleParty: string;
  dueDate: string | null;
  status: string;
  overdue: boolean;
  timeline: {
    observedOn: string;
    status: string;
    summary: string;
    restrictedEvidenceCount: number;
    evidence: { title: string; source: string; visibility: string; datedOn: string | null }[];
  }[];
}

export const TERM_FIELDS = `id position obligation responsibleParty dueDate status overdue
  timeline { observedOn status summary restrictedEvidenceCount evidence { title source visibility datedOn } }`;

export function termCard(term: TermView, extra: Child = null): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, `${term.position}. ${term.obligation}`),
    h(
      'p',
      {},
      t('term.responsible'),
      ': ',
      term.responsibleParty,
      ' · ',
      t('term.due'),
      ': ',
      formatDate(term.dueDate),
      ' ',
      complianceBadge(term.status),
      term.overdue ? [' ', badge(t('term.overdue'), 'bad')] : null,
    ),
    term.timeline.length
      ? h(
          'ol',
          { 'aria-label': t('term.timeline') },
          ...term.timeline.map((a) =>
            h(
              'li',
              {},
              formatDate(a.observedOn),
              ' ',
              complianceBadge(a.status),
              ' ',
              a.summary,
              a.evidence.length
                ? h(
                    'ul',
                    {},
                    ...a.evidence.map((e) =>
                      h('li', {}, `${e.title} (${e.source})`, e.visibility === 'RESTRICTED' ? ` · ${t('evidence.restricted')}` : ''),
                    ),
                  )
                : null,
              a.restrictedEvidenceCount
                ? h('p', { class: 'muted' }, t('evidence.restrictedCount', { count: a.restrictedEvidenceCount }))
                : null,
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('term.noAssessments')),
    extra,
  );
}

export async function agreementScreen({ params }: ScreenContext): Promise<Child[]> {
  const { agreement: a } = await gql<{
    agreement: {
      title: string;
      concludedOn: string;
      place: string;
      parties: { name: string; role: string }[];
      sourceReferences: string[];
      terms: TermView[];
    };
  }>(`query($id: ID!) { agreement(id: $id) { title concludedOn place parties { name role } sourceReferences terms { ${TERM_FIELDS} } } }`, {
    id: params.id,
  });
  return [
    h('h1', {}, a.title),
    h('p', {}, formatDate(a.concludedOn), ' · ', a.place),
    h('ul', {}, ...a.parties.map((p) => h('li', {}, `${p.name} — ${p.role}`))),
    h('h2', {}, t('agreement.terms')),
    ...a.terms.map((term) => termCard(term)),
  ];
}
