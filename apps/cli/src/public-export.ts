import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { GraphqlLedgerSource } from '../../../libs/ledger/src/verify';

/** The public lists, read through the public API so that nothing else can leave: one JSON document per line. */
const LISTS: { name: string; query: string }[] = [
  { name: 'council', query: '{ council { id name slug foundedOn seatedDelegateCount nextRegularSessionDue overdue } }' },
  {
    name: 'delegations',
    query: `query($limit: Int!, $offset: Int!) { page: delegations(limit: $limit, offset: $offset) { totalCount items {
      id countryCode name seatedDelegateCount coordinators { id displayName }
      delegates(limit: 200) { totalCount items { id displayName publicAlias accredited seated activeMandateCount voteWeight } } } } }`,
  },
  {
    name: 'committees',
    query: `query($limit: Int!, $offset: Int!) { page: committees(limit: $limit, offset: $offset) { totalCount items {
      id slug name mandate chair { id displayName } members(limit: 200) { totalCount items { id displayName } } } } }`,
  },
  {
    name: 'sessions',
    query: `query($limit: Int!, $offset: Int!) { page: sessions(limit: $limit, offset: $offset) { totalCount items {
      id kind title status startsAt endsAt startedAt adjournedAt quorum { present seated } } } }`,
  },
  {
    name: 'petitions',
    query: `query($limit: Int!, $offset: Int!) { page: petitions(limit: $limit, offset: $offset) { totalCount items {
      id status purpose proposedAgenda openedAt expiresAt convenedSessionId progress { validSignatures seated } } } }`,
  },
  {
    name: 'resolutions',
    query: `query($limit: Int!, $offset: Int!) { page: resolutions(limit: $limit, offset: $offset, status: [ADOPTED]) { totalCount items {
      id number title status } } }`,
  },
];
const PAGE = 200;

/** Writes `{"list": name, "item": ...}` lines for every public list, page by page; returns the count per list. */
export async function exportPublicData(url: string, path: string, onProgress: (text: string) => void): Promise<Record<string, number>> {
  const source = new GraphqlLedgerSource(url);
  const out = createWriteStream(path, { encoding: 'utf8' });
  const counts: Record<string, number> = {};
  const write = async (list: string, item: unknown) => {
    if (!out.write(`${JSON.stringify({ list, item })}\n`)) await once(out, 'drain');
    counts[list] = (counts[list] ?? 0) + 1;
  };
  try {
    for (const { name, query } of LISTS) {
      if (!query.includes('$offset')) {
        await write(name, Object.values(await source.request<Record<string, unknown>>(query, {}))[0]);
        continue;
      }
      for (let offset = 0; ; offset += PAGE) {
        const { page } = await source.request<{ page: { totalCount: number; items: unknown[] } }>(query, { limit: PAGE, offset });
        for (const item of page.items) await write(name, item);
        onProgress(`${name}: ${Math.min(offset + PAGE, page.totalCount)} of ${page.totalCount}`);
        if (offset + PAGE >= page.totalCount) break;
      }
    }
    return counts;
  } finally {
    out.end();
    await once(out, 'close');
  }
}
