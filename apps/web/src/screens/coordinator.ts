import { ApiProblem, gql } from '../api.js';
import { Child, badge, h, replace, table } from '../dom.js';
import { formatDateTime, localInputToIso } from '../format.js';
import { actionButton, apiForm } from '../forms.js';
import { render, ScreenContext } from '../router.js';
import { session } from '../session.js';
import { t } from '../strings.js';
import { seatBadge } from './public.js';

interface DelegateRow {
  id: string;
  displayName: string;
  seated: boolean;
  accredited: boolean;
  activeMandateCount: number;
}

interface ConstituentRow {
  id: string;
  ref: string;
  name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  activeMandate: { id: string; delegate: { displayName: string }; expiresAt: string | null } | null;
}

const delegationOf = () => session.me?.delegationId ?? '';

async function roster(): Promise<DelegateRow[]> {
  const { delegation } = await gql<{ delegation: { delegates: { items: DelegateRow[] } } }>(
    'query($id: ID!) { delegation(id: $id) { delegates(limit: 200) { items { id displayName seated accredited activeMandateCount } } } }',
    { id: delegationOf() },
  );
  return delegation.delegates.items;
}

/** The coordinator's desk: roster with seats, delegates' accreditation, and the way to constituents. */
export async function coordinatorScreen(): Promise<Child[]> {
  const delegates = await roster();
  const { delegation } = await gql<{ delegation: { name: string; seatedDelegateCount: number } }>(
    'query($id: ID!) { delegation(id: $id) { name seatedDelegateCount } }',
    { id: delegationOf() },
  );
  return [
    h('h1', {}, t('coordinator.title', { name: delegation.name })),
    h('p', {}, t('delegation.seatedOf', { seated: delegation.seatedDelegateCount })),
    h(
      'ul',
      {},
      h('li', {}, h('a', { href: '/coordinator/constituents' }, t('coordinator.constituents'))),
      h('li', {}, h('a', { href: '/coordinator/import' }, t('coordinator.import'))),
    ),
    h('h2', {}, t('delegation.roster')),
    table(
      t('delegation.roster'),
      [t('delegate.name'), t('delegate.seat'), t('delegateHome.mandates'), t('coordinator.actions')],
      delegates.map((d) => [
        d.displayName,
        seatBadge(d.seated, d.accredited),
        String(d.activeMandateCount),
        d.accredited
          ? actionButton(t('coordinator.withdraw'), () => delegateAction('withdrawAccreditation', d.id), true)
          : actionButton(t('coordinator.accredit'), () => delegateAction('accreditDelegate', d.id)),
      ]),
    ),
    h('h2', {}, t('coordinator.newDelegate')),
    apiForm({
      fields: [{ name: 'displayName', label: t('delegate.name'), required: true }],
      submit: t('coordinator.addDelegate'),
      onSubmit: async (values) => {
        await gql('mutation($input: CreateDelegateInput!) { createDelegate(input: $input) { id } }', {
          input: { delegationId: delegationOf(), displayName: values.displayName },
        });
        await render();
      },
    }),
  ];
}

async function delegateAction(mutation: 'accreditDelegate' | 'withdrawAccreditation', delegateId: string): Promise<void> {
  await gql(`mutation($input: DelegateInput!) { ${mutation}(input: $input) { id } }`, { input: { delegateId } });
  await render();
}

/** Constituents, decrypted: only this screen shows identities, and only to their delegation's coordinator. */
export async function constituentsScreen(context: ScreenContext): Promise<Child[]> {
  const [delegates, { constituents }] = await Promise.all([
    roster(),
    gql<{ constituents: { totalCount: number; items: ConstituentRow[] } }>(
      `query($id: ID!) { constituents(delegationId: $id, limit: 200) { totalCount items { id ref name email phone city
        activeMandate { id expiresAt delegate { displayName } } } } }`,
      { id: delegationOf() },
    ),
  ]);
  const accredited = delegates.filter((d) => d.accredited).map((d) => ({ value: d.id, label: d.displayName }));
  const exportArea = h('div');
  return [
    h('h1', {}, t('coordinator.constituents')),
    h('p', { class: 'muted' }, t('coordinator.sensitive')),
    h('p', {}, t('coordinator.count', { count: constituents.totalCount })),
    table(
      t('coordinator.constituents'),
      [t('constituent.name'), t('constituent.contact'), t('constituent.mandate'), t('coordinator.actions')],
      constituents.items.map((c) => [
        h('span', {}, c.name, h('br'), h('span', { class: 'muted mono' }, c.ref)),
        [c.email, c.phone, c.city].filter(Boolean).join(' · '),
        c.activeMandate
          ? [
              badge(t('mandate.active'), 'ok'),
              ' ',
              c.activeMandate.delegate.displayName,
              c.activeMandate.expiresAt ? ` (${t('mandate.until', { at: formatDateTime(c.activeMandate.expiresAt) })})` : '',
            ]
          : badge(t('mandate.none')),
        c.activeMandate ? mandateActions(c.activeMandate.id, accredited) : issueForm(c.id, accredited),
      ]),
    ),
    h('h2', {}, t('coordinator.register')),
    apiForm({
      fields: [
        { name: 'name', label: t('constituent.name'), required: true, autocomplete: 'off' },
        { name: 'email', label: t('constituent.email'), type: 'email', autocomplete: 'off' },
        { name: 'phone', label: t('constituent.phone'), inputmode: 'tel', autocomplete: 'off', hint: t('constituent.phoneHint') },
        { name: 'city', label: t('constituent.city'), autocomplete: 'off' },
      ],
      submit: t('coordinator.registerSubmit'),
      onSubmit: async (values) => {
        const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
        await gql('mutation($input: RegisterConstituentInput!) { registerConstituent(input: $input) { id } }', {
          input: { ...input, delegationId: delegationOf() },
        });
        await render();
      },
    }),
    h('h2', {}, t('coordinator.export')),
    h('p', {}, t('coordinator.exportAbout')),
    actionButton(t('coordinator.exportButton'), async () => {
      const { constituentsCsv } = await gql<{ constituentsCsv: { csv: string; rowCount: number } }>(
        'query($id: ID!) { constituentsCsv(delegationId: $id) { csv rowCount } }',
        { id: delegationOf() },
      );
      const url = URL.createObjectURL(new Blob([constituentsCsv.csv], { type: 'text/csv' }));
      // The decrypted file lives in memory only while this page is open.
      context.onLeave(() => URL.revokeObjectURL(url));
      replace(
        exportArea,
        h('a', { href: url, download: 'constituents.csv' }, t('coordinator.download', { count: constituentsCsv.rowCount })),
      );
      exportArea.querySelector('a')?.focus();
    }),
    exportArea,
  ];
}

