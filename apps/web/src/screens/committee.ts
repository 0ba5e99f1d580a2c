import { gql } from '../api.js';
import { Child, h } from '../dom.js';
import { apiForm } from '../forms.js';
import { render, ScreenContext } from '../router.js';
import { t } from '../strings.js';
import { TERM_FIELDS, termCard, TermView } from './public.js';

/** A committee's monitoring work: agreements, their terms, assessments with evidence, and escalation. */
export async function committeeScreen(): Promise<Child[]> {
  const { agreements } = await gql<{ agreements: { items: { id: string; title: string }[] } }>(
    '{ agreements(limit: 200) { items { id title } } }',
  );
  return [
    h('h1', {}, t('committeeDesk.title')),
    h('ul', {}, ...agreements.items.map((a) => h('li', {}, h('a', { href: `/committee/agreements/${a.id}` }, a.title)))),
    h('h2', {}, t('committeeDesk.record')),
    apiForm({
      fields: [
        { name: 'title', label: t('agreement.title'), required: true },
        { name: 'concludedOn', label: t('agreement.concluded'), type: 'date', required: true },
        { name: 'place', label: t('agreement.place'), required: true },
        { name: 'parties', label: t('committeeDesk.parties'), type: 'textarea', hint: t('committeeDesk.partiesHint') },
        { name: 'terms', label: t('agreement.terms'), type: 'textarea', hint: t('committeeDesk.termsHint') },
        { name: 'sourceReferences', label: t('committeeDesk.sources'), type: 'textarea', hint: t('committeeDesk.sourcesHint') },
      ],
      submit: t('committeeDesk.recordSubmit'),
      onSubmit: async (values) => {
        const rows = (text: string) =>
          text
            .split('\n')
            .map((line) => line.split('|').map((part) => part.trim()))
            .filter((parts) => parts[0]);
        await gql('mutation($input: RecordAgreementInput!) { recordAgreement(input: $input) { id } }', {
          input: {
            title: values.title,
            concludedOn: values.concludedOn,
            place: values.place,
            parties: rows(values.parties).map(([name, role]) => ({ name, role: role ?? '' })),
            terms: rows(values.terms).map(([obligation, responsibleParty, dueDate]) => ({
              obligation,
              responsibleParty: responsibleParty ?? '',
              dueDate: dueDate || undefined,
            })),
            sourceReferences: rows(values.sourceReferences).map(([reference]) => reference),
          },
        });
        await render();
      },
    }),
  ];
}

export async function committeeAgreementScreen({ params }: ScreenContext): Promise<Child[]> {
  const { agreement } = await gql<{ agreement: { title: string; terms: TermView[] } }>(
    `query($id: ID!) { agreement(id: $id) { title terms { ${TERM_FIELDS} } } }`,
    {
      id: params.id,
    },
  );
  return [h('h1', {}, agreement.title), ...agreement.terms.map((term) => termCard(term, termTools(term)))];
}

function termTools(term: TermView): HTMLElement {
  return h(
    'div',
    {},
    h(
      'details',
      {},
      h('summary', {}, t('assessment.record')),
      apiForm({
        fields: [
          {
            name: 'status',
            label: t('assessment.status'),
            type: 'select',
            options: ['COMPLIANT', 'PARTIALLY_COMPLIANT', 'NON_COMPLIANT', 'UNKNOWN'].map((s) => ({
              value: s,
              label: t(`compliance.${s}` as 'compliance.COMPLIANT'),
            })),
          },
          { name: 'observedOn', label: t('assessment.observedOn'), type: 'date', required: true },
          { name: 'summary', label: t('assessment.summary'), type: 'textarea', required: true, hint: t('assessment.summaryHint') },
          // Two evidence items, so one observation can carry a public source and a restricted witness statement together.
          ...evidenceFields('evidence', t('evidence.title'), t('evidence.source'), t('evidence.visibility'), 'PUBLIC'),
          ...evidenceFields(
            'evidence2',
            t('evidence.secondTitle'),
            t('evidence.secondSource'),
            t('evidence.secondVisibility'),
            'RESTRICTED',
          ),
        ],
        submit: t('assessment.submit'),
        onSubmit: async (values) => {
          const evidence = ['evidence', 'evidence2']
            .filter((prefix) => values[`${prefix}Title`])
            .map((prefix) => ({
              title: values[`${prefix}Title`],
              source: values[`${prefix}Source`],
              visibility: values[`${prefix}Visibility`],
            }));
          await gql('mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
            input: { termId: term.id, status: values.status, observedOn: values.observedOn, summary: values.summary, evidence },
          });
          await render();
        },
      }),
    ),
    term.status === 'NON_COMPLIANT'
      ? h(
          'details',
          {},
          h('summary', {}, t('escalation.title')),
          apiForm({
            fields: [{ name: 'demand', label: t('escalation.demand'), type: 'textarea' }],
            submit: t('escalation.submit'),
            onSubmit: async (values) => {
              await gql('mutation($input: EscalateTermInput!) { escalateAgreementTerm(input: $input) { id } }', {
                input: { termId: term.id, demand: values.demand || undefined },
              });
              await render();
            },
          }),
        )
      : null,
  );
}

function evidenceFields(prefix: string, title: string, source: string, visibility: string, first: 'PUBLIC' | 'RESTRICTED') {
  const options = [
    { value: 'PUBLIC', label: t('evidence.public') },
    { value: 'RESTRICTED', label: t('evidence.restricted') },
  ];
  return [
    { name: `${prefix}Title`, label: title },
    { name: `${prefix}Source`, label: source },
    {
      name: `${prefix}Visibility`,
      label: visibility,
      type: 'select' as const,
      options: first === 'PUBLIC' ? options : options.reverse(),
    },
  ];
}
