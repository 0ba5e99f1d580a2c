import { EntryRecord } from './entry-stream-checker';
import { LedgerSource, PublishedKey, SignedCheckpoint } from './verify-ledger';

/** The largest page `ledgerEntries` serves. */
export const ENTRY_PAGE = 1000;
const CHECKPOINT_PAGE = 200;

const CHECKPOINT_FIELDS = 'origin: councilId treeSize rootHash keyId signature';

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Reads a council's ledger from a server's public GraphQL API, with nothing but `fetch`: it runs in
 * Node and in a browser alike. Needs no account.
 */
export class GraphqlLedgerSource implements LedgerSource {
  private council: string | undefined;

  constructor(
    readonly label: string,
    councilId?: string,
    private readonly fetchImpl: Fetch = fetch,
  ) {
    this.council = councilId;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.fetchImpl(this.label, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length) throw new GraphqlError(body.errors[0].message, body.errors[0].extensions?.code);
    if (!response.ok || !body.data) throw new GraphqlError(`HTTP ${response.status} from ${this.label}`, undefined);
    return body.data;
  }

  async councilId(): Promise<string> {
    this.council ??= (await this.request<{ council: { id: string } }>('{ council { id } }')).council.id;
    return this.council;
  }

  async publicKey(): Promise<PublishedKey | null> {
    return (await this.request<{ ledgerPublicKey: PublishedKey }>('{ ledgerPublicKey { publicKey keyId } }')).ledgerPublicKey;
  }

  async checkpoints(): Promise<SignedCheckpoint[]> {
    const councilId = await this.councilId();
    let latest: SignedCheckpoint;
    try {
      latest = (
        await this.request<{ ledgerCheckpoint: SignedCheckpoint }>(
          `query($councilId: ID!) { ledgerCheckpoint(councilId: $councilId) { ${CHECKPOINT_FIELDS} } }`,
          { councilId },
        )
      ).ledgerCheckpoint;
    } catch (error) {
      if (error instanceof GraphqlError && error.code === 'NOT_FOUND') return [];
      throw error;
    }
    // Pages run newest first; checkpoints made meanwhile only push older ones to later pages (seen twice, never missed).
    const bySize = new Map<number, SignedCheckpoint>([[latest.treeSize, latest]]);
    for (let offset = 0; ; offset += CHECKPOINT_PAGE) {
      const page = (
        await this.request<{ ledgerCheckpoints: { items: SignedCheckpoint[]; totalCount: number } }>(
          `query($councilId: ID!, $limit: Int!, $offset: Int!) {
            ledgerCheckpoints(councilId: $councilId, limit: $limit, offset: $offset) { totalCount items { ${CHECKPOINT_FIELDS} } }
          }`,
          { councilId, limit: CHECKPOINT_PAGE, offset },
        )
      ).ledgerCheckpoints;
      for (const checkpoint of page.items) if (checkpoint.treeSize <= latest.treeSize) bySize.set(checkpoint.treeSize, checkpoint);
      if (page.items.length < CHECKPOINT_PAGE) break;
    }
    return [...bySize.values()];
  }

  async *entries(): AsyncIterable<EntryRecord[]> {
    const councilId = await this.councilId();
    for (let afterSeq = 0; ;) {
      const page = (
        await this.request<{ ledgerEntries: EntryRecord[] }>(
          `query($councilId: ID!, $afterSeq: Int!, $limit: Int!) {
            ledgerEntries(councilId: $councilId, afterSeq: $afterSeq, limit: $limit) { seq canonical hash }
          }`,
          { councilId, afterSeq, limit: ENTRY_PAGE },
        )
      ).ledgerEntries;
      if (page.length) yield page;
      if (page.length < ENTRY_PAGE) return;
      const last = page[page.length - 1].seq;
      if (!(last > afterSeq)) throw new GraphqlError(`the server paged back to sequence ${last} after ${afterSeq}`, undefined);
      afterSeq = last;
    }
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<string[]> {
    const councilId = await this.councilId();
    return (
      await this.request<{ ledgerConsistencyProof: { path: string[] } }>(
        `query($councilId: ID!, $fromSize: Int!, $toSize: Int!) {
          ledgerConsistencyProof(councilId: $councilId, fromSize: $fromSize, toSize: $toSize) { path }
        }`,
        { councilId, fromSize, toSize },
      )
    ).ledgerConsistencyProof.path;
  }
}
