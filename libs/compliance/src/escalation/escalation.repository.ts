import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { EscalationEntity } from './escalation.entity';

/** Where the escalated resolution stands: its workflow status, and its number once adopted. */
export interface ResolutionOutcome {
  resolutionId: string;
  status: string;
  numberYear: number | null;
  numberSeq: number | null;
}

/** Resolution states in which an escalation is still pending a decision. */
const UNDECIDED = ['DRAFT', 'SUBMITTED', 'ON_AGENDA', 'VOTING'];

@Injectable()
export class EscalationRepository {
  constructor(private readonly db: Db) {}

  insert(values: Partial<EscalationEntity>): Promise<EscalationEntity> {
    return this.db.transactional.save(EscalationEntity, values);
  }

  ofTerms(termIds: readonly string[]): Promise<EscalationEntity[]> {
    return this.db.manager.find(EscalationEntity, { where: { termId: In([...termIds]) }, order: { termId: 'ASC', escalatedAt: 'ASC' } });
  }

  async hasUndecided(termId: string): Promise<boolean> {
    const rows = await this.db.rows(
      'SELECT 1 FROM term_escalation e JOIN resolution r ON r.id = e.resolution_id WHERE e.term_id = $1 AND r.status::text = ANY($2)',
      [termId, UNDECIDED],
    );
    return rows.length > 0;
  }

  outcomes(resolutionIds: readonly string[]): Promise<ResolutionOutcome[]> {
    return this.db.rows<ResolutionOutcome>(
      `SELECT id AS "resolutionId", status::text AS status, number_year AS "numberYear", number_seq AS "numberSeq"
         FROM resolution WHERE id = ANY($1)`,
      [[...resolutionIds]],
    );
  }
}