function issueForm(constituentId: string, delegates: { value: string; label: string }[]): HTMLElement {
  return apiForm({
    fields: [
      { name: 'delegateId', label: t('mandate.delegate'), type: 'select', options: delegates },
      { name: 'expiresAt', label: t('mandate.expires'), type: 'datetime-local' },
    ],
    submit: t('mandate.issue'),
    onSubmit: async (values) => {
      await gql('mutation($input: IssueMandateInput!) { issueMandate(input: $input) { id } }', {
        input: { constituentId, delegateId: values.delegateId, expiresAt: localInputToIso(values.expiresAt) },
      });
      await render();
    },
  });
}

function mandateActions(mandateId: string, delegates: { value: string; label: string }[]): HTMLElement {
  return h(
    'div',
    {},
    actionButton(
      t('mandate.revoke'),
      async () => {
        await gql('mutation($input: RevokeMandateInput!) { revokeMandate(input: $input) { id } }', { input: { mandateId } });
        await render();
      },
      true,
    ),
    h(
      'details',
      {},
      h('summary', {}, t('mandate.transfer')),
      apiForm({
        fields: [{ name: 'toDelegateId', label: t('mandate.toDelegate'), type: 'select', options: delegates }],
        submit: t('mandate.transferSubmit'),
        onSubmit: async (values) => {
          await gql('mutation($input: TransferMandateInput!) { transferMandate(input: $input) { id } }', {
            input: { mandateId, toDelegateId: values.toDelegateId },
          });
          await render();
        },
      }),
    ),
  );
}

interface CsvProblem {
  row: number | null;
  field: string | null;
  problem: string;
}

/** CSV import: all rows or none; a refused file comes back as a per-row table of problems. */
export function importScreen(): Child[] {
  const report = h('div', { 'data-testid': 'import-report' });
  const form = apiForm({
    fields: [
      { name: 'file', label: t('import.file'), type: 'file', accept: '.csv,text/csv' },
      { name: 'csv', label: t('import.csv'), type: 'textarea', hint: t('import.hint') },
    ],
    submit: t('import.submit'),
    onSubmit: async (values) => {
      replace(report);
      const { importConstituents } = await gql<{ importConstituents: { constituentsImported: number; mandatesIssued: number } }>(
        'mutation($input: ImportConstituentsInput!) { importConstituents(input: $input) { constituentsImported mandatesIssued } }',
        { input: { delegationId: delegationOf(), csv: values.csv } },
      );
      replace(
        report,
        h(
          'p',
          { class: 'result-ok', role: 'status' },
          '✓ ',
          t('import.done', { constituents: importConstituents.constituentsImported, mandates: importConstituents.mandatesIssued }),
        ),
      );
    },
    onProblem: (problem: ApiProblem) => {
      const problems = (problem.details?.problems ?? null) as CsvProblem[] | null;
      if (problem.code !== 'CSV_INVALID' || !problems) return false;
      replace(
        report,
        h('h2', {}, t('import.problems', { count: Number(problem.details?.problemCount ?? problems.length) })),
        h('p', {}, t('import.nothingImported')),
        table(
          t('import.problemsCaption'),
          [t('import.row'), t('import.column'), t('import.problem')],
          problems.map((p) => [p.row === null ? '—' : String(p.row), p.field ?? '—', p.problem]),
        ),
      );
      return true;
    },
  });
  const file = form.querySelector<HTMLInputElement>('input[type=file]')!;
  const text = form.querySelector<HTMLTextAreaElement>('textarea')!;
  file.addEventListener('change', async () => {
    if (file.files?.[0]) text.value = await file.files[0].text();
  });
  return [h('h1', {}, t('coordinator.import')), h('p', {}, t('import.about')), form, report];
}
