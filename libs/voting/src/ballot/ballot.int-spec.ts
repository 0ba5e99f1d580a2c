import { Db } from '@gc/db';
import { coordinatorOf, SeatedDelegate, seatedDelegates } from '../../../../test/support/factories';
import { codes, startTestApp, TestApp } from '../../../../test/support/test-app';
import {
  CAST,
  CLOSE_VOTE,
  markPresent,
  ok,
  OPEN_VOTE,
  PLACE_RESOLUTION,
  sessionInProgress,
  submittedResolution,
} from '../../../../test/support/voting-fixtures';
import { ResolutionRepository } from '../resolution/resolution.repository';

describe('what the database guarantees about ballots, votes and numbers (integration, real PostgreSQL)', () => {
  let t: TestApp;
  let secretariat: string;
  let delegates: SeatedDelegate[];
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await t.signIn();
    delegates = await seatedDelegates(t, await coordinatorOf(t, 'SE', secretariat), 60, 'Db');
    sessionId = await sessionInProgress(t, secretariat, 'Session of the database');
    await markPresent(t, sessionId, delegates);
  }, 180_000);
  afterAll(() => t.close());

  const openVote = async (title: string, secrecy: string) => {
    const id = await submittedResolution(t, delegates[0], delegates.slice(1, 3), title);
    const line = (await ok(t.gql(PLACE_RESOLUTION, { input: { sessionId, resolutionId: id } }, secretariat))).placeResolutionOnAgenda;
    return (await ok(t.gql(OPEN_VOTE, { input: { agendaItemId: line.agendaItemId, rule: 'SIMPLE', secrecy } }, secretariat))).openVote
      .id as string;
  };
  const cast = (voteId: string, d: SeatedDelegate, choice = 'YES') => t.gql(CAST, { input: { voteId, choice } }, d.token);

  it('keeps who voted apart from what was chosen: no timestamp, sequence or key shared between the two secret tables', async () => {
    const columns = await t.sql<{ table_name: string; columns: string[] }>(
      `SELECT table_name, array_agg(column_name::text ORDER BY column_name) AS columns FROM information_schema.columns
        WHERE table_name IN ('vote_participation', 'ballot_box') GROUP BY table_name ORDER BY table_name`,
    );
    expect(columns).toEqual([
      { table_name: 'ballot_box', columns: ['choice', 'receipt_hash', 'vote_id', 'weight'] },
      { table_name: 'vote_participation', columns: ['delegate_id', 'vote_id'] },
    ]);
    const links = await t.sql<{ from_table: string; to_table: string }>(
      `SELECT c.conrelid::regclass::text AS from_table, c.confrelid::regclass::text AS to_table FROM pg_constraint c
        WHERE c.contype = 'f' AND (c.conrelid::regclass::text IN ('vote_participation', 'ballot_box'))`,
    );
    expect(links).toEqual([{ from_table: 'vote_participation', to_table: 'vote_roll' }]);
    const defaults = await t.sql(
      `SELECT column_name FROM information_schema.columns WHERE table_name IN ('vote_participation', 'ballot_box') AND column_default IS NOT NULL`,
    );
    expect(defaults).toEqual([]);
  });

  it('counts every ballot that was accepted while a close ran concurrently, and none after it', async () => {
    const voteId = await openVote('Closed in the middle of voting', 'SECRET');
    const casts = delegates.map((d, i) => cast(voteId, d, ['YES', 'NO', 'ABSTAIN'][i % 3]));
    const close = new Promise((resolve) => setTimeout(resolve, 15)).then(() => t.gql(CLOSE_VOTE, { id: voteId }, secretariat));
    const [closed, ...results] = await Promise.all([close, ...casts]);
    expect(closed.errors).toBeUndefined();
    const accepted = results.filter((r) => r.data?.castBallot);
    expect(results.filter((r) => r.errors).every((r) => codes(r)[0] === 'VOTE_NOT_OPEN')).toBe(true);
    const [stored] = await t.sql<{ turnout: number; box: number; participation: number }>(
      `SELECT yes_count + no_count + abstain_count AS turnout,
              (SELECT count(*)::int FROM ballot_box WHERE vote_id = $1) AS box,
              (SELECT count(*)::int FROM vote_participation WHERE vote_id = $1) AS participation
         FROM vote WHERE id = $1`,
      [voteId],
    );
    expect(stored).toEqual({ turnout: accepted.length, box: accepted.length, participation: accepted.length });
  });

  it('refuses any write of a ballot once the vote is closed, by SQL too, and never lets text versions, rolls or secret ballots change', async () => {
    const voteId = await openVote('Written in stone', 'SECRET');
    await ok(cast(voteId, delegates[5]));
    await ok(t.gql(CLOSE_VOTE, { id: voteId }, secretariat));
    await expect(
      t.sql(`INSERT INTO vote_participation (vote_id, delegate_id) VALUES ($1, $2)`, [voteId, delegates[6].delegateId]),
    ).rejects.toMatchObject({ code: 'GV001' });
    await expect(
      t.sql(`INSERT INTO ballot_box (vote_id, receipt_hash, choice, weight) VALUES ($1, '\\x01', 'YES', 1)`, [voteId]),
    ).rejects.toMatchObject({ code: 'GV001' });
    await expect(
      t.sql(
        `INSERT INTO ballot_box (vote_id, receipt_hash, choice, weight) VALUES ('00000000-0000-4000-8000-000000000000', '\\x01', 'YES', 1)`,
      ),
    ).rejects.toMatchObject({ code: 'GV001' });
    for (const statement of [
      `UPDATE ballot_box SET choice = 'NO' WHERE vote_id = $1`,
      `DELETE FROM ballot_box WHERE vote_id = $1`,
      `DELETE FROM vote_participation WHERE vote_id = $1`,
      `UPDATE vote_roll SET weight = 2 WHERE vote_id = $1`,
      `DELETE FROM vote_roll WHERE vote_id = $1`,
      `UPDATE resolution_version SET text = 'rewritten' WHERE resolution_id = (SELECT resolution_id FROM vote WHERE id = $1)`,
      `UPDATE vote SET outcome = 'REJECTED' WHERE id = $1`,
    ]) {
      await expect(t.sql(statement, [voteId])).rejects.toThrow(/never change/);
    }
  });

  it('numbers concurrent adoptions 1, 2, 3 ... without gaps or repeats, and a rolled-back adoption gives its number back', async () => {
    const votes: string[] = [];
    for (let i = 0; i < 6; i++) votes.push(await openVote(`Adopted together ${i + 1}`, 'ROLL_CALL'));
    for (const voteId of votes) await Promise.all(delegates.slice(0, 5).map((d) => ok(cast(voteId, d))));
    const [{ before }] = await t.sql<{ before: number | null }>('SELECT max(number_seq) AS before FROM resolution WHERE council_id = $1', [
      t.councilId,
    ]);
    await Promise.all(votes.map((id) => ok(t.gql(CLOSE_VOTE, { id }, secretariat))));
    const numbers = await t.sql<{ number_seq: number }>(
      `SELECT r.number_seq FROM resolution r JOIN vote v ON v.resolution_id = r.id WHERE v.id = ANY($1) ORDER BY r.number_seq`,
      [votes],
    );
    const first = (before ?? 0) + 1;
    expect(numbers.map((n) => n.number_seq)).toEqual([0, 1, 2, 3, 4, 5].map((i) => first + i));

    const db = t.app.get(Db);
    const repository = t.app.get(ResolutionRepository);
    await expect(
      db.transaction(async () => {
        expect(await repository.nextNumber(t.councilId, 2099)).toBe(1);
        throw new Error('the adoption failed after taking its number');
      }),
    ).rejects.toThrow('the adoption failed');
    expect(await db.transaction(() => repository.nextNumber(t.councilId, 2099))).toBe(1);
  });
});
