import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { TermEntity, TermVersionEntity } from './term.entity';

/** A term with its current wording and the agreement's owners, as every read needs it. */
export interface TermView {
  id: string;
  agreementId: string;
  councilId: string;
  committeeId: string;
  position: number;
  version: number;
  obligation: string;
  responsibleParty: string;
  dueDate: string | null;
  tags: string[];
}

const TERM_VIEW_SQL = `
  SELECT t.id, t.agreement_id AS "agreementId", a.council_id AS "councilId", a.committee_id AS "committeeId", t.position,
         t.current_version AS version, v.obligation, v.responsible_party AS "responsibleParty", v.due_date::text AS "dueDate", v.tags
    FROM agreement_term t
    JOIN agreement a ON a.id = t.agreement_id
    JOIN agreement_term_version v ON v.term_id = t.id AND v.version = t.current_version`;

@Injectable()
export class TermRepository {
  constructor(private readonly db: Db) {}

  async insert(
    agreementId: string,
    position: number,
    wording: Omit<TermVersionEntity, 'termId' | 'version' | 'createdAt'>,
  ): Promise<string> {
    const term = await this.db.transactional.save(TermEntity, { agreementId, position, currentVersion: 1 });
    await this.db.transactional.insert(TermVersionEntity, { ...wording, termId: term.id, version: 1 });
    return term.id;
  }

  /** Adds the next version and makes it current; the caller holds the term's lock. */
  async addVersion(termId: string, version: number, wording: Omit<TermVersionEntity, 'termId' | 'version' | 'createdAt'>): Promise<void> {
    await this.db.transactional.insert(TermVersionEntity, { ...wording, termId, version });
    await this.db.write('UPDATE agreement_term SET current_version = $2 WHERE id = $1', [termId, version]);
  }

  /** Locks the term: its versions, assessments and escalations are written one at a time. */
  async lock(termId: string): Promise<boolean> {
    return (await this.db.write('SELECT id FROM agreement_term WHERE id = $1 FOR UPDATE', [termId])).length === 1;
  }

  async findById(id: string): Promise<TermView | null> {
    const [row] = await this.db.rows<TermView>(`${TERM_VIEW_SQL} WHERE t.id = $1`, [id]);
    return row ?? null;
  }

  findByIds(ids: readonly string[]): Promise<TermView[]> {
    return this.db.rows<TermView>(`${TERM_VIEW_SQL} WHERE t.id = ANY($1)`, [[...ids]]);
  }

  ofAgreements(agreementIds: readonly string[]): Promise<TermView[]> {
    return this.db.rows<TermView>(`${TERM_VIEW_SQL} WHERE t.agreement_id = ANY($1) ORDER BY t.agreement_id, t.position`, [
      [...agreementIds],
    ]);
  }

  /** Every term of a council's agreements, for the dashboard (agreements are tens of terms, not thousands). */
  ofCouncil(councilId: string): Promise<TermView[]> {
    return this.db.rows<TermView>(`${TERM_VIEW_SQL} WHERE a.council_id = $1 ORDER BY a.concluded_on DESC, a.id, t.position`, [councilId]);
  }

  versionsOf(termIds: readonly string[]): Promise<TermVersionEntity[]> {
    return this.db.manager.find(TermVersionEntity, { where: { termId: In([...termIds]) }, order: { termId: 'ASC', version: 'ASC' } });
  }
}
