/** The founding council as resolution of 29 November 2021 (section 2) creates it. */
export const FOUNDING_COUNCIL = {
  slug: 'global-council',
  name: 'Global Council of the World Congress of Compatriots of Tajikistan',
  foundedOn: '2021-11-28',
} as const;

export const FOUNDING_DELEGATIONS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'TJ', name: 'Tajikistan' },
  { code: 'RU', name: 'Russian Federation' },
  { code: 'KZ', name: 'Kazakhstan' },
  { code: 'CH', name: 'Switzerland' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'CA', name: 'Canada' },
  { code: 'US', name: 'United States of America' },
  { code: 'AU', name: 'Australia' },
  { code: 'PL', name: 'Poland' },
  { code: 'AT', name: 'Austria' },
  { code: 'SE', name: 'Sweden' },
  { code: 'TR', name: 'Turkey' },
  { code: 'IT', name: 'Italy' },
  { code: 'ES', name: 'Spain' },
  { code: 'AE', name: 'United Arab Emirates' },
  { code: 'IN', name: 'India' },
  { code: 'MY', name: 'Malaysia' },
  { code: 'SG', name: 'Singapore' },
  { code: 'KR', name: 'South Korea' },
  { code: 'JP', name: 'Japan' },
  { code: 'MX', name: 'Mexico' },
  { code: 'BR', name: 'Brazil' },
];

export const FOUNDING_COMMITTEES: ReadonlyArray<{ slug: string; name: string; mandate: string }> = [
  {
    slug: 'monitoring',
    name: 'Committee for Continuous Monitoring of Human and Civil Rights Protection',
    mandate:
      'Continuously monitors the protection of human and civil rights in GBAO and other regions of Tajikistan, ' +
      'documents violations at every stage of their development, and follows the implementation of the terms of ' +
      'agreements between local authorities and representatives of the civilian population (resolution 3.2).',
  },
  {
    slug: 'legal',
    name: 'Committee on Legal Affairs',
    mandate:
      'Explores the possibilities of sanctioning persons and related companies incorporated in Western nations, ' +
      'examines international and national precedents of extraterritorial criminal liability, and drafts the ' +
      "council's appeals to embassies, parliaments and international bodies.",
  },
  {
    slug: 'socioeconomic',
    name: 'Committee on Socioeconomic and Humanitarian Issues',
    mandate:
      'Addresses social issues such as fundraising and aid to those who have been victimized by law enforcement, ' +
      'and coordinates the humanitarian support of the diaspora.',
  },
  {
    slug: 'information',
    name: 'Committee on Information',
    mandate:
      'Researches and encourages the spread of modern information and technical means to a wide range of people, ' +
      'including tools for monitoring human rights breaches and an open database of documented violations.',
  },
];
