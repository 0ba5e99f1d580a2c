import { ComplianceStatus, EvidenceVisibility } from '../assessment/assessment.entity';

/**
 * The demo agreement of `npm run seed:demo`, modelled on founding resolution 3.3's four demands. Every date is
 * fixed, so two runs on empty databases produce the same agreement, terms, timeline and escalation.
 */
export const DEMO_AGREEMENT = {
  title: 'Demo: Khorog agreement between the local authorities and the civilian representatives of GBAO',
  parties: [
    { name: 'Local authorities of GBAO', role: 'local authorities' },
    { name: 'Civilian representatives', role: 'civilian representatives: 40 delegates of GBAO districts and Khorog neighbourhoods' },
  ],
  concludedOn: '2021-11-28',
  place: 'Khorog',
  sourceReferences: [
    'Founding resolution of the World Congress, 29 Nov 2021, points 3.2 and 3.3',
    'https://example.org/demo/khorog-agreement',
  ],
  terms: [
    {
      obligation: 'Open an independent investigation of the extrajudicial executions and publish its findings',
      responsibleParty: 'Prosecutor General of Tajikistan',
      dueDate: '2022-02-28',
      tags: ['justice', 'extrajudicial-executions'],
    },
    {
      obligation: 'Withdraw the additional military and security units deployed to Khorog and the districts',
      responsibleParty: 'Ministry of Defence; Ministry of Internal Affairs',
      dueDate: '2021-12-31',
      tags: ['demilitarization', 'security'],
    },
    {
      obligation: 'Restore internet and mobile connection throughout GBAO',
      responsibleParty: 'Ministry of Transport and Communications',
      dueDate: '2021-12-15',
      tags: ['internet', 'communication'],
    },
    {
      obligation: 'Remove from office the officials responsible for the violence against civilians',
      responsibleParty: 'Government of Tajikistan',
      dueDate: '2022-01-31',
      tags: ['accountability'],
    },
  ],
};

/** Assessments by term position, in the order the committee recorded them. */
export const DEMO_ASSESSMENTS: {
  term: number;
  status: ComplianceStatus;
  observedOn: string;
  summary: string;
  evidence: { title: string; datedOn: string; source: string; visibility: EvidenceVisibility }[];
}[] = [
  {
    term: 1,
    status: ComplianceStatus.PARTIALLY_COMPLIANT,
    observedOn: '2022-01-20',
    summary: 'A commission was announced; no members or terms of reference were published.',
    evidence: [
      {
        title: 'Announcement of the commission',
        datedOn: '2022-01-18',
        source: 'https://example.org/demo/commission',
        visibility: EvidenceVisibility.PUBLIC,
      },
    ],
  },
  {
    term: 1,
    status: ComplianceStatus.NON_COMPLIANT,
    observedOn: '2022-06-01',
    summary: 'No findings were published by the due date; the commission has not met.',
    evidence: [
      {
        title: 'Interview with a relative of a victim',
        datedOn: '2022-05-25',
        source: 'Committee archive, item D-1',
        visibility: EvidenceVisibility.RESTRICTED,
      },
    ],
  },
  {
    term: 2,
    status: ComplianceStatus.NON_COMPLIANT,
    observedOn: '2022-02-10',
    summary: 'Additional units remain stationed in Khorog.',
    evidence: [
      {
        title: 'Photographs of checkpoints on the Pamir highway',
        datedOn: '2022-02-08',
        source: 'https://example.org/demo/checkpoints',
        visibility: EvidenceVisibility.PUBLIC,
      },
    ],
  },
  {
    term: 3,
    status: ComplianceStatus.NON_COMPLIANT,
    observedOn: '2022-01-05',
    summary: 'Mobile internet is still cut in all districts of GBAO.',
    evidence: [
      {
        title: 'Network measurements for GBAO',
        datedOn: '2022-01-04',
        source: 'https://example.org/demo/network-measurements',
        visibility: EvidenceVisibility.PUBLIC,
      },
      {
        title: 'Account of a resident of Khorog',
        datedOn: '2022-01-03',
        source: 'Committee archive, item D-2',
        visibility: EvidenceVisibility.RESTRICTED,
      },
    ],
  },
  {
    term: 3,
    status: ComplianceStatus.PARTIALLY_COMPLIANT,
    observedOn: '2022-03-22',
    summary: 'Fixed-line internet restored in Khorog; mobile connection still cut.',
    evidence: [],
  },
  {
    term: 3,
    status: ComplianceStatus.NON_COMPLIANT,
    observedOn: '2022-05-18',
    summary: 'The whole region was cut off again.',
    evidence: [
      {
        title: 'Outage report',
        datedOn: '2022-05-18',
        source: 'https://example.org/demo/outage-report',
        visibility: EvidenceVisibility.PUBLIC,
      },
    ],
  },
];

/** The term the demo escalates: the internet connection (term 3), with this demand. */
export const DEMO_ESCALATION = {
  term: 3,
  demand: 'The Global Council calls on the authorities to restore internet and mobile connection in GBAO without delay.',
};

/** Sample delegates of one delegation, each with one constituent and an ACTIVE mandate; the first three sit on the monitoring committee, the first chairs it. */
export const DEMO_DELEGATION = 'DE';
export const DEMO_DELEGATES = [
  'Demo Delegate Anvar',
  'Demo Delegate Bakhtiyor',
  'Demo Delegate Dilnoza',
  'Demo Delegate Farrukh',
  'Demo Delegate Gulnora',
];
export const DEMO_CHAIR_EMAIL = 'demo-chair@example.org';
